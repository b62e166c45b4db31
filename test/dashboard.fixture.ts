import type { DashboardLead, DashboardOptions } from '@/lib/intel/dashboard';
import { DEFAULT_SETTINGS } from '@/lib/settings';

/** Test data for the dashboard (lib/intel/dashboard.test.ts works its figures out by hand; snapshot.test.ts reuses it). */

// A small data set whose figures are worked out by hand below. 2026-03-01 is a Sunday.
type Dir = 'out' | 'in';
const t = (at: string, channel: NonNullable<DashboardLead['touches']>[number]['channel'], direction: Dir) => ({
  at: `2026-${at}:00Z`,
  channel,
  direction,
});
const day = (d: string) => `2026-${d}T00:00:00Z`;

export const A: DashboardLead = {
  createdAt: day('03-01'),
  updatedAt: day('03-11'),
  origin: 'outbound',
  stage: 'won',
  channel: 'email',
  tags: ['q1'],
  touches: [t('03-02T00:00', 'email', 'out'), t('03-04T00:00', 'email', 'in'), t('03-05T00:00', 'cold-call', 'out')],
};
export const B: DashboardLead = {
  createdAt: day('03-01'),
  origin: 'outbound',
  stage: 'meeting',
  // Out of order on purpose: the builder must sort by time.
  touches: [
    t('03-03T12:00', 'cold-call', 'in'),
    t('03-02T00:00', 'cold-call', 'out'),
    t('03-03T00:00', 'cold-call', 'out'),
  ],
};
export const C: DashboardLead = {
  createdAt: day('03-02'),
  origin: 'outbound',
  stage: 'lost',
  channel: 'email',
  touches: [t('03-02T00:00', 'email', 'out'), t('03-20T00:00', 'email', 'in')],
};
export const D: DashboardLead = {
  createdAt: day('03-05'),
  origin: 'outbound',
  stage: 'contacted',
  channel: 'social',
  nextFollowUpAt: day('03-08'),
  touches: [t('03-05T00:00', 'social', 'out')],
};
export const E: DashboardLead = { createdAt: day('03-06'), origin: 'outbound', stage: 'lost' };
export const F: DashboardLead = {
  createdAt: day('03-06'),
  origin: 'outbound',
  stage: 'retired-stage',
  nextFollowUpAt: day('03-12'),
};
export const G: DashboardLead = {
  createdAt: day('03-03'),
  origin: 'inbound',
  stage: 'replied',
  channel: 'display-ad',
  nextFollowUpAt: day('03-16'),
  touches: [t('03-03T00:00', 'display-ad', 'in'), t('03-04T00:00', 'email', 'out'), t('03-05T00:00', 'email', 'in')],
};
export const H: DashboardLead = {
  createdAt: day('03-01'),
  origin: 'inbound',
  stage: 'won',
  channel: 'event',
  tags: ['q1'],
  wonAt: day('03-21'),
  nextFollowUpAt: day('03-01'),
};
export const LEADS = [A, B, C, D, E, F, G, H];

export const options: DashboardOptions = {
  stages: DEFAULT_SETTINGS.stages,
  now: Date.parse('2026-03-10T12:00:00Z'),
  costs: { outbound: { email: 100, 'cold-call': 90 }, inbound: { 'display-ad': 50 } },
};
