#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs (or those named on the command line),
// each in its own process, in headless Chromium. Results go to bench-results/.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error('No benchmarks matched.');
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n▶ bench/${file}`);
  const r = spawnSync('node', [`bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
