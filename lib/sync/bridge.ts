import { stringMd5 } from 'pouchdb-md5';
import type { LeadRepository } from '@/lib/db/api';
import { notifyLeadsChanged } from '@/lib/db/changes';
import { openDatabase, type ProspectorDatabase } from '@/lib/db/database';
import type { LeadRow } from '@/lib/db/rows';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
import type { SyncBases } from './bases';
import {
  fromDoc,
  generation,
  type LeadDoc,
  okRev,
  type StoredLead,
  shared,
  toDoc,
  withLocal,
  withoutSync,
} from './docs';
import { timed } from './phases';
import type { PouchDatabase } from './pouch';
import { canonical, type LeadRevision, resolveRevisions, sameRevision, toRevision } from './resolve';

/**
 * The bridge between Prospector's store (lib/db, the source of every screen) and the
 * local PouchDB mirror of the team database. The store stays the app's store;
 * the mirror is what PouchDB replicates.
 * - push: leads written in the store become mirror revisions, merged (lib/sync/resolve)
 *   with what the mirror has, so a pulled change not yet applied is never overwritten;
 * - pull: mirror changes since the bridge's checkpoint are resolved (conflicting
 *   revisions merged and the losing ones deleted, so conflicts do not grow) and merged
 *   into the store;
 * - each stored lead has a base, the mirror revision it was last synced with (lib/sync/bases;
 *   rows written before kept it as `syncRev`): what tells this browser's own edits (changed
 *   since the base) from stale values.
 * A first sync moves every lead, so the store is written only when a lead's content changes:
 * a push records bases and leaves the leads alone (the teammate fields it fills in, capturedBy
 * and owner, default to this browser's name wherever they are read), and the pull skips the
 * mirror changes the push itself made.
 */

export interface BridgeDeps {
  leads: LeadRepository;
  mirror: PouchDatabase;
  /** Reads stored leads by id (absent and damaged ones are left out). */
  readLeads: (ids: readonly string[]) => Promise<Map<string, StoredLead>>;
  /** The base revision of each lead. */
  bases: SyncBases;
  /** This browser's teammate name (capturedBy and default owner of what it captures). */
  me: string;
}

export interface PullResult {
  applied: number;
  removed: number;
  /** Restores the leads a teammate removed (from this browser's trash). */
  restoreToken?: string;
}

const CHECKPOINT_ID = '_local/prospector-bridge';
type Checkpoint = { _id: string; _rev?: string; seq: string | number };
/** Mirror changes read per round of a pull (and ids per push round). */
export const BATCH = 500;
/**
 * A pull tells the pages once per this many leads it stored (and once at its end), not once per
 * batch: each notice makes every open page re-read the store, and at 50,000 leads a notice per
 * 500 made the pull's time grow with the square of the list.
 */
export const NOTICE_EVERY = 5000;
/** Up to this many leads per write, a lead edited meanwhile is kept (bulkPut's keepNewer). */
const KEEP_NEWER_MAX = 50;

export type { LeadDoc } from './docs';

/** A stored lead's first revision (`doc`, with its `_rev`), its merged lead, and the stored one it came from. */
export interface FirstRevision {
  doc: LeadDoc;
  lead: Lead;
  mine: Lead;
}

/** The winner of duplicates captured by two teammates: the oldest lead, then the smallest id. */
export function duplicateWinner(leads: readonly Lead[]): Lead {
  return [...leads].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
  )[0] as Lead;
}

/** Creates the bridge over a store and a mirror. */
export function createBridge(deps: BridgeDeps) {
  const { leads, mirror } = deps;

  /** Stored leads with their base revision as `syncRev`. */
  async function readLocals(ids: readonly string[]): Promise<Map<string, StoredLead>> {
    // Timed apart: at 50,000 leads one change's read of its one lead took ~3.5 s (open question).
    const [locals, revs] = await Promise.all([
      timed('read.store', () => deps.readLeads(ids)),
      timed('read.bases', () => deps.bases.read(ids)),
    ]);
    for (const [id, rev] of revs) {
      const local = locals.get(id);
      // The row's syncRev (written with the lead by a pull) or the recorded one (a push):
      // a base only moves forward, so the later generation is the current one.
      if (local && generation(rev) > generation(local.syncRev)) local.syncRev = rev;
    }
    return locals;
  }

  async function bases(locals: StoredLead[]): Promise<Map<string, LeadRevision>> {
    const wanted = locals.filter((l) => l.syncRev).map((l) => ({ id: l.id, rev: l.syncRev as string }));
    const out = new Map<string, LeadRevision>();
    if (wanted.length === 0) return out;
    const res = await mirror.bulkGet({ docs: wanted });
    for (const entry of res.results) {
      const doc = entry.docs[0] && 'ok' in entry.docs[0] ? (entry.docs[0].ok as unknown as LeadDoc) : null;
      const rev = doc ? fromDoc(doc) : null;
      if (rev) out.set(entry.id, rev);
    }
    return out;
  }

  /** The revision of a stored lead, with the teammate fields this browser fills in. */
  function localRevision(local: StoredLead, base: LeadRevision | undefined): LeadRevision {
    const lead = shared(withoutSync(local));
    if (!lead.capturedBy) lead.capturedBy = deps.me;
    if (!lead.owner) lead.owner = lead.capturedBy;
    return toRevision(lead, base);
  }

  /**
   * Records the mirror revision each lead is now synced with, writing a lead into the store
   * only when its content differs from `current` (what the store holds; a push passes the
   * lead with the teammate fields it filled in). A lead the user edited meanwhile is kept,
   * and keeps its old base.
   */
  async function store(
    entries: { lead: Lead; rev: string; current?: Lead | undefined }[],
    noticed?: string[],
  ): Promise<number> {
    // Leads come from shared revisions; what differs only in this browser's own fields is unchanged.
    const changed = entries
      .filter(({ lead, current }) => !current || canonical(shared(current)) !== canonical(shared(lead)))
      .map((e) => ({ ...e, lead: withLocal(shared(e.lead), e.current) }));
    if (changed.length > 0) {
      // keepNewer keeps a lead the user edited since it was read, but reads back every stored
      // lead it would replace (and, above lib/db/bulk's key-check size, every stored key): worth
      // it for the few leads of a live change, not for a first sync's batches.
      const keepNewer = changed.length <= KEEP_NEWER_MAX;
      // The lead is written anyway, so its base goes with it.
      const rows = changed.map(({ lead, rev }) => ({ ...withoutSync(lead as StoredLead), syncRev: rev }));
      // With `noticed`, the caller sends the change notice for these ids (one for many batches).
      // Validated already: every lead here is a parsed document (fromDoc), a parsed stored row
      // (readStoredLeads), or their merge (resolveRevisions keeps lists within their limits).
      await timed('store.bulkPut', () =>
        leads.bulkPut(rows, { keepNewer, by: 'sync', quiet: noticed !== undefined, validated: true }),
      );
      if (noticed) for (const row of rows) noticed.push(row.id);
    }
    const rewritten = new Set(changed.map((e) => e.lead.id));
    // A lead kept because the user edited it meanwhile keeps its row's old syncRev; the others
    // are as the mirror revision says.
    const based = entries.filter((e) => !rewritten.has(e.lead.id));
    if (based.length > 0)
      await timed('bases.write', () => deps.bases.write(based.map((e) => [e.lead.id, e.rev] as const)));
    return changed.length;
  }

  async function readCheckpoint(): Promise<Checkpoint> {
    try {
      return (await mirror.get(CHECKPOINT_ID)) as unknown as Checkpoint;
    } catch {
      return { _id: CHECKPOINT_ID, seq: 0 }; // First pull: from the beginning.
    }
  }

  async function saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    const saved = await mirror.put(checkpoint as PouchDB.Core.PutDocument<object>);
    checkpoint._rev = saved.rev;
  }

  /**
   * Moves the pull's checkpoint past mirror writes this browser made itself (they came from the
   * store, or went into it: the pull would only read them back), when the pull had read everything
   * before them and nothing else wrote meanwhile: the mirror's sequence moved from `before` to
   * `after` by exactly `written` documents.
   */
  async function skipOwn(before: unknown, after: unknown, written: number): Promise<boolean> {
    const checkpoint = await readCheckpoint();
    if (
      typeof before !== 'number' ||
      typeof after !== 'number' ||
      String(checkpoint.seq) !== String(before) ||
      after - before !== written
    )
      return false;
    checkpoint.seq = after;
    await saveCheckpoint(checkpoint);
    return true;
  }

  /** Writes this browser's revisions into the mirror (its pull does not read them back). */
  async function writeOwn(docs: LeadDoc[]) {
    const before = (await mirror.info()).update_seq;
    const results = await timed('push.mirror.bulkDocs', () =>
      mirror.bulkDocs(docs as PouchDB.Core.PutDocument<object>[]),
    );
    const after = (await mirror.info()).update_seq;
    await skipOwn(before, after, results.filter((r) => okRev(r)).length);
    return results;
  }

  /**
   * Pushes stored leads into the mirror (ids from change notifications or a catch-up scan):
   * present ones as merged revisions, absent ones (removed) as tombstones. Returns how many
   * mirror documents were written. (A push into an empty mirror is lib/sync/first-push's.)
   */
  async function push(ids: readonly string[]): Promise<number> {
    let written = 0;
    // A batch's bases (and leads, when the merge changed them) are written while the next batch is
    // read and written into the mirror: other ids, another database (at 5,000 leads the bases took
    // 3.2 s of a 14.7 s first push, one batch after the other).
    let storing: Promise<unknown> = Promise.resolve();
    const chunkAt = (start: number) => [...new Set(ids.slice(start, start + BATCH))];
    const read = (chunk: string[]) => timed('push.readLeads', () => readLocals(chunk));
    // Read ahead: the next batch's leads and bases are read while this one is merged and written
    // into the mirror (other ids; a lead edited meanwhile reaches the store with a change notice
    // and is pushed again by the next round).
    let ahead: Promise<Map<string, StoredLead>> | null = ids.length > 0 ? read(chunkAt(0)) : null;
    for (let start = 0; start < ids.length; start += BATCH) {
      const chunk = chunkAt(start);
      const locals = await (ahead as Promise<Map<string, StoredLead>>);
      ahead = start + BATCH < ids.length ? read(chunkAt(start + BATCH)) : null;
      // Its failure is thrown when it is awaited, not reported as unhandled meanwhile.
      ahead?.catch(() => {});
      const [baseRevs, current] = await Promise.all([
        bases([...locals.values()]),
        mirror.allDocs({ keys: chunk, include_docs: true }),
      ]);
      const docs: LeadDoc[] = [];
      const merged: { lead: Lead; mine: Lead; index: number; rev?: string }[] = [];
      for (const row of current.rows) {
        const id = row.key;
        const local = locals.get(id);
        const value = 'value' in row ? (row.value as { rev: string; deleted?: boolean }) : undefined;
        const doc = 'doc' in row && row.doc ? (row.doc as unknown as LeadDoc) : null;
        if (!local) {
          // Removed here: a tombstone, unless the mirror has none to remove.
          if (value && !value.deleted) docs.push({ _id: id, _rev: value.rev, _deleted: true });
          continue;
        }
        const remote = doc ? fromDoc(doc) : null;
        const mine = localRevision(local, baseRevs.get(id));
        const result = remote ? resolveRevisions([remote, mine]) : resolveRevisions([mine]);
        if (remote && value && sameRevision(result, remote)) {
          merged.push({ lead: result.lead, mine: mine.lead, index: -1, rev: value.rev });
          continue;
        }
        // Over a tombstone (an undo after a teammate's delete) the new revision extends it.
        merged.push({ lead: result.lead, mine: mine.lead, index: docs.length });
        docs.push(toDoc(result, value && !value.deleted ? value.rev : undefined));
      }
      if (docs.length === 0 && merged.length === 0) continue;
      const results = docs.length > 0 ? await writeOwn(docs) : [];
      written += results.filter((r) => 'ok' in r && r.ok).length;
      const toStore: { lead: Lead; rev: string; current: Lead }[] = [];
      for (const m of merged) {
        const result = m.index >= 0 ? results[m.index] : undefined;
        const rev = m.rev ?? okRev(result);
        // A conflict (the mirror changed meanwhile) is merged by the next pull.
        if (rev) toStore.push({ lead: m.lead, rev, current: m.mine });
      }
      await storing;
      storing = store(toStore);
      // Its failure is thrown by the await above or below, not reported as unhandled meanwhile.
      storing.catch(() => {});
    }
    await storing;
    return written;
  }

  /**
   * The first revision of each stored lead (absent ones are left out), as a push into a mirror
   * that does not hold it writes it: the lead with the teammate fields this browser fills in, no
   * base, and the revision id PouchDB itself gives a new document (its deterministic_revs: the MD5
   * of the document's JSON), so a first push can send it before the mirror is written and write
   * the mirror after with the same revision (lib/sync/first-push). Pure over the store: the same
   * lead gives the same revision each time it is read.
   */
  async function firstRevisions(ids: readonly string[]): Promise<FirstRevision[]> {
    const locals = await timed('push.readLeads', () => deps.readLeads(ids));
    const out: FirstRevision[] = [];
    for (const local of locals.values()) {
      const mine = localRevision(local, undefined);
      const result = resolveRevisions([mine]);
      const doc = toDoc(result);
      out.push({ doc: { ...doc, _rev: `1-${stringMd5(JSON.stringify(doc))}` }, lead: result.lead, mine: mine.lead });
    }
    return out;
  }

  /**
   * Records first revisions a first push wrote into the mirror as the bases of their leads, and
   * writes a lead whose merge changed it, as a push does. With `based`, the bases are recorded
   * already (as the server accepted them): only the leads the merge changed are written.
   */
  async function adopt(firsts: readonly FirstRevision[], based = false): Promise<void> {
    const entries = firsts.map((f) => ({ lead: f.lead, rev: f.doc._rev as string, current: f.mine }));
    // store() writes the base of a lead it leaves alone, and none of a lead it rewrites.
    await store(based ? entries.filter((e) => canonical(shared(e.current)) !== canonical(shared(e.lead))) : entries);
  }

  /** Merges a document's conflicting revisions into one and deletes the others, in the mirror. */
  async function resolveConflicts(doc: LeadDoc): Promise<LeadDoc> {
    const conflicts = doc._conflicts ?? [];
    if (conflicts.length === 0 || !doc._rev) return doc;
    const res = await mirror.bulkGet({ docs: conflicts.map((rev) => ({ id: doc._id, rev })) });
    const revisions = [doc, ...res.results.flatMap((r) => r.docs.map((d) => ('ok' in d ? d.ok : null)))]
      .map((d) => (d ? fromDoc(d as unknown as LeadDoc) : null))
      .filter((r): r is LeadRevision => r !== null);
    const merged = resolveRevisions(revisions);
    const writes: LeadDoc[] = [
      toDoc(merged, doc._rev),
      ...conflicts.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })),
    ];
    const [first] = await mirror.bulkDocs(writes as PouchDB.Core.PutDocument<object>[]);
    const rev = okRev(first) ?? doc._rev;
    return { ...toDoc(merged, rev) };
  }

  /** Folds a new lead and the stored duplicates of the same person into one (the deterministic winner). */
  async function dedupe(incoming: LeadRevision, rev: string): Promise<boolean> {
    const dups = (await leads.findDuplicates(incoming.lead)).filter((d) => d.id !== incoming.lead.id);
    if (dups.length === 0) return false;
    const locals = await readLocals(dups.map((d) => d.id));
    const baseRevs = await bases([...locals.values()]);
    const group = [incoming, ...[...locals.values()].map((l) => localRevision(l, baseRevs.get(l.id)))];
    const winner = duplicateWinner(group.map((r) => r.lead));
    const losers = group.map((r) => r.lead.id).filter((id) => id !== winner.id);
    const merged = resolveRevisions(group.map((r) => ({ ...r, lead: { ...r.lead, id: winner.id } })));
    merged.lead.aliases = [...new Set([...(merged.lead.aliases ?? []), ...losers])].sort();
    const current = await mirror.allDocs({ keys: [winner.id, ...losers], include_docs: true });
    const docs: LeadDoc[] = [];
    for (const row of current.rows) {
      const value = 'value' in row ? (row.value as { rev: string; deleted?: boolean }) : undefined;
      if (row.key === winner.id) {
        const doc = 'doc' in row && row.doc ? fromDoc(row.doc as unknown as LeadDoc) : null;
        const result = doc ? resolveRevisions([doc, merged]) : merged;
        docs.unshift(toDoc(result, value && !value.deleted ? value.rev : undefined));
      } else if (value && !value.deleted) {
        docs.push({ _id: row.key, _rev: value.rev, _deleted: true, mergedInto: winner.id });
      }
    }
    const results = await mirror.bulkDocs(docs as PouchDB.Core.PutDocument<object>[]);
    const first = results[0];
    const winnerRev = okRev(first) ?? rev;
    const stored = locals.get(winner.id);
    await store([{ lead: (docs[0] as LeadDoc).lead as Lead, rev: winnerRev, current: stored && withoutSync(stored) }]);
    const stale = losers.filter((id) => locals.has(id));
    if (stale.length > 0) await leads.remove(stale);
    return true;
  }

  /** Applies mirror changes since the bridge's checkpoint to the store. */
  async function pull(onProgress?: (done: number) => void): Promise<PullResult> {
    const out: PullResult = { applied: 0, removed: 0 };
    // Into an empty list (a first pull) there is nothing to fold duplicates into; teammates
    // who hold both copies fold them and their tombstones arrive here like any delete.
    const empty = (await leads.count()) === 0;
    const checkpoint = await readCheckpoint();
    let noticed: string[] = [];
    const tell = () => {
      if (noticed.length > 0) notifyLeadsChanged({ type: 'saved', ids: [...new Set(noticed)], by: 'sync' });
      noticed = [];
    };
    try {
      for (;;) {
        const res = await timed('pull.changes', () =>
          mirror.changes({
            since: checkpoint.seq,
            limit: BATCH,
            include_docs: true,
            conflicts: true,
          }),
        );
        const docs = await Promise.all(res.results.map((r) => resolveConflicts(r.doc as unknown as LeadDoc)));
        const live = docs.filter((d) => !d._deleted && d._id && !d._id.startsWith('_'));
        const locals = await timed('pull.readLeads', () => readLocals(docs.map((d) => d._id)));
        const baseRevs = await timed('pull.bases', () => bases([...locals.values()]));
        const toStore: { lead: Lead; rev: string; current?: Lead }[] = [];
        const writes: { doc: LeadDoc; lead: Lead; local: StoredLead }[] = [];
        for (const doc of live) {
          const incoming = fromDoc(doc);
          if (!incoming || !doc._rev) continue;
          const local = locals.get(doc._id);
          if (!local) {
            if (empty || !(await dedupe(incoming, doc._rev))) toStore.push({ lead: incoming.lead, rev: doc._rev });
            continue;
          }
          // The revision this browser last synced (often its own push): nothing new from the team.
          if (local.syncRev === doc._rev) continue;
          const merged = resolveRevisions([incoming, localRevision(local, baseRevs.get(doc._id))]);
          if (sameRevision(merged, incoming))
            toStore.push({ lead: incoming.lead, rev: doc._rev, current: withoutSync(local) });
          else writes.push({ doc: toDoc(merged, doc._rev), lead: merged.lead, local });
        }
        if (writes.length > 0) {
          // This browser's unsynced edits on top of the pulled revision: a new mirror revision.
          const results = await mirror.bulkDocs(writes.map((w) => w.doc) as PouchDB.Core.PutDocument<object>[]);
          results.forEach((r, i) => {
            const w = writes[i];
            const rev = okRev(r);
            if (w && rev) toStore.push({ lead: w.lead, rev, current: withoutSync(w.local) });
          });
        }
        out.applied += await store(toStore, noticed);
        if (noticed.length >= NOTICE_EVERY) tell();
        const gone = docs.filter((d) => d._deleted && locals.has(d._id)).map((d) => d._id);
        if (gone.length > 0) {
          const { restoreToken, removed } = await leads.remove(gone);
          out.removed += removed;
          if (docs.some((d) => d._deleted && !d.mergedInto && locals.has(d._id))) out.restoreToken = restoreToken;
        }
        checkpoint.seq = res.last_seq;
        await saveCheckpoint(checkpoint);
        onProgress?.(out.applied);
        if (res.results.length < BATCH) break;
      }
    } finally {
      // What was stored is announced, also when a later batch failed.
      tell();
    }
    return out;
  }

  return { push, pull, skipOwn, firstRevisions, adopt };
}

export type Bridge = ReturnType<typeof createBridge>;

/** Above this many ids, a read tries one key range instead of a request per id. */
const RANGE_READ_MIN = 50;

/**
 * The rows of `ids`. A push's ids are runs of neighbouring keys (a catch-up lists every key in
 * order), and one getAll over their range is much cheaper than a get per id; it is used when the
 * range holds few other rows (a capped key read says so). Absent ids are left out.
 */
async function readRows(
  store: {
    get(id: string): Promise<LeadRow | undefined>;
    getAll(range: IDBKeyRange): Promise<LeadRow[]>;
    getAllKeys(range: IDBKeyRange, count: number): Promise<IDBValidKey[]>;
  },
  ids: readonly string[],
): Promise<(LeadRow | undefined)[]> {
  if (ids.length >= RANGE_READ_MIN) {
    const sorted = [...ids].sort();
    const range = IDBKeyRange.bound(sorted[0] as string, sorted[sorted.length - 1] as string);
    // Capped: a count of the range walks all of it, and ids spread over a store of 50,000 made
    // every batch walk the whole store (a pull that slowed as the store filled).
    if ((await store.getAllKeys(range, ids.length * 2 + 1)).length <= ids.length * 2) {
      const wanted = new Set(ids);
      return (await store.getAll(range)).filter((row) => wanted.has(row.id));
    }
  }
  return Promise.all(ids.map((id) => store.get(id)));
}

/** Reads stored leads by id in one transaction (lib/db's rows, validated like the repository does). */
export async function readStoredLeads(
  ids: readonly string[],
  open: () => Promise<ProspectorDatabase> = openDatabase,
): Promise<Map<string, StoredLead>> {
  const db = await open();
  const tx = db.transaction('leads', 'readonly');
  const rows = await readRows(tx.store, ids);
  const out = new Map<string, StoredLead>();
  for (const row of rows) {
    const parsed = row ? LeadSchema.safeParse(row.lead) : null;
    if (parsed?.success) out.set(parsed.data.id, parsed.data as StoredLead);
  }
  return out;
}
