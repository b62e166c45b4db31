#!/usr/bin/env node
// `node scripts/picker-report.mjs [--pages <dir>] [--verbose]`
//
// Issue 18's measure: on the corpus's people-list pages (test/corpus/pages/*.json with their
// HTML from $PROSPECTOR_CORPUS, default ../corpus), how many pages the picker gets right with
// ONE click, against the automatic detector (extract). The click is simulated on the card of
// the first expected person: the largest element holding that person's name and no other
// expected name. A page is right when every expected name is among the named (ticked) records
// and at most 10% of the named records are not expected (the detector: its people, same rule).
// Pages run in linkedom, as the unit tests do. Prints both splits (scripts/corpus-split.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { splitOf } from './corpus-split.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const PAGES = args.includes('--pages') ? args[args.indexOf('--pages') + 1] : join(ROOT, 'test/corpus/pages');
const HTML = process.env.PROSPECTOR_CORPUS || join(ROOT, '../corpus');
const VERBOSE = args.includes('--verbose');

const out = await build({
  stdin: {
    contents: `
      export { findRecords } from '@/lib/picker/match';
      export { readRecord } from '@/lib/picker/lines';
      export { guessMapping, personOf } from '@/lib/picker/fields';
      export { extract } from '@/lib/extract';
      export { foldText } from '@/lib/normalize/name';
      export { parseHTML } from 'linkedom';`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  alias: { '@': ROOT },
  logLevel: 'error',
});
const lib = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);

const fold = (s) =>
  lib
    .foldText(String(s ?? ''))
    .replace(/\s+/g, ' ')
    .trim();

/** The card a user would click for the first expected person. */
function cardOf(doc, names) {
  const [first, ...others] = names;
  let best = null;
  for (const el of doc.body?.querySelectorAll('*') ?? []) {
    const text = fold(el.textContent);
    if (text.includes(first) && (!best || best.contains(el))) best = el; // innermost holder of the name
  }
  let card = best;
  while (card?.parentElement && card.parentElement !== doc.body) {
    const text = fold(card.parentElement.textContent);
    if (others.some((n) => text.includes(n))) break;
    card = card.parentElement;
  }
  return card;
}

function right(found, expected) {
  const got = found.map(fold);
  const missing = expected.filter((n) => !got.some((g) => g === n || g.includes(n)));
  const extra = got.filter((g) => !expected.some((n) => g === n || g.includes(n)));
  return { ok: missing.length === 0 && extra.length <= Math.floor(got.length / 10), missing, extra };
}

if (!existsSync(PAGES) || !existsSync(HTML)) {
  console.log(`picker report: skipped, no corpus (pages: ${PAGES}, html: ${HTML})`);
  process.exit(0);
}
const totals = { dev: { pages: 0, picker: 0, detector: 0 }, sealed: { pages: 0, picker: 0, detector: 0 } };
let skipped = 0;
for (const file of readdirSync(PAGES).filter((f) => f.endsWith('.json'))) {
  const spec = JSON.parse(readFileSync(join(PAGES, file), 'utf8'));
  const expected = (spec.expected?.people ?? []).map((p) => fold(p.fullName)).filter(Boolean);
  if (spec.kind !== 'people-list' || expected.length < 2) continue;
  const htmlFile = join(HTML, `${spec.id}.html`);
  if (!existsSync(htmlFile)) {
    skipped++;
    continue;
  }
  const url = spec.expected?.url ?? spec.source?.url ?? 'https://example.com/';
  const html = readFileSync(htmlFile, 'utf8');
  const detector = right(
    lib.extract(lib.parseHTML(html).document, new URL(url)).people.map((p) => p.fullName),
    expected,
  );
  const doc = lib.parseHTML(html).document;
  const card = cardOf(doc, expected);
  let picker = { ok: false, missing: expected, extra: [] };
  if (card) {
    const records = lib.findRecords(card).records.map((el) => lib.readRecord(el, url));
    const mapping = lib.guessMapping(records);
    picker = right(
      records
        .map((r) => lib.personOf(r, mapping))
        .filter((p) => p.named)
        .map((p) => p.fullName),
      expected,
    );
  }
  const t = totals[splitOf(spec.id)];
  t.pages++;
  if (picker.ok) t.picker++;
  if (detector.ok) t.detector++;
  if (VERBOSE)
    console.log(
      `${picker.ok ? 'P' : '-'}${detector.ok ? 'D' : '-'} ${spec.id}${picker.ok ? '' : ` picker missing ${picker.missing.length}, extra ${picker.extra.length}`}`,
    );
}
for (const [split, t] of Object.entries(totals)) {
  console.log(
    `${split}: ${t.pages} people-list pages; one click right on ${t.picker}, detector right on ${t.detector}`,
  );
}
if (skipped) console.log(`(${skipped} pages skipped: their HTML is not in ${HTML})`);
