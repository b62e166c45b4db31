#!/usr/bin/env node
// `node scripts/extract-snapshot.mjs OUT.json [--dom chromium|linkedom]`
//
// Writes the whole output of the extractor (readPage's reading and finalize's Extraction)
// for every saved fixture page, the peer suite (when present) and the corpus's development
// split (when $PROSPECTOR_CORPUS is set) to OUT.json, one key per page. Two snapshots taken
// before and after a refactor must be byte-identical: the reports score facts, this compares
// everything (order, sources, evidence), so a speed change that alters any output shows.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitOf } from './corpus-split.mjs';
import { bundles } from './extract.mjs';
import { helpers, readAll } from './report-lib.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const OUT = args[0];
const DOM = args.includes('--dom') ? args[args.indexOf('--dom') + 1] : 'chromium';
if (!OUT || OUT.startsWith('--')) {
  console.error('usage: node scripts/extract-snapshot.mjs OUT.json [--dom chromium|linkedom]');
  process.exit(2);
}

const h = await helpers(`
  export { PEER_CASES, peerHtml, hasPeers } from './test/unit/extract/peer-cases';
  export { corpusPages, corpusHtml } from './test/unit/extract/corpus';
  export { readPage } from '@/lib/extract/page';
  export { parseHTML } from 'linkedom';`);
const { finalize, pageScript } = await bundles();

const cases = [];
for (const dir of ['test/fixtures/pages/generic', 'test/fixtures/pages/sites']) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) continue;
  for (const f of readdirSync(abs, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!f.endsWith('.html')) continue;
    const exp = join(abs, f.replace(/\.html$/, '.expected.json'));
    const url = existsSync(exp) ? JSON.parse(readFileSync(exp, 'utf8')).url : `https://example.com/${f}`;
    cases.push({ name: `${dir}/${f}`, html: readFileSync(join(abs, f), 'utf8'), url });
  }
}
if (h.hasPeers())
  for (const c of h.PEER_CASES)
    cases.push({ name: `peer/${c.name}`, html: h.peerHtml(c.file, c.block), url: c.expected.url });
if (process.env.PROSPECTOR_CORPUS)
  for (const p of h.corpusPages().filter((p) => splitOf(p.id) === 'dev')) {
    const html = h.corpusHtml(p.id);
    if (html !== null) cases.push({ name: `corpus/${p.id}`, html, url: p.expected.url });
  }

const readings = await readAll(cases, { dom: DOM, pageScript, h });
const out = {};
cases.forEach((c, i) => {
  out[c.name] = { reading: readings[i], extraction: readings[i] && finalize(readings[i]) };
});
writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${cases.length} pages written to ${OUT} (DOM ${DOM})`);
