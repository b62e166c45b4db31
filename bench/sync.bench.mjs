// `npm run bench sync`: team sync with the built e2e extension in two headless
// Chromium profiles and PouchDB Server on 127.0.0.1. Each figure is a ratio to a baseline
// measured in the same run from the same extension page:
// - first push of N leads (Connect on a profile holding them) vs a raw _bulk_docs of the same
//   documents in batches of 500 into an empty database, twice: until "Last synced" (the server
//   accepted every lead and the status says synced: the service worker's mark `push.sent`, read on
//   the same wall clock as the start), and until sync is idle (the round over: the mirror written
//   with the same revisions, the bases recorded, the replicator done). A build without the mark
//   (before the two-step first push) gives the second figure for both;
// - first pull of the N leads into an empty profile vs a raw _all_docs?include_docs of them
//   in pages of 500, twice: until the leads are in the list (every lead in the store, the list
//   usable and the status saying synced: the service worker's mark `load.stored`, lib/sync/phases,
//   read on the same wall clock as the start), and until sync is idle ("Last synced" with the
//   round over: the mirror filled and the replicator done). A build without the mark (before the
//   two-step first pull) gives the second figure for both;
// - one change reaching the other profile (both live), median of RUNS;
// - the popup's JS heap while the first pull runs.
// BENCH_SYNC_N sets N (default 50,000); BENCH_SYNC_TRACE=1 logs each probe: the ms per step and
// the requests of both service workers (path@start+duration, relative to the save). Needs
// `npm run build:e2e` first.
// BENCH_SYNC_SEED=server fills the team database directly (N documents by _bulk_docs) and has
// both profiles load it by a first pull, instead of seeding profile A through the capture path
// (14 minutes at 50,000) and pushing it: for the one-change case at scale; no first-push row.
// BENCH_SYNC_SEED=store fills profile A's store directly, as a CSV import of the same drafts
// would (bench/sync-store.page.ts: the import's saveMany in A's extension page, 5,000 drafts a
// transaction), then measures the first push, the raw baselines and the first pull as the
// capture seed does: the first push at 50,000 in minutes instead of 14 of seeding. The stored
// leads are what a capture or an import before Connect leaves (no capturedBy, owner or sync
// times): the push fills those in (the bridge's localRevision), so the documents B pulls are
// pushed ones, which carry them (the bench checks a sample), and neither profile sends them back.
// BENCH_SYNC_PAGE names the extension page open in both profiles during the one-change probes
// (settings, leads, insights, board, popup; default settings), since each open page's change
// listeners share the origin's IndexedDB with sync. BENCH_SYNC_ONLY=change skips the raw
// baselines and the heap samples. BENCH_SYNC_EXT runs another build (a baseline's copy).
import { loadavg } from 'node:os';
import { startCouchServer } from '../scripts/couch-server.mjs';
import { bundle, launch, report, requireFreshBuild, stats } from './lib.mjs';
import { draft, extensionPage, pushedTemplate, seedTeam, syncedAfter } from './sync-seed.mjs';

const N = Number(process.env.BENCH_SYNC_N || 50_000);
const RUNS = Number(process.env.BENCH_SYNC_RUNS || 11);
const EXT = process.env.BENCH_SYNC_EXT || '.output/chrome-mv3-e2e';
if (!process.env.BENCH_SYNC_EXT) requireFreshBuild(EXT);
const SEED = ['server', 'store'].includes(process.env.BENCH_SYNC_SEED) ? process.env.BENCH_SYNC_SEED : 'capture';
const PAGE = process.env.BENCH_SYNC_PAGE || 'settings';
const ONLY_CHANGE = process.env.BENCH_SYNC_ONLY === 'change';

const couch = await startCouchServer({
  users: [
    { name: 'ann', password: 'ann-pass' },
    { name: 'bob', password: 'bob-pass' },
  ],
});
await couch.createDatabase('team', ['ann', 'bob']);
await couch.createDatabase('raw', ['ann', 'bob']);
const profiles = [];
const t0 = performance.now();
const log = (...args) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)} s]`, ...args);

/** Logs profile `p`'s sync progress and ms per step (lib/sync/phases) every 15 s; clearInterval the result. */
function watchProgress(p, what) {
  return setInterval(async () => {
    const [s, ph] = await Promise.all([
      p.status().catch(() => null),
      p.serviceWorker.evaluate(() => globalThis.__prospectorSyncPhases).catch(() => null),
    ]);
    const ms = Object.fromEntries(Object.entries(ph ?? {}).map(([k, v]) => [k, Math.round(v)]));
    log(`${what}: ${JSON.stringify(s?.progress ?? null)}; ms per step ${JSON.stringify(ms)}`);
  }, 15_000);
}

async function profile() {
  const p = await launch({ extensionDir: EXT });
  profiles.push(p);
  const { page, send, status } = await extensionPage(p);
  const count = () => leadsRequest(page, 'count');
  // The most recently updated lead's name: one step of the by-updated index (newest first),
  // where a count walks the whole store (at 50,000 leads, polled every 25 ms, that walk
  // crowded the profile's IndexedDB and slowed the change it waited for).
  const newest = () =>
    page.evaluate(
      () =>
        new Promise((ok) => {
          const open = indexedDB.open('prospector');
          open.onsuccess = () => {
            const req = open.result.transaction('leads').objectStore('leads').index('by-updated').openCursor();
            req.onsuccess = () => {
              open.result.close();
              ok(req.result?.value?.lead?.fullName ?? null);
            };
          };
        }),
    );
  // Each request the service worker makes (path, start, duration), for the per-change trace.
  await p.serviceWorker.evaluate(() => {
    const log = [];
    globalThis.__benchFetchLog = log;
    const original = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const start = performance.now();
      const url = new URL(typeof input === 'string' ? input : input.url);
      try {
        return await original(input, init);
      } finally {
        log.push([
          url.pathname.split('/').pop() + (url.searchParams.get('feed') ? `?${url.searchParams.get('feed')}` : ''),
          Math.round(start),
          Math.round(performance.now() - start),
        ]);
        if (log.length > 2000) log.splice(0, 1000);
      }
    };
  });
  const trace = () =>
    p.serviceWorker.evaluate(() => ({
      now: Math.round(performance.now()),
      phases: { ...globalThis.__prospectorSyncPhases },
      fetches: globalThis.__benchFetchLog.splice(0),
    }));
  return { ...p, page, send, count, newest, status, trace };
}

/** One request (`count`, `getAll`) on the extension's leads store, from one of its pages. */
function leadsRequest(page, method) {
  return page.evaluate(
    (method) =>
      new Promise((ok) => {
        const open = indexedDB.open('prospector');
        open.onsuccess = () => {
          const req = open.result.transaction('leads').objectStore('leads')[method]();
          req.onsuccess = () => {
            open.result.close();
            ok(req.result);
          };
        };
      }),
    method,
  );
}

/**
 * Fills the team database with N lead documents shaped like those browsers push (./sync-seed:
 * copies of the document a throwaway profile pushed), instead of seeding profile A through the
 * capture path.
 */
async function seedServer() {
  const t = await profile();
  const seed = await pushedTemplate(couch, t);
  await t.close();
  profiles.splice(profiles.indexOf(t), 1);
  await seedTeam(couch, 'team', N, seed);
}

/**
 * Fills profile `p`'s store with the N bench drafts by the CSV import's store write
 * (bench/sync-store.page.ts), in transactions of 5,000, from its extension page.
 */
async function seedStore(p) {
  const script = await bundle('bench/sync-store.page.ts');
  // As bench/workspace.bench.mjs: zod must not compile parsers with new Function in this page.
  await p.page.evaluate(() => {
    globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });
  });
  await p.page.evaluate(script);
  for (let start = 0; start < N; start += 5000) {
    const drafts = Array.from({ length: Math.min(5000, N - start) }, (_, j) => draft(start + j));
    await p.page.evaluate((drafts) => window.syncSeed.import(drafts), drafts);
  }
}

/**
 * Whether the pushed documents carry what a browser's push gives every lead (capturedBy, owner,
 * per-field times): a sample of 500 from the team database, with the count that lack any.
 */
async function pushedShape() {
  const rows = (await couch.call('GET', '/team/_all_docs?include_docs=true&limit=500')).body.rows;
  const lacking = rows.filter(
    ({ doc }) => !doc.lead?.capturedBy || !doc.lead?.owner || Object.keys(doc.at ?? {}).length === 0,
  );
  return `${rows.length - lacking.length} of ${rows.length} sampled documents carry capturedBy, owner and at`;
}

try {
  let firstPush = null;
  let pushSent = null;
  let a;
  if (SEED === 'server') {
    log(`seeding ${N} leads into the team database`);
    await seedServer();
    log(`server holds ${(await couch.call('GET', '/team')).body?.doc_count} docs; A loads them`);
    a = await profile();
    const since = Date.now();
    const start = performance.now();
    await a.send('sync.connect', { url: `${couch.url}/team`, username: 'ann', password: 'ann-pass', name: 'Ann' });
    await syncedAfter(a, since);
    log(`A's first pull: ${((performance.now() - start) / 1000).toFixed(1)} s, A holds ${await a.count()} leads`);
  } else {
    a = await profile();
    const seeding = performance.now();
    if (SEED === 'store') {
      log(`seeding ${N} leads in profile A's store (the CSV import's write)`);
      await seedStore(a);
      // The import's change notices wake the background (reminders, fit scores): let it finish.
      await new Promise((r) => setTimeout(r, 5000));
    } else {
      log(`seeding ${N} leads in profile A through the capture path`);
      for (let start = 0; start < N; start += 500) {
        await a.send('leads.save', {
          drafts: Array.from({ length: Math.min(500, N - start) }, (_, j) => draft(start + j)),
        });
      }
    }
    log(`A holds ${await a.count()} leads (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`);

    // First push: Connect on A until the first round is done.
    const since = Date.now();
    const start = performance.now();
    // Where a long first push spends its time.
    const watch = watchProgress(a, 'first push');
    await a.send('sync.connect', { url: `${couch.url}/team`, username: 'ann', password: 'ann-pass', name: 'Ann' });
    await syncedAfter(a, since).finally(() => clearInterval(watch));
    firstPush = performance.now() - start;
    const sent = await a.serviceWorker.evaluate(() => globalThis.__prospectorSyncMarks?.['push.sent'] ?? null);
    pushSent = sent === null ? firstPush : sent - since;
    log(`first push: Last synced after ${(pushSent / 1000).toFixed(1)} s${sent === null ? ' (no mark)' : ''}`);
    log(
      'first push, ms per step (lib/sync/phases):',
      JSON.stringify(await a.serviceWorker.evaluate(() => globalThis.__prospectorSyncPhases)),
    );
    const info = await couch.call('GET', '/team');
    const auth = await a.page.evaluate(async () => (await chrome.storage.local.get('syncConfig')).syncConfig?.auth);
    log(`first push: ${(firstPush / 1000).toFixed(1)} s, server holds ${info.body?.doc_count} docs; auth: ${auth}`);
    log(`first push: ${await pushedShape()}; load ${loadavg().map((x) => x.toFixed(1))}`);
  }

  // Raw baselines from the same extension page: _all_docs of the pushed documents in pages of
  // 500, then a _bulk_docs of them (new revisions) into an empty database, in batches of 500.
  const basic = `Basic ${Buffer.from('ann:ann-pass').toString('base64')}`;
  const raw = ONLY_CHANGE
    ? { pull: NaN, push: NaN, docs: 0 }
    : await a.page.evaluate(
        async ({ url, auth }) => {
          const headers = { authorization: auth, 'content-type': 'application/json' };
          let docs = [];
          let startkey = null;
          const t0 = performance.now();
          for (;;) {
            const q = new URLSearchParams({ include_docs: 'true', limit: '501' });
            if (startkey) q.set('startkey', JSON.stringify(startkey));
            const res = await (await fetch(`${url}/team/_all_docs?${q}`, { headers })).json();
            const rows = res.rows.slice(0, 500);
            docs = docs.concat(rows.map((r) => r.doc));
            if (res.rows.length < 501) break;
            startkey = res.rows[500].id;
          }
          const pull = performance.now() - t0;
          const t1 = performance.now();
          for (let i = 0; i < docs.length; i += 500) {
            const batch = docs.slice(i, i + 500).map(({ _rev, ...doc }) => doc);
            await fetch(`${url}/raw/_bulk_docs`, { method: 'POST', headers, body: JSON.stringify({ docs: batch }) });
          }
          return { pull, push: performance.now() - t1, docs: docs.length };
        },
        { url: couch.url, auth: basic },
      );
  log(
    `raw: _all_docs ${(raw.pull / 1000).toFixed(1)} s, _bulk_docs ${(raw.push / 1000).toFixed(1)} s (${raw.docs} docs)`,
  );

  // First pull into an empty profile, with the popup open and its heap sampled.
  const b = await profile();
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  const heap = [];
  let sampling = !ONLY_CHANGE;
  const sampler = (async () => {
    while (sampling) {
      heap.push(await popup.evaluate(() => performance.memory?.usedJSHeapSize ?? 0).catch(() => 0));
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  const since = Date.now();
  const start = performance.now();
  // Where a long first pull spends its time, and whether it slows down as the lists grow.
  const watch = watchProgress(b, 'first pull');
  await b.send('sync.connect', { url: `${couch.url}/team`, username: 'bob', password: 'bob-pass', name: 'Bob' });
  await syncedAfter(b, since).finally(() => clearInterval(watch));
  const firstPull = performance.now() - start;
  const stored = await b.serviceWorker.evaluate(() => globalThis.__prospectorSyncMarks?.['load.stored'] ?? null);
  const usable = stored === null ? firstPull : stored - since;
  log(`first pull: leads in the list after ${(usable / 1000).toFixed(1)} s${stored === null ? ' (no mark)' : ''}`);
  log(
    'first pull, ms per step (lib/sync/phases):',
    JSON.stringify(await b.serviceWorker.evaluate(() => globalThis.__prospectorSyncPhases)),
  );
  sampling = false;
  await sampler;
  log(`first pull: ${(firstPull / 1000).toFixed(1)} s, B holds ${await b.count()} leads`);
  // The pulled leads' search words are written by a pass after the pull (DB v10, lib/db/words.ts):
  // until it ends a search reads the pending rows. When it ends, from the pull's start.
  const pendingLists = () =>
    b.page.evaluate(
      () =>
        new Promise((ok) => {
          const open = indexedDB.open('prospector');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('words')) {
              db.close();
              return ok(0);
            }
            const range = IDBKeyRange.bound('wordsPending:', 'wordsPending:\uffff');
            const req = db.transaction('meta').objectStore('meta').count(range);
            req.onsuccess = () => {
              db.close();
              ok(req.result);
            };
          };
        }),
    );
  while ((await pendingLists()) > 0) await new Promise((r) => setTimeout(r, 250));
  const wordsDone = performance.now() - start;
  log(`first pull's search words written ${(wordsDone / 1000).toFixed(1)} s after its start`);

  // One change reaching the other profile: both profiles have PAGE open (continuous sync).
  await popup.close();
  for (const p of [a, b]) {
    if (PAGE === 'popup') {
      const extra = await p.context.newPage();
      await extra.goto(`chrome-extension://${p.extensionId}/popup.html`);
    } else if (PAGE !== 'settings') {
      await p.page.goto(`chrome-extension://${p.extensionId}/options.html#${PAGE}`);
    }
  }
  // A first sync leaves work behind (fit scores of what was loaded, the replicator's first live
  // rounds); probes measure the steady state, so they start once neither service worker has
  // added to its step times for 5 s (at most 10 minutes).
  const phases = (p) => p.serviceWorker.evaluate(() => JSON.stringify(globalThis.__prospectorSyncPhases ?? {}));
  const delta = (a, b) =>
    Object.fromEntries(
      Object.entries(b)
        .map(([k, v]) => [k, Math.round(v - (a[k] ?? 0))])
        .filter(([, v]) => v > 0),
    );
  const settleStart = performance.now();
  // The team database's sequence before and after settling: a profile sending pulled or pushed
  // leads back as new revisions (the round trip of seeds lacking capturedBy, owner or at) moves it.
  const teamSeq = async () => (await couch.call('GET', '/team')).body?.update_seq;
  const seqBefore = await teamSeq();
  // What the service workers add while settling, every 10 s: the steps the settle time goes to.
  let window = [JSON.parse(await phases(a)), JSON.parse(await phases(b))];
  let windowStart = performance.now();
  const logWindow = async () => {
    const next = [JSON.parse(await phases(a)), JSON.parse(await phases(b))];
    log(
      `settling: A added ${JSON.stringify(delta(window[0], next[0]))}, B added ${JSON.stringify(delta(window[1], next[1]))}`,
    );
    window = next;
    windowStart = performance.now();
  };
  for (let last = '', quietSince = performance.now(); performance.now() - quietSince < 5000; ) {
    if (performance.now() - settleStart > 600_000) break;
    await new Promise((r) => setTimeout(r, 1000));
    const now = (await phases(a)) + (await phases(b));
    if (now !== last) quietSince = performance.now();
    last = now;
    if (performance.now() - windowStart > 10_000) await logWindow();
  }
  await logWindow();
  log(
    `settled after ${((performance.now() - settleStart) / 1000).toFixed(0)} s; team database sequence ${seqBefore} → ${await teamSeq()}`,
  );
  log(`one change: ${RUNS} probes with ${PAGE} open; load ${loadavg().map((x) => x.toFixed(1))}`);
  const latencies = [];
  const TRACE = process.env.BENCH_SYNC_TRACE === '1';
  for (let i = 0; i < RUNS; i++) {
    const name = `Latency Probe ${i}`;
    const traced = TRACE ? await Promise.all([a.trace(), b.trace()]) : null;
    const before = performance.now();
    await a.send('leads.save', { drafts: [{ fullName: name, emails: [{ value: `probe${i}@latency.example` }] }] });
    for (;;) {
      // Every probe is a new lead, the newest one: it has arrived when B's newest lead is it.
      if ((await b.newest()) === name) break;
      if (performance.now() - before > 60_000) throw new Error('a change did not arrive within 60 s');
      await new Promise((r) => setTimeout(r, 25));
    }
    latencies.push(performance.now() - before);
    if (traced) {
      const [ta, tb] = await Promise.all([a.trace(), b.trace()]);
      const rel = (t, t0) => t.fetches.map(([path, at, ms]) => `${path}@${at - t0.now}+${ms}`).join(' ');
      log(`probe ${i}: ${Math.round(latencies.at(-1))} ms`);
      log(`  A phases ${JSON.stringify(delta(traced[0].phases, ta.phases))} fetches ${rel(ta, traced[0])}`);
      log(`  B phases ${JSON.stringify(delta(traced[1].phases, tb.phases))} fetches ${rel(tb, traced[1])}`);
    }
  }
  const latency = stats(latencies);
  const heapMax = Math.max(...heap);
  const heapIdle = heap[0] ?? 0;

  const rows = [
    pushSent !== null && {
      case: `first push of ${N} leads until "Last synced" (the server holds every lead)`,
      median: pushSent,
      baseline: raw.push,
      ratio: pushSent / raw.push,
      target: '2x',
      pass: pushSent / raw.push <= 2,
    },
    firstPush !== null && {
      case: `first push of ${N} leads until sync is idle (mirror written)`,
      median: firstPush,
      baseline: raw.push,
      ratio: firstPush / raw.push,
      target: '2x',
      pass: firstPush / raw.push <= 2,
    },
    {
      case: `first pull of ${N} leads until they are in the list (store written, usable)`,
      median: usable,
      baseline: raw.pull,
      ratio: usable / raw.pull,
      target: '2x',
      pass: usable / raw.pull <= 2,
    },
    {
      case: `first pull of ${N} leads until sync is idle (mirror filled)`,
      median: firstPull,
      baseline: raw.pull,
      ratio: firstPull / raw.pull,
      target: '2x',
      pass: firstPull / raw.pull <= 2,
    },
    {
      case: `first pull + the pass writing its search words after it`,
      median: wordsDone,
      baseline: raw.pull,
      ratio: wordsDone / raw.pull,
      target: 'info',
    },
    {
      case: `one change reaching the other profile (median of ${RUNS}, ${PAGE} open)`,
      median: latency.median,
      p95: latency.p95,
      target: '2000ms',
      pass: latency.median < 2000,
    },
    {
      case: 'popup JS heap during the first pull (MB, max; first sample)',
      median: heapMax / 1e6,
      baseline: heapIdle / 1e6,
      target: 'info',
    },
  ].filter((row) => row && !(ONLY_CHANGE && Number.isNaN(row.baseline)) && !(ONLY_CHANGE && row.target === 'info'));
  report('sync', rows);
} finally {
  // A profile busy with a sync can take minutes to close: give cleanup 30 s, then leave.
  const cleanup = (async () => {
    for (const p of profiles) await p.close().catch(() => {});
    await couch.stop();
  })();
  await Promise.race([cleanup, new Promise((r) => setTimeout(r, 30_000))]);
  process.exit(process.exitCode ?? 0);
}
