// `npm run bench store-write`: the store's share of a team sync first pull, without the network:
// N records written into an empty store in bulkPuts of 500 (as lib/sync/first-pull writes each
// `_all_docs` page), as main wrote them (parsed again) and as validated leads. Each
// figure is a ratio to a raw idb put of the same records into a plain store in the same run;
// REPS rounds alternate the variants so load swings hit all of them. BENCH_STORE_WRITE_N sets N
// (default 5,000). Since DB v10 the search words are a store of their own: 'words deferred' is the
// first pull's write (the new leads' rows alone, lib/db/words.ts) and 'the words pass after it' the
// pass that then writes their words records (timed on its own, after the write).
import { loadavg } from 'node:os';
import { benchPage, report, stats } from './lib.mjs';

const N = Number(process.env.BENCH_STORE_WRITE_N || 5000);
const REPS = Number(process.env.BENCH_STORE_WRITE_REPS || 5);
const BATCH = 500;

const { call, close } = await benchPage('bench/db.page.ts', 'dbBench');
try {
  const variants = {
    'bulkPut, parsed again': {},
    'bulkPut, validated': { validated: true },
    'bulkPut, validated, words deferred (first pull)': { validated: true, deferWords: true },
  };
  // The breakdown: what IndexedDB alone costs for the rows and index entries bulkPut writes (the
  // same rows, same indexes, same batches), and the rows' derivation alone (no IndexedDB).
  const parts = {
    "raw idb put of the stored rows and words with the store's indexes": () => call('rawIndexedBatches', N, BATCH),
    'raw idb put of the stored rows alone (no words)': () => call('rawIndexedBatches', N, BATCH, false),
    'deriving the rows alone (toRow)': () => call('deriveRows', N),
  };
  const samples = {
    raw: [],
    ...Object.fromEntries([...Object.keys(variants), ...Object.keys(parts)].map((k) => [k, []])),
    'the words pass after it': [],
  };
  for (let rep = 0; rep < REPS; rep++) {
    await call('reset');
    samples.raw.push(await call('rawPut', N));
    for (const [name, options] of Object.entries(variants)) {
      const ms = await call('bulkPutBatches', N, BATCH, options);
      if (Array.isArray(ms)) {
        samples[name].push(ms[0]);
        samples['the words pass after it'].push(ms[1]);
      } else samples[name].push(ms);
    }
    for (const [name, run] of Object.entries(parts)) samples[name].push(await run());
    console.log(
      `round ${rep + 1} (load ${loadavg()[0].toFixed(1)}): ${Object.entries(samples)
        .map(([k, v]) => `${k} ${Math.round(v.at(-1))}`)
        .join(', ')}`,
    );
  }
  const median = (list) => stats(list).median;
  const raw = median(samples.raw);
  const rows = [
    { case: `raw idb put of ${N} records (baseline)`, median: raw, ratio: 1 },
    ...[...Object.keys(variants), 'the words pass after it', ...Object.keys(parts)].map((name) => ({
      case: `${name} (${N}${name in parts && name.startsWith('deriving') ? '' : ` in batches of ${BATCH}`})`,
      median: median(samples[name]),
      ratio: median(samples[name]) / raw,
    })),
  ];
  report('store-write', rows);
} finally {
  await close();
}
