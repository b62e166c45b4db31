import { describe, expect, it } from 'vitest';
import { C, G, LEADS, options } from '@/test/dashboard.fixture';
import { computeDashboard, type DashboardLead, quantile, weekStart } from './dashboard';

describe('dashboard on a hand-computed data set', () => {
  const actual = computeDashboard(LEADS, options);
  const funnelIds = ['new', 'researching', 'contacted', 'nurturing', 'replied', 'meeting', 'won'];
  const at = (id: string) => funnelIds.indexOf(id);

  it('counts leads per origin', () => {
    expect(actual.leads).toEqual({ outbound: 6, inbound: 2, total: 8 });
  });

  it('builds the funnel as "reached this stage or a later one", lost leads at what their touches prove', () => {
    // Furthest stage per lead, by hand: A won, B meeting, C lost but answered (inbound touch) → replied,
    // D contacted, E lost without touches → new, F's stage is not in the pipeline → new.
    const outbound = [at('won'), at('meeting'), at('replied'), at('contacted'), at('new'), at('new')];
    const inbound = [at('replied'), at('won')];
    const reached = (list: number[], i: number) => list.filter((r) => r >= i).length;
    expect(actual.funnel.map((r) => r.id)).toEqual(funnelIds);
    for (const [i, row] of actual.funnel.entries()) {
      expect(row.reached).toEqual({ outbound: reached(outbound, i), inbound: reached(inbound, i) });
    }
    // Spot checks written out: 6 → 4 leads got past "new"; 3 replied → 2 met → 1 won.
    const row = (id: string) => actual.funnel[at(id)];
    expect(row('researching')?.conversion.outbound).toBeCloseTo(4 / 6);
    expect(row('meeting')?.conversion.outbound).toBeCloseTo(2 / 3);
    expect(row('won')?.conversion.outbound).toBeCloseTo(1 / 2);
    expect(row('meeting')?.conversion.inbound).toBeCloseTo(1 / 2);
    expect(row('new')?.conversion).toEqual({ outbound: null, inbound: null });
    expect(actual.lost).toEqual({ outbound: 2, inbound: 0 });
  });

  it('counts touches, replies (last outbound touch within 14 days), meetings and won per channel', () => {
    const ch = (c: string) => actual.channels.find((r) => r.channel === c);
    // email, outbound: A's and C's first touches; A's got an answer 2 days later, C's after 18 (> 14).
    expect(ch('email')?.byOrigin.outbound).toMatchObject({ touches: 2, replies: 1, replyRate: 1 / 2, leads: 2 });
    expect(ch('email')?.byOrigin.outbound).toMatchObject({ meetings: 1, won: 1 });
    // email, inbound: G's one outbound email was answered the next day.
    expect(ch('email')?.byOrigin.inbound).toMatchObject({ touches: 1, replies: 1, leads: 0 });
    expect(ch('email')).toMatchObject({ touches: 3, replies: 2, replyRate: 2 / 3 });
    // cold call: A's last touch (no answer after it) and B's two; B's answer goes to the later call only.
    expect(ch('cold-call')?.byOrigin.outbound).toMatchObject({ touches: 3, replies: 1, leads: 1, meetings: 1, won: 0 });
    expect(ch('cold-call')?.replyRate).toBeCloseTo(1 / 3);
    expect(ch('social')).toMatchObject({ touches: 1, replies: 0, replyRate: 0, leads: 1, meetings: 0 });
    expect(ch('display-ad')).toMatchObject({ touches: 0, replyRate: null, leads: 1, meetings: 0, won: 0 });
    expect(ch('event')).toMatchObject({ leads: 1, meetings: 1, won: 1 });
    expect(ch('none')).toMatchObject({ leads: 2, touches: 0 });
  });

  it('measures time to first reply and capture to won per origin (median and quartiles)', () => {
    // First outbound touch → first inbound after it: A 2 days, B 1.5 days, C 18 days; G 1 day.
    const [o1, o2, o3] = [1.5, 2, 18];
    expect(actual.timeToFirstReply.outbound).toEqual({
      n: 3,
      median: 2,
      p25: o1 + (o2 - o1) * 0.5,
      p75: o2 + (o3 - o2) * 0.5,
    });
    expect(actual.timeToFirstReply.inbound).toEqual({ n: 1, median: 1, p25: 1, p75: 1 });
    // A: created 03-01, last updated 03-11 (no wonAt) → 10 days; H: wonAt 03-21 → 20 days.
    expect(actual.captureToWon.outbound.median).toBe(10);
    expect(actual.captureToWon.inbound.median).toBe(20);
  });

  it('buckets follow-ups of open leads by ISO week, overdue before now', () => {
    // D 03-08 (Sunday, week of Monday 03-02) is overdue; F 03-12 and G 03-16 are due; H is won, so ignored.
    expect(actual.followUps).toEqual([
      { week: '2026-03-02', overdue: 1, due: 0 },
      { week: '2026-03-09', overdue: 0, due: 1 },
      { week: '2026-03-16', overdue: 0, due: 1 },
    ]);
    expect(actual.followUpTotals).toEqual({ overdue: 1, due: 2 });
  });

  it('divides entered costs by leads, replies, meetings and won, per origin', () => {
    const row = (origin: string, channel: string) =>
      actual.costs.find((r) => r.origin === origin && r.channel === channel);
    expect(row('outbound', 'email')).toMatchObject({ perLead: 100 / 2, perReply: 100, perMeeting: 100, perWon: 100 });
    expect(row('outbound', 'cold-call')).toMatchObject({ perLead: 90, perReply: 90, perMeeting: 90, perWon: null });
    expect(row('outbound', 'total')).toMatchObject({
      cost: 190,
      perLead: 190 / 3,
      perReply: 190 / 2,
      perMeeting: 190 / 2,
      perWon: 190,
    });
    expect(row('inbound', 'display-ad')).toMatchObject({ perLead: 50, perReply: null, perMeeting: null });
    expect(actual.costs.filter((r) => r.channel !== 'total')).toHaveLength(3);
  });
});

describe('dashboard filters', () => {
  it('keeps only leads with the tag (case- and accent-insensitive, as the store filters tags)', () => {
    const actual = computeDashboard(LEADS, { ...options, tag: 'Q1' });
    expect(actual.leads).toEqual({ outbound: 1, inbound: 1, total: 2 });
    expect(actual.funnel.at(-1)?.reached).toEqual({ outbound: 1, inbound: 1 });
  });

  it('keeps leads captured within the inclusive date range', () => {
    // Created 03-05 (D) and 03-06 (E, F).
    const actual = computeDashboard(LEADS, { ...options, from: '2026-03-05', to: '2026-03-06' });
    expect(actual.leads).toEqual({ outbound: 3, inbound: 0, total: 3 });
    expect(actual.lost.outbound).toBe(1);
  });

  it('credits a lead to the channel of its first touch, not the channel field (the store sets it to the latest)', () => {
    const lead: DashboardLead = { ...G, channel: 'email', stage: 'won' };
    const actual = computeDashboard([lead], options);
    expect(actual.channels.find((r) => r.channel === 'display-ad')).toMatchObject({ leads: 1, won: 1 });
    expect(actual.channels.find((r) => r.channel === 'email')).toMatchObject({ leads: 0, won: 0, touches: 1 });
  });

  it('widens the reply window on request', () => {
    const actual = computeDashboard([C], { ...options, replyWindowDays: 30 });
    expect(actual.channels.find((r) => r.channel === 'email')?.replies).toBe(1);
  });

  it('gives empty figures for no leads', () => {
    const actual = computeDashboard([], options);
    expect(actual.leads.total).toBe(0);
    expect(actual.funnel[1]?.conversion.outbound).toBeNull();
    expect(actual.timeToFirstReply.outbound).toEqual({ n: 0, median: null, p25: null, p75: null });
  });
});

describe('helpers', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[7], 0.75, 7],
  ])('quantile(%j, %d) = %d', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });

  it('finds the Monday of a week', () => {
    expect(weekStart(Date.parse('2026-03-08T23:59:00Z'))).toBe('2026-03-02');
    expect(weekStart(Date.parse('2026-03-09T00:00:00Z'))).toBe('2026-03-09');
  });
});
