import { CHANNELS, type Channel, ORIGINS, type Origin } from '@/lib/lead/schema';
import { foldText } from '@/lib/normalize/name';

/**
 * The outbound-vs-inbound dashboard, computed in one pass over the leads
 * (`DashboardBuilder.add` per lead, then `result()`), so 50,000 leads stream
 * from the store without being held in memory. Definitions (also in the UI):
 *
 * - Scope: leads captured (createdAt, UTC days, inclusive) in the date range and
 *   carrying the tag (case- and accent-insensitive), with all their touches (a
 *   cohort view).
 * - Funnel: the pipeline from settings in its order, without 'lost'. A lead
 *   "reached" stage X when its stage is X or a later one. A lost lead has no
 *   stage left to read, so it counts up to the furthest stage its touches
 *   prove: 'replied' when it has an inbound touch, 'contacted' when it has an
 *   outbound one, else the first stage; lost leads are also counted on their
 *   own. A stage id that is no longer in the pipeline counts as the first stage.
 *   Conversion into X = reached(X) / reached(the stage before X).
 * - Lead channel (first-touch attribution): the channel of its earliest touch,
 *   else its `channel` field; leads with neither are "no channel". Not the
 *   field first: the store sets `channel` to the latest touch's channel, which
 *   would credit the meeting to whatever channel was used last.
 * - Touches: outbound touches on the channel. A reply is an inbound touch; it is
 *   credited to the latest outbound touch at or before it on the same lead if
 *   that touch is at most `replyWindowDays` (default 14) earlier; an outbound
 *   touch is credited once. Reply rate = credited outbound touches / outbound
 *   touches on the channel (last-touch attribution: a sequence of five emails
 *   and one answer is 1 reply in 5 touches, not 5 in 5).
 * - Meetings / won: leads attributed to the channel that reached the 'meeting'
 *   stage (or beyond) / are at 'won'.
 * - Time to first reply: days from the first outbound touch to the first
 *   inbound touch after it. Capture to won: days from createdAt to when the
 *   lead was won (its `wonAt` or the latest 'won' entry of a stage history when
 *   recorded, else its last update). Median and spread as quartiles (IQR).
 * - Follow-ups: open leads (not won or lost) by the ISO week (Monday, UTC) of
 *   nextFollowUpAt; overdue when before `now`.
 * - Cost: what the user entered per origin and channel for the period, divided
 *   by the leads, replies, meetings and won of that origin and channel.
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

const DAY = 86_400_000;

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

const emptyCounts = (): ChannelCounts => ({ touches: 0, replies: 0, replyRate: null, leads: 0, meetings: 0, won: 0 });

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

/** Accumulates the dashboard over leads fed one at a time. */
export class DashboardBuilder {
  private readonly funnelIds: string[];
  private readonly index = new Map<string, number>();
  private readonly reachedAt: Record<Origin, Int32Array>;
  private readonly lostCount: Record<Origin, number> = { outbound: 0, inbound: 0 };
  private readonly leadCount: Record<Origin, number> = { outbound: 0, inbound: 0 };
  private readonly counts = new Map<ChannelKey, Record<Origin, ChannelCounts>>();
  private readonly firstReply: Record<Origin, number[]> = { outbound: [], inbound: [] };
  private readonly toWon: Record<Origin, number[]> = { outbound: [], inbound: [] };
  private readonly weeks = new Map<string, FollowUpWeek>();
  private readonly fromMs: number;
  private readonly ranged: boolean;
  /** The tag filter, folded: tags match case- and accent-insensitively, as in the store's tag filter. */
  readonly tagKey: string | null;
  private readonly toMs: number;
  private readonly windowMs: number;
  private readonly meetingIndex: number;
  private readonly repliedIndex: number;
  private readonly contactedIndex: number;
  // The per-origin counts of each channel by code (CHANNELS index; NO_CHANNEL_INDEX = none).
  private readonly countsByCode: Record<Origin, ChannelCounts>[] = [];

  constructor(private readonly options: DashboardOptions) {
    this.funnelIds = options.stages.map((s) => s.id).filter((id) => id !== 'lost');
    this.funnelIds.forEach((id, i) => {
      this.index.set(id, i);
    });
    this.reachedAt = {
      outbound: new Int32Array(this.funnelIds.length),
      inbound: new Int32Array(this.funnelIds.length),
    };
    this.ranged = Boolean(options.from || options.to);
    this.tagKey = options.tag ? foldText(options.tag) : null;
    this.fromMs = options.from ? Date.parse(`${options.from}T00:00:00Z`) : Number.NEGATIVE_INFINITY;
    this.toMs = options.to ? Date.parse(`${options.to}T00:00:00Z`) + DAY : Number.POSITIVE_INFINITY;
    this.windowMs = (options.replyWindowDays ?? 14) * DAY;
    this.meetingIndex = this.index.get('meeting') ?? -1;
    this.repliedIndex = this.index.get('replied') ?? -1;
    this.contactedIndex = this.index.get('contacted') ?? -1;
    for (const key of CHANNEL_KEYS) {
      const counts = { outbound: emptyCounts(), inbound: emptyCounts() };
      this.counts.set(key, counts);
      this.countsByCode.push(counts);
    }
  }

  /** Adds one lead (ignored when outside the date range or without the tag). */
  add(lead: DashboardLead): void {
    if (this.tagKey !== null && !lead.tags?.some((t) => foldText(t) === this.tagKey)) return;
    this.addFacts(toFacts(lead));
  }

  /** Adds one lead reduced to facts (the tag filter is the caller's: facts carry no tags). */
  addFacts(f: LeadFacts): void {
    if (this.ranged && !(f.created >= this.fromMs && f.created < this.toMs)) return;
    const origin: Origin = f.inbound ? 'inbound' : 'outbound';
    this.leadCount[origin]++;
    const stage = f.stage;
    const n = f.n;
    const at = f.at;
    const ch = f.ch;
    const dirIn = f.dirIn;

    const channelCode = n > 0 ? (ch[0] as number) : f.channel;
    const leadCounts = this.byCode(channelCode)[origin];
    leadCounts.leads++;

    // Replies: walk in time order, remembering the latest outbound touch not yet credited.
    let lastOut = -1;
    let lastOutCredited = false;
    let firstOut = Number.NaN;
    let firstReplyAfter = Number.NaN;
    let hasIn = false;
    let hasOut = false;
    for (let i = 0; i < n; i++) {
      const time = at[i] as number;
      if (dirIn[i] === 1) {
        hasIn = true;
        if (!Number.isNaN(firstOut) && Number.isNaN(firstReplyAfter) && time > firstOut) firstReplyAfter = time;
        if (lastOut >= 0 && !lastOutCredited && time - (at[lastOut] as number) <= this.windowMs) {
          lastOutCredited = true;
          this.byCode(ch[lastOut] as number)[origin].replies++;
        }
      } else {
        hasOut = true;
        if (Number.isNaN(firstOut)) firstOut = time;
        lastOut = i;
        lastOutCredited = false;
        this.byCode(ch[i] as number)[origin].touches++;
      }
    }
    if (!Number.isNaN(firstReplyAfter)) this.firstReply[origin].push((firstReplyAfter - firstOut) / DAY);

    // Funnel.
    let reached: number;
    if (stage === 'lost') {
      this.lostCount[origin]++;
      reached =
        hasIn && this.repliedIndex >= 0
          ? this.repliedIndex
          : hasOut && this.contactedIndex >= 0
            ? this.contactedIndex
            : 0;
    } else {
      reached = this.index.get(stage) ?? 0;
    }
    const counts = this.reachedAt[origin];
    if (counts.length > 0) counts[reached] = (counts[reached] ?? 0) + 1;
    if (this.meetingIndex >= 0 && reached >= this.meetingIndex) leadCounts.meetings++;
    if (stage === 'won') {
      leadCounts.won++;
      this.toWon[origin].push((f.won - f.created) / DAY);
    }

    // Follow-ups of open leads.
    if (!Number.isNaN(f.follow) && stage !== 'won' && stage !== 'lost') {
      const key = weekStart(f.follow);
      let week = this.weeks.get(key);
      if (!week) {
        week = { week: key, overdue: 0, due: 0 };
        this.weeks.set(key, week);
      }
      if (f.follow < this.options.now) week.overdue++;
      else week.due++;
    }
  }

  private byCode(code: number): Record<Origin, ChannelCounts> {
    return (this.countsByCode[code] ?? this.countsByCode[NO_CHANNEL_INDEX]) as Record<Origin, ChannelCounts>;
  }

  /** The figures of every lead added so far. */
  result(): Dashboard {
    const funnel: FunnelRow[] = [];
    const cumulative: Record<Origin, number[]> = { outbound: [], inbound: [] };
    for (const origin of ORIGINS) {
      let sum = 0;
      const counts = this.reachedAt[origin];
      for (let i = counts.length - 1; i >= 0; i--) {
        sum += counts[i] as number;
        cumulative[origin][i] = sum;
      }
    }
    this.funnelIds.forEach((id, i) => {
      const label = this.options.stages.find((s) => s.id === id)?.label ?? id;
      const reached = { outbound: cumulative.outbound[i] ?? 0, inbound: cumulative.inbound[i] ?? 0 };
      const conversion = { outbound: null as number | null, inbound: null as number | null };
      if (i > 0) {
        for (const origin of ORIGINS) {
          const prev = cumulative[origin][i - 1] ?? 0;
          conversion[origin] = prev > 0 ? reached[origin] / prev : null;
        }
      }
      funnel.push({ id, label, reached, conversion });
    });

    const channels: ChannelRow[] = CHANNEL_KEYS.map((channel) => {
      const byOrigin = this.counts.get(channel) as Record<Origin, ChannelCounts>;
      const total = emptyCounts();
      for (const origin of ORIGINS) {
        const c = byOrigin[origin];
        c.replyRate = c.touches > 0 ? c.replies / c.touches : null;
        total.touches += c.touches;
        total.replies += c.replies;
        total.leads += c.leads;
        total.meetings += c.meetings;
        total.won += c.won;
      }
      total.replyRate = total.touches > 0 ? total.replies / total.touches : null;
      return { channel, ...total, byOrigin: { outbound: { ...byOrigin.outbound }, inbound: { ...byOrigin.inbound } } };
    });

    const costs = costRows(channels, this.options.costs);
    const followUps = [...this.weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
    return {
      leads: { ...this.leadCount, total: this.leadCount.outbound + this.leadCount.inbound },
      funnel,
      lost: { ...this.lostCount },
      channels,
      timeToFirstReply: { outbound: spread(this.firstReply.outbound), inbound: spread(this.firstReply.inbound) },
      captureToWon: { outbound: spread(this.toWon.outbound), inbound: spread(this.toWon.inbound) },
      followUps,
      followUpTotals: {
        overdue: followUps.reduce((s, w) => s + w.overdue, 0),
        due: followUps.reduce((s, w) => s + w.due, 0),
      },
      costs,
      replyWindowDays: this.options.replyWindowDays ?? 14,
    };
  }
}

/** Computes the dashboard over a list of leads. */
export function computeDashboard(leads: Iterable<DashboardLead>, options: DashboardOptions): Dashboard {
  const builder = new DashboardBuilder(options);
  for (const lead of leads) builder.add(lead);
  return builder.result();
}

/** Computes the dashboard over the store's async iterator (leads.all()), in one pass. */
export async function computeDashboardAsync(
  leads: AsyncIterable<DashboardLead>,
  options: DashboardOptions,
): Promise<Dashboard> {
  const builder = new DashboardBuilder(options);
  for await (const lead of leads) builder.add(lead);
  return builder.result();
}
