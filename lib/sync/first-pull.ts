import type { LeadRepository } from '@/lib/db/api';
import { notifyLeadsChanged } from '@/lib/db/changes';
import { fromDoc, type LeadDoc, type StoredLead } from './docs';
import { markReplicated, ownWrites, seqNumber } from './first-push';
import { mark, timed } from './phases';
import type { PouchDatabase } from './pouch';

/**
 * A first pull into an empty store and an empty mirror (a new teammate's browser), in two steps
 * of one round:
 * 1. the team's documents are read in pages of `_all_docs` and written into the store only: the
 *    leads are in the list, searchable and editable, when the last page is written;
 * 2. the mirror (the replicator's copy) is filled by reading the pages again and writing, as the
 *    server's revisions, the documents still at the revision the store took. What changed, came
 *    or went on the server in between is left to the replicator, which runs right after.
 *
 * Why, measured with `npm run bench sync`: writing each page into the mirror and the store side
 * by side, both on the origin's IndexedDB, made a first pull of 50,000 leads 12.3x a raw
 * `_all_docs` (154.5 s against 12.5 s, load 20): 78.8 s of store writes beside 69.7 s of mirror
 * writes (both on the origin's one IndexedDB backend: side by side they did not overlap). The user
 * waits for the store only; a second download is the cheap part (the raw one). At 50,000 (load
 * 11-19, raw 4.0 s) the leads were in the list after 30.9 s (7.8x; 49.2 s, 12.4x, when both were
 * written together in a quieter run) and sync was idle after 67.8 s (the fill 36.7 s, and the
 * search words pass of lib/db/words.ts now runs beside it). Before that, replicating into the
 * mirror and reading it back was 7x the raw transfer at 5,000.
 *
 * The replication protocol stays PouchDB's: the engine runs the replicator right after, from the
 * checkpoints this writes when it can (`markLoaded`). It fetches what this left out: documents
 * with conflicting revisions (the bridge merges them), tombstones, documents written on the
 * server meanwhile. The round holds the engine's queue, so a lead the user edits while the
 * mirror fills is pushed after it, against the revision the mirror now holds as its base.
 *
 * A load cut short (server gone, browser closed) leaves a marker in the mirror: the next round
 * finishes the mirror from the store's revisions (`finishLoad`) before it pushes anything (a push
 * needs each lead's base revision in the mirror), then runs as an ordinary round: the replicator
 * compares from the start and fetches what the mirror still lacks, and the bridge skips what the
 * store already holds at that revision (no row is written again).
 */

/** Documents per `_all_docs` page (as the raw baseline of the bench reads them). */
export const PAGE = 500;

/** A mirror's marker of a first pull not finished yet (a local document: no sequence, not replicated). */
const LOAD_ID = '_local/prospector-load';

export interface FirstPullDeps {
  remote: PouchDatabase;
  mirror: PouchDatabase;
  leads: LeadRepository;
  /** The bridge's skipOwn: what the load wrote into the mirror need not be read back by its pull. */
  skipOwn: (before: unknown, after: unknown, written: number) => Promise<boolean>;
  /** Leads written so far, of about `total` documents. */
  onProgress?: (done: number, total: number) => void;
  /** Every lead is in the store (the list is usable); the mirror is filled next. */
  onStored?: (stored: number) => void;
  /** Documents of the mirror's fill read so far, of about `total`. */
  onCopy?: (done: number, total: number) => void;
  /** One change notice per this many leads (each makes open pages re-read the store). */
  noticeEvery: number;
}

type Page = { docs: LeadDoc[]; total: number };

/** The pages of `_all_docs`, each next one fetched while the caller works on this one. */
async function* allDocsPages(remote: PouchDatabase, phase: string, conflicts: boolean): AsyncGenerator<Page> {
  const fetchPage = (after: string | null) =>
    timed(phase, async () => {
      const res = await remote.allDocs({
        include_docs: true,
        conflicts,
        limit: PAGE,
        ...(after === null ? {} : { startkey: after, skip: 1 }),
      });
      const docs = res.rows.flatMap((r) => ('doc' in r && r.doc ? [r.doc as unknown as LeadDoc] : []));
      const last = res.rows.length === PAGE ? (res.rows.at(-1)?.id ?? null) : null;
      return { page: { docs, total: res.total_rows }, last };
    });
  let next: ReturnType<typeof fetchPage> | null = fetchPage(null);
  while (next) {
    const { page, last }: Awaited<ReturnType<typeof fetchPage>> = await next;
    next = last === null ? null : fetchPage(last);
    next?.catch(() => {}); // Its error is thrown when it is awaited.
    yield page;
  }
}

/** True when a first pull may load: nothing was ever written into the mirror, and the store is empty. */
export async function canLoadFirstPull(mirror: PouchDatabase, leads: LeadRepository): Promise<boolean> {
  const info = await mirror.info();
  return info.update_seq === 0 && (await leads.count()) === 0;
}

/** True when a first pull was cut before its mirror was filled (`finishLoad` finishes it). */
export async function hasUnfinishedLoad(mirror: PouchDatabase): Promise<boolean> {
  return mirror.get(LOAD_ID).then(
    () => true,
    () => false,
  );
}

async function setMarker(mirror: PouchDatabase, on: boolean): Promise<void> {
  const current = await mirror.get(LOAD_ID).catch(() => null);
  if (on && !current) await mirror.put({ _id: LOAD_ID });
  if (!on && current) await mirror.remove(current);
}

/**
 * Loads the team database into the empty store, then fills the mirror; resolves to the leads
 * stored. `onStored` is called between the two.
 */
export async function loadFirstPull(deps: FirstPullDeps): Promise<number> {
  const { remote, leads } = deps;
  let done = 0;
  let noticed: string[] = [];
  const tell = () => {
    if (noticed.length > 0) notifyLeadsChanged({ type: 'saved', ids: noticed, by: 'sync' });
    noticed = [];
  };
  // The server's sequence before the first page: whatever changes after it, the replicator fetches.
  const since = (await remote.info()).update_seq;
  await setMarker(deps.mirror, true);
  /** The revision of each document read (the mirror's fill writes those still at it). */
  const revs = new Map<string, string>();
  let conflicted = false;
  try {
    for await (const page of allDocsPages(remote, 'load.fetch', true)) {
      // A document with conflicting revisions is left to the replicator (it brings every leaf)
      // and the bridge (it merges them).
      const plain = page.docs.filter((d) => !d._conflicts?.length);
      if (plain.length < page.docs.length) conflicted = true;
      const rows: StoredLead[] = [];
      for (const doc of plain) {
        if (!doc._rev) continue;
        revs.set(doc._id, doc._rev);
        const rev = doc._id.startsWith('_') ? null : fromDoc(doc);
        if (rev) rows.push({ ...rev.lead, syncRev: doc._rev });
      }
      // The new leads' search words are written by a pass after the pull (lib/db/words.ts).
      if (rows.length > 0)
        await timed('load.store', () =>
          leads.bulkPut(rows, { by: 'sync', quiet: true, validated: true, deferWords: true }),
        );
      done += rows.length;
      for (const row of rows) noticed.push(row.id);
      if (noticed.length >= deps.noticeEvery) tell();
      deps.onProgress?.(done, page.total);
    }
  } finally {
    tell();
  }
  mark('load.stored');
  deps.onStored?.(done);
  const filled = await timed('load.fill', () => fillMirror(deps, async () => revs));
  if (filled.complete) await timed('load.checkpoints', () => markLoaded(deps, since, filled.written, conflicted));
  await setMarker(deps.mirror, false);
  return done;
}

/**
 * Finishes the mirror of a first pull that was cut short, from the revisions the store holds
 * (`storedRevs`: the syncRev of each stored lead), and removes the marker. No checkpoint is
 * written: the replicator after it compares from the start.
 */
export async function finishLoad(
  deps: FirstPullDeps,
  storedRevs: (ids: readonly string[]) => Promise<Map<string, string>>,
): Promise<void> {
  // Cut before a lead was stored: the next round loads from the start.
  if ((await deps.leads.count()) > 0) await timed('load.fill', () => fillMirror(deps, storedRevs));
  await setMarker(deps.mirror, false);
}

/**
 * Writes into the mirror, as the server's revisions (`new_edits: false`, the replicator's own
 * write), the documents the server still holds at the revision `wanted` names; of a document
 * changed since, that older revision (the base the bridge compares a local edit with), when the
 * server still has it. A document `wanted` does not name is left to the replicator. `complete`
 * is false when a write failed.
 */
async function fillMirror(
  deps: FirstPullDeps,
  wanted: (ids: readonly string[]) => Promise<Map<string, string>>,
): Promise<{ written: number; complete: boolean }> {
  const { remote, mirror } = deps;
  let written = 0;
  let complete = true;
  let done = 0;
  const own = await ownWrites(mirror, deps.skipOwn);
  for await (const page of allDocsPages(remote, 'fill.fetch', false)) {
    const revs = await wanted(page.docs.map((d) => d._id));
    const docs: LeadDoc[] = [];
    const moved: { id: string; rev: string }[] = [];
    for (const { _conflicts: _, ...doc } of page.docs) {
      const rev = revs.get(doc._id);
      if (rev === doc._rev) docs.push(doc);
      else if (rev) moved.push({ id: doc._id, rev });
    }
    if (moved.length > 0) docs.push(...(await olderRevisions(remote, moved)));
    let wrote = 0;
    if (docs.length > 0) {
      // With new_edits: false the result lists the failures only.
      const failed = await timed('fill.mirror', () =>
        mirror.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], { new_edits: false }),
      );
      const errors = failed.filter((r) => 'error' in r && r.error).length;
      if (errors > 0) complete = false;
      wrote = docs.length - errors;
      written += wrote;
    }
    done += page.docs.length;
    await own.batch(wrote);
    deps.onCopy?.(done, Math.max(done, page.total));
  }
  await own.end();
  return { written, complete };
}

/** The given older revisions with their history, as the server still holds them (compaction drops them). */
async function olderRevisions(remote: PouchDatabase, wanted: { id: string; rev: string }[]): Promise<LeadDoc[]> {
  const res = await timed('fill.older', () => remote.bulkGet({ docs: wanted, revs: true }));
  return res.results.flatMap((r) =>
    r.docs.flatMap((d) =>
      'ok' in d && d.ok && !(d.ok as { _deleted?: boolean })._deleted ? [d.ok as unknown as LeadDoc] : [],
    ),
  );
}

/**
 * Writes the replication checkpoints of a complete load, so that the replicator after it does not
 * compare the loaded documents again (at 5,000 leads that comparison took 15.6 s of a 43.6 s first
 * pull, against 11.5 s for the raw download): mirror → server at the mirror's sequence when every
 * mirror write was a loaded document (all came from the server); server → mirror at the server's
 * sequence before the first page, when no document had conflicting revisions (the load leaves
 * those to the replicator) and the fill wrote every unchanged one (a document changed since is
 * after that sequence: the replicator fetches it). A tombstone older than the load is not
 * fetched: an empty browser holds nothing it would remove.
 */
async function markLoaded(deps: FirstPullDeps, since: number | string, loaded: number, conflicted: boolean) {
  const mirrorSeq = (await deps.mirror.info()).update_seq;
  if (loaded === 0 || seqNumber(mirrorSeq) !== loaded) return;
  await markReplicated(deps.mirror, deps.remote, mirrorSeq);
  if (!conflicted) await markReplicated(deps.remote, deps.mirror, since);
}
