#!/usr/bin/env node
// `npm test`: every check in order, stopping at the first failure. Each runner
// prints its own summary; the last line adds the test counts up.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build (Chrome MV3)', 'npm', ['run', '-s', 'build']],
  ['build (Firefox)', 'npm', ['run', '-s', 'build:firefox']],
  ['Firefox addons-linter', 'npm', ['run', '-s', 'lint:firefox']],
  ['e2e tests', 'node', ['scripts/e2e.mjs']],
  ['Firefox smoke tests', 'node', ['scripts/firefox.mjs']],
];

rmSync('test-results', { recursive: true, force: true });
const started = Date.now();
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal}).`);
    summary(1);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
summary(0);

function summary(extraFailed) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  const unit = read('test-results/unit.json');
  if (unit) {
    passed += unit.numPassedTests ?? 0;
    failed += unit.numFailedTests ?? 0;
    skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  }
  const e2e = read('test-results/e2e.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected ?? 0;
    failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    skipped += e2e.stats.skipped ?? 0;
  }
  // scripts/firefox.mjs writes { passed, failed, skipped }.
  const firefox = read('test-results/firefox.json');
  if (firefox) {
    passed += firefox.passed ?? 0;
    failed += firefox.failed ?? 0;
    skipped += firefox.skipped ?? 0;
  }
  if (failed === 0 && extraFailed) failed = extraFailed;
  console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}
