import type { Lead } from './schema';

/**
 * Who owns a lead's outreach (team sync): its owner, else the teammate who captured
 * it, else `me` (this browser's teammate name): a lead captured here before sync was on is
 * pushed with this browser's name without its stored row being rewritten (lib/sync/bridge).
 * Undefined for a lead of a browser that never synced.
 */
export function leadOwner(lead: Pick<Lead, 'owner' | 'capturedBy'>, me?: string): string | undefined {
  return lead.owner ?? lead.capturedBy ?? me;
}
