import { describe, expect, it } from 'vitest';
import { prepareDraft } from '@/lib/lead/prepare';
import type { LeadDraft } from '@/lib/lead/schema';
import { dedupeKeys, indexedWords, searchWords, toRow, toWords, words } from './rows';

const keysOf = (draft: LeadDraft) => dedupeKeys(prepareDraft(draft).draft);

describe('dedupeKeys', () => {
  it.each<[string, LeadDraft, LeadDraft]>([
    [
      'LinkedIn country subdomains',
      { links: ['https://fr.linkedin.com/in/jane-doe-123'] },
      { links: ['https://de.linkedin.com/in/Jane-Doe-123/'] },
    ],
    ['www. and bare host', { links: ['https://www.linkedin.com/in/jane'] }, { links: ['http://linkedin.com/in/jane'] }],
    [
      'tracking parameters',
      { links: ['https://www.linkedin.com/in/jane?trk=public_profile&originalSubdomain=uk'] },
      { links: ['https://www.linkedin.com/in/jane/?utm_source=share'] },
    ],
    ['twitter.com and x.com', { links: ['https://twitter.com/JaneDoe'] }, { links: ['https://x.com/janedoe'] }],
    ['email case', { emails: [{ value: 'Jane.Doe@ACME.com' }] }, { emails: [{ value: 'jane.doe@acme.com' }] }],
    [
      'name and company domain, whatever the accents, case and website form',
      { fullName: 'José Núñez', companyWebsite: 'https://www.acme.co.uk/' },
      { fullName: 'jose  NUNEZ (he/him)', companyDomain: 'acme.co.uk' },
    ],
  ])('the same person is recognised across %s', (_, a, b) => {
    const shared = keysOf(a).filter((k) => keysOf(b).includes(k));
    expect(shared.length).toBeGreaterThan(0);
  });

  it.each<[string, LeadDraft, LeadDraft]>([
    [
      'two people at one company (company page link, company website)',
      {
        fullName: 'Jane Doe',
        links: ['https://www.linkedin.com/company/acme', 'https://acme.com'],
        companyDomain: 'acme.com',
      },
      {
        fullName: 'John Roe',
        links: ['https://www.linkedin.com/company/acme', 'https://acme.com'],
        companyDomain: 'acme.com',
      },
    ],
    [
      'two people sharing a role mailbox',
      { fullName: 'Jane Doe', emails: [{ value: 'info@acme.com' }] },
      { fullName: 'John Roe', emails: [{ value: 'info@acme.com' }] },
    ],
    [
      'two colleagues sharing a non-English role mailbox (kontakt@, as the extractor reads it)',
      { fullName: 'Anna Schmidt', companyDomain: 'firm.de', emails: [{ value: 'kontakt@firm.de' }] },
      { fullName: 'Jonas Weber', companyDomain: 'firm.de', emails: [{ value: 'kontakt@firm.de' }] },
    ],
    [
      'the same name at two companies',
      { fullName: 'Jane Doe', companyDomain: 'acme.com' },
      { fullName: 'Jane Doe', companyDomain: 'globex.com' },
    ],
    ['a name without a company', { fullName: 'Jane Doe' }, { fullName: 'Jane Doe' }],
  ])('different prospects are kept apart: %s', (_, a, b) => {
    const shared = keysOf(a).filter((k) => keysOf(b).includes(k));
    expect(shared).toEqual([]);
  });

  it('a company lead is identified by its company page', () => {
    expect(keysOf({ companyName: 'Acme', links: ['https://www.linkedin.com/company/acme/about/'] })).toContain(
      'link:https://www.linkedin.com/company/acme',
    );
  });
});

describe('search words', () => {
  it('folds accents and case and splits on punctuation', () => {
    expect(words('Jean-Luc MÜLLER, Ph.D.')).toEqual(['jean', 'luc', 'muller', 'ph', 'd']);
  });

  it('covers name, company, title, emails and tags', () => {
    const { draft } = prepareDraft({
      fullName: 'Zoë Ångström',
      companyName: 'Société Générale',
      title: 'Directrice Générale',
      emails: [{ value: 'zoe.a@socgen.fr' }],
      tags: ['Réunion'],
    });
    const actual = searchWords({ ...draft, id: 'x', createdAt: '', updatedAt: '', version: 1 });
    expect(actual).toEqual(
      expect.arrayContaining(['zoe', 'angstrom', 'societe', 'generale', 'directrice', 'socgen', 'reunion']),
    );
  });

  it('indexes each word once, less the words that begin another of its words', () => {
    const lead = {
      ...prepareDraft({
        fullName: 'Jean Person',
        companyName: 'Company',
        emails: [{ value: 'person12@company12.example' }],
        tags: ['jeanne'],
      }).draft,
      id: 'x',
      createdAt: '',
      updatedAt: '',
      version: 1,
    };
    const expected = ['company12', 'jeanne', 'person12'];

    const actual = indexedWords(lead);

    expect(actual).toEqual(expected);
    expect(toWords(toRow(lead)).recent.map((entry) => entry.split('\u0000')[0])).toEqual(expected);
    // Every search word is still found: it begins an indexed one.
    for (const w of searchWords(lead)) expect(actual.some((i) => i.startsWith(w))).toBe(true);
  });
});
