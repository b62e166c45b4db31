import { receiveLeadsNotice, relayLeadsChanges } from '@/lib/db';
import type { Handlers } from '@/lib/messaging/server';

/**
 * The background's end of the lead change notices (lib/db/changes.ts). Pages relay each
 * notice as a 'leads.changed' message, which wakes a stopped service worker; the notice is
 * then delivered to this context's onLeadsChanged listeners (reminders, fit scores), once
 * even when the BroadcastChannel brought it too. Input and sender (extension pages only)
 * were checked by handleMessages.
 */
export const changesHandlers: Pick<Handlers, 'leads.changed'> = {
  'leads.changed': async (notice) => {
    receiveLeadsNotice(notice);
    return { ok: true };
  },
};

/** The background hears its own writes directly: it relays nothing. Call in the background's main. */
export function registerChanges(): void {
  relayLeadsChanges(null);
}
