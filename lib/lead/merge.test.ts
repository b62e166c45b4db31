import { describe, expect, it } from 'vitest';
import { createLead, type MergeBy, mergeLead } from './merge';
import { deriveCompanyDomain, prepareDraft } from './prepare';
import type { Lead, LeadDraft } from './schema';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';
const ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

function existing(draft: LeadDraft, extra: Partial<Lead> = {}): Lead {
  return { ...createLead(prepareDraft(draft), { by: 'capture', now: T0, id: ID }), ...extra };
}

function merge(lead: Lead, draft: LeadDraft, by: MergeBy = 'capture') {
  return mergeLead(lead, prepareDraft(draft), { by, now: T1 });
}

describe('createLead', () => {
  const withCreated = (createdAt: string) => prepareDraft({ fullName: 'Jane Doe', createdAt } as LeadDraft);

  it.each<[string, string, MergeBy, string]>([
    ['an import keeps the file’s Created at', '2024-05-01T10:00:00+02:00', 'import', '2024-05-01T08:00:00.000Z'],
    ['an import created "in the future" is created now', '2027-01-01T00:00:00.000Z', 'import', T1],
    ['an import with no real date is created now', 'yesterday', 'import', T1],
    ['a capture is always created now', '2024-05-01T10:00:00.000Z', 'capture', T1],
    ['a hand-made lead is always created now', '2024-05-01T10:00:00.000Z', 'user', T1],
  ])('%s', (_name, createdAt, by, expected) => {
    const lead = createLead(withCreated(createdAt), { by, now: T1, id: ID });
    expect(lead.createdAt).toBe(expected);
    expect(lead.updatedAt).toBe(T1);
  });
});

describe('mergeLead', () => {
  it.each<[string, Lead, LeadDraft, MergeBy, Partial<Lead>, boolean?]>([
    [
      'a newer captured title replaces the older captured one',
      existing({ fullName: 'Jane Doe', title: 'Engineer' }),
      { fullName: 'Jane Doe', title: 'CTO' },
      'capture',
      { title: 'CTO' },
    ],
    [
      'a hand-edited title wins over a capture; the captured value is kept aside',
      existing({ fullName: 'Jane Doe', title: 'Chief Technology Officer' }, { edited: ['title'] }),
      { fullName: 'Jane Doe', title: 'CTO' },
      'capture',
      { title: 'Chief Technology Officer', captured: { title: 'CTO' }, edited: ['title'] },
    ],
    [
      'a hand-edited field also wins over an import',
      existing({ fullName: 'Jane Doe', companyName: 'Acme Corp' }, { edited: ['companyName'] }),
      { fullName: 'Jane Doe', companyName: 'ACME' },
      'import',
      { companyName: 'Acme Corp' },
    ],
    [
      'a user write replaces an edited value and marks the field edited',
      existing({ fullName: 'Jane Doe', title: 'Engineer' }),
      { fullName: 'Jane Doe', title: 'Staff Engineer' },
      'user',
      { title: 'Staff Engineer', edited: ['fullName', 'title'] },
    ],
    [
      'a missing value never erases a stored one',
      existing({ fullName: 'Jane Doe', title: 'CTO', location: 'Berlin' }),
      { fullName: 'Jane Doe' },
      'capture',
      { title: 'CTO', location: 'Berlin' },
      false,
    ],
    [
      'emails are unioned by value; a found address upgrades a guessed one',
      existing({
        fullName: 'Jane Doe',
        emails: [
          { value: 'jane@acme.com', status: 'guessed', source: 'guessed' },
          { value: 'j@home.org', label: 'home' },
        ],
      }),
      { fullName: 'Jane Doe', emails: [{ value: 'JANE@acme.com' }, { value: 'jd@acme.com' }] },
      'capture',
      {
        emails: [
          { value: 'jane@acme.com', status: 'found', source: 'page' },
          { value: 'j@home.org', label: 'home', status: 'found', source: 'page' },
          { value: 'jd@acme.com', status: 'found', source: 'page' },
        ],
      },
    ],
    [
      "the user's verdict on an email (bounced) survives a capture",
      existing({ fullName: 'Jane Doe', emails: [{ value: 'jane@acme.com', status: 'bounced', source: 'user' }] }),
      { fullName: 'Jane Doe', emails: [{ value: 'jane@acme.com' }] },
      'capture',
      { emails: [{ value: 'jane@acme.com', status: 'bounced', source: 'user' }] },
      false,
    ],
    [
      'phones are unioned by value; links by canonical form; tags case-insensitively',
      existing({
        fullName: 'Jane Doe',
        phones: [{ value: '+14155550132', label: 'work' }],
        links: ['https://www.linkedin.com/in/jane'],
        tags: ['Warm'],
      }),
      {
        fullName: 'Jane Doe',
        phones: [{ value: '+1 415 555 0132' }, { value: '+442079460958' }],
        links: ['https://de.linkedin.com/in/Jane/?trk=x', 'https://github.com/jane'],
        tags: ['warm', 'fintech'],
      },
      'capture',
      {
        phones: [
          { value: '+14155550132', label: 'work', source: 'page' },
          { value: '+442079460958', source: 'page' },
        ],
        links: ['https://www.linkedin.com/in/jane', 'https://github.com/jane'],
        tags: ['Warm', 'fintech'],
      },
    ],
    [
      'touches are unioned by id and the channel is the latest touch',
      existing({
        fullName: 'Jane Doe',
        touches: [{ id: 'a', at: '2026-01-05T00:00:00Z', channel: 'email' }],
      }),
      {
        fullName: 'Jane Doe',
        touches: [
          { id: 'a', at: '2026-01-05T00:00:00Z', channel: 'email', note: 'changed copy is ignored' },
          { id: 'b', at: '2026-01-09T00:00:00Z', channel: 'cold-call' },
        ],
      },
      'import',
      {
        touches: [
          { id: 'a', at: '2026-01-05T00:00:00Z', channel: 'email', direction: 'out' },
          { id: 'b', at: '2026-01-09T00:00:00Z', channel: 'cold-call', direction: 'out' },
        ],
        channel: 'cold-call',
      },
    ],
    [
      'a capture never moves the stage back to the default',
      existing({ fullName: 'Jane Doe', stage: 'meeting' }),
      { fullName: 'Jane Doe', stage: 'new' },
      'capture',
      { stage: 'meeting' },
      false,
    ],
    [
      'an import that names a stage sets it',
      existing({ fullName: 'Jane Doe', stage: 'new' }),
      { fullName: 'Jane Doe', stage: 'won' },
      'import',
      { stage: 'won' },
    ],
    [
      'unknown fields from a newer version are kept',
      existing({ fullName: 'Jane Doe' }, { futureField: 'kept' } as Partial<Lead>),
      { fullName: 'Jane Doe', other: 2 } as LeadDraft,
      'capture',
      { futureField: 'kept', other: 2 } as Partial<Lead>,
    ],
  ])('%s', (_, lead, draft, by, expected, changed = true) => {
    const actual = merge(lead, draft, by);
    expect(actual.changed).toBe(changed);
    expect(actual.lead).toMatchObject(expected);
    expect(actual.lead.updatedAt).toBe(changed ? T1 : T0);
    expect(actual.lead.createdAt).toBe(T0);
  });

  it('sources are unioned; the same page captured again adds nothing', () => {
    const source = { url: 'https://acme.com/team', capturedAt: T0, extractor: 'json-ld' };
    const lead = existing({ fullName: 'Jane Doe', sources: [source] });
    const again = mergeLead(lead, prepareDraft({ fullName: 'Jane Doe' }), {
      by: 'capture',
      now: T1,
      source: { ...source, capturedAt: T1 },
    });
    expect(again.lead.sources).toEqual([source]);
    const other = mergeLead(lead, prepareDraft({ fullName: 'Jane Doe' }), {
      by: 'capture',
      now: T1,
      source: { url: 'https://github.com/jane', capturedAt: T1, extractor: 'github-user' },
    });
    expect(other.lead.sources.map((s) => s.url)).toEqual(['https://acme.com/team', 'https://github.com/jane']);
  });

  it.each<[string, LeadDraft]>([
    ['the same capture again', { fullName: 'Jane Doe', title: 'CTO', emails: [{ value: 'jane@acme.com' }] }],
    ['a subset of what is stored', { fullName: 'Jane Doe' }],
    ['the same values in another case and form', { fullName: 'Jane Doe', emails: [{ value: 'JANE@ACME.COM' }] }],
  ])('reports unchanged for %s and keeps updatedAt', (_, draft) => {
    const lead = existing({ fullName: 'Jane Doe', title: 'CTO', emails: [{ value: 'jane@acme.com' }] });
    const actual = merge(lead, draft);
    expect(actual.changed).toBe(false);
    expect(actual.lead).toBe(lead);
    expect(actual.lead.updatedAt).toBe(T0);
  });
});

describe('prepareDraft', () => {
  it('canonicalises links, emails and phones and derives the company domain', () => {
    const { draft } = prepareDraft({
      firstName: 'Jane',
      lastName: 'Doe',
      links: ['https://fr.linkedin.com/in/Jane-Doe/?originalSubdomain=fr', 'https://www.linkedin.com/in/jane-doe'],
      emails: [{ value: 'Jane@Mail.Acme.co.uk' }, { value: 'jane@mail.acme.co.uk' }],
      phones: [{ value: '+1 (415) 555-0132' }],
    });
    expect(draft.fullName).toBe('Jane Doe');
    expect(draft.links).toEqual(['https://www.linkedin.com/in/jane-doe']);
    expect(draft.emails.map((e) => e.value)).toEqual(['jane@mail.acme.co.uk']);
    expect(draft.phones).toEqual([{ value: '+14155550132', raw: '+1 (415) 555-0132', source: 'page' }]);
    expect(draft.companyDomain).toBe('acme.co.uk');
  });

  it.each([
    [{ companyDomain: 'WWW.Acme.co.uk', emails: [] }, 'acme.co.uk'],
    [{ companyWebsite: 'https://blog.acme.io/about', emails: [] }, 'acme.io'],
    [{ emails: [{ value: 'jane@gmail.com', source: 'page', status: 'found' }] }, undefined],
    [{ emails: [{ value: 'jane@acme.de', source: 'guessed', status: 'guessed' }] }, undefined],
    [{ emails: [{ value: 'jane@sub.acme.de', source: 'page', status: 'found' }] }, 'acme.de'],
  ] as const)('derives companyDomain from %j → %s', (input, expected) => {
    expect(deriveCompanyDomain({ ...input, emails: [...input.emails] })).toBe(expected);
  });

  it('rejects an invalid draft with a typed error', () => {
    expect(() => prepareDraft({ title: 'no identity' })).toThrowError(expect.objectContaining({ code: 'invalid' }));
  });
});
