// `npm run bench mirror-write`: the team-sync mirror's share of a first pull (issue 15), without
// PouchDB Server: N lead documents fetched as `_all_docs` pages of 500 from a 127.0.0.1 server
// (the raw transfer: fetch and parse) and written into an empty mirror as lib/sync/first-pull
// writes them (bulkDocs with new_edits: false per page), with PouchDB's "idb" adapter (the
// mirror until issue 15) and its "indexeddb" adapter. Figures are ratios to the raw transfer of
// the same run; REPS rounds alternate the adapters so load swings hit both. BENCH_MIRROR_N sets
// N (default 5,000). The raw transfer here has no database behind it, so it is faster than
// `npm run bench sync`'s raw `_all_docs`: compare the adapters with each other here.
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { benchPage, report, stats } from './lib.mjs';

const N = Number(process.env.BENCH_MIRROR_N || 5000);
const REPS = Number(process.env.BENCH_MIRROR_REPS || 3);
const PAGE = 500;

const { call, close } = await benchPage('bench/mirror.page.ts', 'mirrorBench');
// The pages on their own origin, as a team database is (CORS as CouchDB sends it).
const pages = await call('allDocsPages', N, PAGE);
const server = createServer((req, res) => {
  const i = Number(new URL(req.url, 'http://x').pathname.split('/')[2]);
  if (!(i in pages)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(pages[i]);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
try {
  const adapters = ['idb', 'indexeddb'];
  const samples = { raw: [], idb: [], indexeddb: [] };
  for (let rep = 0; rep < REPS; rep++) {
    for (const adapter of rep % 2 ? [...adapters].reverse() : adapters) {
      // Each write right after its own fetch: the one written second once ran 1.2-2x slower.
      samples.raw.push(await call('rawFetch', origin, pages.length));
      samples[adapter].push(await call('mirrorWrite', adapter));
    }
    console.log(
      `round ${rep + 1}: ${Object.entries(samples)
        .map(([k, v]) => `${k} ${v.slice(-(k === 'raw' ? 2 : 1)).map(Math.round)}`)
        .join(', ')}; load ${loadavg().map((x) => x.toFixed(1))}`,
    );
  }
  const median = (list) => stats(list).median;
  const raw = median(samples.raw);
  const idb = median(samples.idb);
  report('mirror-write', [
    { case: `raw fetch of ${N} docs in _all_docs pages of ${PAGE} (baseline)`, median: raw, ratio: 1 },
    {
      case: `mirror write, "idb" adapter (${N} docs, bulkDocs new_edits: false per page)`,
      median: idb,
      ratio: idb / raw,
    },
    {
      case: `mirror write, "indexeddb" adapter (same docs; ${(median(samples.indexeddb) / idb).toFixed(2)}x "idb")`,
      median: median(samples.indexeddb),
      ratio: median(samples.indexeddb) / raw,
    },
  ]);
} finally {
  server.close();
  await close();
}
