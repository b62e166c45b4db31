import { notifyLeadsChanged, onLeadsChanged, openDatabase } from '@/lib/db';
import { type LeadRow, toRow } from '@/lib/db/rows';
import type { Lead } from '@/lib/lead/schema';
import { createScorer, type Scorer } from './fit';
import { getIcp, type Icp } from './icp';
import { dropStoredSnapshot } from './snapshot-store';

/**
 * Keeps the stored `fitScore` (the store's 'fit' sort index) in step with the
 * profile and the leads.
 *
 * Why stored at all: screens show fit computed on read (FitBadge), always
 * current; but sorting and filtering 50,000 leads by fit must use an index, so
 * the score is also stored, as a derived cache. Why not leads.update(): it
 * marks fields as edited by hand and bumps updatedAt. Why not bulkPut(): it
 * writes whole records read earlier, so a user edit between the read and the
 * write would be lost. So each batch reads and rewrites its rows inside one
 * readwrite transaction (toRow keeps every index key in step), touching only
 * fitScore, and writes a row only when its score changed: the change notice
 * this sends makes listeners rescore those ids, find nothing to change, and
 * stop.
 */

const BATCH = 500;

/** Rescores the given leads (all when `ids` is omitted); returns how many stored scores changed. */
export async function syncFitScores(icp: Icp, ids?: readonly string[]): Promise<number> {
  const scorer = createScorer(icp);
  const db = await openDatabase();
  let changed: string[] = [];
  let total = 0;
  const flush = () => {
    if (changed.length > 0) notifyLeadsChanged({ type: 'updated', ids: changed });
    total += changed.length;
    changed = [];
  };
  if (ids) {
    for (let i = 0; i < ids.length; i += BATCH) {
      const tx = db.transaction('leads', 'readwrite');
      for (const id of ids.slice(i, i + BATCH)) {
        const row = await tx.store.get(id);
        if (row && rescore(row, scorer, (r) => tx.store.put(r))) changed.push(id);
      }
      await tx.done;
      flush();
    }
    return total;
  }
  // Every lead, in batches: one getAll and the changed puts per readwrite transaction (a cursor
  // costs a round trip per record, several times slower in Chromium).
  let after: string | null = null;
  for (;;) {
    const tx = db.transaction('leads', 'readwrite');
    const rows: LeadRow[] = await tx.store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), BATCH);
    for (const row of rows) {
      if (rescore(row, scorer, (r) => tx.store.put(r))) changed.push(row.id);
    }
    await tx.done;
    flush();
    const last: LeadRow | undefined = rows.at(-1);
    if (rows.length < BATCH || !last) return total;
    after = last.id;
  }
}

function rescore(row: LeadRow, scorer: Scorer, write: (row: LeadRow) => Promise<unknown>): boolean {
  const lead = row.lead as Lead;
  const score = scorer(lead).score ?? undefined;
  if (lead.fitScore === score) return false;
  const next: Lead = { ...lead };
  if (score === undefined) delete next.fitScore;
  else next.fitScore = score;
  void write(toRow(next)).catch(() => {});
  return true;
}

let registered = false;

/**
 * Follows lead changes and keeps their stored scores current; also drops the
 * dashboard snapshot on every change. The background and the options page both
 * register, because a service worker asleep does not hear the workspace's own
 * writes. A profile change rescores every lead where it is saved (the ICP editor).
 */
export function registerFitSync(): void {
  if (registered) return;
  registered = true;
  let queue: Set<string> | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const run = (work: () => Promise<unknown>) => {
    running = running.then(work).catch((err: unknown) => console.warn('fit score sync failed', err));
  };
  onLeadsChanged((change) => {
    // The dashboard snapshot no longer describes the store (snapshot-store.ts).
    void dropStoredSnapshot().catch(() => {});
    if (change.type === 'removed' || change.type === 'cleared' || change.ids.length === 0) return;
    if (queue) {
      for (const id of change.ids) queue.add(id);
      return;
    }
    queue = new Set(change.ids);
    // Batches the notices of one burst (an import sends many) into one pass.
    setTimeout(() => {
      const ids = [...(queue ?? [])];
      queue = null;
      run(async () => syncFitScores(await getIcp(), ids));
    }, 200);
  });
}
