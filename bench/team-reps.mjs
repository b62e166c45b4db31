// The simulated reps of `npm run bench team` (bench/team.bench.mjs), in a worker thread so their
// work does not share the event loop of the server they write to. Each rep speaks to the server as
// the extension does: a local PouchDB mirror replicated live both ways (PouchDB's replicator, the
// extension's batch size and backoff), user edits written into the mirror as the bridge writes a
// stored lead's edit (bench/team-edits.ts: the same revision, merge and document code as
// lib/sync), and every conflict the mirror receives merged and its losing leaves deleted as the
// bridge's pull does. What differs from a real browser: the mirror is PouchDB's memory adapter
// holding the rep's working set (the leads it edits) and whatever changes during the run, not all
// N leads in IndexedDB; there is no lead store, so no store writes, no duplicate folding and no
// pages; the rep sends Basic auth on each request, not a session cookie.
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
// PouchDB adds a 'destroyed' listener per open request and replication: many reps, one warning each.
EventEmitter.defaultMaxListeners = 100;
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));
// rng (bench/rng.ts): each rep's choices are the same from run to run.
const { chooseEdit, conflictWrites, editedDoc, rng } = await import(workerData.bundle);

/** The extension's replication settings (lib/sync/engine.ts). */
const BATCH_SIZE = 500;
const backOff = (delay) => (delay === 0 ? 1000 : Math.min(delay * 2, 5 * 60_000));

const reps = [];
let editing = false;

/** Runs `work` after the rep's previous step (the engine's one queue: an edit and a pull never interleave). */
function exclusive(rep, work) {
  const run = rep.queue.then(work, work);
  rep.queue = run.catch((err) => {
    rep.errors++;
    rep.lastError = String(err?.message ?? err);
  });
  return run;
}

/** Sets up one rep: its mirror holds its working set at the server's revisions (with their history), then live sync. */
async function openRep({ name, user, password, ids, hot }, url, seed, names, editMs, hotShare) {
  const local = new PouchDB(`team-${user}`, { adapter: 'memory' });
  const remote = new PouchDB(`${url}/team`, { adapter: 'http', skip_setup: true, auth: { username: user, password } });
  const since = (await remote.info()).update_seq;
  const got = await remote.bulkGet({ docs: ids.map((id) => ({ id })), revs: true });
  const docs = got.results.flatMap((r) => r.docs.map((d) => d.ok).filter(Boolean));
  await local.bulkDocs(docs, { new_edits: false });
  const rep = {
    name,
    local,
    remote,
    own: ids.filter((id) => !hot.includes(id)),
    hot,
    rand: rng(seed),
    queue: Promise.resolve(),
    n: 0,
    edits: 0,
    resolved: 0,
    errors: 0,
    lastError: '',
    active: false,
    timer: undefined,
  };
  rep.sync = local
    .sync(remote, {
      live: true,
      retry: true,
      batch_size: BATCH_SIZE,
      back_off_function: backOff,
      push: { since: (await local.info()).update_seq },
      pull: { since },
    })
    .on('active', () => {
      rep.active = true;
    })
    .on('paused', () => {
      rep.active = false;
    })
    .on('error', (err) => {
      rep.errors++;
      rep.lastError = String(err?.message ?? err);
    });
  rep.feed = local.changes({ live: true, since: 'now' }).on('change', (change) => {
    // Failures are counted by exclusive(); an unhandled one would end the worker.
    if (!change.id.startsWith('_')) exclusive(rep, () => resolve(rep, change.id)).catch(() => {});
  });
  rep.next = () => {
    rep.timer = setTimeout(
      () => {
        if (!editing) return;
        exclusive(rep, () => edit(rep, names, hotShare))
          .catch(() => {})
          .finally(() => editing && rep.next());
      },
      editMs * (0.5 + rep.rand()),
    );
  };
  return rep;
}

/** The bridge's pull on one changed document: its conflicts merged and the losing leaves deleted. */
async function resolve(rep, id) {
  const doc = await rep.local.get(id, { conflicts: true }).catch(() => null);
  if (!doc?._conflicts?.length) return;
  const res = await rep.local.bulkGet({ docs: doc._conflicts.map((rev) => ({ id, rev })) });
  const losers = res.results.flatMap((r) => r.docs.map((d) => d.ok).filter(Boolean));
  const writes = conflictWrites(doc, losers);
  if (writes.length === 0) return;
  await rep.local.bulkDocs(writes);
  rep.resolved++;
}

/** One user edit on a lead of the rep's working set (a hot lead shared by all reps with probability `hotShare`). */
async function edit(rep, names, hotShare) {
  const list = rep.rand() < hotShare ? rep.hot : rep.own;
  const id = list[Math.floor(rep.rand() * list.length)];
  const tag = `${rep.name}#${++rep.n}`;
  const kindRoll = rep.rand();
  const valueRoll = rep.rand();
  // The replicator writes into the mirror outside this queue: a revision pulled between the read
  // and the write is a 409, and the edit is made again on it (the bridge's next push would do so).
  for (let attempt = 0; ; attempt++) {
    const doc = await rep.local.get(id).catch(() => null);
    if (!doc?.lead) return;
    const chosen = chooseEdit(doc.lead, kindRoll, valueRoll, tag, names);
    const at = new Date().toISOString();
    const next = editedDoc(doc, chosen, at);
    if (!next) return;
    try {
      await rep.local.put(next);
    } catch (err) {
      if (err?.status === 409 && attempt < 5) continue;
      throw err;
    }
    rep.edits++;
    parentPort.postMessage({
      type: 'edit',
      rep: rep.name,
      id,
      edit: chosen,
      at,
      historyAdded: chosen.kind === 'stage',
    });
    return;
  }
}

const stats = () =>
  reps.map(({ name, edits, resolved, errors, lastError, active }) => ({
    name,
    edits,
    resolved,
    errors,
    lastError,
    active,
  }));

parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'open') {
      for (const [i, r] of msg.reps.entries()) {
        reps.push(await openRep(r, msg.url, 1000 + i, msg.names, msg.editMs, msg.hotShare));
      }
      parentPort.postMessage({ type: 'opened' });
    } else if (msg.type === 'start') {
      editing = true;
      for (const rep of reps) rep.next();
    } else if (msg.type === 'stop') {
      editing = false;
      for (const rep of reps) clearTimeout(rep.timer);
      await Promise.all(reps.map((rep) => rep.queue));
      parentPort.postMessage({ type: 'stopped' });
    } else if (msg.type === 'stats') {
      parentPort.postMessage({ type: 'stats', stats: stats() });
    } else if (msg.type === 'close') {
      for (const rep of reps) {
        rep.sync.cancel();
        rep.feed.cancel();
      }
      parentPort.postMessage({ type: 'closed', stats: stats() });
    }
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: String(err?.stack ?? err) });
  }
});
