import { signal } from '@preact/signals';
import type { LeadsChange } from '@/lib/db';
import type { LeadRepository } from '@/lib/db/api';

/**
 * Leads per stage for the Pipeline panel, kept by the change notices. The counts were
 * one indexed count per stage after every notice; IndexedDB counts a key range by walking
 * it, so with team sync live at 50,000 leads each change from a teammate walked the whole
 * stage index while the sync that brought it waited for the same database (issue 15). Now
 * the panel reads which lead is on which stage once (index keys only), and a notice reads
 * just the leads it names and moves them between counts: the work per change is the
 * change's size, not the store's.
 */

/** A notice naming more leads than this (an import, a first sync) re-reads the map: one pass beats many gets. */
export const RELOAD_ABOVE = 2000;

export interface StageCounts {
  /** Leads per stage id (only the stages asked for). */
  counts: { readonly value: Record<string, number> };
  /** Applies one change notice. */
  apply(change: LeadsChange): void;
  /** Resolves when every notice so far has been applied (tests, and a caller that must read settled counts). */
  settled(): Promise<void>;
}

/** Counts of `stages`, loaded now and kept by `apply(change)`. */
export function createStageCounts(
  repo: Pick<LeadRepository, 'stageMap' | 'stagesOf'>,
  stages: readonly string[],
): StageCounts {
  const counts = signal<Record<string, number>>({});
  const wanted = new Set(stages);
  let map = new Map<string, string>();
  const publish = () => {
    const next: Record<string, number> = Object.fromEntries(stages.map((s) => [s, 0]));
    for (const stage of map.values()) next[stage] = (next[stage] ?? 0) + 1;
    counts.value = next;
  };
  const reload = async () => {
    map = await repo.stageMap(stages);
    publish();
  };
  /** Moves the named leads to the stages they are on now; a lead absent or on another stage leaves. */
  const update = async (ids: readonly string[]) => {
    const now = await repo.stagesOf(ids);
    const next = { ...counts.value };
    for (const id of ids) {
      const before = map.get(id);
      const after = now.get(id);
      const stage = after !== undefined && wanted.has(after) ? after : undefined;
      if (before === stage) continue;
      if (before !== undefined) next[before] = (next[before] ?? 1) - 1;
      if (stage !== undefined) {
        next[stage] = (next[stage] ?? 0) + 1;
        map.set(id, stage);
      } else map.delete(id);
    }
    counts.value = next;
  };
  // One step at a time, in the order the notices came: a reload and an update must not interleave.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((err: unknown) => console.warn('stage counts failed', err));
  };
  enqueue(reload);
  return {
    counts,
    apply(change) {
      if (change.type === 'cleared') {
        enqueue(async () => {
          map = new Map();
          publish();
        });
      } else if (change.ids.length > RELOAD_ABOVE) enqueue(reload);
      else if (change.ids.length > 0) enqueue(() => update(change.ids));
    },
    settled: () => queue,
  };
}
