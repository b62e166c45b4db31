// `npm run bench pull-floor` (issue 15; after `npm run build:e2e`): the floor of a team sync first
// pull, in one run. N documents seeded as `npm run bench sync` seeds them (./sync-seed: copies of
// the document a throwaway profile of the e2e build pushed) on PouchDB Server (127.0.0.1, a free
// port), then, REPS rounds alternating, each a ratio to (1):
// 1. a raw `_all_docs?include_docs=true` in pages of 500 from Node (fetched, JSON parsed);
// 2. the same pages fetched and parsed in a Chromium page on the server's origin (the sync bench
//    reads its baseline this way, from an extension page);
// 3. the pages' documents as the store's rows (fromDoc, toRow: the first pull's conversion) put by
//    raw idb into a scratch database built by the app's own upgrade (the store's exact indexes), a
//    transaction per page, no search words (a first pull defers them): IndexedDB's own cost of
//    the rows and index entries, the floor of any first pull writing a store of this design;
// 4. the same rows into a plain keyPath store (the floor of a store without indexes);
// 5. the app's bulkPut of each page (validated, words deferred: the first pull's write);
// and (2)+(3), (2)+(5) pipelined (each page converted and written while the next is fetched, as
// lib/sync/first-pull reads pages). The conversion alone is timed too (3 and 4 exclude it, 5
// includes toRow). BENCH_PULL_FLOOR_N sets N (default 5,000), BENCH_PULL_FLOOR_REPS the rounds (3).
import { loadavg } from 'node:os';
import { startCouchServer } from '../scripts/couch-server.mjs';
import { allDocsPages } from './all-docs.mjs';
import { benchRoutes, launch, pageAt, report, requireFreshBuild, stats } from './lib.mjs';
import { extensionPage, pushedTemplate, seedTeam } from './sync-seed.mjs';

const N = Number(process.env.BENCH_PULL_FLOOR_N || 5000);
const REPS = Number(process.env.BENCH_PULL_FLOOR_REPS || 3);
const EXT = '.output/chrome-mv3-e2e';
requireFreshBuild(EXT);

const t0 = performance.now();
const log = (...args) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)} s]`, ...args);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

const couch = await startCouchServer({
  users: [{ name: 'ann', password: 'ann-pass' }],
  pages: await benchRoutes('bench/pull-floor.page.ts', 'pullFloor', '/_bench/'),
});
let bench = null;
try {
  const seeder = await launch({ extensionDir: EXT });
  const seed = await pushedTemplate(couch, await extensionPage(seeder));
  await seeder.close();
  await couch.createDatabase('team', ['ann']);
  await seedTeam(couch, 'team', N, seed);
  log(`team database: ${(await couch.call('GET', '/team')).body?.doc_count} docs; load ${load()}`);

  const dbUrl = `${couch.url}/team`;
  const auth = `Basic ${Buffer.from('ann:ann-pass').toString('base64')}`;
  bench = await pageAt(`${couch.url}/_bench/`, 'pullFloor');
  const { call } = bench;

  const node = async () => {
    const start = performance.now();
    let docs = 0;
    for await (const page of allDocsPages(dbUrl, { authorization: auth })) docs += page.length;
    if (docs !== N) throw new Error(`Node read ${docs} docs`);
    return performance.now() - start;
  };
  const fetched = async () => {
    const { ms, docs } = await call('fetchPages', dbUrl, auth);
    if (docs !== N) throw new Error(`the page read ${docs} docs`);
    return ms;
  };
  const cases = {
    node: ['1. raw _all_docs pages of 500 from Node (baseline)', node],
    page: ['2. the same pages fetched and parsed in a Chromium page', fetched],
    rawIndexed: ["3. raw idb put of the store's rows, the store's exact indexes, no words", () => call('rawIndexed')],
    rawPlain: ['4. raw idb put of the same rows, plain keyPath store (no index)', () => call('rawPlain')],
    app: ['5. app bulkPut per page (validated, words deferred: the first pull)', () => call('appWrite')],
    pipedRaw: [
      '(2)+(3) pipelined: fetch the next page while converting and raw-putting this one',
      () => call('pipedRaw', dbUrl, auth),
    ],
    pipedApp: [
      '(2)+(5) pipelined: fetch the next page while bulkPutting this one',
      () => call('pipedApp', dbUrl, auth),
    ],
    convert: ['conversion alone (fromDoc + toRow, no IndexedDB; in 5 and the pipelines)', () => call('convert')],
  };
  if ((await fetched()) && (await call('rowCount')) !== N) throw new Error('not every document became a row');
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const writes = ['rawIndexed', 'rawPlain', 'app', 'pipedRaw', 'pipedApp', 'convert'];
  for (let rep = 0; rep < REPS; rep++) {
    // The fetches first (the writes use the pages row 2 kept), the writes in a rotated order.
    const order = ['node', 'page', ...writes.slice(rep % writes.length), ...writes.slice(0, rep % writes.length)];
    for (const key of order) samples[key].push(await cases[key][1]());
    log(
      `round ${rep + 1} (load ${load()}): ${Object.entries(samples)
        .map(([k, v]) => `${k} ${Math.round(v.at(-1))}`)
        .join(', ')}`,
    );
  }
  const median = (key) => stats(samples[key]).median;
  const raw = median('node');
  report(
    'pull-floor',
    Object.entries(cases).map(([key, [name]]) => ({
      case: `${name} (${N} docs)`,
      median: median(key),
      min: stats(samples[key]).min,
      max: stats(samples[key]).max,
      ratio: median(key) / raw,
    })),
  );
  log(
    `(3) / 2x raw: ${(median('rawIndexed') / (2 * raw)).toFixed(2)}; (5) / (3): ${(median('app') / median('rawIndexed')).toFixed(2)}; load ${load()}`,
  );
} finally {
  await bench?.close();
  await couch.stop();
}
