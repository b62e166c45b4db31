#!/usr/bin/env node
// `npm run corpus:report [-- --split dev|sealed|all] [--batch <name>[,<name>…]|none|!<name>[,…]] [--dom linkedom] [--verbose] [--only <id,...>]
//   [--why] [--readings <file>] [--against <dir>]`
//
// Field-level precision, recall and F1 of the extractor on the real-page corpus:
// page metadata and expected facts from test/corpus/pages/*.json, the HTML from
// $PROSPECTOR_CORPUS (default ../corpus beside the repository), read in headless Chromium
// with the bundled readPage, then finalize, then facts.ts's score. Broken down per page
// kind, language and site builder; pages whose HTML is absent are counted and skipped.
// `--batch s4` keeps only the pages of one gathering batch (their json's "batch"), `--batch none`
// only the pages without one, so a batch added later can be scored as its own unseen set;
// `--batch '!s7'` every page but that batch's (the split as it stood before a fresh batch came);
// `--batch s7,s8` / `'!s7,s8'` the pages of either batch / of neither.
//
// The sealed split (scripts/corpus-split.mjs) is for reporting only: `--verbose` prints
// per-page differences for development pages and refuses to for sealed ones.
// `--sources` (development split only) counts emitted facts right and wrong per page kind, field and evidence.
// `--why` (development split only) prints, under each wrong or missing fact, the evidence finalize
// recorded for it (FinalizeOptions.why: the reader's source and finalize's own marks, such as a
// site's name given as every member's employer or a title a gate dropped).
// `--against <dir>` scores a second hand annotation (<dir>/<id>.json, its `expected`) in place of
// the extractor, over the pages it covers: how far two careful readers of the same page agree,
// which bounds what any extractor can score against one of them (test/corpus/agreement).
// Before the SUMMARY line, a 95% interval of the F1 by a page bootstrap: how much the number owes
// to which pages were drawn (the sealed split is 171 pages; a move inside it is noise).
// `--readings <file>` caches readPage's output there, keyed by the page script's hash and the DOM:
// while only finalize changes, a run skips the browser and takes seconds.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitOf } from './corpus-split.mjs';
import { bundles } from './extract.mjs';
import { helpers, readAll } from './report-lib.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const SPLIT = opt('--split', 'dev');
const DOM = opt('--dom', 'chromium');
const WHY = args.includes('--why');
// `--sources` (development split only): emitted facts counted right and wrong per field and evidence
// (the reader's source and finalize's marks), over the whole split: where precision is lost, by rule.
const SOURCES = args.includes('--sources');
const VERBOSE = args.includes('--verbose') || WHY;
const READINGS = opt('--readings', '');
const ONLY = opt('--only', '').split(',').filter(Boolean);
const BATCH = opt('--batch', '');
const AGAINST = opt('--against', '');
if (!['dev', 'sealed', 'all'].includes(SPLIT) || (args.includes('--batch') && !BATCH)) {
  console.error(
    'usage: npm run corpus:report -- [--split dev|sealed|all] [--batch <name>[,<name>…]|none|!<name>[,…]] [--dom linkedom] [--verbose] [--only ids]',
  );
  process.exit(2);
}
if ((VERBOSE || WHY || SOURCES) && SPLIT !== 'dev') {
  console.error('--verbose prints per-page differences for the development split only (--split dev).');
  process.exit(2);
}

const h = await helpers(`
  export { corpusPages, corpusHtml, corpusDir, corpusScore, corpusDiff } from './test/unit/extract/corpus';
  export { readPage } from '@/lib/extract/page';
  export { parseHTML } from 'linkedom';
  export { canonicalLink } from '@/lib/normalize/links';`);
const { finalize, pageScript } = await bundles();

const chosen = h
  .corpusPages()
  .filter((p) => SPLIT === 'all' || splitOf(p.id) === SPLIT)
  .filter((p) => !ONLY.length || ONLY.includes(p.id))
  .filter((p) => !BATCH || inBatch(p, BATCH))
  .filter((p) => !AGAINST || existsSync(join(AGAINST, `${p.id}.json`)));
function inBatch(p, batch) {
  if (batch.startsWith('!')) return !inBatch(p, batch.slice(1));
  // 's7,s8': the pages of either batch ('!s7,s8': of neither).
  return batch.split(',').some((b) => (b === 'none' ? !p.batch : p.batch === b));
}
const present = [];
const absent = [];
for (const p of chosen) {
  const html = h.corpusHtml(p.id);
  if (html === null) absent.push(p.id);
  else present.push({ ...p, html });
}

/** readPage's output for `pages`, from the --readings cache when it was made by the same page script and DOM. */
async function readingsOf(pages) {
  const key = createHash('sha256').update(`${DOM}\n${pageScript}`).digest('hex');
  const hash = (p) => createHash('sha256').update(`${p.expected.url}\n${p.html}`).digest('hex');
  const cache = READINGS && existsSync(READINGS) ? JSON.parse(readFileSync(READINGS, 'utf8')) : null;
  const known = cache?.key === key ? cache.pages : {};
  const missing = pages.filter((p) => known[p.id]?.hash !== hash(p));
  const read = await readAll(
    missing.map((p) => ({ name: p.id, html: p.html, url: p.expected.url })),
    { dom: DOM, pageScript, h },
  );
  missing.forEach((p, i) => {
    known[p.id] = { hash: hash(p), reading: read[i] };
  });
  if (READINGS && missing.length) writeFileSync(READINGS, JSON.stringify({ key, pages: known }));
  if (READINGS) console.log(`readings: ${pages.length - missing.length} from ${READINGS}, ${missing.length} read`);
  return pages.map((p) => known[p.id].reading);
}
const readings = AGAINST ? present.map(() => null) : await readingsOf(present);

/** The second annotation of a page, shaped as an extraction (links canonical, as the first's are). */
function annotationOf(p) {
  const e = JSON.parse(readFileSync(join(AGAINST, `${p.id}.json`), 'utf8')).expected;
  const fix = (r) =>
    Array.isArray(r.links) ? { ...r, links: r.links.map((l) => h.canonicalLink(String(l)) ?? l) } : r;
  return { pageKind: e.pageKind, people: (e.people ?? []).map(fix), company: e.company ? fix(e.company) : null };
}

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
const perPage = [];
const sourceRows = new Map();
present.forEach((p, i) => {
  const why = new Map();
  const actual = AGAINST
    ? annotationOf(p)
    : finalize(readings[i], (WHY || SOURCES) && splitOf(p.id) === 'dev' ? { why } : {});
  const s = h.corpusScore(p, actual);
  const counts = { tp: s.tp.length, fp: s.fp.length, fn: s.fn.length, pages: 1 };
  const d = WHY ? explained(h.corpusDiff(p, actual), s, actual, why) : h.corpusDiff(p, actual);
  const exact = d.length === 0;
  for (const dim of ['kind', 'lang', 'builder']) bump(tables[dim], p[dim], counts, exact);
  for (const [k, list] of Object.entries({ tp: s.tp, fp: s.fp, fn: s.fn }))
    for (const f of list) bump(tables.field, f.field, { tp: 0, fp: 0, fn: 0, [k]: 1 }, false);
  if (SOURCES) bySource(s, actual, why, p);
  perPage.push(counts);
  all.tp += counts.tp;
  all.fp += counts.fp;
  all.fn += counts.fn;
  all.pages++;
  if (exact) all.exact++;
  else failures.push({ id: p.id, kind: p.kind, d, f1: f1(counts) });
});

/**
 * The differences with, under each wrong or missing fact, what finalize recorded for its field:
 * `why` maps each emitted person and company (and, for dropped facts, the person) to field → evidence.
 */
function explained(lines, s, actual, why) {
  const fold = (t) => String(t).normalize('NFC').trim().toLowerCase();
  const entityOf = (name) =>
    name === 'company' ? actual.company : actual.people.find((q) => `person:${fold(q.fullName)}` === name);
  const note = (f) => {
    const e = entityOf(f.entity);
    const ev = e ? why.get(e) : undefined;
    return ev?.[f.field] ? `        why: ${ev[f.field]}` : '';
  };
  const out = [];
  for (const line of lines) {
    out.push(line);
    const f = [...s.fp, ...s.fn].find((x) => line.endsWith(`${x.entity} ${x.field} = ${JSON.stringify(x.value)}`));
    const n = f ? note(f) : '';
    if (n) out.push(n);
  }
  return out;
}

/** Adds each emitted fact of one page to its (entity kind, field, evidence) row, as right or wrong. */
function bySource(s, actual, why, p) {
  const fold = (t) => String(t).normalize('NFC').trim().toLowerCase();
  const expected = new Set(p.expected.people.map((q) => `person:${fold(q.fullName)}`));
  for (const [verdict, list] of [
    ['tp', s.tp],
    ['fp', s.fp],
  ])
    for (const f of list) {
      if (f.entity === 'page') continue;
      const e =
        f.entity === 'company' ? actual.company : actual.people.find((q) => `person:${fold(q.fullName)}` === f.entity);
      const ev = (e && why.get(e)?.[f.field]) || 'no evidence';
      const who = f.entity === 'company' ? 'company' : expected.has(f.entity) ? 'person' : 'person (not expected)';
      const k = `${p.kind.padEnd(12)} ${who} ${f.field} ← ${ev.replace(/"[^"]*"/g, '"…"').slice(0, 90)}`;
      const row = sourceRows.get(k) ?? { tp: 0, fp: 0, pages: new Set() };
      row[verdict]++;
      row.pages.add(p.id);
      sourceRows.set(k, row);
    }
}

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
  `\nCorpus report: split ${SPLIT}${BATCH ? `, batch ${BATCH}` : ''}, ${AGAINST ? `second annotation from ${AGAINST}` : `DOM ${DOM}`}, HTML from ${h.corpusDir()}`,
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
if (SOURCES) {
  console.log('\nEmitted facts by page kind, entity, field and evidence (most wrong first):');
  const rows = [...sourceRows].sort((a, b) => b[1].fp - a[1].fp).slice(0, 60);
  for (const [k, r] of rows)
    console.log(
      `  FP ${String(r.fp).padStart(4)}  TP ${String(r.tp).padStart(4)}  P ${num(r.tp, r.tp + r.fp)}  pages ${String(r.pages.size).padStart(3)}  ${k}`,
    );
}
if (SPLIT === 'dev' && failures.length) {
  console.log(`\nPages not exactly as expected: ${failures.length}${VERBOSE ? '' : ' (--verbose for details)'}`);
  for (const f of failures.sort((a, b) => a.f1 - b.f1)) {
    console.log(`  ${f.id} [${f.kind}] F1 ${f.f1.toFixed(2)}: ${f.d.length} difference(s)`);
    if (VERBOSE) for (const line of f.d) console.log(`      ${line}`);
  }
} else if (failures.length) console.log(`\nPages not exactly as expected: ${failures.length} (sealed: no details)`);
// How much the F1 owes to which pages were drawn: a page bootstrap (2,000 draws, fixed seed),
// so a change smaller than the interval is read as noise, not progress.
function bootstrap(rows, draws = 2000) {
  let seed = 17;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const out = [];
  for (let b = 0; b < draws; b++) {
    const t = { tp: 0, fp: 0, fn: 0 };
    for (let i = 0; i < rows.length; i++) {
      const r = rows[Math.floor(rnd() * rows.length)];
      t.tp += r.tp;
      t.fp += r.fp;
      t.fn += r.fn;
    }
    out.push(f1(t));
  }
  out.sort((a, b) => a - b);
  return [out[Math.floor(draws * 0.025)], out[Math.ceil(draws * 0.975) - 1]];
}
if (perPage.length > 1) {
  const [lo, hi] = bootstrap(perPage);
  console.log(`\nF1 by a page bootstrap (2,000 draws): 95% between ${lo.toFixed(3)} and ${hi.toFixed(3)}`);
}
console.log(
  `\nSUMMARY split=${SPLIT}${BATCH ? ` batch=${BATCH}` : ''} pages=${present.length} skipped=${absent.length} precision=${num(all.tp, all.tp + all.fp)} recall=${num(all.tp, all.tp + all.fn)} F1=${f1(all).toFixed(3)}`,
);
