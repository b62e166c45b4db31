import { describe, expect, it } from 'vitest';
import {
  acceptGuess,
  buildLocal,
  explainAddress,
  guessEmail,
  learnPatterns,
  MIN_EXAMPLES,
  namePart,
  type PatternId,
  PatternLearner,
  type PatternSubject,
} from './email-pattern';

const person = (fullName: string, ...emails: string[]): PatternSubject => ({
  fullName,
  emails: emails.map((value) => ({ value, status: 'found' })),
});

describe('generation', () => {
  const jane = { first: 'Jane', last: 'Doe' };
  it.each<[PatternId, string]>([
    ['first.last', 'jane.doe'],
    ['flast', 'jdoe'],
    ['first', 'jane'],
    ['firstlast', 'janedoe'],
    ['f.last', 'j.doe'],
    ['first_last', 'jane_doe'],
    ['firstl', 'janed'],
    ['first.l', 'jane.d'],
    ['last.first', 'doe.jane'],
    ['lastfirst', 'doejane'],
    ['last_first', 'doe_jane'],
    ['lastf', 'doej'],
    ['last.f', 'doe.j'],
    ['last', 'doe'],
    ['first-last', 'jane-doe'],
  ])('%s → %s', (pattern, expected) => {
    expect(buildLocal(pattern, jane, 'keep')).toBe(expected);
  });

  it.each([
    ['Ñúñez-García', 'keep', 'nunez-garcia'],
    ['Ñúñez-García', 'drop', 'nunezgarcia'],
    ["O'Brien", 'keep', 'obrien'],
    ['van der Berg', 'keep', 'vanderberg'],
    ['Straße', 'drop', 'strasse'],
    ['Łukasz', 'keep', 'lukasz'],
  ] as const)('name part %s (%s hyphen) → %s', (raw, hyphen, expected) => {
    expect(namePart(raw, hyphen)).toBe(expected);
  });

  it('needs a last name for patterns that use one', () => {
    expect(buildLocal('first.last', { first: 'Cher', last: '' }, 'keep')).toBeNull();
    expect(buildLocal('first', { first: 'Cher', last: '' }, 'keep')).toBe('cher');
  });
});

describe('explainAddress', () => {
  it.each<[string, { first: string; last: string }, Array<{ pattern: PatternId; hyphen?: 'keep' | 'drop' }>]>([
    ['jane.doe', { first: 'Jane', last: 'Doe' }, [{ pattern: 'first.last' }]],
    ['jdoe+news', { first: 'Jane', last: 'Doe' }, [{ pattern: 'flast' }]],
    ['jose.nunez-garcia', { first: 'José', last: 'Ñúñez-García' }, [{ pattern: 'first.last', hyphen: 'keep' }]],
    ['jose.nunezgarcia', { first: 'José', last: 'Ñúñez-García' }, [{ pattern: 'first.last', hyphen: 'drop' }]],
    ['sales', { first: 'Jane', last: 'Doe' }, []],
  ])('%s', (local, name, expected) => {
    expect(explainAddress(local, name)).toEqual(expected);
  });
});

describe('learning', () => {
  it.each<[string, PatternSubject[], { pattern: PatternId; agree: number; n: number } | 'too-few' | 'conflicting']>([
    ['one example is too few', [person('Jane Doe', 'jane.doe@acme.com')], 'too-few'],
    [
      'two agreeing examples learn the pattern',
      [person('Jane Doe', 'jane.doe@acme.com'), person('Max Mustermann', 'max.mustermann@acme.com')],
      { pattern: 'first.last', agree: 2, n: 2 },
    ],
    [
      'one of each: too few of either',
      [person('Jane Doe', 'jane.doe@acme.com'), person('Max Mustermann', 'mmustermann@acme.com')],
      'too-few',
    ],
    [
      'two against two is conflicting',
      [
        person('Jane Doe', 'jane.doe@acme.com'),
        person('Max Mustermann', 'max.mustermann@acme.com'),
        person('Ana Lima', 'alima@acme.com'),
        person('Bo Berg', 'bberg@acme.com'),
      ],
      'conflicting',
    ],
    [
      'three agreeing, one conflicting',
      [
        person('Jane Doe', 'jdoe@acme.com'),
        person('Max Mustermann', 'mmustermann@acme.com'),
        person('Ana Lima', 'alima@acme.com'),
        person('Bo Berg', 'bo.berg@acme.com'),
      ],
      { pattern: 'flast', agree: 3, n: 4 },
    ],
    [
      'role, guessed, bounced and free-mail addresses are not evidence',
      [
        person('Jane Doe', 'jane.doe@acme.com', 'info@acme.com'),
        person('Max Mustermann', 'max.mustermann@gmail.com'),
        { fullName: 'Ana Lima', emails: [{ value: 'ana.lima@acme.com', status: 'guessed' }] },
        { fullName: 'Bo Berg', emails: [{ value: 'bo.berg@acme.com', status: 'bounced' }] },
      ],
      'too-few',
    ],
  ])('%s', (_name, leads, expected) => {
    const learner = new PatternLearner();
    for (const lead of leads) learner.add(lead);
    const actual = learner.verdict('acme.com');
    if (typeof expected === 'string') {
      expect(actual.pattern).toBeNull();
      expect(actual.reason).toBe(expected);
    } else {
      expect(actual.pattern?.pattern).toBe(expected.pattern);
      // Confidence = agreeing / (examples + 1), rounded to hundredths.
      expect(actual.pattern?.confidence).toBe(Math.round((expected.agree / (expected.n + 1)) * 100) / 100);
      expect(actual.pattern?.agreeing).toHaveLength(expected.agree);
      expect(actual.pattern?.conflicting).toHaveLength(expected.n - expected.agree);
    }
  });

  it('confidence grows with agreeing examples and drops with a conflicting one', () => {
    const names = ['Jane Doe', 'Max Mustermann', 'Ana Lima', 'Bo Berg', 'Eva Nowak'];
    const agreeing = (k: number) =>
      names.slice(0, k).map((n) => {
        const [f, l] = n.toLowerCase().split(' ');
        return person(n, `${f}.${l}@acme.com`);
      });
    const conf = (leads: PatternSubject[]) => learnPatterns(leads).get('acme.com')?.confidence ?? 0;
    expect(conf(agreeing(3))).toBeGreaterThan(conf(agreeing(2)));
    expect(conf(agreeing(5))).toBeGreaterThan(conf(agreeing(3)));
    expect(conf([...agreeing(3), person('Li Wu', 'lwu@acme.com')])).toBeLessThan(conf(agreeing(3)));
    expect(MIN_EXAMPLES).toBe(2);
  });

  it('learns whether the domain keeps hyphens, and keeps them by default', () => {
    const base = [
      person('Jane Doe', 'jane.doe@acme.com'),
      person('Marie-Claire Dupont', 'marie-claire.dupont@acme.com'),
    ];
    const jose = { fullName: 'José Ñúñez-García', companyDomain: 'acme.com' };
    expect(guessEmail(jose, learnPatterns(base))?.value).toBe('jose.nunez-garcia@acme.com');

    const dropping = [person('Jane Doe', 'jane.doe@acme.com'), person('Anna Schmidt-Ott', 'anna.schmidtott@acme.com')];
    const learned = learnPatterns(dropping).get('acme.com');
    expect(learned?.hyphen).toBe('drop');
    expect(learned?.hyphenLearned).toBe(true);
    expect(guessEmail(jose, learnPatterns(dropping))).toMatchObject({
      value: 'jose.nunezgarcia@acme.com',
      hyphenLearned: true,
    });

    const unknown = [person('Jane Doe', 'jane.doe@acme.com'), person('Max Mustermann', 'max.mustermann@acme.com')];
    expect(guessEmail(jose, learnPatterns(unknown))).toMatchObject({
      value: 'jose.nunez-garcia@acme.com',
      hyphenLearned: false,
      alternative: 'jose.nunezgarcia@acme.com',
    });
  });
});

describe('guessEmail', () => {
  const known = learnPatterns([
    person('Jane Doe', 'jane.doe@acme.com'),
    person('Max Mustermann', 'max.mustermann@acme.com'),
  ]);

  it('guesses for a lead without an address and cites the examples', () => {
    const actual = guessEmail({ firstName: 'Ana', lastName: 'Lima', companyDomain: 'www.acme.com' }, known);
    expect(actual).toMatchObject({
      value: 'ana.lima@acme.com',
      pattern: 'first.last',
      confidence: 0.67,
      examples: ['jane.doe@acme.com', 'max.mustermann@acme.com'],
    });
    const point = acceptGuess(actual as NonNullable<typeof actual>);
    expect(point).toMatchObject({ status: 'guessed', source: 'guessed', confidence: 0.67 });
  });

  it.each<[string, Parameters<typeof guessEmail>[0]]>([
    ['it already has an address', { fullName: 'Ana Lima', companyDomain: 'acme.com', emails: [{ value: 'a@x.io' }] }],
    ['its domain has no pattern', { fullName: 'Ana Lima', companyDomain: 'other.com' }],
    ['it has no company domain', { fullName: 'Ana Lima' }],
    ['the pattern needs a last name it lacks', { fullName: 'Ana', companyDomain: 'acme.com' }],
  ])('makes no guess when %s', (_name, lead) => {
    expect(guessEmail(lead, known)).toBeNull();
  });

  it('still guesses when the only address bounced, unless the guess is that address', () => {
    const bounced = (value: string) => ({
      fullName: 'Ana Lima',
      companyDomain: 'acme.com',
      emails: [{ value, status: 'bounced' }],
    });
    expect(guessEmail(bounced('ana@acme.com'), known)?.value).toBe('ana.lima@acme.com');
    expect(guessEmail(bounced('ana.lima@acme.com'), known)).toBeNull();
  });
});
