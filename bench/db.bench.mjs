// `npm run bench db`: lib/db at 50,000 leads in headless Chromium (real IndexedDB), each
// figure as a ratio to raw idb in the same run:
// - bulk insert: leads.bulkPut (restore path) and leads.saveMany (import path, with
//   validation, normalisation and a dedupe lookup per draft) vs a raw idb put of the
//   same records in one transaction;
// - sorted first page and text search (median of ~20) vs a raw getAll on an index.
import { benchPage, report, stats } from './lib.mjs';

const N = Number(process.env.BENCH_DB_N || 50_000);
const RUNS = 20;
const LIMIT = 50;

const { call, close } = await benchPage('bench/db.page.ts', 'dbBench');
try {
  await call('reset');
  const rawPut = await call('rawPut', N);
  const rawIndexedPut = await call('rawIndexedPut', N);
  const rawListedPut = await call('rawListedPut', N);
  // What the biggest indexes cost a bulk insert: the same raw put without them.
  // BENCH_DB_INDEXES=1: each index's share of a bulk insert (the same raw put without it).
  const withoutIndexes = {};
  if (process.env.BENCH_DB_INDEXES) {
    for (const name of await call('indexNames')) withoutIndexes[name] = await call('rawIndexedPut', N, [name]);
  }
  const rawRead = stats(await call('rawGetAll', RUNS, LIMIT));
  const bulkPut = await call('bulkPut', N);
  const saveMany = await call('saveMany', N);
  const stored = await call('count');
  const reimport = await call('reimport', 2000);
  const pages = {};
  for (const sort of ['updated', 'name', 'company', 'followUp', 'created', 'fit']) {
    pages[sort] = await call('firstPage', RUNS, sort, LIMIT);
  }
  const searches = await call('search', LIMIT);
  const search = stats(searches.map((s) => s.ms));
  const entries = await call('entriesPerIndex');
  const filters = {
    'one-letter search "j", newest first': { text: 'j' },
    'one-letter search "m", newest first': { text: 'm' },
    'stage=meeting, newest first': { stage: 'meeting' },
    'origin=inbound, newest first': { origin: 'inbound' },
    'origin=outbound + stage=new, newest first': { origin: 'outbound', stage: 'new' },
    'follow-up due, by follow-up date': { dueBefore: '2026-06-01T00:00:00.000Z', sort: 'followUp' },
    'tag=warm, by name': { tag: 'warm', sort: 'name' },
    'stage=meeting + tag=warm, by name': { stage: 'meeting', tag: 'warm', sort: 'name' },
    // No index holds owners (lib/db/query ownedIds reads every row): the cost of that choice.
    'owner=Rep 3 (team sync), newest first': { owner: 'Rep 3' },
    'owner=Rep 3 + stage=meeting, by name': { owner: 'Rep 3', stage: 'meeting', sort: 'name' },
  };
  const filtered = {};
  for (const [name, q] of Object.entries(filters)) filtered[name] = await call('filtered', RUNS, LIMIT, q);
  // IndexedDB's floor for some of them: the raw id reads their exact totals need (same run).
  const word = (w) => ({ lower: w, upper: `${w}\uffff` });
  const floors = {
    'one-letter search "j", newest first': [['by-word-updated', word('j')]],
    'one-letter search "m", newest first': [['by-word-updated', word('m')]],
    'tag=warm, by name': [['by-tag', 'warm']],
    'stage=meeting + tag=warm, by name': [
      ['by-stage-updated', { lower: ['meeting'], upper: ['meeting', []] }],
      ['by-tag', 'warm'],
    ],
  };
  const floorMs = {};
  for (const [name, ranges] of Object.entries(floors)) {
    floorMs[name] = stats(await call('floor', RUNS, ranges)).median;
  }
  // What any of these screens would pay without an index: a scan of every row (exact total).
  const scan = await call('scanFilter', 3);
  await call('reset');

  const row = (name, median, baseline, target, extra = {}) => ({
    case: name,
    median,
    baseline,
    ratio: median / baseline,
    target,
    pass:
      typeof target === 'string' && target.endsWith('x')
        ? median / baseline <= Number.parseFloat(target)
        : median < Number.parseFloat(target),
    ...extra,
  });
  const rows = [
    row(
      `raw put of lib/db rows into a store with the same indexes (IndexedDB's own index cost)`,
      rawIndexedPut,
      rawPut,
      'info',
    ),
    row(
      `raw put into a store with only the first design's indexes + search words (the floor of that design)`,
      rawListedPut,
      rawPut,
      'info',
    ),
    ...Object.entries(withoutIndexes).map(([name, ms]) =>
      row(
        `raw put without ${name} (${entries[name]?.toFixed(2)} entries/lead): saves ${(rawIndexedPut - ms).toFixed(0)} ms`,
        ms,
        rawIndexedPut,
        'info',
      ),
    ),
    row(`bulkPut ${N} leads (one tx)`, bulkPut, rawPut, '2x'),
    row(`bulkPut ${N} leads vs the same-indexes raw put (our code's share)`, bulkPut, rawIndexedPut, 'info'),
    row(`saveMany ${N} drafts (validate+dedupe, empty store)`, saveMany, rawPut, '2x', { stored }),
    row('saveMany 2000 duplicates into the full store (all merge lookups hit)', reimport, (rawPut * 2000) / N, 'info'),
  ];
  for (const [sort, r] of Object.entries(pages)) {
    const s = stats(r.samples);
    rows.push(
      row(`first page sort=${sort} (limit ${LIMIT}, with total ${r.total})`, s.median, rawRead.median, '16ms', {
        p95: s.p95,
      }),
    );
  }
  rows.push(
    row(`text search, ${searches.length} queries (limit ${LIMIT}, with total)`, search.median, rawRead.median, '16ms', {
      p95: search.p95,
      max: search.max,
    }),
  );
  for (const [name, r] of Object.entries(filtered)) {
    const s = stats(r.samples);
    const floor = floorMs[name];
    rows.push(
      row(`filter ${name} (total ${r.total})`, s.median, rawRead.median, name.includes('search') ? '50ms' : '16ms', {
        p95: s.p95,
        ...(floor === undefined ? {} : { floor, overFloor: s.median / floor }),
      }),
    );
  }
  rows.push(
    row(
      `no index: scan every row for a filter's exact total (total ${scan.total})`,
      stats(scan.samples).median,
      rawRead.median,
      'info',
    ),
  );
  console.log(
    `index entries per lead: ${JSON.stringify(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, Math.round(v * 100) / 100])))}`,
  );
  console.log(
    `raw put of ${N}: ${rawPut.toFixed(0)} ms; raw getAll(limit ${LIMIT}) on an index: median ${rawRead.median.toFixed(2)} ms`,
  );
  console.table(
    searches.map((s) => ({ query: s.q, ms: Math.round(s.ms * 100) / 100, total: s.total, shown: s.shown })),
  );
  report('db', rows);
} finally {
  await close();
}
