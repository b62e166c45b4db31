import { derived, leads, onLeadsChanged } from '@/lib/db';
import type { Dashboard, DashboardOptions } from './dashboard';
import { type DashboardSnapshot, dashboardFromSnapshot, isSnapshot, SnapshotEncoder } from './snapshot';
import { asDashboardLead, forEachStoredLead, type OnProgress } from './source';

/**
 * Where the dashboard snapshot lives and when it may be used.
 *
 * It is kept in memory for the page and beside the leads in their own database
 * (lib/db's `derived` values), and used only while it still describes the store:
 * - any change notice (onLeadsChanged, from any context) drops it; the
 *   background and every page that shows fit listen (fit-sync.ts);
 * - before use, the lead count must equal the snapshot's and no lead may have
 *   an updatedAt newer than the newest it saw (the store's stamp: the lead
 *   counter and the first key of the recency index, no record read), which
 *   catches writes whose notice was lost (a page closed between the commit and
 *   the drop).
 * Otherwise the dashboard reads every lead (the slow path) and snapshots again.
 */

const KEY = 'dashboard';

let memory: { snapshot: DashboardSnapshot; generation: number } | null = null;
let generation = 0;
let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  onLeadsChanged(() => {
    void dropStoredSnapshot().catch(() => {});
  });
}

/** Forgets the stored snapshot (after a change to the leads). */
export async function dropStoredSnapshot(): Promise<void> {
  memory = null;
  generation++;
  await derived.drop(KEY);
}

/** Forgets the in-memory copy, as a newly opened page would not have it (tests, the bench). */
export function forgetSnapshotMemory(): void {
  memory = null;
}

/** True when the snapshot still describes the lead store (count and newest update agree). */
export async function snapshotIsCurrent(snapshot: DashboardSnapshot): Promise<boolean> {
  const { count, newestUpdatedAt } = await leads.stamp();
  return count === snapshot.count && (count === 0 || newestUpdatedAt <= snapshot.maxUpdated);
}

/** The stored snapshot when it is still current, else null. */
export async function currentSnapshot(): Promise<DashboardSnapshot | null> {
  listen();
  if (memory && memory.generation === generation && (await snapshotIsCurrent(memory.snapshot))) {
    return memory.snapshot;
  }
  const at = generation;
  const stored: unknown = await derived.read(KEY);
  if (!isSnapshot(stored) || !(await snapshotIsCurrent(stored))) return null;
  if (at === generation) memory = { snapshot: stored, generation };
  return stored;
}

/** Reads every lead into a new snapshot and stores it unless the leads changed meanwhile. */
export async function rebuildSnapshot(onProgress?: OnProgress): Promise<DashboardSnapshot> {
  listen();
  const at = generation;
  const encoder = new SnapshotEncoder();
  let read = 0;
  await forEachStoredLead((value) => {
    read++;
    const lead = asDashboardLead(value);
    if (lead) encoder.add(lead);
    else encoder.skipped++;
  }, onProgress);
  const snapshot = encoder.finish(read);
  if (at === generation && (await snapshotIsCurrent(snapshot))) {
    memory = { snapshot, generation };
    await derived.write(KEY, snapshot);
  }
  return snapshot;
}

/**
 * The dashboard: from the current snapshot when there is one (fast), else from
 * every stored lead, snapshotting them for next time. `fromSnapshot` says which.
 */
export async function loadDashboardFast(
  options: DashboardOptions,
  onProgress?: OnProgress,
): Promise<Dashboard & { skipped: number; fromSnapshot: boolean }> {
  const current = await currentSnapshot();
  const snapshot = current ?? (await rebuildSnapshot(onProgress));
  return { ...dashboardFromSnapshot(snapshot, options), skipped: snapshot.skipped, fromSnapshot: current !== null };
}
