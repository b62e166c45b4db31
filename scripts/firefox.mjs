#!/usr/bin/env node
// Builds the Firefox e2e flavour (.output/firefox-mv3-e2e), then runs the Firefox smoke suite
// (test/firefox/) in headless Firefox ESR. Prints "firefox: N passed, N failed, N skipped" and
// writes the counts to test-results/firefox.json for `npm test`'s total. `--no-build` skips the build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const firefox = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`No Firefox at ${firefox}. Install Debian's (apt-get install -y firefox-esr), or set FIREFOX_PATH.`);
  process.exit(1);
}
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync('test-results', { recursive: true });
const TAP = 'test-results/firefox.tap';
const run = spawnSync(
  process.execPath,
  [
    // The suite runs in this child process itself (no --test), so a timeout's SIGINT reaches
    // puppeteer's handler, which kills Firefox (started detached, in its own process group) and exits.
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${TAP}`,
    'test/firefox/smoke.test.mjs',
  ],
  // A hung browser must not hang `npm test`: the whole suite gets three minutes.
  { stdio: 'inherit', timeout: 180_000, killSignal: 'SIGINT', env: { ...process.env, MOZ_HEADLESS: '1' } },
);
const tap = existsSync(TAP) ? readFileSync(TAP, 'utf8') : '';
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
const counts = {
  passed: count('pass'),
  failed: count('fail') + count('cancelled'),
  skipped: count('skipped') + count('todo'),
};
if (run.status !== 0 && counts.failed === 0) counts.failed = 1; // crashed or timed out before reporting
writeFileSync('test-results/firefox.json', `${JSON.stringify(counts)}\n`);
console.log(`\nfirefox: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(run.status === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1);
