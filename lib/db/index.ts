import { sendMessage } from '@/lib/messaging/client';
import type { LeadRepository } from './api';
import { relayLeadsChanges } from './changes';
import { openDatabase } from './database';
import { createDerivedStore, type DerivedStore } from './derived';
import { createLeadRepository } from './repository';

/**
 * The lead store of Prospector: `leads` (the LeadRepository on IndexedDB) and
 * `onLeadsChanged` (re-read after writes from any context). Extension pages and the
 * background import from here; content scripts never do (their IndexedDB is the page's).
 */

export type * from './api';
export {
  CHANGES_CHANNEL,
  type LeadsChange,
  type LeadsNotice,
  notifyLeadsChanged,
  onLeadsChanged,
  receiveLeadsNotice,
  relayLeadsChanges,
} from './changes';
export { closeDatabase, DB_NAME, DB_VERSION, openDatabase } from './database';
export type { DerivedStore } from './derived';
export { RESTORE_WINDOW_MS } from './repository';

/** The shared repository instance (one cached connection per context). */
export const leads: LeadRepository = createLeadRepository(openDatabase);

/** Values derived from the leads (the dashboard snapshot), kept beside them in the same database. */
export const derived: DerivedStore = createDerivedStore(openDatabase);

// Every context that writes through `leads` also tells the background, which may be stopped
// (a BroadcastChannel does not wake it; a message does). The background turns this off for
// itself (lib/background/changes.ts). Unanswered (no background yet, tests): nothing to do.
relayLeadsChanges((notice) => {
  sendMessage('leads.changed', notice).catch(() => {});
});
