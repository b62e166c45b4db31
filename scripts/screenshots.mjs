#!/usr/bin/env node
// `npm run screenshots`: the one command that rewrites the README's images. Runs the e2e
// specs that take screenshots (those importing test/e2e/screenshots.ts), which write them
// to an ignored folder, then copies them to docs/screenshots. Arguments go to scripts/e2e.mjs
// (for example --no-build).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const FROM = 'test-results/screenshots';
const TO = 'docs/screenshots';

const specs = readdirSync('test/e2e')
  .filter((f) => f.endsWith('.spec.ts'))
  .map((f) => join('test/e2e', f))
  .filter((f) => readFileSync(f, 'utf8').includes("from './screenshots'"));
rmSync(FROM, { recursive: true, force: true });
const r = spawnSync('node', ['scripts/e2e.mjs', ...process.argv.slice(2), ...specs], {
  stdio: 'inherit',
  env: { ...process.env, PROSPECTOR_SCREENSHOTS: '1' },
});
if (r.status !== 0) {
  console.error(`✖ e2e specs failed (exit ${r.status ?? r.signal}); ${TO} left as it was.`);
  process.exit(r.status || 1);
}
mkdirSync(TO, { recursive: true });
const images = readdirSync(FROM).filter((f) => f.endsWith('.png'));
for (const image of images) copyFileSync(join(FROM, image), join(TO, image));
console.log(`✔ ${images.length} screenshots copied to ${TO} from ${specs.join(', ')}.`);
