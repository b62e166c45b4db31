import type { LeadRepository } from '@/lib/db/api';
import { notifyLeadsChanged } from '@/lib/db/changes';
import { fromDoc, type LeadDoc, type StoredLead } from './docs';
import { markReplicated, seqNumber } from './first-push';
import { timed } from './phases';
import type { PouchDatabase } from './pouch';

/**
 * A first pull into an empty store and an empty mirror (a new teammate's browser): the team's
 * documents are read in pages of `_all_docs` and written into the mirror and the store at once,
 * instead of being replicated into the mirror and then read back from it.
 *
 * Why, measured with `npm run bench sync` at 5,000 leads (load ~20, same run): PouchDB's
 * replication into the mirror took 23 s against 6.4 s for a raw `_all_docs` of the same
 * documents (per batch it reads `_changes`, asks `_revs_diff`, fetches the documents with
 * `_bulk_get` and writes two checkpoints), reading the mirror back 3.7 s and writing the store
 * 13.3 s: 45 s in all, 7x the raw transfer. Here the transfer is the raw one, the next page is
 * fetched while this one is written, and nothing is read back.
 *
 * The replication protocol stays PouchDB's: the engine runs the replicator right after, over
 * what this loaded. It compares revisions only (`_changes`, `_revs_diff`; no document is sent
 * again), fetches what this left out (documents with conflicting revisions, which the bridge
 * then merges; tombstones; documents written on the server meanwhile) and writes its own
 * checkpoints, from which continuous sync resumes. A load cut short (server gone, browser
 * closed) leaves a mirror that is no longer empty: the next round is an ordinary one, which
 * skips what was loaded (the mirror has those revisions, the store has them as its base).
 */

/** Documents per `_all_docs` page (as the raw baseline of the bench reads them). */
export const PAGE = 500;

export interface FirstPullDeps {
  remote: PouchDatabase;
  mirror: PouchDatabase;
  leads: LeadRepository;
  /** The bridge's skipOwn: what was written into both need not be read back by its pull. */
  skipOwn: (before: unknown, after: unknown, written: number) => Promise<boolean>;
  /** Leads written so far, of about `total` documents. */
  onProgress?: (done: number, total: number) => void;
  /** One change notice per this many leads (each makes open pages re-read the store). */
  noticeEvery: number;
}

type Page = { docs: LeadDoc[]; total: number; last: string | null };

/** True when a first pull may load: nothing was ever written into the mirror, and the store is empty. */
export async function canLoadFirstPull(mirror: PouchDatabase, leads: LeadRepository): Promise<boolean> {
  const info = await mirror.info();
  return info.update_seq === 0 && (await leads.count()) === 0;
}

/** Loads the team database into the empty mirror and store; resolves to the leads stored. */
export async function loadFirstPull(deps: FirstPullDeps): Promise<number> {
  const { remote, mirror, leads } = deps;
  const fetchPage = (after: string | null): Promise<Page> =>
    timed('load.fetch', async () => {
      const res = await remote.allDocs({
        include_docs: true,
        conflicts: true,
        limit: PAGE,
        ...(after === null ? {} : { startkey: after, skip: 1 }),
      });
      const docs = res.rows.flatMap((r) => ('doc' in r && r.doc ? [r.doc as unknown as LeadDoc] : []));
      return { docs, total: res.total_rows, last: res.rows.length === PAGE ? (res.rows.at(-1)?.id ?? null) : null };
    });
  let done = 0;
  let noticed: string[] = [];
  const tell = () => {
    if (noticed.length > 0) notifyLeadsChanged({ type: 'saved', ids: noticed, by: 'sync' });
    noticed = [];
  };
  // The server's sequence before the first page: whatever changes after it, the replicator fetches.
  const since = (await remote.info()).update_seq;
  let loaded = 0;
  let conflicted = false;
  let next: Promise<Page> | null = fetchPage(null);
  try {
    while (next) {
      const page: Page = await next;
      // The next page travels while this one is written.
      next = page.last === null ? null : fetchPage(page.last);
      next?.catch(() => {}); // Its error is thrown when it is awaited.
      // A document with conflicting revisions is left to the replicator (it brings every leaf)
      // and the bridge (it merges them); this writes the winner of the others only.
      const plain = page.docs.filter((d) => !d._conflicts?.length);
      if (plain.length < page.docs.length) conflicted = true;
      const docs = plain.map(({ _conflicts: _, ...doc }) => doc);
      const rows: StoredLead[] = [];
      for (const doc of plain) {
        const rev = doc._id.startsWith('_') ? null : fromDoc(doc);
        if (rev && doc._rev) rows.push({ ...rev.lead, syncRev: doc._rev });
      }
      const before = (await mirror.info()).update_seq;
      // new_edits: false stores the server's revisions as they are (replication's own write); its
      // result lists the failures only. The new leads' search words are written by a pass after
      // the pull (lib/db/words.ts): the store shares IndexedDB with this mirror write, and searches
      // stay exact meanwhile.
      const [failed] = await Promise.all([
        timed('load.mirror', () => mirror.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], { new_edits: false })),
        rows.length > 0
          ? timed('load.store', () =>
              leads.bulkPut(rows, { by: 'sync', quiet: true, validated: true, deferWords: true }),
            )
          : null,
      ]);
      const after = (await mirror.info()).update_seq;
      // Only once both hold the page: a store write that failed leaves the checkpoint where it was.
      const written = docs.length - failed.filter((r) => 'error' in r && r.error).length;
      loaded += written;
      await deps.skipOwn(before, after, written);
      done += rows.length;
      for (const row of rows) noticed.push(row.id);
      if (noticed.length >= deps.noticeEvery) tell();
      deps.onProgress?.(done, page.total);
    }
    await timed('load.checkpoints', () => markLoaded(deps, since, loaded, conflicted));
  } finally {
    tell();
  }
  return done;
}

/**
 * Writes the replication checkpoints of a complete load, so that the replicator after it does not
 * compare the loaded documents again (at 5,000 leads that comparison took 15.6 s of a 43.6 s first
 * pull, against 11.5 s for the raw download): mirror → server at the mirror's sequence when every
 * mirror write was a loaded document (all came from the server); server → mirror at the server's
 * sequence before the first page, when no document had conflicting revisions (the load leaves
 * those to the replicator). Whatever changed on the server since, the replicator fetches. A
 * tombstone older than the load is not fetched: an empty browser holds nothing it would remove.
 */
async function markLoaded(deps: FirstPullDeps, since: number | string, loaded: number, conflicted: boolean) {
  const mirrorSeq = (await deps.mirror.info()).update_seq;
  if (loaded === 0 || seqNumber(mirrorSeq) !== loaded) return;
  await markReplicated(deps.mirror, deps.remote, mirrorSeq);
  if (!conflicted) await markReplicated(deps.remote, deps.mirror, since);
}
