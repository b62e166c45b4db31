import { ORIGINS, type Origin } from '@/lib/lead/schema';
import { foldText } from '@/lib/normalize/name';
import { costRows } from './costs';
import { type LeadFacts, NO_CHANNEL_INDEX, toFacts } from './facts';
import {
  CHANNEL_KEYS,
  type ChannelCounts,
  type ChannelKey,
  type ChannelRow,
  type Dashboard,
  type DashboardLead,
  type DashboardOptions,
  emptyCounts,
  type FollowUpWeek,
  type FunnelRow,
  spread,
  weekStart,
} from './figures';

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

export { costRows } from './costs';
export { channelCode, type LeadFacts, NO_CHANNEL_INDEX, toFacts } from './facts';
export * from './figures';

const DAY = 86_400_000;

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
