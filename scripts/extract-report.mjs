#!/usr/bin/env node
// `npm run extract:report [-- --dom linkedom] [--verbose]`
//
// Field-level precision and recall of the extractor over every saved page with an
// expectation (test/fixtures/pages/generic, test/fixtures/pages/sites) and the peer
// suite (../shared/peer-pages, when present). Pages run in headless Chromium by default
// (the bundled readPage inside a real DOM, as in the extension); `--dom linkedom` uses
// the Node parser the unit tests use. A "fact" is one expected value of one field of
// one entity (see test/unit/extract/facts.ts); list fields count item by item.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundles } from './extract.mjs';
import { helpers, readAll } from './report-lib.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const DOM = args.includes('--dom') ? args[args.indexOf('--dom') + 1] : 'chromium';
const VERBOSE = args.includes('--verbose');

function savedPages(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && existsSync(join(dir, f.replace(/\.html$/, '.expected.json'))))
    .sort()
    .map((f) => ({
      group: dir.endsWith('sites') ? `sites/${f.split('/')[0]}` : 'generic',
      name: dir.endsWith('sites') ? f.split('/').slice(1).join('/') : f,
      html: readFileSync(join(dir, f), 'utf8'),
      expected: JSON.parse(readFileSync(join(dir, f.replace(/\.html$/, '.expected.json')), 'utf8')),
    }));
}

const h = await helpers(`
  export { score, diff } from './test/unit/extract/facts';
  export { PEER_CASES, CONTACT_CASES, emailCases, peerHtml, hasPeers } from './test/unit/extract/peer-cases';
  export { readPage } from '@/lib/extract/page';
  export { harvest } from '@/lib/extract/page/contacts';
  export { normalizeEmail } from '@/lib/normalize/email';
  export { normalizePhone } from '@/lib/normalize/phone';
  export { parseHTML } from 'linkedom';`);
const { finalize, pageScript } = await bundles();
const cases = [
  ...savedPages(join(ROOT, 'test/fixtures/pages/generic')),
  ...savedPages(join(ROOT, 'test/fixtures/pages/sites')),
];
const peers = h.hasPeers();
if (peers) {
  for (const c of h.PEER_CASES)
    cases.push({ group: 'peer', name: c.name, html: h.peerHtml(c.file, c.block), expected: c.expected });
}

const readings = await readAll(
  cases.map((c) => ({ name: c.name, html: c.html, url: c.expected.url })),
  { dom: DOM, pageScript, h },
);
const totals = new Map(); // group -> {tp, fp, fn, pages, exact}
const fields = new Map(); // field -> {tp, fp, fn}
const bump = (map, key, k, n) => {
  const row = map.get(key) ?? { tp: 0, fp: 0, fn: 0, pages: 0, exact: 0, items: 0 };
  row[k] += n;
  map.set(key, row);
};
const failures = [];
cases.forEach((c, i) => {
  const actual = finalize(readings[i]);
  const s = h.score(c.expected, actual);
  const group = c.group.startsWith('sites/') ? 'sites' : c.group;
  bump(totals, group, 'tp', s.tp.length);
  bump(totals, group, 'fp', s.fp.length);
  bump(totals, group, 'fn', s.fn.length);
  bump(totals, group, 'pages', 1);
  const d = h.diff(c.expected, actual);
  if (d.length === 0) bump(totals, group, 'exact', 1);
  else failures.push({ name: `${c.group}/${c.name}`, d });
  for (const [k, list] of Object.entries({ tp: s.tp, fp: s.fp, fn: s.fn }))
    for (const f of list) bump(fields, f.field, k, 1);
});

// Plain-text contact cases and the email validity corpus (peer suite).
if (peers) {
  for (const c of h.CONTACT_CASES) {
    const doc = h.parseHTML(h.peerHtml(c.file, c.block)).document;
    const found = h.harvest(doc.body, 'https://schema.example.org/');
    const phones = [
      ...new Set(
        [...found.phones, ...found.textPhones]
          .map((p) => h.normalizePhone(p, c.defaultCountry))
          .filter((p) => p?.valid)
          .map((p) => p.value),
      ),
    ];
    for (const [field, got, want] of [
      ['emails', found.emails, c.emails],
      ['phones', phones, c.phones],
    ]) {
      const tp = got.filter((x) => want.includes(x)).length;
      bump(totals, 'peer plain text', 'tp', tp);
      bump(totals, 'peer plain text', 'fp', got.length - tp);
      bump(totals, 'peer plain text', 'fn', want.length - tp);
      bump(fields, field, 'tp', tp);
      bump(fields, field, 'fp', got.length - tp);
      bump(fields, field, 'fn', want.length - tp);
    }
    bump(totals, 'peer plain text', 'items', 1);
  }
  for (const c of h.emailCases()) {
    const accepted = h.normalizeEmail(c.address) !== null;
    const k = accepted && c.accept ? 'tp' : accepted ? 'fp' : c.accept ? 'fn' : null;
    if (k) bump(totals, 'isemail corpus', k, 1);
    bump(totals, 'isemail corpus', 'items', 1);
  }
}

const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const rowOf = (name, r) => ({
  '': name,
  'pages/items': r.pages || r.items || '',
  'exact pages': r.pages ? `${r.exact}/${r.pages}` : '',
  TP: r.tp,
  FP: r.fp,
  FN: r.fn,
  precision: pct(r.tp, r.tp + r.fp),
  recall: pct(r.tp, r.tp + r.fn),
});
const all = { tp: 0, fp: 0, fn: 0, pages: 0, exact: 0, items: 0 };
for (const r of totals.values()) for (const k of Object.keys(all)) all[k] += r[k];

console.log(`\nExtractor precision/recall (DOM: ${DOM}${peers ? ', with peer suite' : ', peer suite absent'})`);
console.log('\nBy source (a fact = one expected field value; isemail = one address):');
console.table([...[...totals].map(([k, r]) => rowOf(k, r)), rowOf('TOTAL', all)]);
console.log('\nBy field (pages + plain text):');
console.table(
  [...fields].sort((a, b) => b[1].tp + b[1].fn - (a[1].tp + a[1].fn)).map(([k, r]) => rowOf(k, { ...r, pages: 0 })),
);
if (failures.length) {
  console.log(`\nPages not exactly as expected: ${failures.length}${VERBOSE ? '' : ' (--verbose for details)'}`);
  for (const f of failures) {
    console.log(`  ${f.name}: ${f.d.length} difference(s)`);
    if (VERBOSE) for (const line of f.d) console.log(`      ${line}`);
  }
}
console.log(
  '\nNote: site-adapter expectations list a subset of each list field, so extra found links/emails there count as FP.',
);
