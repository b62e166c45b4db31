#!/usr/bin/env node
// `npm test`: every check, stopping at the first failure. Each runner prints its own
// summary; the last line adds the test counts up.
//
// Steps that use one core each (the two type checks, lint, the four builds) run side by
// side, as many at once as the machine has cores; each step's output is printed whole
// when it ends, so parallel steps never interleave. Every build happens once: the e2e
// runners get --no-build and the manifest spec reads the shipped build made here.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const CORES = Math.max(1, availableParallelism());

/** @typedef {[name: string, cmd: string, args: string[]]} Step */
/** Stages run in order; the steps of one stage run in parallel, up to CORES at once, in the order listed. */
const stages = [
  [['generate .wxt types', 'npx', ['wxt', 'prepare']]],
  [
    ['typecheck (extension)', 'npx', ['tsc', '--noEmit']],
    ['typecheck (tests, scripts)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
    ['lint', 'npm', ['run', '-s', 'lint']],
  ],
  [
    ['build (Chrome MV3)', 'npm', ['run', '-s', 'build']],
    ['build (Chrome MV3, e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e']],
    ['build (Firefox)', 'npm', ['run', '-s', 'build:firefox']],
    ['build (Firefox, e2e)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e']],
  ],
  [['Firefox addons-linter', 'npm', ['run', '-s', 'lint:firefox']]],
  [['unit tests', 'npx', ['vitest', 'run']]],
  [['e2e tests', 'node', ['scripts/e2e.mjs', '--no-build']]],
  [['Firefox smoke tests', 'node', ['scripts/firefox.mjs', '--no-build']]],
];

rmSync('test-results', { recursive: true, force: true });
// The manifest spec checks the shipped build this run made instead of building it again.
const env = { ...process.env, PROSPECTOR_SHIPPED_BUILD: '1' };
const started = Date.now();
const running = new Set();
let failed = false;

for (const stage of stages) {
  const ok = await runStage(stage);
  if (!ok) {
    summary(1);
    process.exit(1);
  }
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
summary(0);

/** Runs a stage's steps, CORES at a time; false (and the others stopped) at the first failure. */
async function runStage(steps) {
  const queue = [...steps];
  const alone = steps.length === 1;
  const lane = async () => {
    while (queue.length > 0 && !failed) {
      const step = /** @type {Step} */ (queue.shift());
      if (!(await runStep(step, alone))) failed = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CORES, steps.length) }, lane));
  return !failed;
}

/** Runs one step: a lone step streams its output, a parallel one prints it whole at the end. */
function runStep([name, cmd, args], alone) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  // Its own process group, so a failure elsewhere stops the step with everything it started.
  const child = spawn(cmd, args, { env, detached: true, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      if (output.length > 0) process.stdout.write(`\n── ${name} ──\n${Buffer.concat(output).toString()}`);
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`✔ ${name} (${seconds} s)`);
        resolve(true);
        return;
      }
      if (!failed) {
        console.error(`\n✖ ${name} failed (exit ${code ?? signal}).`);
        failed = true;
        // The first failure stops the steps still running beside it.
        stopAll();
      }
      resolve(false);
    });
  });
}

function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

// Steps run in their own process groups, so Ctrl-C must be passed on.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function summary(extraFailed) {
  let passed = 0;
  let failedTests = 0;
  let skipped = 0;
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  const unit = read('test-results/unit.json');
  if (unit) {
    passed += unit.numPassedTests ?? 0;
    failedTests += unit.numFailedTests ?? 0;
    skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  }
  const e2e = read('test-results/e2e.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected ?? 0;
    failedTests += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    skipped += e2e.stats.skipped ?? 0;
  }
  // scripts/firefox.mjs writes { passed, failed, skipped }.
  const firefox = read('test-results/firefox.json');
  if (firefox) {
    passed += firefox.passed ?? 0;
    failedTests += firefox.failed ?? 0;
    skipped += firefox.skipped ?? 0;
  }
  if (failedTests === 0 && extraFailed) failedTests = extraFailed;
  console.log(`\ntests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`);
}
