import { leads } from '@/lib/db';
import type { Handlers } from '@/lib/messaging/server';

/**
 * Lead writes requested by extension pages. The popup saves through the background so
 * closing the popup cannot abort the write. handleMessages checked the sender (extension
 * pages only) and the message's shape; the repository validates and normalises each draft,
 * once, and saves them all in one transaction (all or nothing).
 */
export const leadsHandlers: Pick<Handlers, 'leads.save'> = {
  'leads.save': async ({ drafts }) => {
    const { results } = await leads.saveMany(drafts, { by: 'capture' });
    return { results };
  },
};
