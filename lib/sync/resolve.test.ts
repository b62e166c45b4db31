// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeadSchema } from '@/lib/lead/schema';
import { makeLead } from '@/test/factories';
import { canonical, type LeadRevision, resolveRevisions, toRevision } from './resolve';

// A few times and values, so revisions collide on them (ties are where order bugs hide).
const TIMES = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'] as const;
const time = fc.constantFrom(...TIMES);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const revisionArb: fc.Arbitrary<LeadRevision> = fc
  .record({
    updatedAt: time,
    createdAt: time,
    fullName: maybe(fc.constantFrom('Ada Lovelace', 'Ada King', '')),
    title: maybe(fc.constantFrom('CTO', 'CEO')),
    stage: fc.constantFrom('new', 'contacted', 'won'),
    nextFollowUpAt: maybe(time),
    owner: maybe(fc.constantFrom('Sam', 'Kim')),
    edited: fc.subarray(['fullName', 'title', 'notes']),
    notes: maybe(fc.constantFrom('met at the fair', 'call back')),
    emails: fc.uniqueArray(
      fc.record({
        value: fc.constantFrom('ada@x.io', 'ada@y.io', 'a@z.io'),
        source: fc.constantFrom('page' as const, 'user' as const),
        status: fc.constantFrom('found' as const, 'guessed' as const, 'verified-by-user' as const),
      }),
      { selector: (e) => e.value, maxLength: 3 },
    ),
    links: fc.subarray(['https://a.example/ada', 'https://b.example/ada', 'https://c.example/ada']),
    tags: fc.subarray(['vip', 'VIP', 'q3', 'fair']),
    touches: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('t1', 't2', 't3'),
        at: time,
        channel: fc.constantFrom('email' as const, 'cold-call' as const),
        direction: fc.constantFrom('out' as const, 'in' as const),
        note: maybe(fc.constantFrom('left a message', 'replied')),
      }),
      { selector: (t) => t.id, maxLength: 3 },
    ),
    stageHistory: maybe(
      fc.array(fc.record({ stage: fc.constantFrom('contacted', 'won'), at: time }), { maxLength: 2 }),
    ),
    captured: maybe(fc.dictionary(fc.constantFrom('title', 'fullName'), fc.constantFrom('x', 'y'), { maxKeys: 2 })),
    at: fc.dictionary(fc.constantFrom('fullName', 'title', 'stage', 'notes', 'owner', 'nextFollowUpAt'), time, {
      maxKeys: 4,
    }),
  })
  .map(({ at, ...fields }) => {
    const lead = makeLead(1, { emails: [], fullName: 'Ada' });
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) delete (lead as Record<string, unknown>)[k];
      else (lead as Record<string, unknown>)[k] = v;
    }
    return { lead, at };
  });

const revisions = fc.array(revisionArb, { minLength: 1, maxLength: 5 });
function same(a: LeadRevision, b: LeadRevision): void {
  expect(canonical(a)).toBe(canonical(b));
}

describe('resolveRevisions (property)', () => {
  it('is commutative: any order of the same revisions gives the same lead', () => {
    fc.assert(
      fc.property(
        revisions.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([rs, shuffled]) => {
          same(resolveRevisions(shuffled), resolveRevisions(rs));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is idempotent: a revision set merged with itself, or a result merged again, is unchanged', () => {
    fc.assert(
      fc.property(revisions, (rs) => {
        const expected = resolveRevisions(rs);
        same(resolveRevisions([...rs, ...rs]), expected);
        same(resolveRevisions([expected]), expected);
        same(resolveRevisions([expected, ...rs]), expected);
      }),
      { numRuns: 500 },
    );
  });

  it('is associative: merging in groups (two browsers resolving apart) gives the same lead', () => {
    fc.assert(
      fc.property(revisions, revisions, revisions, (a, b, c) => {
        const expected = resolveRevisions([...a, ...b, ...c]);
        same(resolveRevisions([resolveRevisions([...a, ...b]), ...c]), expected);
        same(resolveRevisions([...a, resolveRevisions([...b, ...c])]), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every email, link and touch of every revision (lists are unions)', () => {
    fc.assert(
      fc.property(revisions, (rs) => {
        const { lead } = resolveRevisions(rs);
        for (const r of rs) {
          for (const e of r.lead.emails) expect(lead.emails.map((x) => x.value)).toContain(e.value);
          for (const l of r.lead.links) expect(lead.links).toContain(l);
          for (const t of r.lead.touches) expect(lead.touches.map((x) => x.id)).toContain(t.id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives a hand-edited field the latest hand edit, over any captured value', () => {
    fc.assert(
      fc.property(revisions, (rs) => {
        const hand = rs.filter((r) => r.lead.edited.includes('title'));
        if (hand.length === 0) return;
        const latest = hand
          .map((r) => r.at.title ?? (r.lead.title ? r.lead.updatedAt : ''))
          .sort()
          .at(-1);
        const { lead } = resolveRevisions(rs);
        const candidates = hand
          .filter((r) => (r.at.title ?? (r.lead.title ? r.lead.updatedAt : '')) === latest)
          .map((r) => r.lead.title);
        expect(candidates).toContain(lead.title);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resolveRevisions (examples)', () => {
  const base = makeLead(1, { fullName: 'Ada Lovelace', updatedAt: TIMES[0] });

  it('takes the stage of the latest stage change, even from the revision edited earlier overall', () => {
    // A moved the stage on day 2; B edited notes on day 3 but its stage dates from day 1.
    const a = { lead: { ...base, stage: 'meeting', updatedAt: TIMES[1] }, at: { stage: TIMES[1] } } as LeadRevision;
    const b = {
      lead: { ...base, stage: 'contacted', notes: 'x', updatedAt: TIMES[2] },
      at: { stage: TIMES[0], notes: TIMES[2] },
    } as LeadRevision;
    const { lead } = resolveRevisions([b, a]);
    expect(lead.stage).toBe('meeting');
    expect(lead.notes).toBe('x');
    expect(lead.updatedAt).toBe(TIMES[2]);
  });

  it('never lets a missing captured value erase one, but lets a hand clear win', () => {
    const withTitle = { lead: { ...base, title: 'CTO' }, at: { title: TIMES[0] } } as LeadRevision;
    const without = { lead: { ...base, updatedAt: TIMES[2] }, at: { title: TIMES[2] } } as LeadRevision;
    expect(resolveRevisions([withTitle, without]).lead.title).toBe('CTO');
    const cleared = { lead: { ...base, edited: ['title'], updatedAt: TIMES[2] }, at: { title: TIMES[2] } };
    expect(resolveRevisions([withTitle, cleared as LeadRevision]).lead.title).toBeUndefined();
  });

  it('produces a lead the schema accepts', () => {
    const a = toRevision({ ...base, emails: [{ value: 'a@x.io', source: 'page', status: 'found' }] });
    const b = toRevision({ ...base, tags: ['vip'], updatedAt: TIMES[1] });
    expect(LeadSchema.safeParse(resolveRevisions([a, b]).lead).success).toBe(true);
  });
});

describe('toRevision', () => {
  it('keeps the time of an unchanged value and stamps a changed one with updatedAt', () => {
    const before = toRevision(makeLead(1, { title: 'CTO', updatedAt: TIMES[0] }));
    const after = toRevision(makeLead(1, { title: 'CEO', updatedAt: TIMES[2] }), before);
    expect(after.at.title).toBe(TIMES[2]);
    expect(after.at.fullName).toBe(TIMES[0]);
  });
});
