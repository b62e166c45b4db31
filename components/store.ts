import { type LeadsChange, leads, onLeadsChanged } from '@/lib/db';
import type { LeadRepository } from '@/lib/db/api';

/**
 * The one place UI code (components/, and the popup's and the workspace's screens)
 * reaches the lead store: screens import `store` and `subscribeLeads` from here, never
 * lib/db, so there is one seam to hand them another repository (the bench and unit tests
 * do). lib/ modules use lib/db's `leads` directly.
 */
export const store: LeadRepository = leads;

/**
 * Calls `cb` after any change to the leads (from this page, the popup, the background or
 * another tab) with what changed (the kind and the ids), so a listener can update what it
 * holds from those few leads instead of re-reading the store: with team sync live, a change
 * arrives every few seconds, and a re-read of 50,000 leads per notice held up the very write
 * being synced (issue 15).
 */
export function subscribeLeads(cb: (change: LeadsChange) => void): () => void {
  const off = onLeadsChanged((change) => cb(change));
  return typeof off === 'function' ? off : () => {};
}
