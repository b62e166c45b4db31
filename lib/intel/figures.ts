import { CHANNELS, type Channel, type Origin } from '@/lib/lead/schema';

/**
 * The dashboard's figures (what lib/intel/dashboard.ts computes and the insights
 * screen shows) and the small statistics they are made of.
 */

export type ChannelKey = Channel | 'none';
export const CHANNEL_KEYS: ChannelKey[] = [...CHANNELS, 'none'];

export interface DashboardOptions {
  /** Pipeline stages in order (settings.stages). */
  stages: ReadonlyArray<{ id: string; label: string }>;
  now: number;
  /** YYYY-MM-DD, inclusive, on createdAt (UTC). */
  from?: string | undefined;
  to?: string | undefined;
  tag?: string | undefined;
  replyWindowDays?: number;
  costs?: Partial<Record<Origin, Partial<Record<Channel, number>>>>;
}

/** The lead fields the dashboard reads (a stored Lead fits). */
export interface DashboardLead {
  createdAt: string;
  updatedAt?: string | undefined;
  origin?: Origin | undefined;
  stage?: string | undefined;
  channel?: Channel | undefined;
  tags?: readonly string[] | undefined;
  nextFollowUpAt?: string | undefined;
  touches?: ReadonlyArray<{ at: string; channel: Channel; direction?: 'out' | 'in' | undefined }> | undefined;
  wonAt?: unknown;
  stageHistory?: unknown;
}

export interface FunnelRow {
  id: string;
  label: string;
  reached: Record<Origin, number>;
  /** reached / reached at the previous stage; null for the first stage or when the previous is 0. */
  conversion: Record<Origin, number | null>;
}

export interface ChannelCounts {
  touches: number;
  replies: number;
  /** replies / touches; null without touches. */
  replyRate: number | null;
  leads: number;
  meetings: number;
  won: number;
}

export interface ChannelRow extends ChannelCounts {
  channel: ChannelKey;
  byOrigin: Record<Origin, ChannelCounts>;
}

export interface Spread {
  n: number;
  median: number | null;
  p25: number | null;
  p75: number | null;
}

export interface FollowUpWeek {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  week: string;
  overdue: number;
  due: number;
}

export interface CostRow {
  origin: Origin;
  channel: Channel | 'total';
  cost: number;
  leads: number;
  replies: number;
  meetings: number;
  won: number;
  /** cost / leads attributed to the channel (the useful one for inbound: what a lead cost). */
  perLead: number | null;
  perReply: number | null;
  perMeeting: number | null;
  perWon: number | null;
}

export interface Dashboard {
  leads: Record<Origin, number> & { total: number };
  funnel: FunnelRow[];
  lost: Record<Origin, number>;
  channels: ChannelRow[];
  timeToFirstReply: Record<Origin, Spread>;
  captureToWon: Record<Origin, Spread>;
  followUps: FollowUpWeek[];
  followUpTotals: { overdue: number; due: number };
  costs: CostRow[];
  replyWindowDays: number;
}

/** Quantile with linear interpolation between closest ranks (R type 7, the spreadsheet default). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Median and quartiles of a sample (days). */
export function spread(values: number[]): Spread {
  const s = Float64Array.from(values).sort();
  const arr = Array.from(s);
  return { n: arr.length, median: quantile(arr, 0.5), p25: quantile(arr, 0.25), p75: quantile(arr, 0.75) };
}

/** Monday (UTC) of the week a time falls in, as YYYY-MM-DD. */
export function weekStart(ms: number): string {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

/** Counts of a channel before any lead is added. */
export const emptyCounts = (): ChannelCounts => ({
  touches: 0,
  replies: 0,
  replyRate: null,
  leads: 0,
  meetings: 0,
  won: 0,
});
