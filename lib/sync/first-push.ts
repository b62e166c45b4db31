/// <reference path="./pouchdb-modules.d.ts" />
import Checkpointer from 'pouchdb-checkpointer';
import generateReplicationId from 'pouchdb-generate-replication-id';
import type { SyncBases } from './bases';
import type { Bridge, FirstRevision } from './bridge';
import type { LeadDoc } from './docs';
import { mark, timed } from './phases';
import type { PouchDatabase } from './pouch';

/**
 * A first push (a browser holding leads connects to a team database), in two steps of one round,
 * as the first pull (lib/sync/first-pull.ts):
 * 1. the stored leads are read in batches and sent to the server's `_bulk_docs` with
 *    `new_edits: false`, each as its first revision, computed by the bridge as PouchDB would give
 *    it (`firstRevisions`), the next batch read while this one travels. When the server has
 *    accepted every one, the status says the leads are synced (`onSent`);
 * 2. the mirror (the replicator's copy) is written with the same revisions, read again from the
 *    store (`new_edits: false`: PouchDB assigns nothing), and the bases recorded. A lead the user
 *    changed or removed since it was sent gets the revision the server holds (read back from
 *    it), so the edit, pushed after this round, goes on top of it instead of beside it.
 *
 * Why, measured with `npm run bench sync` at 5,000 leads: sending each batch only once the
 * bridge had written it into the mirror (and with PouchDB's replicator before that, 30 s of
 * mirror writes then 29 s of push) made a first push 3.4x a raw `_bulk_docs` of the same
 * documents: of a 13.1 s push, 5.9 s were the mirror's writes and 3.0 s the bases', all before
 * the user saw "Last synced". The user waits for the server only; the mirror is this browser's
 * bookkeeping.
 *
 * It is the replicator's own write, not a second protocol: `_bulk_docs` with `new_edits: false`
 * and each document's revision is what PouchDB's push sends, so a document the server already
 * holds under another revision becomes a conflict there, merged by the bridge as after any
 * replication. The checkpoints are PouchDB's (pouchdb-checkpointer, at the replication id
 * PouchDB computes), written after step 2 and only for what both sides provably hold:
 * - mirror → server at the mirror's sequence, when every mirror write was a sent document the
 *   server accepted;
 * - server → mirror at the server's sequence after step 1, when the server was empty before, then
 *   held exactly what was sent (nobody else wrote meanwhile: its document count and sequence moved
 *   by exactly that many), and the mirror holds every sent revision. A team database with other
 *   documents is replicated from the start: the replicator fetches the team's leads, and compares
 *   the sent ones without fetching them.
 *
 * The round holds the engine's queue, so a lead edited meanwhile is pushed after step 2, against
 * the revision the mirror now holds as its base. A push cut short loses nothing: a marker in the
 * mirror, set before step 1, says the mirror may lack stored leads, and the next round finishes it
 * from the store (`finishPush`) before it pushes anything; without a checkpoint the replicator
 * then compares and sends whatever the server lacks. A server gone during step 1 does not stop
 * step 2 (every stored lead reaches the mirror); the replicator sends the rest later.
 */

/** `_bulk_docs` requests in flight at most (the next batch is read while they travel). */
const IN_FLIGHT = 2;

/** Ids per batch, as the bridge's push and the raw baseline of the bench send them. */
const BATCH = 500;

/** Batches of a first load's mirror writes per move of the bridge's checkpoint past them. */
const SKIP_BATCHES = 10;

/** A mirror's marker of a first push not written into it yet (a local document: no sequence, not replicated). */
const PUSH_ID = '_local/prospector-push';

/** The number a sequence starts with: PouchDB's are numbers, CouchDB's "123-g1AAA…" strings. */
export function seqNumber(seq: unknown): number {
  return typeof seq === 'number' ? seq : Number.parseInt(String(seq), 10);
}

/**
 * Writes PouchDB's checkpoints of the replication from `source` to `target` at `seq` (both
 * sides, one new session), as the replicator writes them after a batch: its next run starts
 * there. Only for what `target` is known to hold up to `seq`.
 */
export async function markReplicated(source: PouchDatabase, target: PouchDatabase, seq: number | string) {
  // The replication id of a sync without filter, doc_ids or selector (as the engine runs it).
  const id = await generateReplicationId(source, target, {});
  await new Checkpointer(source, target, id, { cancelled: false }).writeCheckpoint(seq, crypto.randomUUID());
}

/**
 * Moves the bridge's checkpoint past a first load's own mirror writes (the first pull's fill, the
 * first push's mirror write: its pull would only read them back), every SKIP_BATCHES batches, not
 * after each: two sequence reads and a checkpoint write per move, all on the mirror's IndexedDB. A
 * load cut short leaves the bridge at most that many batches to read back (it writes no row for
 * them). `batch(n)` after each batch, n the documents it wrote (maybe 0); `end()` after the last.
 */
export async function ownWrites(
  mirror: PouchDatabase,
  skipOwn: (before: unknown, after: unknown, written: number) => Promise<boolean>,
): Promise<{ batch(written: number): Promise<void>; end(): Promise<void> }> {
  let from = (await mirror.info()).update_seq;
  let unskipped = 0;
  let batches = 0;
  const move = async () => {
    const at = (await mirror.info()).update_seq;
    await skipOwn(from, at, unskipped);
    from = at;
    unskipped = 0;
  };
  return {
    async batch(written) {
      unskipped += written;
      if (++batches % SKIP_BATCHES === 0 && unskipped > 0) await move();
    },
    async end() {
      if (unskipped > 0) await move();
    },
  };
}

export interface FirstPushDeps {
  mirror: PouchDatabase;
  remote: PouchDatabase;
  bridge: Pick<Bridge, 'firstRevisions' | 'adopt' | 'skipOwn'>;
  /** The base of each lead: for a first push, the revision the server accepted. */
  bases: Pick<SyncBases, 'read' | 'write'>;
  /** The server accepted every lead (`sent` of them); the mirror is written next. */
  onSent?: (sent: number) => void;
  /** Leads of the mirror's write done so far, of `total`. */
  onCopy?: (done: number, total: number) => void;
}

/** True when a first push was cut before its mirror was written (`finishPush` finishes it). */
export async function hasUnfinishedPush(mirror: PouchDatabase): Promise<boolean> {
  return mirror.get(PUSH_ID).then(
    () => true,
    () => false,
  );
}

async function setMarker(mirror: PouchDatabase, on: boolean): Promise<void> {
  const current = await mirror.get(PUSH_ID).catch(() => null);
  if (on && !current) await mirror.put({ _id: PUSH_ID });
  if (!on && current) await mirror.remove(current);
}

/** `ids` in batches (duplicates dropped). */
function batches(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)];
  const out: string[][] = [];
  for (let start = 0; start < unique.length; start += BATCH) out.push(unique.slice(start, start + BATCH));
  return out;
}

/** Each batch's first revisions, the next batch read while the caller works on this one. */
async function* readAhead(
  bridge: FirstPushDeps['bridge'],
  chunks: readonly string[][],
): AsyncGenerator<{ chunk: string[]; firsts: FirstRevision[] }> {
  let next = chunks[0] ? bridge.firstRevisions(chunks[0]) : null;
  for (let i = 0; i < chunks.length; i++) {
    const firsts = await (next as Promise<FirstRevision[]>);
    const following = chunks[i + 1];
    next = following ? bridge.firstRevisions(following) : null;
    next?.catch(() => {}); // Its error is thrown when it is awaited.
    yield { chunk: chunks[i] as string[], firsts };
  }
}

/**
 * The first push of the stored leads `ids` into an empty mirror and `remote`: sent, then written
 * into the mirror with the same revisions. Resolves to true when the checkpoints were written
 * (the replicator after it has little or nothing to compare).
 */
export async function pushFirst(deps: FirstPushDeps, ids: readonly string[]): Promise<boolean> {
  const { mirror, remote, bridge } = deps;
  await setMarker(mirror, true);
  const chunks = batches(ids);
  let sent = 0;
  const before = await remote.info().catch(() => null);
  /** A batch the server refused or never got (or no server at all): the replicator sends the rest. */
  let incomplete = before === null;
  const inFlight = new Set<Promise<void>>();
  // What the server accepted becomes the leads' bases at once (another database, written while
  // the next batch travels): a mirror write cut short is finished with the revisions sent. Only
  // the bases: the rest of the bookkeeping (a lead the merge changed) waits for step 2.
  let adopting: Promise<unknown> = Promise.resolve();

  async function post(firsts: FirstRevision[]): Promise<void> {
    try {
      const body = firsts.map(({ doc }) => ({
        ...doc,
        _revisions: { start: 1, ids: [(doc._rev as string).slice(2)] },
      }));
      // With new_edits: false the answer lists the failures only.
      const failed = await timed('firstPush.send', () =>
        remote.bulkDocs(body as PouchDB.Core.PutDocument<object>[], { new_edits: false }),
      );
      const refused = new Set(failed.flatMap((r) => ('error' in r && r.error && r.id ? [r.id] : [])));
      if (failed.some((r) => 'error' in r && r.error)) incomplete = true;
      const accepted = firsts.filter((f) => !refused.has(f.doc._id));
      sent += accepted.length;
      const bases = accepted.map((f) => [f.doc._id, f.doc._rev as string] as const);
      adopting = adopting.then(() => timed('firstPush.bases.write', () => deps.bases.write(bases)));
      adopting.catch(() => {}); // Thrown when awaited after the last batch.
    } catch {
      // The server is gone: the mirror gets every lead in step 2; the replicator sends the rest later.
      incomplete = true;
    }
  }

  // Step 1: the leads to the server.
  if (!incomplete) {
    for await (const { firsts } of readAhead(bridge, chunks)) {
      if (incomplete) break;
      if (firsts.length === 0) continue;
      const request = post(firsts).finally(() => inFlight.delete(request));
      inFlight.add(request);
      while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }
  const after = incomplete ? null : await remote.info().catch(() => null);
  if (after) {
    mark('push.sent');
    deps.onSent?.(sent);
  }
  await adopting;

  // Step 2: the mirror, with the revisions sent.
  const filled = await timed('firstPush.mirror', () => writeMirror(deps, chunks, false));
  let marked = false;
  const mirrorSeq = (await mirror.info()).update_seq;
  // Every mirror write was a sent document the server accepted, and nothing else wrote into it.
  if (after && before && filled.unsent === 0 && seqNumber(mirrorSeq) === filled.written)
    marked = await timed('firstPush.checkpoints', async () => {
      await markReplicated(mirror, remote, mirrorSeq);
      const remoteWasEmpty =
        before.doc_count === 0 &&
        ((before as { doc_del_count?: number }).doc_del_count ?? 0) === 0 &&
        seqNumber(before.update_seq) === 0;
      // The server held exactly what was sent after step 1, and the mirror holds all of it.
      if (remoteWasEmpty && filled.written === sent && after.doc_count === sent && seqNumber(after.update_seq) === sent)
        await markReplicated(remote, mirror, after.update_seq);
      return true;
    }).catch(() => false); // No checkpoint, or only the first: the replicator compares what is left.
  await setMarker(mirror, false);
  return marked;
}

/**
 * Finishes the mirror of a first push that was cut short, as step 2 does: every stored lead
 * (`ids`) the mirror lacks is written as the revision the server accepted (its base) or, never
 * sent, as its first revision; then the marker is removed. No checkpoint is written: the
 * replicator after it compares from the start, and sends what the server lacks.
 */
export async function finishPush(deps: FirstPushDeps, ids: readonly string[]): Promise<void> {
  await timed('firstPush.mirror', () => writeMirror(deps, batches(ids), true));
  await setMarker(deps.mirror, false);
}

/**
 * Writes the stored leads of `chunks` into the mirror (`new_edits: false`) as the revisions the
 * server accepted (their bases); a lead changed or removed since it was sent gets the sent one,
 * read back from the server. A lead never sent is written as its first revision, and its base
 * recorded. With `missingOnly`, leads the mirror holds already are left alone. `unsent` counts
 * the writes of revisions the server was not known to hold. Throws when the server cannot be
 * reached for a sent revision (the marker stays: the next round tries again).
 */
async function writeMirror(
  deps: FirstPushDeps,
  chunks: readonly string[][],
  missingOnly: boolean,
): Promise<{ written: number; unsent: number }> {
  const { mirror, remote, bridge } = deps;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  let written = 0;
  let unsent = 0;
  let done = 0;
  const own = await ownWrites(mirror, bridge.skipOwn);
  // The bases of leads never sent (and the leads the merge changed) are recorded while the next
  // batch is read and written.
  let adopting: Promise<unknown> = Promise.resolve();
  for await (const { chunk, firsts } of readAhead(bridge, chunks)) {
    const [sent, present] = await Promise.all([
      timed('firstPush.bases', () => deps.bases.read(chunk)),
      missingOnly ? mirror.allDocs({ keys: chunk }) : null,
    ]);
    const held = new Set(present?.rows.flatMap((r) => ('value' in r && r.value ? [r.key] : [])) ?? []);
    const byId = new Map(firsts.map((f) => [f.doc._id, f]));
    const docs: LeadDoc[] = [];
    const same: FirstRevision[] = [];
    const fresh: FirstRevision[] = [];
    const moved: { id: string; rev: string }[] = [];
    for (const id of chunk) {
      if (held.has(id)) continue;
      const first = byId.get(id);
      const rev = sent.get(id);
      if (first && rev === first.doc._rev) same.push(first);
      else if (rev !== undefined) moved.push({ id, rev });
      else if (first) fresh.push(first);
    }
    if (moved.length > 0) {
      const found = await sentRevisions(remote, moved);
      docs.push(...found);
      // A sent revision the server no longer has (compacted away): the lead as it is now.
      const back = new Set(found.map((d) => d._id));
      for (const m of moved) {
        const first = byId.get(m.id);
        if (!back.has(m.id) && first) fresh.push(first);
      }
    }
    docs.push(...same.map((f) => f.doc), ...fresh.map((f) => f.doc));
    if (docs.length > 0) {
      // With new_edits: false the result lists the failures only.
      const failed = await timed('firstPush.mirror.bulkDocs', () =>
        mirror.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], { new_edits: false }),
      );
      if (failed.some((r) => 'error' in r && r.error)) throw new Error('A first push could not write the mirror');
      written += docs.length;
      unsent += fresh.length;
      await adopting;
      adopting = Promise.all([bridge.adopt(same, true), fresh.length > 0 && bridge.adopt(fresh)]);
      adopting.catch(() => {}); // Thrown by the await above or below.
    }
    done += chunk.length;
    await own.batch(docs.length);
    deps.onCopy?.(done, total);
  }
  await adopting;
  await own.end();
  return { written, unsent };
}

/** The sent revisions of leads changed since, as the server holds them (it throws when it cannot be reached). */
async function sentRevisions(remote: PouchDatabase, wanted: { id: string; rev: string }[]): Promise<LeadDoc[]> {
  const res = await timed('firstPush.older', () => remote.bulkGet({ docs: wanted }));
  return res.results.flatMap((r) =>
    r.docs.flatMap((d) =>
      'ok' in d && d.ok && !(d.ok as { _deleted?: boolean })._deleted ? [d.ok as unknown as LeadDoc] : [],
    ),
  );
}
