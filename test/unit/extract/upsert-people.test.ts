import { afterEach, describe, expect, it, vi } from 'vitest';
import { upsertPeople, upsertPerson } from '@/lib/extract/page/entity';
import type { RawPerson } from '@/lib/extract/page/types';

// upsertPeople is upsertPerson over a batch (a page's cards), found through an index of names,
// emails and profile links instead of a comparison of every pair: the same list, in the same
// order, merged the same way, for far less work.

/** A deterministic pseudo-random source (the same people on every run). */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const GIVEN = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farid'];
const FAMILY = ['Lindqvist', 'Moreau', 'Okafor', 'Petersen'];

/** `n` people who often share a name, a mailbox or a profile (merges, chains of merges, renames). */
function people(n: number, seed: number, distinct = false): RawPerson[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const fullName = distinct ? `${pick(GIVEN)} ${pick(FAMILY)} ${i}` : `${pick(GIVEN)} ${pick(FAMILY)}`;
    const p: RawPerson = {
      fullName,
      emails: r() < 0.4 ? [`p${Math.floor(r() * (distinct ? 1e9 : 12))}@x.test`] : [],
      phones: [],
      links: r() < 0.4 ? [`https://www.linkedin.com/in/p${Math.floor(r() * (distinct ? 1e9 : 12))}`] : [],
      sources: { fullName: pick(['people-list', 'json-ld', 'meta']) },
    };
    if (r() < 0.3) p.title = pick(['CEO', 'Engineer', 'Head of Unit']);
    return p;
  });
}

describe('upsertPeople', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([1, 2, 3, 4, 5])('gives the list upsertPerson gives, person by person (seed %i)', (seed) => {
    const before = people(5, seed + 100);
    const batch = people(120, seed);
    const expected = structuredClone(before);
    for (const p of structuredClone(batch)) upsertPerson(expected, p);

    const actual = structuredClone(before);
    upsertPeople(actual, structuredClone(batch));

    expect(actual).toEqual(expected);
  });

  it('compares a number of pairs that grows with the list, not with its square', () => {
    const some = vi.spyOn(Array.prototype, 'some');
    const count = (n: number) => {
      some.mockClear();
      upsertPeople([], people(n, 7, true));
      return some.mock.calls.length;
    };
    const small = count(200);
    const large = count(800);
    // Pairwise, four times the people is sixteen times the comparisons (samePerson calls .some).
    expect(large / Math.max(small, 1)).toBeLessThan(6);
  });
});
