// Seeder for `BENCH_SYNC_SEED=store npm run bench sync`, evaluated inside profile A's extension
// page so it writes the extension origin's real IndexedDB through lib/db: the CSV import's own
// write (commitDrafts → saveMany: the store's door, dedupe and counter, one transaction per call),
// not the capture path's 500-draft messages through the service worker (14 minutes at 50,000).
import { leads } from '@/lib/db';
import { commitDrafts, importSource } from '@/lib/import/run';
import type { LeadDraft } from '@/lib/lead/schema';

// The bench sets zod's shared config to jitless before evaluating this bundle (see
// bench/workspace.page.ts: zod's compiled parsers would hit the extension page's CSP).

declare global {
  interface Window {
    syncSeed: { import(drafts: LeadDraft[]): Promise<number>; count(): Promise<number> };
  }
}

window.syncSeed = {
  /** Imports `drafts` as one file of a CSV import would; resolves to the leads created. */
  async import(drafts) {
    const summary = await commitDrafts(leads, drafts, importSource('bench.csv', 'csv', new Date().toISOString()));
    return summary.created;
  },
  count: () => leads.count(),
};
