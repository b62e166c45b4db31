import { CHANNELS, ORIGINS } from '@/lib/lead/schema';
import { type ChannelRow, type CostRow, type DashboardOptions, emptyCounts } from './figures';

/** Cost per lead, reply, meeting and won for each origin and channel with an entered cost, plus a total per origin. */
export function costRows(channels: readonly ChannelRow[], entered: DashboardOptions['costs']): CostRow[] {
  const costs: CostRow[] = [];
  const per = (cost: number, count: number) => (count > 0 ? cost / count : null);
  for (const origin of ORIGINS) {
    const byChannel = entered?.[origin] ?? {};
    const total = { cost: 0, leads: 0, replies: 0, meetings: 0, won: 0 };
    let any = false;
    for (const channel of CHANNELS) {
      const cost = byChannel[channel];
      if (cost === undefined || !Number.isFinite(cost) || cost < 0) continue;
      any = true;
      const c = channels.find((r) => r.channel === channel)?.byOrigin[origin] ?? emptyCounts();
      costs.push({
        origin,
        channel,
        cost,
        leads: c.leads,
        replies: c.replies,
        meetings: c.meetings,
        won: c.won,
        perLead: per(cost, c.leads),
        perReply: per(cost, c.replies),
        perMeeting: per(cost, c.meetings),
        perWon: per(cost, c.won),
      });
      total.cost += cost;
      total.leads += c.leads;
      total.replies += c.replies;
      total.meetings += c.meetings;
      total.won += c.won;
    }
    if (any) {
      costs.push({
        origin,
        channel: 'total',
        ...total,
        perLead: per(total.cost, total.leads),
        perReply: per(total.cost, total.replies),
        perMeeting: per(total.cost, total.meetings),
        perWon: per(total.cost, total.won),
      });
    }
  }
  return costs;
}
