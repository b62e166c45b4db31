import type { LeadRepository } from '@/lib/db/api';
import { openDatabase, type ProspectorDatabase } from '@/lib/db/database';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
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
 * - each stored lead carries `syncRev`, the mirror revision it was last synced with: the
 *   base that tells this browser's own edits (changed since the base) from stale values.
 */

/** A lead document in the team database. */
export interface LeadDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  lead?: Lead;
  at?: Record<string, string>;
  /** On the tombstone of a duplicate: the lead it was merged into. */
  mergedInto?: string;
}

type StoredLead = Lead & { syncRev?: string };

export interface BridgeDeps {
  leads: LeadRepository;
  mirror: PouchDatabase;
  /** Reads stored leads by id (absent and damaged ones are left out). */
  readLeads: (ids: readonly string[]) => Promise<Map<string, StoredLead>>;
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
/** Mirror changes read per round of a pull (and ids per push round). */
export const BATCH = 500;
/** Up to this many leads per write, a lead edited meanwhile is kept (bulkPut's keepNewer). */
const KEEP_NEWER_MAX = 50;

/** The new revision of a bulkDocs result, or undefined when it failed (a conflict). */
function okRev(result: unknown): string | undefined {
  const r = result as { ok?: boolean; rev?: string; error?: unknown } | undefined;
  return r?.ok && !r.error ? r.rev : undefined;
}

function withoutSync(lead: StoredLead): Lead {
  const { syncRev: _rev, ...rest } = lead;
  return rest;
}

function fromDoc(doc: LeadDoc): LeadRevision | null {
  if (doc._deleted || !doc.lead) return null;
  const parsed = LeadSchema.safeParse({ ...doc.lead, id: doc._id });
  if (!parsed.success) return null;
  const at = doc.at && typeof doc.at === 'object' ? doc.at : {};
  return { lead: withoutSync(parsed.data), at };
}

function toDoc(rev: LeadRevision, docRev?: string): LeadDoc {
  return { _id: rev.lead.id, ...(docRev ? { _rev: docRev } : {}), lead: rev.lead, at: rev.at };
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
    const lead = withoutSync(local);
    if (!lead.capturedBy) lead.capturedBy = deps.me;
    if (!lead.owner) lead.owner = lead.capturedBy;
    return toRevision(lead, base);
  }

  /** Stores merged leads with the mirror revision they were synced with; a lead edited meanwhile is kept. */
  async function store(entries: { lead: Lead; rev: string; local?: StoredLead | undefined }[]): Promise<number> {
    const changed = entries
      .filter(
        ({ lead, rev, local }) => !local || local.syncRev !== rev || canonical(withoutSync(local)) !== canonical(lead),
      )
      .map(({ lead, rev }) => ({ ...lead, syncRev: rev }));
    if (changed.length === 0) return 0;
    // keepNewer keeps a lead the user edited since it was read, but reads every stored key
    // per call: worth it for the few leads of a live change, not for a first sync's batches.
    await leads.bulkPut(changed, { keepNewer: changed.length <= KEEP_NEWER_MAX });
    return changed.length;
  }

  /**
   * Pushes stored leads into the mirror (ids from change notifications or a catch-up scan):
   * present ones as merged revisions, absent ones (removed) as tombstones. Returns how many
   * mirror documents were written.
   */
  async function push(ids: readonly string[]): Promise<number> {
    let written = 0;
    for (let start = 0; start < ids.length; start += BATCH) {
      const chunk = [...new Set(ids.slice(start, start + BATCH))];
      const locals = await deps.readLeads(chunk);
      const [baseRevs, current] = await Promise.all([
        bases([...locals.values()]),
        mirror.allDocs({ keys: chunk, include_docs: true }),
      ]);
      const docs: LeadDoc[] = [];
      const merged: { lead: Lead; local: StoredLead; index: number; rev?: string }[] = [];
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
          merged.push({ lead: result.lead, local, index: -1, rev: value.rev });
          continue;
        }
        // Over a tombstone (an undo after a teammate's delete) the new revision extends it.
        merged.push({ lead: result.lead, local, index: docs.length });
        docs.push(toDoc(result, value && !value.deleted ? value.rev : undefined));
      }
      if (docs.length === 0 && merged.length === 0) continue;
      const results = docs.length > 0 ? await mirror.bulkDocs(docs as PouchDB.Core.PutDocument<object>[]) : [];
      written += results.filter((r) => 'ok' in r && r.ok).length;
      const toStore: { lead: Lead; rev: string; local: StoredLead }[] = [];
      for (const m of merged) {
        const result = m.index >= 0 ? results[m.index] : undefined;
        const rev = m.rev ?? okRev(result);
        // A conflict (the mirror changed meanwhile) is merged by the next pull.
        if (rev) toStore.push({ lead: m.lead, rev, local: m.local });
      }
      await store(toStore);
    }
    return written;
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
    const locals = await deps.readLeads(dups.map((d) => d.id));
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
    await store([{ lead: (docs[0] as LeadDoc).lead as Lead, rev: winnerRev, local: locals.get(winner.id) }]);
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
    let checkpoint: { _id: string; _rev?: string; seq: string | number } = { _id: CHECKPOINT_ID, seq: 0 };
    try {
      checkpoint = (await mirror.get(CHECKPOINT_ID)) as unknown as typeof checkpoint;
    } catch {
      // First pull: from the beginning.
    }
    for (;;) {
      const res = await mirror.changes({
        since: checkpoint.seq,
        limit: BATCH,
        include_docs: true,
        conflicts: true,
      });
      const docs = await Promise.all(res.results.map((r) => resolveConflicts(r.doc as unknown as LeadDoc)));
      const live = docs.filter((d) => !d._deleted && d._id && !d._id.startsWith('_'));
      const locals = await deps.readLeads(docs.map((d) => d._id));
      const baseRevs = await bases([...locals.values()]);
      const toStore: { lead: Lead; rev: string; local?: StoredLead | undefined }[] = [];
      const writes: { doc: LeadDoc; lead: Lead; local: StoredLead }[] = [];
      for (const doc of live) {
        const incoming = fromDoc(doc);
        if (!incoming || !doc._rev) continue;
        const local = locals.get(doc._id);
        if (!local) {
          if (empty || !(await dedupe(incoming, doc._rev))) toStore.push({ lead: incoming.lead, rev: doc._rev });
          continue;
        }
        if (local.syncRev === doc._rev) {
          toStore.push({ lead: incoming.lead, rev: doc._rev, local });
          continue;
        }
        const merged = resolveRevisions([incoming, localRevision(local, baseRevs.get(doc._id))]);
        if (sameRevision(merged, incoming)) toStore.push({ lead: incoming.lead, rev: doc._rev, local });
        else writes.push({ doc: toDoc(merged, doc._rev), lead: merged.lead, local });
      }
      if (writes.length > 0) {
        // This browser's unsynced edits on top of the pulled revision: a new mirror revision.
        const results = await mirror.bulkDocs(writes.map((w) => w.doc) as PouchDB.Core.PutDocument<object>[]);
        results.forEach((r, i) => {
          const w = writes[i];
          const rev = okRev(r);
          if (w && rev) toStore.push({ lead: w.lead, rev, local: w.local });
        });
      }
      out.applied += await store(toStore);
      const gone = docs.filter((d) => d._deleted && locals.has(d._id)).map((d) => d._id);
      if (gone.length > 0) {
        const { restoreToken, removed } = await leads.remove(gone);
        out.removed += removed;
        if (docs.some((d) => d._deleted && !d.mergedInto && locals.has(d._id))) out.restoreToken = restoreToken;
      }
      checkpoint.seq = res.last_seq;
      const saved = await mirror.put(checkpoint as PouchDB.Core.PutDocument<object>);
      checkpoint._rev = saved.rev;
      onProgress?.(out.applied);
      if (res.results.length < BATCH) break;
    }
    return out;
  }

  return { push, pull };
}

export type Bridge = ReturnType<typeof createBridge>;

/** Reads stored leads by id in one transaction (lib/db's rows, validated like the repository does). */
export async function readStoredLeads(
  ids: readonly string[],
  open: () => Promise<ProspectorDatabase> = openDatabase,
): Promise<Map<string, StoredLead>> {
  const db = await open();
  const tx = db.transaction('leads', 'readonly');
  const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
  const out = new Map<string, StoredLead>();
  for (const row of rows) {
    const parsed = row ? LeadSchema.safeParse(row.lead) : null;
    if (parsed?.success) out.set(parsed.data.id, parsed.data as StoredLead);
  }
  return out;
}
