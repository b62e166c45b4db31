import { CHANNELS } from '@/lib/lead/schema';
import type { DashboardLead } from './figures';

/**
 * A lead reduced to the numbers the dashboard reads (dates parsed once, touches in
 * time order, channels as codes): the builder works on these, so leads and the stored
 * snapshot (snapshot.ts) go through the same code.
 */

function wonTime(lead: DashboardLead): number {
  if (typeof lead.wonAt === 'string') {
    const t = Date.parse(lead.wonAt);
    if (!Number.isNaN(t)) return t;
  }
  if (Array.isArray(lead.stageHistory)) {
    for (let i = lead.stageHistory.length - 1; i >= 0; i--) {
      const entry = lead.stageHistory[i] as { stage?: unknown; at?: unknown } | null;
      if (entry && entry.stage === 'won' && typeof entry.at === 'string') {
        const t = Date.parse(entry.at);
        if (!Number.isNaN(t)) return t;
      }
    }
  }
  return Date.parse(lead.updatedAt ?? lead.createdAt);
}

/** Channel codes: the index in CHANNELS; NO_CHANNEL_INDEX for a lead without one. */
export const NO_CHANNEL_INDEX = CHANNELS.length;
const CHANNEL_INDEX = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));

/** The channel code of a channel name (NO_CHANNEL_INDEX when none or unknown). */
export function channelCode(channel: string | undefined): number {
  return channel === undefined ? NO_CHANNEL_INDEX : (CHANNEL_INDEX.get(channel) ?? NO_CHANNEL_INDEX);
}

/**
 * One lead reduced to the numbers the statistics read, touches in time order.
 * The builder works on these, so leads and the stored snapshot (snapshot.ts)
 * go through the same code.
 */
export interface LeadFacts {
  inbound: boolean;
  stage: string;
  /** Times in ms since the epoch; NaN when absent. */
  created: number;
  won: number;
  follow: number;
  /** Code of the lead's own channel field. */
  channel: number;
  n: number;
  at: ArrayLike<number>;
  ch: ArrayLike<number>;
  /** 1 for an inbound touch. */
  dirIn: ArrayLike<number>;
}

/** Reduces a lead to facts (parses the dates once, orders the touches by time). */
export function toFacts(lead: DashboardLead): LeadFacts {
  const touches = lead.touches ?? [];
  const n = touches.length;
  const times = new Float64Array(n);
  const order: number[] = new Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    times[i] = Date.parse((touches[i] as { at: string }).at);
    order[i] = i;
    if (i > 0 && (times[i] as number) < (times[i - 1] as number)) sorted = false;
  }
  if (!sorted) order.sort((a, b) => (times[a] as number) - (times[b] as number));
  const at = sorted ? times : new Float64Array(n);
  const ch = new Uint8Array(n);
  const dirIn = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const t = touches[i] as { channel: string; direction?: string | undefined };
    if (!sorted) at[k] = times[i] as number;
    ch[k] = channelCode(t.channel);
    dirIn[k] = t.direction === 'in' ? 1 : 0;
  }
  const stage = lead.stage ?? 'new';
  return {
    inbound: lead.origin === 'inbound',
    stage,
    created: Date.parse(lead.createdAt),
    won: stage === 'won' ? wonTime(lead) : Number.NaN,
    follow: lead.nextFollowUpAt ? Date.parse(lead.nextFollowUpAt) : Number.NaN,
    channel: channelCode(lead.channel),
    n,
    at,
    ch,
    dirIn,
  };
}
