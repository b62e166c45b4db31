import { AppError } from '@/lib/errors';
import type { LeadRepository } from './api';
import { bulkPut } from './bulk';
import type { ProspectorDatabase } from './database';
import { addTouch, clearFitScores, refreshFitScores, repairLead, setFitScores, setStage, updateLead } from './edits';
import {
  allLeads,
  allTags,
  countLeads,
  forEachRecord,
  getLead,
  inspectLead,
  leadsInRange,
  leadsOfDomain,
  queryLeads,
  splitStore,
  stageMap,
  stagesOf,
  storeStamp,
} from './reads';
import { findDuplicates, summarize, writeDrafts } from './save';
import { clearAll, purgeTrash, removeLeads, restoreLeads } from './trash';
import { guard, ignore, type RepositoryDeps, type StoreContext } from './tx';
import { resumeWordIndexing } from './words';

/**
 * The LeadRepository on IndexedDB, assembled from modules of one job each: ./save.ts
 * (merge-on-save), ./bulk.ts (restoring whole records), ./edits.ts (changes by id),
 * ./trash.ts (remove, undo, erase), ./reads.ts (every read). Each method turns failures
 * into AppError (./tx.ts, with the transaction helpers they share).
 */

export { purgeTrash, RESTORE_WINDOW_MS } from './trash';
export type { RepositoryDeps } from './tx';

const defaultDeps: RepositoryDeps = {
  now: () => new Date().toISOString(),
  uuid: () => crypto.randomUUID(),
};

/** The LeadRepository on IndexedDB. `openConnection` gives the (shared, cached) connection. */
export function createLeadRepository(
  openConnection: () => Promise<ProspectorDatabase>,
  deps: RepositoryDeps = defaultDeps,
): LeadRepository {
  const purged = new WeakSet<ProspectorDatabase>();
  /**
   * The connection; the first use of each connection also purges trash past the restore
   * window. On open rather than on an alarm: every context that can undo opens the
   * database first, so expired trash never outlives the next use, with no service worker
   * to wake; and only entries older than RESTORE_WINDOW_MS go, so an undo in its window works.
   */
  async function open(): Promise<ProspectorDatabase> {
    const db = await openConnection();
    if (!purged.has(db)) {
      purged.add(db);
      ignore(purgeTrash(db, deps.now()));
      // Search words a bulk write left for a pass that never ran (./words.ts).
      ignore(resumeWordIndexing(db));
    }
    return db;
  }
  const ctx: StoreContext = { open, deps };

  return {
    save: (draft, options = {}) =>
      guard(async () => {
        const [result] = await writeDrafts(ctx, [draft], options);
        if (!result) throw new AppError('internal', 'save returned nothing');
        return result;
      }),
    saveMany: (drafts, options = {}) => guard(async () => summarize(await writeDrafts(ctx, drafts, options))),
    findDuplicates: (draft) => guard(() => findDuplicates(ctx, draft)),
    get: (id) => guard(() => getLead(ctx, id)),
    update: (id, patch) => guard(async () => updateLead(ctx, id, patch)),
    remove: (ids) => guard(() => removeLeads(ctx, ids)),
    restore: (token) => guard(() => restoreLeads(ctx, token)),
    setStage: (id, stage, touch) => guard(async () => setStage(ctx, id, stage, touch)),
    addTouch: (id, touch) => guard(async () => addTouch(ctx, id, touch)),
    query: (query) => guard(() => queryLeads(ctx, query)),
    count: () => guard(() => countLeads(ctx)),
    stamp: () => guard(() => storeStamp(ctx)),
    bulkPut: (leads, options = {}) => guard(() => bulkPut(ctx, leads, options)),
    all: (options = {}) => ({
      [Symbol.asyncIterator]: () => allLeads(ctx, options.onDamaged),
    }),
    range: (from, to) => ({
      [Symbol.asyncIterator]: () => leadsInRange(ctx, from, to),
    }),
    split: (parts, atLeast) => guard(() => splitStore(ctx, parts, atLeast)),
    forEachRecord: (visit, onProgress) => guard(() => forEachRecord(ctx, visit, onProgress)),
    ofDomain: (domain) => guard(() => leadsOfDomain(ctx, domain)),
    inspect: (id) => guard(() => inspectLead(ctx, id)),
    repair: (id, record) => guard(() => repairLead(ctx, id, record)),
    tags: () => guard(() => allTags(ctx)),
    stageMap: (stages) => guard(() => stageMap(ctx, stages)),
    stagesOf: (ids) => guard(() => stagesOf(ctx, ids)),
    setFitScores: (entries) => guard(() => setFitScores(ctx, entries)),
    refreshFitScores: (score, ids) => guard(() => refreshFitScores(ctx, score, ids)),
    clearFitScores: (ids) => guard(() => clearFitScores(ctx, ids)),
    clear: () => guard(() => clearAll(ctx)),
  };
}
