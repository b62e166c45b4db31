// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { finalize } from '@/lib/extract/finalize';

const url = 'https://example.org/equipe';
const card = (fullName: string, title?: string, judge?: number, kin = 'DIV.organigram>A.member') => ({
  fullName,
  ...(title ? { title } : {}),
  emails: [],
  phones: [],
  links: [],
  sources: { fullName: 'people-list', ...(title ? { title: 'people-list' } : {}) },
  kin,
  ...(judge === undefined ? {} : { judge }),
});

/** A people list's reading as the reader sends it, with `people` as its cards. */
const listReading = (people: ReturnType<typeof card>[]) => ({
  url,
  pageKind: 'people-list',
  company: null,
  hints: { countries: [] },
  people,
});

describe('finalize: cards set apart from a list the reader kept', () => {
  it('keeps a card without a role line beside its list, though its given name is unknown', () => {
    const reading = listReading([
      card('Alexis TRAVERS', 'Responsable du projet'),
      card('Denis TIBULEAC', 'Développeur web'),
      card('Adam DJADDA', 'Community Manager'),
      card('Safuan MAHROUM', undefined, 1),
    ]);

    const actual = finalize(reading).people.map((p) => p.fullName);

    expect(actual).toContain('Safuan MAHROUM');
  });

  it('drops such a card when its text is no name, or when it is of another shape', () => {
    const reading = listReading([
      card('Alexis Travers', 'Responsable du projet'),
      card('Denis Tibuleac', 'Développeur web'),
      card('Join Our Team', undefined, 1),
      card('Safuan Mahroum', undefined, 2, 'DIV.projects>DIV.card'),
    ]);

    const actual = finalize(reading).people.map((p) => p.fullName);

    expect(actual).toEqual(['Alexis Travers', 'Denis Tibuleac']);
  });

  it("drops a theme's feature block of the list's shape: a title-cased heading over a line that is no role", () => {
    const reading = listReading([
      card('Alexis Travers', 'Responsable du projet'),
      card('Denis Tibuleac', 'Développeur web'),
      card('Setting Industry Standards', 'Our History', 1),
      card('Night Life', 'Hiking', 2),
      card('Safuan MAHROUM', undefined, 3),
    ]);

    const actual = finalize(reading).people.map((p) => p.fullName);

    expect(actual).toEqual(['Alexis Travers', 'Denis Tibuleac', 'Safuan MAHROUM']);
  });
});
