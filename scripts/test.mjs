#!/usr/bin/env node
// `npm test`: every check, stopping at the first failure. Each runner prints its own
// summary; the last line adds the test counts up.
//
// Steps run side by side on lanes, one more lane than the machine has cores, because the
// browser suites spend much of their time waiting on the browser (the Chromium suite used 0.7
// of a core on its own). A step starts once the steps it needs have passed and its lanes are
// free, strictly in the order listed, so a later step never takes the lanes an earlier one
// waits for: the Chrome builds first (the Chromium suite, the longest step, waits on them), then
// the Chromium suite beside the unit run, which takes two lanes so that nothing else competes
// with its one worker (its timing-sensitive tests, the parallel export and the store scan, ran
// past their 5 s timeouts when the builds ran beside them), then the type checks and the
// Firefox steps beside the Chromium suite. Every build happens once: the e2e runners get
// --no-build and the manifest spec reads the shipped build made here. Each step's output is
// printed whole when it ends, so parallel steps never interleave.
// NPM_TEST_CPU=1 adds each step's CPU time (user + system, from /usr/bin/time) to its line.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const LANES = Math.max(1, availableParallelism()) + 1;
const PREPARE = 'generate .wxt types';
const BUILD = {
  chrome: 'build (Chrome MV3)',
  chromeE2e: 'build (Chrome MV3, e2e)',
  firefox: 'build (Firefox)',
  firefoxE2e: 'build (Firefox, e2e)',
};

/**
 * @typedef {{ name: string, cmd: string, args: string[], after: string[], lanes?: number, env?: Record<string, string> }} Step
 * `after`: steps that must have passed first; `lanes`: how many lanes it takes (1 unless said).
 */
/** @type {Step[]} */
const steps = [
  { name: PREPARE, cmd: 'npx', args: ['wxt', 'prepare'], after: [] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'], after: [] },
  { name: BUILD.chromeE2e, cmd: 'npx', args: ['wxt', 'build', '--mode', 'e2e'], after: [PREPARE] },
  { name: BUILD.chrome, cmd: 'npm', args: ['run', '-s', 'build'], after: [PREPARE] },
  // The manifest spec checks the shipped Chrome build, the rest the e2e flavour.
  { name: 'e2e tests', cmd: 'node', args: ['scripts/e2e.mjs', '--no-build'], after: [BUILD.chromeE2e, BUILD.chrome] },
  {
    name: BUILD.firefoxE2e,
    cmd: 'npx',
    args: ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'],
    after: [PREPARE],
  },
  // The store's property test runs its short check here (100 sequences from the fixed seed, then
  // 2 s of new seeds); `npm run test:property` runs 10,000.
  {
    name: 'unit tests',
    cmd: 'npx',
    // A test's timeout guards against hangs; the heaviest store and export tests take up to 3.4 s
    // alone, so 5 s left them no margin beside the browser suite on a busy machine.
    args: ['vitest', 'run', '--testTimeout=15000'],
    after: [PREPARE],
    lanes: 2,
    env: { PROPERTY_RUNS: '100', PROPERTY_SECONDS: '2' },
  },
  { name: 'Firefox smoke tests', cmd: 'node', args: ['scripts/firefox.mjs', '--no-build'], after: [BUILD.firefoxE2e] },
  { name: 'typecheck (extension)', cmd: 'npx', args: ['tsc', '--noEmit'], after: [PREPARE] },
  {
    name: 'typecheck (tests, scripts)',
    cmd: 'npx',
    args: ['tsc', '--noEmit', '-p', 'tsconfig.node.json'],
    after: [PREPARE],
  },
  { name: BUILD.firefox, cmd: 'npm', args: ['run', '-s', 'build:firefox'], after: [PREPARE] },
  { name: 'Firefox addons-linter', cmd: 'npm', args: ['run', '-s', 'lint:firefox'], after: [BUILD.firefox] },
];

// A step waiting on a name no earlier step has would never start.
for (const [i, step] of steps.entries()) {
  const unknown = step.after.filter((name) => !steps.slice(0, i).some((s) => s.name === name));
  if (unknown.length > 0)
    throw new Error(`scripts/test.mjs: "${step.name}" waits on unknown steps: ${unknown.join(', ')}`);
}

rmSync('test-results', { recursive: true, force: true });
// The manifest spec checks the shipped build this run made instead of building it again.
const env = { ...process.env, PROSPECTOR_SHIPPED_BUILD: '1' };
const timed = process.env.NPM_TEST_CPU === '1' && existsSync('/usr/bin/time');
const started = Date.now();
const running = new Set();
let stepCount = 0;
let failed = false;

const ok = await runAll(steps);
if (!ok) {
  summary(1);
  process.exit(1);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
summary(0);

/**
 * Runs every step once its `after` steps have passed and its lanes are free, in list order
 * (a ready step that does not fit holds back the steps after it); false, with the others
 * stopped, at the first failure.
 */
function runAll(all) {
  const waiting = [...all];
  const passed = new Set();
  let used = 0;
  return new Promise((resolve) => {
    const next = () => {
      if (failed) {
        if (used === 0) resolve(false);
        return;
      }
      if (waiting.length === 0 && used === 0) {
        resolve(true);
        return;
      }
      for (;;) {
        const index = waiting.findIndex((step) => step.after.every((name) => passed.has(name)));
        const step = waiting[index];
        const lanes = Math.min(LANES, step?.lanes ?? 1);
        if (!step || used + lanes > LANES) break;
        waiting.splice(index, 1);
        used += lanes;
        void runStep(step).then((stepOk) => {
          used -= lanes;
          if (stepOk) passed.add(step.name);
          next();
        });
      }
    };
    next();
  });
}

/** Runs one step in its own process group; prints its output whole when it ends. */
function runStep({ name, cmd, args, env: own }) {
  console.log(`▶ ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const cpuFile = `/tmp/npm-test-cpu-${process.pid}-${++stepCount}`;
  const [file, argv] = timed ? ['/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, cmd, ...args]] : [cmd, args];
  // Its own process group, so a failure elsewhere stops the step with everything it started.
  const child = spawn(file, argv, { env: { ...env, ...own }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
        console.log(`✔ ${name} (${seconds} s${timed ? cpuTime(cpuFile) : ''})`);
        resolve(true);
        return;
      }
      if (!failed) {
        console.error(`\n✖ ${name} failed (exit ${code ?? signal}; ${seconds} s${timed ? cpuTime(cpuFile) : ''}).`);
        failed = true;
        // The first failure stops the steps still running beside it.
        stopAll();
      }
      resolve(false);
    });
  });
}

/** ", N s CPU" from the file /usr/bin/time wrote (user and system seconds), which it then removes. */
function cpuTime(file) {
  if (!existsSync(file)) return '';
  const [user = 0, system = 0] = readFileSync(file, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  rmSync(file, { force: true });
  return `, ${(user + system).toFixed(1)} s CPU`;
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
