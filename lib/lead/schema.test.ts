import { describe, expect, it } from 'vitest';
import { LeadDraftSchema, LeadSchema } from './schema';

describe('LeadDraftSchema', () => {
  it.each([
    ['a name only', { fullName: 'Jane Doe' }],
    ['a company only', { companyName: 'Acme' }],
    ['an email only', { emails: [{ value: 'JANE@ACME.COM' }] }],
    ['a link only', { links: ['https://www.linkedin.com/in/jane'] }],
    [
      'every field',
      {
        fullName: 'Jane Doe',
        title: 'CTO',
        companyName: 'Acme',
        companyDomain: 'acme.com',
        emails: [{ value: 'jane@acme.com', status: 'verified-by-user', source: 'user' }],
        phones: [{ value: '+14155550132', label: 'work' }],
        links: ['https://github.com/jane'],
        sources: [{ url: 'https://acme.com/team', capturedAt: '2026-01-02T03:04:05Z', extractor: 'json-ld' }],
        origin: 'inbound',
        stage: 'contacted',
        touches: [{ id: 't1', at: '2026-01-02T03:04:05+02:00', channel: 'email' }],
        nextFollowUpAt: '2026-02-01T09:00:00Z',
        tags: ['warm'],
        notes: 'met at a conference',
        fitScore: 80,
      },
    ],
  ])('accepts %s', (_, draft) => {
    expect(LeadDraftSchema.safeParse(draft).success).toBe(true);
  });

  it.each([
    ['no identity at all', { title: 'CTO', tags: ['x'] }],
    ['an empty object', {}],
    ['a malformed email', { fullName: 'Jane', emails: [{ value: 'jane at acme' }] }],
    ['an unknown channel', { fullName: 'Jane', touches: [{ id: 't', at: '2026-01-01T00:00:00Z', channel: 'pigeon' }] }],
    ['an unknown origin', { fullName: 'Jane', origin: 'referral' }],
    ['a non-ISO follow-up date', { fullName: 'Jane', nextFollowUpAt: 'tomorrow' }],
    ['a fit score above 100', { fullName: 'Jane', fitScore: 101 }],
    ['an oversized name', { fullName: 'x'.repeat(301) }],
    ['an empty stage', { fullName: 'Jane', stage: '  ' }],
  ])('rejects %s', (_, draft) => {
    expect(LeadDraftSchema.safeParse(draft).success).toBe(false);
  });

  it('fills list defaults, lower-cases emails and keeps unknown fields', () => {
    const actual = LeadDraftSchema.parse({ fullName: 'Jane', emails: [{ value: 'Jane@Acme.com' }], fromTheFuture: 1 });
    expect(actual).toMatchObject({
      stage: 'new',
      origin: 'outbound',
      tags: [],
      emails: [{ value: 'jane@acme.com', source: 'page', status: 'found' }],
      fromTheFuture: 1,
    });
  });
});

describe('LeadSchema', () => {
  const base = {
    id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    fullName: 'Jane',
  };
  it('accepts a stored record and keeps a captured value map', () => {
    expect(LeadSchema.safeParse({ ...base, captured: { title: 'CEO' } }).success).toBe(true);
  });
  it.each([
    ['a non-UUID id', { ...base, id: '42' }],
    ['no createdAt', { ...base, createdAt: undefined }],
  ])('rejects %s', (_, record) => {
    expect(LeadSchema.safeParse(record).success).toBe(false);
  });
});
