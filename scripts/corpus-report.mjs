#!/usr/bin/env node
import { splitOf } from './corpus-split.mjs';
// `npm run corpus:report [-- --split dev|sealed|all] [--batch <name>|none] [--dom linkedom] [--verbose] [--only <id,...>]`
//
// Field-level precision, recall and F1 of the extractor on the real-page corpus:
// page metadata and expected facts from test/corpus/pages/*.json, the HTML from
// $PROSPECTOR_CORPUS (default ../corpus beside the repository), read in headless Chromium
// with the bundled readPage, then finalize, then facts.ts's score. Broken down per page
// kind, language and site builder; pages whose HTML is absent are counted and skipped.
// `--batch s4` keeps only the pages of one gathering batch (their json's "batch"), `--batch none`
// only the pages without one, so a batch added later can be scored as its own unseen set.
//
// The sealed split (scripts/corpus-split.mjs) is for reporting only: `--verbose` prints
// per-page differences for development pages and refuses to for sealed ones.
import { bundles } from './extract.mjs';
import { helpers, readAll } from './report-lib.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const SPLIT = opt('--split', 'dev');
const DOM = opt('--dom', 'chromium');
const VERBOSE = args.includes('--verbose');
const ONLY = opt('--only', '').split(',').filter(Boolean);
const BATCH = opt('--batch', '');
if (!['dev', 'sealed', 'all'].includes(SPLIT) || (args.includes('--batch') && !BATCH)) {
  console.error(
    'usage: npm run corpus:report -- [--split dev|sealed|all] [--batch <name>|none] [--dom linkedom] [--verbose] [--only ids]',
  );
  process.exit(2);
}
if (VERBOSE && SPLIT !== 'dev') {
  console.error('--verbose prints per-page differences for the development split only (--split dev).');
  process.exit(2);
}

const h = await helpers(`
  export { corpusPages, corpusHtml, corpusDir, corpusScore, corpusDiff } from './test/unit/extract/corpus';
  export { readPage } from '@/lib/extract/page';
  export { parseHTML } from 'linkedom';`);
const { finalize, pageScript } = await bundles();

const chosen = h
  .corpusPages()
  .filter((p) => SPLIT === 'all' || splitOf(p.id) === SPLIT)
  .filter((p) => !ONLY.length || ONLY.includes(p.id))
  .filter((p) => !BATCH || (BATCH === 'none' ? !p.batch : p.batch === BATCH));
const present = [];
const absent = [];
for (const p of chosen) {
  const html = h.corpusHtml(p.id);
  if (html === null) absent.push(p.id);
  else present.push({ ...p, html });
}

const readings = await readAll(
  present.map((p) => ({ name: p.id, html: p.html, url: p.expected.url })),
  { dom: DOM, pageScript, h },
);

const tables = { kind: new Map(), lang: new Map(), builder: new Map(), field: new Map() };
const all = { tp: 0, fp: 0, fn: 0, pages: 0, exact: 0 };
const bump = (map, key, s, exact) => {
  const row = map.get(key) ?? { tp: 0, fp: 0, fn: 0, pages: 0, exact: 0 };
  row.tp += s.tp;
  row.fp += s.fp;
  row.fn += s.fn;
  row.pages += s.pages ?? 0;
  row.exact += exact ? 1 : 0;
  map.set(key, row);
};
const failures = [];
present.forEach((p, i) => {
  const actual = finalize(readings[i]);
  const s = h.corpusScore(p, actual);
  const counts = { tp: s.tp.length, fp: s.fp.length, fn: s.fn.length, pages: 1 };
  const d = h.corpusDiff(p, actual);
  const exact = d.length === 0;
  for (const dim of ['kind', 'lang', 'builder']) bump(tables[dim], p[dim], counts, exact);
  for (const [k, list] of Object.entries({ tp: s.tp, fp: s.fp, fn: s.fn }))
    for (const f of list) bump(tables.field, f.field, { tp: 0, fp: 0, fn: 0, [k]: 1 }, false);
  all.tp += counts.tp;
  all.fp += counts.fp;
  all.fn += counts.fn;
  all.pages++;
  if (exact) all.exact++;
  else failures.push({ id: p.id, kind: p.kind, d, f1: f1(counts) });
});

function f1(r) {
  const p = r.tp + r.fp ? r.tp / (r.tp + r.fp) : 1;
  const rc = r.tp + r.fn ? r.tp / (r.tp + r.fn) : 1;
  return p + rc ? (2 * p * rc) / (p + rc) : 0;
}
const num = (a, b) => (b === 0 ? '—' : (a / b).toFixed(3));
const rowOf = (name, r) => ({
  '': name,
  pages: r.pages || '',
  exact: r.pages ? `${r.exact}/${r.pages}` : '',
  TP: r.tp,
  FP: r.fp,
  FN: r.fn,
  precision: num(r.tp, r.tp + r.fp),
  recall: num(r.tp, r.tp + r.fn),
  F1: r.tp + r.fp + r.fn ? f1(r).toFixed(3) : '—',
});
const table = (map) => [...map].sort((a, b) => b[1].tp + b[1].fn - (a[1].tp + a[1].fn)).map(([k, r]) => rowOf(k, r));

console.log(
  `\nCorpus report: split ${SPLIT}${BATCH ? `, batch ${BATCH}` : ''}, DOM ${DOM}, HTML from ${h.corpusDir()}`,
);
console.log(
  `pages: ${chosen.length} in the split, ${present.length} read, ${absent.length} skipped (HTML absent)${absent.length ? `: ${absent.slice(0, 20).join(', ')}${absent.length > 20 ? ', …' : ''}` : ''}`,
);
console.log('\nOverall (a fact = one expected field value of one entity):');
console.table([rowOf('TOTAL', all)]);
for (const dim of ['kind', 'lang', 'builder']) {
  console.log(`\nBy ${dim}:`);
  console.table(table(tables[dim]));
}
console.log('\nBy field:');
console.table(table(tables.field).map(({ pages, exact, ...r }) => r));
if (SPLIT === 'dev' && failures.length) {
  console.log(`\nPages not exactly as expected: ${failures.length}${VERBOSE ? '' : ' (--verbose for details)'}`);
  for (const f of failures.sort((a, b) => a.f1 - b.f1)) {
    console.log(`  ${f.id} [${f.kind}] F1 ${f.f1.toFixed(2)}: ${f.d.length} difference(s)`);
    if (VERBOSE) for (const line of f.d) console.log(`      ${line}`);
  }
} else if (failures.length) console.log(`\nPages not exactly as expected: ${failures.length} (sealed: no details)`);
console.log(
  `\nSUMMARY split=${SPLIT}${BATCH ? ` batch=${BATCH}` : ''} pages=${present.length} skipped=${absent.length} precision=${num(all.tp, all.tp + all.fp)} recall=${num(all.tp, all.tp + all.fn)} F1=${f1(all).toFixed(3)}`,
);
