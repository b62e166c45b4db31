import { AppError } from '@/lib/errors';
import type { Handlers } from '@/lib/messaging/server';

/** Lead writes requested by extension pages (issue 3 wires the repository here). */
export const leadsHandlers: Pick<Handlers, 'leads.save'> = {
  'leads.save': async () => {
    throw new AppError('unavailable', 'The lead store is not ready yet');
  },
};
