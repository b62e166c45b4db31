import { leads, onLeadsChanged } from '@/lib/db';
import { createScorer, scoresNothing } from './fit';
import { getIcp, type Icp } from './icp';
import { dropStoredSnapshot } from './snapshot-store';

/**
 * Keeps the stored `fitScore` (the store's 'fit' sort index) in step with the
 * profile and the leads.
 *
 * Why stored at all: screens show fit computed on read (FitBadge), always
 * current; but sorting and filtering 50,000 leads by fit must use an index, so
 * the score is also stored, as a derived cache. The repository's
 * refreshFitScores rewrites only fitScore, batch by batch, each batch read and
 * written in one transaction, and only rows whose score changed: the change
 * notice it sends makes listeners rescore those ids, find nothing to change,
 * and stop.
 */

/** Rescores the given leads (all when `ids` is omitted); returns how many stored scores changed. */
export async function syncFitScores(icp: Icp, ids?: readonly string[]): Promise<number> {
  // No profile (most users, and every new teammate's first sync): only stored scores can change.
  if (scoresNothing(icp)) return leads.clearFitScores(ids);
  const scorer = createScorer(icp);
  return leads.refreshFitScores((lead) => scorer(lead).score ?? undefined, ids);
}

let registered = false;

/**
 * Follows lead changes and keeps their stored scores current; also drops the
 * dashboard snapshot on every change. Registered by the background only: every
 * page relays its notices to it as a message, which wakes a stopped service
 * worker (lib/db/changes.ts). Pages that show a fit (a lead's detail, the
 * capture view, Insights' profile editor) registered too, so each of them read
 * every changed lead again in readwrite transactions of its own: after a team
 * sync first pull, 50,000 reads per such page beside the background's, on the
 * database the pull was writing (issue 15).
 * A profile change rescores every lead where it is saved (the ICP editor).
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
