import type { Channel, Origin } from './schema';

/** How each outreach channel is named in the UI, exports and the dashboard. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  'cold-call': 'Cold call',
  email: 'Email',
  'mass-email': 'Mass email',
  'direct-mail': 'Direct mail',
  social: 'Social',
  event: 'Event',
  'display-ad': 'Display ad',
  other: 'Other',
};

/** How each origin is named in the UI. */
export const ORIGIN_LABELS: Record<Origin, string> = { outbound: 'Outbound', inbound: 'Inbound' };
