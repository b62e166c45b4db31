import type { LeadRepository } from './api';
import { openDatabase } from './database';
import { createLeadRepository } from './repository';

/**
 * The lead store of Prospector: `leads` (the LeadRepository on IndexedDB) and
 * `onLeadsChanged` (re-read after writes from any context). Extension pages and the
 * background import from here; content scripts never do (their IndexedDB is the page's).
 */

export type * from './api';
export { CHANGES_CHANNEL, type LeadsChange, notifyLeadsChanged, onLeadsChanged } from './changes';
export { closeDatabase, DB_NAME, DB_VERSION, openDatabase } from './database';
export { RESTORE_WINDOW_MS } from './repository';

/** The shared repository instance (one cached connection per context). */
export const leads: LeadRepository = createLeadRepository(openDatabase);
