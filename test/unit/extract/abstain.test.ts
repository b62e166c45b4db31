import { describe, expect, it } from 'vitest';
import {
  abstain,
  abstainCompany,
  foreignHostDomain,
  isImageLink,
  notACompany,
  notAnEmployer,
  notAPerson,
  notATitle,
  unvouchedOwner,
} from '@/lib/extract/abstain';
import { evidenceOf } from '@/lib/extract/evidence';
import { finalize } from '@/lib/extract/finalize';

describe('notATitle', () => {
  it.each([
    ['Germany', 'a country'],
    ['États-Unis', 'a country'],
    ['2019', 'a year or date'],
    ['2015 – present', 'a year or date'],
    ['seit 2012', 'a year or date'],
    ['jane@acme.com', 'contact details'],
    ['+49 30 1234 5678', 'contact details'],
    ['Hauptstraße 12', 'an address'],
    ['221B Baker Street', 'an address'],
    ['10115 Berlin', 'an address'],
    ['Job Title', 'a placeholder'],
    ['Lorem ipsum dolor sit amet', 'a placeholder'],
    ['E-post', 'a contact label'],
    ['Telefonnummer: TBA', 'a contact label'],
    ['Tel.:', 'a contact label'],
    ['Sähköposti', 'a contact label'],
    ['Mobil:', 'a contact label'],
    ['Passionate about making the web a better place', 'no role word in 8 words'],
    ['Deep Learning for Protein Structure Prediction', 'no role word in 6 words'],
    ['PhD, MSc', 'degrees'],
    ['M.D., Ph.D.', 'degrees'],
    ['Dipl.-Ing. (FH)', 'degrees'],
    ['LL.M.', 'degrees'],
    ['B.Sc. (Hons)', 'degrees'],
    ['Department of Physics', 'a unit'],
    ['Fachbereich Informatik', 'a unit'],
  ])('rejects %j as %s', (text, expected) => {
    expect(notATitle(text, false)).toBe(expected);
  });

  it.each([
    'Associate Professor of Anthropology',
    'Directeur du développement, partenariats, entrepreneuriat et valorisation',
    '4th-year PhD student',
    'stagiaire M1 2022',
    '1. Vorsitzender',
    'Post-doctoral fellowship of Methodogies for Archaeological Research',
    'University of Buenos Aires Ph.D. Collaborator',
    'freie Sachverständige für Sprachdienstleistungen',
    'Marketing',
    'PM Hardware',
    'PhD Student',
    'MSc student',
    'Dr. med. Oberarzt',
    'Head of Department of Physics',
    'Manager',
    'MA candidate',
    'Contact Center Manager',
    'Telefonist',
    'Mobile',
    'Web',
  ])('keeps the role %j', (text) => {
    expect(notATitle(text, false)).toBe('');
  });

  it('trusts markup that names the role for long lines without a role word, not for a country', () => {
    expect(notATitle('Werkstudentin Photovoltaik · TU München', true)).toBe('');
    expect(notATitle('Growth, Partnerships and Community Programs', true)).toBe('');
    expect(notATitle('Growth, Partnerships and Community Programs', false)).not.toBe('');
    expect(notATitle('France', true)).toBe('a country');
  });
});

describe('notACompany', () => {
  it('rejects a country, a year and contact details, keeps an organisation', () => {
    expect(notACompany('Finland')).toBe('a country');
    expect(notACompany('2023')).toBe('a year or date');
    expect(notACompany('www.acme.com')).toBe('contact details');
    expect(notACompany('Kyushu University')).toBe('');
    expect(notACompany('3M')).toBe('');
  });
});

describe('notAnEmployer', () => {
  it.each([
    ['DevFest Nantes 2015', "an event's edition"],
    ['e-Rum2020', "an event's edition"],
    ['Department of Computer Science', 'a unit'],
    ['Lyon, France', 'a place'],
    ['Germany', 'a country'],
  ])("rejects %j as a person's employer (%s)", (text, expected) => {
    expect(notAnEmployer(text)).toBe(expected);
  });

  it.each(['University of Lyon, France', 'PyCon Colombia', 'Kyushu University', 'Acme GmbH', '3M', 'Area 51 Labs'])(
    'keeps the employer %j',
    (text) => {
      expect(notAnEmployer(text)).toBe('');
    },
  );
});

describe('notAPerson', () => {
  it.each([
    'Hogeschool van Amsterdam',
    'Basler Verkehrsbetriebe',
    'Apollo Fund',
    'Betreiber der Website',
    '産業用システム製品',
    // A role line in the name's place (issue 17, batch s6).
    'Dyrektorka Zarządzająca DELab UW',
    'Directrice Générale Acme',
    // A legal form as registries write it ends a company's name (issue 17, batch s8).
    'Om DKA Byggtjänst AB',
    'Malmlunds Stugor Oy',
  ])('takes the listed record %j for no person', (name) => {
    expect(notAPerson(name, true)).not.toBe('');
  });

  it("takes a section's title for no one's name, whatever read it ('Apie Mus', 'Hakkımda')", () => {
    expect(notAPerson('Apie Mus', false)).not.toBe('');
    expect(notAPerson('Hakkımda', false)).not.toBe('');
    expect(notAPerson('Über mich', true)).not.toBe('');
  });

  it('keeps people, and names a structured source gave', () => {
    expect(notAPerson('Jenny Fonda', true)).toBe('');
    expect(notAPerson('Ana Sá', true)).toBe('');
    // "Ab" is a Dutch given name, "As" a word: only the registries' capitals are a legal form.
    expect(notAPerson('Ab Klink', true)).toBe('');
    expect(notAPerson('Jan Ab', true)).toBe('');
    // A given name that is also a role word elsewhere stays a name.
    expect(notAPerson('Doctor Zhivago', false)).toBe('');
    expect(notAPerson('佐藤 健', true)).toBe('');
    expect(notAPerson('Apollo Fund', false)).toBe('');
  });
});

describe('unvouchedOwner', () => {
  const url = 'https://mbcl.nl/over-mij/';
  it.each([
    // A heading with a name's shape, the page's contacts under it naming someone else.
    [
      { fullName: 'Mindfulness-Based Compassionate Living', emails: ['erikvandenbrink@mbcl.nl'] },
      'title',
      'no known given name, and nothing on the page spells it or gives it a role',
    ],
    [{ fullName: 'Ons Bestuur' }, 'title', 'no known given name, and nothing on the page spells it or gives it a role'],
    [
      { fullName: 'Always Automaten' },
      'page',
      'no known given name, and nothing on the page spells it or gives it a role',
    ],
    // A given name the data knows; a name its own address, profile link or the domain spells; a role line.
    [{ fullName: 'Erik van den Brink' }, 'title', ''],
    [{ fullName: 'Josien Hannema', emails: ['josien@example.nl'] }, 'title', ''],
    [{ fullName: 'Gerton ten Ham', links: ['https://github.com/gertontenham'] }, 'title', ''],
    [{ fullName: 'Compassionate Living' }, 'title', ''],
    [{ fullName: 'M. Elkhodary', title: 'Geschäftsführer' }, 'page', ''],
    // Lists are judged as groups, markup names a person: neither is this gate's.
    [{ fullName: 'Ons Bestuur' }, 'people-list', ''],
    [{ fullName: 'Ons Bestuur' }, 'json-ld', ''],
  ])('%j read from %s: %j', (record, source, expected) => {
    const u = record.fullName === 'Compassionate Living' ? 'https://compassionateliving.nl/' : url;
    expect(unvouchedOwner(record, source, u)).toBe(expected);
  });

  it("keeps a person's page a person's page, with no one named, when its owner's name is unvouched", () => {
    const reading = {
      url,
      pageKind: 'person',
      company: { name: 'MBCL', emails: [], phones: [], links: [], sources: { name: 'page' } },
      hints: { countries: [] },
      people: [
        {
          fullName: 'Mindfulness-Based Compassionate Living',
          emails: ['erikvandenbrink@mbcl.nl'],
          phones: [],
          links: ['https://www.linkedin.com/in/erik-van-den-brink-md-4bb39455'],
          sources: { fullName: 'title', emails: 'contact' },
        },
      ],
    };

    const actual = finalize(reading);

    expect(actual).toEqual({ url, pageKind: 'person', people: [], company: null });
  });
});

describe("abstain: the site's own accounts", () => {
  const url = 'https://blog.binaergewitter.de/team/';
  const card = (fullName: string, links: string[]) => ({ fullName, links, sources: { fullName: 'people-list' } });

  it("drops a listed card that holds only the site's own accounts under a name no given name starts", () => {
    const widget = card('Github Repos', ['https://github.com/binaergewitter']);
    const tweets = card('Latest Tweets', ['https://x.com/binaergewitter?lang=de']);
    const member = card('Jan Novak', ['https://x.com/binaergewitter']);
    const own = card('Moe Szyslak', ['https://github.com/moe']);

    expect(abstain([widget, tweets, member, own], url)).toEqual([member, own]);
  });

  it("keeps a card whose name the domain spells (a person's own site and accounts)", () => {
    const owner = card('Ottokar Binaergewitter', ['https://github.com/binaergewitter']);

    expect(abstain([owner], url)).toEqual([owner]);
  });
});

describe('foreignHostDomain', () => {
  it.each([
    ['backofenlab.github.io', 'Bioinformatics Group'],
    ['ai-sf.github.io', 'CISF25'],
    ['someone123.netlify.app', 'Terasaki Electric Co.'],
  ])('takes %s for no domain of %j', (domain, name) => {
    expect(foreignHostDomain(domain, name)).toBe(true);
  });

  it.each([
    ['cmustrudel.github.io', 'STRUDEL'],
    ['fopt-workshop.github.io', 'FoPt 2025'],
    ['studiolegaleradici.github.io', 'Studio Legale Radici'],
    ['backofen.uni-freiburg.de', 'Bioinformatics Group'],
  ])('keeps %s for %j', (domain, name) => {
    expect(foreignHostDomain(domain, name)).toBe(false);
  });

  it('drops such a domain from a company and marks why', () => {
    const company = {
      name: 'Bioinformatics Group',
      domain: 'backofenlab.github.io',
      website: 'https://backofenlab.github.io',
      emails: [],
      phones: [],
      links: [],
      sources: { name: 'page', domain: 'url', website: 'url' },
    };
    const record = {};

    abstainCompany(company, record);

    expect(company.domain).toBeUndefined();
    expect(company.sources).toEqual({ name: 'page', website: 'url' });
    expect(evidenceOf(record).domain).toMatch(/^dropped "backofenlab.github.io"/);
  });
});

describe('isImageLink', () => {
  it("takes a link to a picture file for no one's profile", () => {
    expect(isImageLink('https://example.org/img/robbert_bos.jpeg')).toBe(true);
    expect(isImageLink('https://cdn.example.org/u/jane.PNG')).toBe(true);
    expect(isImageLink('https://example.org/people/jane')).toBe(false);
    expect(isImageLink('https://github.com/jane.png-tools')).toBe(false);
    expect(isImageLink('not a url')).toBe(false);
  });
});

describe('abstain', () => {
  it('drops a listed record named like an organisation, not one a structured source gave', () => {
    const listed = { fullName: 'Track Record', sources: { fullName: 'people-list' } };
    const structured = { fullName: 'Track Record', sources: { fullName: 'json-ld' } };

    expect(abstain([listed, structured])).toEqual([structured]);
  });

  it('drops a failing title and company with their sources and marks why', () => {
    const person: Record<string, unknown> = {
      fullName: 'Jane Doe',
      title: 'Spain',
      companyName: '2021',
      sources: { fullName: 'people-list', title: 'people-list', companyName: 'people-list' },
    };

    abstain([person]);

    expect(person.title).toBeUndefined();
    expect(person.companyName).toBeUndefined();
    expect(person.sources).toEqual({ fullName: 'people-list' });
    expect(evidenceOf(person).title).toBe('dropped "Spain": a country');
  });

  it('runs in finalize, which reports the evidence of each emitted fact when asked', () => {
    const reading = {
      url: 'https://example.org/team',
      pageKind: 'people-list',
      company: null,
      hints: { countries: [] },
      people: [
        {
          fullName: 'Jane Doe',
          title: 'Loves hiking, coffee and long walks on the beach',
          emails: [],
          phones: [],
          links: [],
          sources: { fullName: 'people-list', title: 'people-list' },
        },
        {
          fullName: 'John Roe',
          title: 'Senior Engineer',
          emails: [],
          phones: [],
          links: ['https://example.org/img/john.jpeg', 'https://github.com/johnroe'],
          sources: { fullName: 'people-list', title: 'people-list' },
        },
      ],
    };
    const why = new Map<object, Record<string, string>>();

    const actual = finalize(reading, { why });

    expect(actual.people.map((p) => p.title)).toEqual([undefined, 'Senior Engineer']);
    expect(actual.people[1]?.links).toEqual(['https://github.com/johnroe']);
    const [jane, john] = actual.people;
    expect(why.get(jane as object)?.title).toMatch(/^dropped .*no role word in 9 words$/);
    expect(why.get(john as object)?.title).toBe('source people-list');
  });
});
