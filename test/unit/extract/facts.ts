/**
 * Expected-vs-actual comparison for extractor fixtures, shared by the fixture tests and
 * `npm run extract:report`. An expectation lists the fields that must come out: scalar
 * fields must be equal; list fields (emails, phones, links) are the COMPLETE list (extra
 * items are false positives); people are matched by full name and the list is complete.
 * `absent` lists strings that must appear nowhere in the output (decoys, agency credits).
 */
import type { Extraction } from '@/lib/extract/types';

export interface Expected {
  url: string;
  pageKind: Extraction['pageKind'];
  people: Record<string, unknown>[];
  company: Record<string, unknown> | null;
  absent?: string[];
}

/** One checkable statement: "person Jane Doe has title CEO". */
export interface Fact {
  entity: string;
  field: string;
  value: string;
}

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();

// Phones compare by their digits (and a leading +): "+49 8031 12345" is "+49803112345".
const factValue = (field: string, v: unknown) =>
  field === 'phones' ? String(v).replace(/(?!^\+)[^\d]/g, '') : fold(String(v));

function entityFacts(entity: string, record: Record<string, unknown>, fields: Iterable<string>): Fact[] {
  const out: Fact[] = [];
  for (const field of fields) {
    const v = record[field];
    if (Array.isArray(v)) for (const item of v) out.push({ entity, field, value: factValue(field, item) });
    else if (v !== undefined && v !== null && field !== 'sources') out.push({ entity, field, value: fold(String(v)) });
  }
  return out;
}

/** The expected facts and the actual facts restricted to what the expectation checks. */
export function factsOf(expected: Expected, actual: Extraction): { want: Fact[]; got: Fact[] } {
  const want: Fact[] = [{ entity: 'page', field: 'pageKind', value: expected.pageKind }];
  const got: Fact[] = [{ entity: 'page', field: 'pageKind', value: actual.pageKind }];
  const personFields = new Set<string>(['fullName']);
  for (const p of expected.people) for (const k of Object.keys(p)) personFields.add(k);
  const expectedNames = new Map(expected.people.map((p) => [fold(String(p.fullName)), p]));
  for (const p of expected.people) {
    want.push(...entityFacts(`person:${fold(String(p.fullName))}`, p, Object.keys(p)));
  }
  for (const p of actual.people) {
    const key = fold(p.fullName);
    const match = expectedNames.get(key);
    // A matched person is checked on the fields its expectation lists; an unexpected one
    // counts against precision on every field any expected person lists.
    const fields = match ? Object.keys(match) : [...personFields];
    got.push(...entityFacts(`person:${key}`, p as unknown as Record<string, unknown>, fields));
  }
  if (expected.company) {
    want.push(...entityFacts('company', expected.company, Object.keys(expected.company)));
    if (actual.company) {
      got.push(
        ...entityFacts('company', actual.company as unknown as Record<string, unknown>, Object.keys(expected.company)),
      );
    }
  } else if (actual.company) {
    got.push({ entity: 'company', field: 'name', value: fold(actual.company.name) });
  }
  return { want, got };
}

const key = (f: Fact) => `${f.entity}\u0000${f.field}\u0000${f.value}`;

/** True positives, false positives and false negatives of one page. */
export function score(expected: Expected, actual: Extraction): { tp: Fact[]; fp: Fact[]; fn: Fact[] } {
  const { want, got } = factsOf(expected, actual);
  const wantKeys = new Set(want.map(key));
  const gotKeys = new Set(got.map(key));
  return {
    tp: got.filter((f) => wantKeys.has(key(f))),
    fp: got.filter((f) => !wantKeys.has(key(f))),
    fn: want.filter((f) => !gotKeys.has(key(f))),
  };
}

/** Human-readable differences ([] = the page came out as expected). */
export function diff(expected: Expected, actual: Extraction): string[] {
  const { fp, fn } = score(expected, actual);
  const out = [
    ...fn.map((f) => `missing ${f.entity} ${f.field} = ${JSON.stringify(f.value)}`),
    ...fp.map((f) => `unexpected ${f.entity} ${f.field} = ${JSON.stringify(f.value)}`),
  ];
  const text = JSON.stringify(actual).toLowerCase();
  for (const s of expected.absent ?? []) if (text.includes(s.toLowerCase())) out.push(`must not appear: ${s}`);
  return out;
}
