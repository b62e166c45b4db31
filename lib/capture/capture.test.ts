import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Extraction, Person } from '@/lib/extract/types';
import { mergeLead } from '@/lib/lead/merge';
import { prepareDraft } from '@/lib/lead/prepare';
import { type Lead, LeadDraftSchema } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { diffLead, updateDraft } from './diff';
import {
  companyFromDomain,
  defaultOptions,
  draftFromExtraction,
  followUpIso,
  formToLeadDraft,
  manualForm,
} from './draft';
import { relativeTime, savedStatus } from './format';
import { clearDraft, loadDraft, saveDraft } from './session';
import { sourceLabel } from './sources';

const options = defaultOptions(DEFAULT_SETTINGS);
const now = new Date('2026-11-26T12:00:00Z');

function person(over: Partial<Person> = {}): Person {
  return {
    fullName: 'Jane Doe',
    title: 'VP Sales',
    companyName: 'Acme',
    location: 'Berlin, Germany',
    emails: ['jane@acme.com'],
    phones: ['+49 30 1234567'],
    links: ['https://www.linkedin.com/in/jane-doe'],
    sources: { fullName: 'site:linkedin-profile', title: 'json-ld', emails: 'contact' },
    ...over,
  };
}

function extraction(over: Partial<Extraction> = {}): Extraction {
  return { url: 'https://www.linkedin.com/in/jane-doe/', pageKind: 'person', people: [], company: null, ...over };
}

function storedLead(over: Partial<Lead> = {}): Lead {
  return {
    id: '0b6c1a9e-2d55-4c4f-9a51-6f1f7d3e1a11',
    createdAt: '2026-11-23T10:00:00Z',
    updatedAt: '2026-11-23T10:00:00Z',
    version: 1,
    fullName: 'Jane Doe',
    title: 'Sales lead',
    emails: [{ value: 'jane@acme.com', source: 'page', status: 'found' }],
    phones: [],
    links: ['https://www.linkedin.com/in/jane-doe'],
    sources: [],
    origin: 'outbound',
    stage: 'contacted',
    touches: [],
    tags: [],
    edited: [],
    ...over,
  };
}

describe('draftFromExtraction', () => {
  it('gives one editable form for a single person, with the sources of its fields', () => {
    const actual = draftFromExtraction(extraction({ people: [person()] }), options);
    expect(actual.mode).toBe('single');
    expect(actual.forms).toHaveLength(1);
    expect(actual.forms[0]).toMatchObject({ fullName: 'Jane Doe', title: 'VP Sales', companyName: 'Acme' });
    expect(actual.forms[0]?.sources.fullName).toBe('site:linkedin-profile');
    expect(actual.extractor).toBe('site:linkedin-profile');
  });

  it('gives a checklist with every row selected for a page listing people', () => {
    const people = ['Ann', 'Bob', 'Cy'].map((n) => person({ fullName: n, companyName: undefined }));
    const company = { name: 'Acme', domain: 'acme.com', emails: [], phones: [], links: [], sources: { domain: 'url' } };
    const actual = draftFromExtraction(extraction({ pageKind: 'people-list', people, company }), options);
    expect(actual.mode).toBe('list');
    expect(actual.selected).toEqual(['p0', 'p1', 'p2']);
    expect(actual.forms.map((f) => [f.fullName, f.companyName, f.companyDomain])).toEqual([
      ['Ann', 'Acme', 'acme.com'],
      ['Bob', 'Acme', 'acme.com'],
      ['Cy', 'Acme', 'acme.com'],
    ]);
  });

  it("does not give a person the page company's domain when they name another employer", () => {
    const company = { name: 'Conf Inc', domain: 'conf.io', emails: [], phones: [], links: [], sources: {} };
    const actual = draftFromExtraction(extraction({ people: [person()], company }), options);
    expect(actual.forms[0]?.companyDomain).toBe('');
  });

  it("never takes a profile site's domain as the company's", () => {
    const company = {
      name: 'Acme',
      domain: 'linkedin.com',
      emails: [],
      phones: [],
      links: [],
      sources: { domain: 'json-ld' },
    };
    const actual = draftFromExtraction(extraction({ people: [person()], company }), options);
    expect(actual.forms[0]?.companyDomain).toBe('');
    expect(draftFromExtraction(extraction({ url: 'https://www.linkedin.com/feed/' }), options).forms[0]).toMatchObject({
      companyName: '',
      companyDomain: '',
    });
  });

  it('falls back to a manual form with the page as link and the company from the domain', () => {
    const actual = draftFromExtraction(extraction({ url: 'https://blog.acme-labs.co.uk/about?utm_source=x' }), options);
    expect(actual.mode).toBe('manual');
    expect(actual.forms[0]).toMatchObject({
      companyDomain: 'acme-labs.co.uk',
      companyName: 'Acme Labs',
      links: ['https://blog.acme-labs.co.uk/about'],
    });
    // No hint: the name is left for the user, never made from the address.
    expect(actual.forms[0]?.fullName).toBe('');
  });

  it("prefills the manual form's name with the extractor's hint, marked with where it came from", () => {
    const nameHint = { fullName: 'Margit Halvorsen', source: 'heading' as const };
    const actual = draftFromExtraction(extraction({ url: 'https://harbour-weekly.com/p/42', nameHint }), options);

    expect(actual.mode).toBe('manual');
    expect(actual.forms[0]).toMatchObject({ fullName: 'Margit Halvorsen', sources: { fullName: 'heading' } });
    expect(sourceLabel(actual.forms[0]?.sources.fullName)).toBe('page heading');
  });
});

describe('formToLeadDraft', () => {
  it('normalises values, sets the options and marks typed fields as hand edits', () => {
    const form = { ...draftFromExtraction(extraction({ people: [person()] }), options).forms[0] } as NonNullable<
      ReturnType<typeof manualForm>
    >;
    form.title = 'Chief Revenue Officer';
    form.emails = ['Jane@Acme.com ', 'jane@acme.com', 'not-an-email'];
    form.edited = ['title', 'emails'];
    const opts = {
      ...options,
      channel: 'email' as const,
      touch: { enabled: true, note: 'Intro mail' },
      followUp: '2026-12-01',
    };
    const actual = formToLeadDraft(form, opts, {
      pageUrl: 'https://x.test/',
      extractor: 'json-ld',
      now,
      newId: () => 't1',
    });
    expect(LeadDraftSchema.safeParse(actual).success).toBe(true);
    expect(actual).toMatchObject({
      fullName: 'Jane Doe',
      firstName: 'Jane',
      lastName: 'Doe',
      title: 'Chief Revenue Officer',
      channel: 'email',
      stage: 'new',
      origin: 'outbound',
      edited: ['title'],
    });
    expect(actual.emails).toEqual([{ value: 'jane@acme.com', source: 'user', status: 'verified-by-user' }]);
    expect(actual.phones?.[0]?.value).toBe('+49301234567');
    expect(actual.touches).toEqual([
      { id: 't1', at: now.toISOString(), channel: 'email', direction: 'out', note: 'Intro mail' },
    ]);
    expect(actual.nextFollowUpAt).toBe(followUpIso('2026-12-01'));
    expect(actual.sources).toEqual([{ url: 'https://x.test/', capturedAt: now.toISOString(), extractor: 'json-ld' }]);
  });

  it('saves an accepted guess as guessed, never as a found address', () => {
    const form = {
      ...manualForm('https://acme.com/team'),
      fullName: 'Ann Lee',
      emails: ['ann.lee@acme.com', 'press@acme.com'],
      guessed: [{ value: 'ann.lee@acme.com', source: 'guessed', status: 'guessed', confidence: 0.8 }],
    };
    const actual = formToLeadDraft(form, options, { pageUrl: 'https://acme.com/team', extractor: 'manual', now });
    expect(actual.emails).toEqual([
      { value: 'ann.lee@acme.com', source: 'guessed', status: 'guessed', confidence: 0.8 },
      { value: 'press@acme.com', source: 'page', status: 'found' },
    ]);
    expect(LeadDraftSchema.safeParse(actual).success).toBe(true);
  });

  it('keeps a typed company domain as its registrable domain', () => {
    const form = { ...manualForm('https://acme.com/team'), companyDomain: 'https://www.shop.acme.co.uk/path' };
    const actual = formToLeadDraft(form, options, { pageUrl: 'https://acme.com/team', extractor: 'manual', now });
    expect(actual.companyDomain).toBe('acme.co.uk');
  });
});

describe('diffLead / updateDraft', () => {
  const draft = () =>
    formToLeadDraft(draftFromExtraction(extraction({ people: [person()] }), options).forms[0] as never, options, {
      pageUrl: 'https://www.linkedin.com/in/jane-doe/',
      extractor: 'site:linkedin-profile',
      now,
    });

  it('lists the fields the page would change and the values it would add', () => {
    const actual = diffLead(storedLead(), draft());
    expect(actual).toEqual([
      { field: 'title', label: 'Title', kind: 'set', before: 'Sales lead', after: 'VP Sales' },
      { field: 'companyName', label: 'Company', kind: 'set', before: '', after: 'Acme' },
      { field: 'location', label: 'Location', kind: 'set', before: '', after: 'Berlin, Germany' },
      { field: 'phones', label: 'Phones', kind: 'add', added: ['+49301234567'] },
    ]);
  });

  it('reports a hand-edited field as kept; the merge alone keeps it, with the page value beside it', () => {
    const stored = storedLead({ edited: ['title', 'fullName'], fullName: 'Jane Q. Doe', firstName: 'Jane Q.' });
    expect(diffLead(stored, draft()).find((c) => c.field === 'title')).toMatchObject({ kind: 'kept' });

    const sent = updateDraft(stored, draft());
    const actual = mergeLead(stored, prepareDraft(sent), { by: 'capture', now: now.toISOString() }).lead;

    // The popup does not strip the field a second time: the merge owns "hand edits win",
    // and records what the page said (a stripped draft would leave nothing to record).
    expect(sent.title).toBe('VP Sales');
    expect(actual.title).toBe('Sales lead');
    expect(actual.captured?.title).toBe('VP Sales');
    // A name typed whole protects its halves too.
    expect(actual.fullName).toBe('Jane Q. Doe');
    expect(actual.firstName).toBe('Jane Q.');
    expect(actual.location).toBe('Berlin, Germany');
  });

  it('never moves the stored lead back to the default stage', () => {
    expect(updateDraft(storedLead(), draft()).stage).toBe('contacted');
  });
});

describe('format', () => {
  it.each([
    ['2026-11-23T12:00:00Z', 'Saved 3 days ago · Contacted'],
    ['2026-11-25T11:00:00Z', 'Saved yesterday · Contacted'],
    ['2026-11-26T11:59:30Z', 'Saved just now · Contacted'],
    ['2026-11-26T09:00:00Z', 'Saved 3 hours ago · Contacted'],
  ])('says when a lead saved at %s was saved', (createdAt, expected) => {
    expect(savedStatus({ createdAt, stage: 'contacted' }, 'Contacted', now)).toBe(expected);
  });

  it('counts whole weeks and months', () => {
    expect(relativeTime(new Date('2026-11-12T12:00:00Z'), now)).toBe('2 weeks ago');
    expect(relativeTime(new Date('2026-08-01T12:00:00Z'), now)).toBe('3 months ago');
  });

  it.each([
    ['json-ld', 'structured data'],
    ['site:linkedin-profile', 'LinkedIn'],
    ['contact', 'page text'],
    ['user', 'typed by you'],
    ['site:acme-team', 'Acme'],
  ])('labels the source %s as %s', (source, expected) => {
    expect(sourceLabel(source)).toBe(expected);
  });

  it('guesses a company name from its domain', () => {
    expect(companyFromDomain('acme-labs.co.uk')).toBe('Acme Labs');
  });
});

describe('session drafts', () => {
  it('keeps a draft per tab and page until cleared', async () => {
    const draft = draftFromExtraction(extraction({ people: [person()] }), options);
    await saveDraft(7, { ...draft, dirty: true });
    expect((await loadDraft(7, draft.url))?.forms[0]?.fullName).toBe('Jane Doe');
    expect(await loadDraft(7, 'https://other.test/')).toBeNull();
    expect(await loadDraft(8, draft.url)).toBeNull();
    await clearDraft(7);
    expect(await loadDraft(7, draft.url)).toBeNull();
  });

  it('drops a stored draft that fails validation', async () => {
    await fakeBrowser.storage.session.set({ 'capture-draft:3': { url: 1 } });
    expect(await loadDraft(3)).toBeNull();
    expect(await fakeBrowser.storage.session.get('capture-draft:3')).toEqual({});
  });
});
