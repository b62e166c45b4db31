import { leads, onLeadsChanged } from '@/lib/db';
import type { LeadRepository } from '@/lib/db/api';

/**
 * The one place the workspace UI reaches the lead store, so screens and tests can
 * hand a component another repository (the bench and unit tests do).
 */
export const store: LeadRepository = leads;

/** Calls `cb` after any change to the leads (from this page, the popup, the background or another tab). */
export function subscribeLeads(cb: () => void): () => void {
  const off = onLeadsChanged(() => cb());
  return typeof off === 'function' ? off : () => {};
}
