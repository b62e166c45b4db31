import { leads, onLeadsChanged } from '@/lib/db';
import type { LeadRepository } from '@/lib/db/api';

/**
 * The one place UI code (components/, and the popup's and the workspace's screens)
 * reaches the lead store: screens import `store` and `subscribeLeads` from here, never
 * lib/db, so there is one seam to hand them another repository (the bench and unit tests
 * do). lib/ modules use lib/db's `leads` directly.
 */
export const store: LeadRepository = leads;

/** Calls `cb` after any change to the leads (from this page, the popup, the background or another tab). */
export function subscribeLeads(cb: () => void): () => void {
  const off = onLeadsChanged(() => cb());
  return typeof off === 'function' ? off : () => {};
}
