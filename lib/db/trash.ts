import { unwrap } from 'idb';
import { AppError } from '@/lib/errors';
import { notifyLeadsChanged } from './changes';
import { readLeadCount, writeLeadCount } from './counter';
import { LEAD_COUNT_KEY, type ProspectorDatabase } from './database';
import { derivedKeys } from './derived';
import { readLead } from './query';
import { type LeadRow, toRow } from './rows';
import { abort, ignore, type StoreContext } from './tx';
import { dropPending, pendingKeys, putRow } from './words';

/**
 * Removing leads and the undo: removed rows wait in the trash for RESTORE_WINDOW_MS, keyed
 * by the token the undo names; "Erase all data" empties both stores.
 */

/** How long removed leads can be restored (the trash is purged lazily after that). */
export const RESTORE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes trash entries removed longer than RESTORE_WINDOW_MS before `now`, in a transaction
 * of the trash alone (reads of leads are not held up). The transaction starts before the first
 * await, so any later transaction on the trash sees the purge done.
 */
export async function purgeTrash(db: ProspectorDatabase, now: string): Promise<number> {
  const tx = db.transaction('trash', 'readwrite');
  const cutoff = new Date(Date.parse(now) - RESTORE_WINDOW_MS).toISOString();
  const expired = await tx.store.index('by-removed').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
  for (const key of expired) ignore(tx.store.delete(key));
  await tx.done;
  return expired.length;
}

/** Moves leads to the trash; they can be restored with the token until the restore window passes. */
export async function removeLeads(
  ctx: StoreContext,
  ids: string[],
): Promise<{ restoreToken: string; removed: number }> {
  const db = await ctx.open();
  const token = ctx.deps.uuid();
  const now = ctx.deps.now();
  const tx = db.transaction(['leads', 'words', 'trash', 'meta'], 'readwrite');
  const leadsStore = tx.objectStore('leads');
  const words = tx.objectStore('words');
  const trash = tx.objectStore('trash');
  const meta = unwrap(tx.objectStore('meta'));
  const [before, rows] = await Promise.all([
    readLeadCount(unwrap(leadsStore), meta),
    Promise.all([...new Set(ids)].map((id) => leadsStore.get(id))),
  ]);
  let removed = 0;
  for (const row of rows) {
    if (!row) continue;
    ignore(trash.put({ id: row.id, token, removedAt: now, row }));
    ignore(leadsStore.delete(row.id));
    // Its words go with it (the trash keeps the row; a restore writes them again).
    ignore(words.delete(row.id));
    removed++;
  }
  if (removed > 0) ignore(writeLeadCount(meta, before - removed));
  // A removed lead waiting for its words (./words.ts) leaves the list: stored again, it gets new ones.
  if (removed > 0) await dropPending(meta, new Set(rows.flatMap((row) => (row ? [row.id] : []))));
  // Trash past the restore window also goes here (and on each context's first open).
  const cutoff = new Date(Date.parse(now) - RESTORE_WINDOW_MS).toISOString();
  const expired = await trash.index('by-removed').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
  for (const key of expired) ignore(trash.delete(key));
  await tx.done;
  if (removed > 0) notifyLeadsChanged({ type: 'removed', ids: rows.filter((r): r is LeadRow => !!r).map((r) => r.id) });
  return { restoreToken: token, removed };
}

/** Brings back the leads one removal put in the trash (the undo); says how many. */
export async function restoreLeads(ctx: StoreContext, token: string): Promise<number> {
  const db = await ctx.open();
  const cutoff = new Date(Date.parse(ctx.deps.now()) - RESTORE_WINDOW_MS).toISOString();
  const tx = db.transaction(['leads', 'words', 'trash', 'meta'], 'readwrite');
  const meta = unwrap(tx.objectStore('meta'));
  const entries = (await tx.objectStore('trash').index('by-token').getAll(token)).filter((e) => e.removedAt >= cutoff);
  if (entries.length === 0) {
    abort(tx);
    throw new AppError('not-found', 'Nothing to restore: the undo window has passed.');
  }
  // Only ids not stored again since (e.g. by a backup restore) add to the count.
  const [before, present] = await Promise.all([
    readLeadCount(unwrap(tx.objectStore('leads')), meta),
    Promise.all(entries.map((e) => tx.objectStore('leads').getKey(e.id))),
  ]);
  const added = present.filter((key) => key === undefined).length;
  if (added > 0) ignore(writeLeadCount(meta, before + added));
  // A lead stored again since its removal (a backup restore, say) and newer than the
  // removed copy stays as it is: undo must not overwrite a later edit.
  const stored = await Promise.all(
    entries.map((e, i) => (present[i] === undefined ? undefined : tx.objectStore('leads').get(e.id))),
  );
  entries.forEach((entry, i) => {
    const current = stored[i];
    // `updated` is -updatedAt: a smaller one is newer.
    const keepCurrent = current && readLead(current) && current.updated <= entry.row.updated;
    if (!keepCurrent) {
      const lead = readLead(entry.row);
      ignore(putRow(tx.objectStore('leads'), tx.objectStore('words'), lead ? toRow(lead) : entry.row));
    }
    ignore(tx.objectStore('trash').delete(entry.id));
  });
  await tx.done;
  notifyLeadsChanged({ type: 'restored', ids: entries.map((e) => e.id) });
  return entries.length;
}

/** Erases every lead and the trash (after the user confirmed and was offered a backup); says how many went. */
export async function clearAll(ctx: StoreContext): Promise<{ leads: number; trash: number }> {
  const db = await ctx.open();
  const tx = db.transaction(['leads', 'words', 'trash', 'meta'], 'readwrite');
  const [leadCount, trashCount] = await Promise.all([
    tx.objectStore('leads').count(),
    tx.objectStore('trash').count(),
    tx.objectStore('leads').clear(),
    tx.objectStore('words').clear(),
    // Lists of leads waiting for their words name leads that are gone.
    tx.objectStore('meta').delete(pendingKeys()),
    tx.objectStore('trash').clear(),
    tx.objectStore('meta').put(0, LEAD_COUNT_KEY),
    // Caches derived from the leads (the dashboard snapshot) describe leads that are gone.
    tx.objectStore('meta').delete(derivedKeys()),
    tx.done,
  ]);
  notifyLeadsChanged({ type: 'cleared', ids: [] });
  return { leads: leadCount, trash: trashCount };
}
