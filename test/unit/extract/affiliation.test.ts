// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  affiliate,
  assignAffiliations,
  institutionIn,
  isCountryName,
  isEventEdition,
  splitAffiliation,
} from '@/lib/extract/affiliation';
import type { RawPerson } from '@/lib/extract/page/types';

const listed = (fullName: string, title?: string, companyName?: string): RawPerson => ({
  fullName,
  emails: [],
  phones: [],
  links: [],
  ...(title ? { title } : {}),
  ...(companyName ? { companyName } : {}),
  sources: { fullName: 'people-list', ...(title ? { title: 'people-list' } : {}) },
});

describe('splitAffiliation', () => {
  it.each([
    // Units inside the employer and the country after it are not the employer.
    [
      'Research Fellow, University of Rome La Sapienza, Department of Archaeology, Italy',
      'Research Fellow',
      'University of Rome La Sapienza',
    ],
    [
      'Associate Professor, Department of Software Systems, Monash University',
      'Associate Professor',
      'Monash University',
    ],
    ['Senior Lecturer, School of Humanities, University of Glasgow, UK', 'Senior Lecturer', 'University of Glasgow'],
    [
      'Professor of Practice, Tampere University (Finland) and Task Group Chair',
      'Professor of Practice',
      'Tampere University',
    ],
    // A thesis title before the current position.
    [
      'Proximal Algorithms for Nonconvex Optimization, Associate Professor, Kyushu University',
      'Associate Professor',
      'Kyushu University',
    ],
    // Several hats: the first.
    [
      'Devops & Senior Cloud Engineer @ Lutech / Community Manager @ GDG Pescara',
      'Devops & Senior Cloud Engineer',
      'Lutech',
    ],
    ['Researcher at CREAF, professor at UAB', 'Researcher', 'CREAF'],
    // A leader's "of" names their organisation, in several languages.
    ['CTO of Greendecision', 'CTO', 'Greendecision'],
    ['Founder of Transform to Digital (digital agency)', 'Founder', 'Transform to Digital'],
    ['Co-fondatrice du Mouton Numérique', 'Co-fondatrice', 'Mouton Numérique'],
    // Two leader's roles joined lead the same organisation; a second hat after "&" is dropped.
    ['CEO y Fundadora de Clínica Gouet & Psicóloga', 'CEO y Fundadora', 'Clínica Gouet'],
    ['Sviluppatore software @ Aton SB S.p.A.', 'Sviluppatore software', 'Aton SB S.p.A.'],
    // A comma before a dash: the dash belongs to the title.
    [
      'Master Technical Architect - Mobile & Emerging Devices, NTT DATA',
      'Master Technical Architect - Mobile & Emerging Devices',
      'NTT DATA',
    ],
    ['Systems Engineer | EPAM Systems', 'Systems Engineer', 'EPAM Systems'],
    // A profession named after its science, then the employer's acronym.
    ['Fisico dell’atmosfera, ENEA', 'Fisico dell’atmosfera', 'ENEA'],
    // A founder's or organiser's role word straight before an organisation's acronym.
    ['Organizador GDG Women Lima', 'Organizador', 'GDG Women Lima'],
    ['Cofondateur ISLEAN, Président Mines Paris Alumni', 'Cofondateur', 'ISLEAN'],
    // A committee's "Affiliation (Role)": the role in brackets, the first organisation before it.
    ['Institut Pasteur, Université Paris Cité (Vice-Chair)', 'Vice-Chair', 'Institut Pasteur'],
    ['CNRS (Researcher)', 'Researcher', 'CNRS'],
  ])('splits "%s" on a speakers page', (line, title, company) => {
    expect(splitAffiliation(line, true)).toEqual({ title, company });
  });

  it('splits "Affiliation (Role)" on a team page only when the affiliation names an organisation\'s kind', () => {
    expect(splitAffiliation('Department of Physics, University of Oslo (Professor)', false)).toEqual({
      title: 'Professor',
      company: 'University of Oslo',
    });
    expect(splitAffiliation('CNRS (Researcher)', false).company).toBeUndefined();
    expect(splitAffiliation('Vorstand (Kassierer)', true).company).toBeUndefined();
  });

  it('splits a role from a brand in lower case at a double slash on a speakers page, not on a team page', () => {
    expect(splitAffiliation('Product Managerka // nomtek', true)).toEqual({
      title: 'Product Managerka',
      company: 'nomtek',
    });
    expect(splitAffiliation('Product Managerka // nomtek', false).company).toBeUndefined();
  });

  it('takes a company written twice (a role line and its company line read as one) once', () => {
    expect(splitAffiliation('Technical Product Owner at Novoda, Novoda', true)).toEqual({
      title: 'Technical Product Owner',
      company: 'Novoda',
    });
  });

  it.each([
    ['GDG Women Lima', 'GDG Women Lima'],
    ['Job and Talent', 'Job and Talent'],
  ])('reads a speaker line with no role word, "%s", as their organisation', (line, company) => {
    expect(splitAffiliation(line, true)).toEqual({ title: '', company });
  });

  it.each([
    'Consultante indépendante',
    'Professor of Latin Epigraphy',
    'Head of Marketing',
    'CTO and Co-Founder of two startups (Amperry, MINDIT)',
    'President EMEA',
    'Founder Emeritus',
  ])('keeps "%s" as a title', (line) => {
    expect(splitAffiliation(line, true).company).toBeUndefined();
  });

  it.each([
    ['Master Informatik, 1. Semester, TU Dresden', 'Master Informatik, 1. Semester', 'TU Dresden'],
    ['Assistant Professor, University of Antwerp', 'Assistant Professor', 'University of Antwerp'],
  ])('splits an institution off "%s" on a team page too', (line, title, company) => {
    expect(splitAffiliation(line, false)).toEqual({ title, company });
  });

  it.each([
    'Senior Manager, Business Services',
    'Partner – Tax Advisory',
    'GDG Women Lima',
    'MS Student, Wildlife Ecology',
  ])('keeps "%s" whole on a team page', (line) => {
    expect(splitAffiliation(line, false)).toEqual({ title: line });
  });
});

describe('splitAffiliation, a role then skills', () => {
  it.each([
    ['Konsult, UNIX, applikationsutveckling, databaser.', 'Konsult'],
    ['Psychologist, couples therapy, EMDR, children', 'Psychologist'],
  ])('keeps the role of "%s", not the skills after it', (line, title) => {
    expect(splitAffiliation(line, false)).toEqual({ title });
  });

  it.each([
    'Marknadschef, projektsamordnare.',
    'Segretario, Sponsor, IT',
    'Directeur du développement, partenariats, entrepreneuriat et valorisation',
    'Engineer, Developer, Writer, Speaker',
  ])('keeps "%s" whole: a role and its scope, or more than one role', (line) => {
    expect(splitAffiliation(line, false).title).toBe(line);
  });
});

describe('isCountryName', () => {
  it.each(['UK', 'Finland', 'Deutschland', 'Italia', 'USA', '臺灣', '日本'])('knows %s', (name) => {
    expect(isCountryName(name)).toBe(true);
  });

  it.each(['Monash University', 'Acme', 'Jordan Peterson'])('does not take %s for a country', (name) => {
    expect(isCountryName(name)).toBe(false);
  });
});

describe('assignAffiliations', () => {
  const org = { name: 'Kodokan Olsberg e.V.', source: 'title' };

  it("reads a record's employer slot that holds a role as the title, an organisation's name there as the employer", () => {
    const slot = (name: string, line: string): RawPerson => ({
      ...listed(name, undefined, line),
      sources: { fullName: 'people-list', companyName: 'people-list' },
    });
    const people = [
      slot('Jose Manuel Soria', 'Director Genòmica de Malalties Complexes (UGMC).'),
      slot('Carolina Gaona', 'Laiapp'),
      slot('Marta Puig', 'Fundació Director Institute'),
    ];

    assignAffiliations(people, null, true);

    expect(people.map((p) => [p.title, p.companyName])).toEqual([
      ['Director Genòmica de Malalties Complexes (UGMC)', undefined],
      [undefined, 'Laiapp'],
      [undefined, 'Fundació Director Institute'],
    ]);
  });

  it('reads an affiliation written as an address as the organisation, and the town before the country as the place', () => {
    const slot = (name: string, line: string): RawPerson => ({
      ...listed(name, undefined, line),
      sources: { fullName: 'people-list', companyName: 'people-list' },
    });
    const people = [
      slot('Shin Nishida', 'Kyoto University, Kyoto, Japan'),
      slot('Boris Novak', 'University of Maribor, Slovenia'),
      slot('Todar Lakhvich', 'Belarusian State Medical University, Republic of Belarus'),
      listed('Laima Railiene', 'SMC Scientia Educologica, Lithuania'),
      listed('Jane Doe', 'Professor, Germany'),
      slot('陳彥儒', '東吳大學心理學系，臺北，臺灣'),
      slot('佐藤花子', '京都大学，京都，日本'),
    ];

    assignAffiliations(people, null, false);

    expect(people.map((p) => [p.title, p.companyName, p.location])).toEqual([
      [undefined, 'Kyoto University', 'Kyoto'],
      [undefined, 'University of Maribor', undefined],
      [undefined, 'Belarusian State Medical University', undefined],
      [undefined, 'SMC Scientia Educologica', undefined],
      ['Professor', undefined, undefined],
      [undefined, '東吳大學心理學系', '臺北'],
      [undefined, '京都大学', '京都'],
    ]);
  });

  it("gives the site's organisation to its own team's members, and their own to the others", () => {
    const people = [listed('Peter Smith', 'Vorsitzender'), listed('Ana Ruiz', 'Professor, University of Antwerp')];

    assignAffiliations(people, org, false);

    expect(people.map((p) => [p.title, p.companyName])).toEqual([
      ['Vorsitzender', 'Kodokan Olsberg e.V.'],
      ['Professor', 'University of Antwerp'],
    ]);
  });

  it('gives the page organisation to nobody on a speakers page', () => {
    const people = [listed('Jane Doe', 'Staff Engineer, Datadog'), listed('John Roe', 'Keynote speaker')];

    assignAffiliations(people, { name: 'DataOps Summit', source: 'meta' }, true);

    expect(people.map((p) => p.companyName)).toEqual(['Datadog', undefined]);
  });

  it("never makes a person's own name their company, and drops it from their role line", () => {
    const people = [
      listed('Irine Kokilashvili', 'Irine Kokilashvili - Systems Engineer | EPAM Systems', 'Irine Kokilashvili'),
    ];

    assignAffiliations(people, null, true);

    expect([people[0]?.title, people[0]?.companyName]).toEqual(['Systems Engineer', 'EPAM Systems']);
  });

  it("gives the site's name to nobody when most records name employers of their own (a project's partners)", () => {
    const people = [
      listed('Ana Ruiz', 'Professor, University of Antwerp'),
      listed('Jan Peeters', 'Researcher, Ghent University'),
      listed('Eva Maes', 'Project manager'),
    ];

    assignAffiliations(people, { name: 'Autark', source: 'title' }, false);

    expect(people.map((p) => p.companyName)).toEqual(['University of Antwerp', 'Ghent University', undefined]);
  });

  it("reads a list whose records name several employers as others' people: each line split, the site's name no one's", () => {
    const people = [
      listed('Ana Ruiz', 'Senior Engineer at Datadog'),
      listed('Jan Peeters', 'Researcher, Ghent University'),
      listed('Eva Maes', 'Product Manager, Spotify'),
      listed('Tom Lee', 'Treasurer'),
      listed('Kim Berg', 'Program'),
    ];

    assignAffiliations(people, { name: 'Open Data Users Group', source: 'title' }, false);

    expect(people.map((p) => [p.title, p.companyName])).toEqual([
      ['Senior Engineer', 'Datadog'],
      ['Researcher', 'Ghent University'],
      ['Product Manager', 'Spotify'],
      ['Treasurer', undefined],
      // A line with no role word is an organisation only where the page says it lists others.
      ['Program', undefined],
    ]);
  });

  it("keeps the site's name for a team whose few unmarked alumni name their new employers", () => {
    const people = [
      ...['Ana Ruiz', 'Jan Peeters', 'Eva Maes', 'Tom Lee', 'Kim Berg'].map((name) => listed(name, 'PhD student')),
      listed('Lea Hart', 'Lecturer, University of Antwerp'),
      listed('Max Roth', 'Assistant Professor, Kyushu University'),
    ];

    assignAffiliations(people, { name: 'Acme Lab', source: 'title' }, false);

    expect(people.map((p) => p.companyName)).toEqual([
      ...Array(5).fill('Acme Lab'),
      'University of Antwerp',
      'Kyushu University',
    ]);
  });

  it('reads "Role (Employer)" as title and employer, the site\'s name no one\'s when most name their own', () => {
    const people = [
      listed('Elizabeth Shantz', 'Chercheuse principale (University of Guelph)'),
      listed('David Phipps', 'Collaborateur (Research Impact Canada)'),
      // The whole line read as the record's company line.
      {
        ...listed('Lana Awada', undefined, 'Collaboratrice (University of Saskatchewan)'),
        sources: { fullName: 'people-list', companyName: 'people-list' },
      },
    ];

    assignAffiliations(people, { name: 'Agriculture intelligente', source: 'meta' }, false);

    expect(people.map((p) => [p.title, p.companyName])).toEqual([
      ['Chercheuse principale', 'University of Guelph'],
      ['Collaborateur', 'Research Impact Canada'],
      ['Collaboratrice', 'University of Saskatchewan'],
    ]);
  });

  it('keeps a team or a field in brackets in the title when the list names no employer in brackets', () => {
    const people = [
      listed('Johanna Sanchez', 'Co-organizador (Social Media y Django Girls)'),
      listed('Ana Ruiz', 'Engineer (Data Platform)'),
    ];

    assignAffiliations(people, null, false);

    expect(people.map((p) => [p.title, p.companyName])).toEqual([
      ['Co-organizador (Social Media y Django Girls)', undefined],
      ['Engineer (Data Platform)', undefined],
    ]);
  });

  it('reads "Role - Place" as title and location when the list writes the same few places again', () => {
    const people = [
      listed('Libor Vaněk', 'Hlavní organizátor - Praha'),
      listed('Kirill Bunin', 'Organizátor - Praha'),
      listed('Ondřej Janošík', 'Hlavní organizátor - Brno'),
      listed('Kamil Tomšík', 'Organizátor - Brno'),
    ];

    assignAffiliations(people, null, false);

    expect(people.map((p) => [p.title, p.location])).toEqual([
      ['Hlavní organizátor', 'Praha'],
      ['Organizátor', 'Praha'],
      ['Hlavní organizátor', 'Brno'],
      ['Organizátor', 'Brno'],
    ]);
  });

  it('takes no dashed employer for a place: each named once, or on a speakers page', () => {
    const team = [listed('Ana Ruiz', 'Organizer - Google'), listed('Jan Peeters', 'Organizer - Microsoft')];
    const speakers = [listed('Eva Maes', 'Engineer - Spotify'), listed('Tom Lee', 'Engineer - Spotify')];

    assignAffiliations(team, null, false);
    assignAffiliations(speakers, null, true);

    expect([...team, ...speakers].map((p) => p.location)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("gives the site's organisation to its current members, not to its alumni", () => {
    const people = [listed('Ana Ruiz', 'PhD student'), listed('Jan Peeters', 'PhD student')];
    people[1] = { ...(people[1] as RawPerson), section: 'Former PhD students' };

    assignAffiliations(people, { name: 'Acme Lab', source: 'title' }, false);

    expect(people.map((p) => p.companyName)).toEqual(['Acme Lab', undefined]);
  });

  it("gives the site's organisation to its members, not to its visitors and guests", () => {
    const people = [
      listed('Ana Ruiz', 'PhD student'),
      listed('Jan Peeters', 'PhD student'),
      listed('Eva Lind', 'Host'),
    ];
    people[1] = { ...(people[1] as RawPerson), section: 'Visiting Students' };
    people[2] = { ...(people[2] as RawPerson), section: 'Gäste' };

    assignAffiliations(people, { name: 'Acme Lab', source: 'title' }, false);

    expect(people.map((p) => p.companyName)).toEqual(['Acme Lab', undefined, undefined]);
  });

  it("never takes a section's label for a company", () => {
    const people = [listed('Ota Plaza', undefined, 'Sponsors'), listed('Jane Doe', 'Partners')];

    assignAffiliations(people, null, true);

    expect(people.map((p) => p.companyName)).toEqual([undefined, undefined]);
  });

  it("reads a role line written as the other members' affiliations as an affiliation", () => {
    const people = [
      listed('Frédéric Loulergue', 'LIFO, Université d’Orléans (responsable du projet)'),
      listed('Mostafa Bamha', undefined, 'LIFO, Université d’Orléans'),
      listed('Pascal Berthomé', 'LIFO, INSA Centre Val de Loire'),
      listed('Béatrice Bouchou', undefined, 'LIFAT, Université de Tours'),
      listed('Jane Roe', 'Chargée de recherche, CNRS'),
    ];
    for (const p of people) if (p.companyName) p.sources.companyName = 'people-list';

    assignAffiliations(people, org, false);

    expect(people.map((p) => [p.title, p.companyName])).toEqual([
      ['responsable du projet', 'LIFO, Université d’Orléans'],
      [undefined, 'LIFO, Université d’Orléans'],
      [undefined, 'LIFO, INSA Centre Val de Loire'],
      [undefined, 'LIFAT, Université de Tours'],
      ['Chargée de recherche', 'CNRS'],
    ]);
  });

  it('shortens a title that repeats the company its record names apart', () => {
    const people = [
      listed('Albert Vila', 'Research Fellow, Honorary Lecturer at University of Stirling', 'University of Stirling'),
    ];

    assignAffiliations(people, org, false);

    expect([people[0]?.title, people[0]?.companyName]).toEqual(['Research Fellow', 'University of Stirling']);
  });
});

describe('isEventEdition', () => {
  it.each(['DevFest Nantes 2015', 'Interaction14', 'e-Rum2020', 'CRL @ MPI 2023', 'CISF25'])(
    'takes "%s" for one edition of an event',
    (name) => {
      expect(isEventEdition(name)).toBe(true);
    },
  );

  it.each(['PyCon Colombia', '4Stop', '20squares UG', 'Area51', 'Kodokan Olsberg e.V.'])(
    'takes "%s" for an organisation',
    (name) => {
      expect(isEventEdition(name)).toBe(false);
    },
  );
});

describe('affiliate', () => {
  const loose = (p: RawPerson) => p as unknown as Record<string, unknown>;

  it("gives an event edition's name to none of its team (they work elsewhere)", () => {
    const people = [listed('Alok Nandi', 'Chair'), listed('Dean Janssen', 'Social events')].map(loose);

    affiliate(people, { name: 'Interaction14', sources: { name: 'title' } }, false);

    expect(people.map((p) => p.companyName)).toEqual([undefined, undefined]);
  });

  it("still gives a standing organisation's name to its own team", () => {
    const people = [listed('Ana Ruiz', 'Coordinadora')].map(loose);

    affiliate(people, { name: 'PyCon Colombia', sources: { name: 'meta' } }, false);

    expect(people[0]?.companyName).toBe('PyCon Colombia');
  });

  it('splits the role off a company line read whole ("Climatologa, Università di Torino")', () => {
    const p = listed('Elisa Palazzi', undefined, 'Climatologa, Università di Torino');
    p.sources.companyName = 'people-list';

    assignAffiliations([p], null, true);

    expect([p.title, p.companyName]).toEqual(['Climatologa', 'Università di Torino']);
  });
});

describe('a card\'s "Name / Employer / Country" lines', () => {
  const placed = (org: string, place: string) => {
    const p = listed('Jane Roe', 'Chair');
    p.placedOrg = [org, place];
    return p;
  };

  it('takes the line before a country for the employer', () => {
    const people = [placed('Northwind Design', 'Belgium'), placed('Hogeschool Utrecht', 'Nederland')];

    assignAffiliations(people, null, false);

    expect(people.map((p) => p.companyName)).toEqual(['Northwind Design', 'Hogeschool Utrecht']);
  });

  it('takes nothing when the last line is no country or the middle one a name', () => {
    const people = [placed('Northwind Design', 'Brussels'), placed('John Smith', 'Belgium')];

    assignAffiliations(people, null, false);

    expect(people.map((p) => p.companyName)).toEqual([undefined, undefined]);
  });
});

describe('institutionIn', () => {
  it.each([
    ['Electrical and Systems Engineering, University of Pennsylvania', 'University of Pennsylvania'],
    ['Department of Electrical Engineering (ESAT), KU Leuven', 'KU Leuven'],
  ])('reads the institution of "%s"', (line, expected) => {
    expect(institutionIn(line)).toBe(expected);
  });

  it.each(['Meet the people behind Acme, Inc.', 'University of Pennsylvania', 'Jane Doe, John Smith'])(
    'reads none in "%s"',
    (line) => {
      expect(institutionIn(line)).toBe('');
    },
  );
});
