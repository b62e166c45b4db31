import { leads } from '@/lib/db';
import type { Handlers } from '@/lib/messaging/server';

/**
 * Lead writes requested by extension pages. The popup saves through the background so
 * closing the popup cannot abort the write. The input was validated against the
 * protocol's zod schema and the sender checked (extension pages only) by handleMessages;
 * the repository validates and normalises each draft again and saves them all in one
 * transaction (all or nothing).
 */
export const leadsHandlers: Pick<Handlers, 'leads.save'> = {
  'leads.save': async ({ drafts }) => {
    const { results } = await leads.saveMany(drafts, { by: 'capture' });
    return { results };
  },
};
