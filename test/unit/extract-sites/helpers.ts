/**
 * Shared by the site-adapter tests: parse a saved page with a spec HTML parser (linkedom, as the
 * extractor's own fixture tests do) and compare a result with the expected JSON written beside it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { SITE_ADAPTERS } from '@/lib/extract/sites';
import type { Company, Extraction, Person, SiteResult } from '@/lib/extract/types';

export const SITES_DIR = 'test/fixtures/pages/sites';
export const PEER_DIR = '../shared/peer-pages';

/** What a fixture's <page>.expected.json holds: the page's original URL and the fields that must come out. */
export interface Expected {
  url: string;
  pageKind: Extraction['pageKind'];
  /** A field set to null must be absent from the result. */
  people: { [K in keyof Person]?: Person[K] | null }[];
  company: { [K in keyof Company]?: Company[K] | null } | null;
}

/** Parses HTML into a Document (linkedom's document implements the DOM methods adapters use). */
export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Every fixture page of one adapter folder as [adapter, page, html path, expected]. */
export function fixturePages(adapter: string): { page: string; html: string; expected: Expected }[] {
  const dir = join(SITES_DIR, adapter);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const page = f.replace(/\.html$/, '');
      const expected = JSON.parse(readFileSync(join(dir, `${page}.expected.json`), 'utf8')) as Expected;
      return { page, html: join(dir, f), expected };
    });
}

/** An adapter's result in the Extraction shape (null = nothing found = an "other" page). */
export function asExtraction(result: SiteResult | null): Omit<Extraction, 'url'> {
  return {
    pageKind: result?.pageKind ?? 'other',
    people: result?.people ?? [],
    company: result?.company ?? null,
  };
}

const digits = (s: string) => s.replace(/\D/g, '');

/**
 * The differences between the expected fields and the actual record, one line each ([] = match).
 * Lists (emails, phones, links) must contain every expected item; phones compare by their digits
 * so an adapter's raw "+1 (415) 555-0100" matches the finalised "+14155550100".
 */
export function diffRecord(label: string, expected: object, actual: object | null | undefined): string[] {
  if (!actual) return [`${label}: missing`];
  const out: string[] = [];
  const got = actual as Record<string, unknown>;
  for (const [key, want] of Object.entries(expected)) {
    const have = got[key];
    if (Array.isArray(want)) {
      const list = Array.isArray(have) ? (have as string[]) : [];
      for (const item of want as string[]) {
        const ok =
          key === 'phones' ? list.some((p) => digits(p).endsWith(digits(item).slice(-9))) : list.includes(item);
        if (!ok) out.push(`${label}.${key}: missing ${JSON.stringify(item)} in ${JSON.stringify(list)}`);
      }
    } else if (want === null) {
      // null in an expected JSON = the field must be absent (JSON has no undefined).
      if (have !== undefined && have !== null) out.push(`${label}.${key}: expected none, got ${JSON.stringify(have)}`);
    } else if (have !== want) {
      out.push(`${label}.${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(have)}`);
    }
  }
  return out;
}

/** Compares a whole result with the expectation: kind, people (in order) and company. */
export function diffExtraction(expected: Omit<Expected, 'url'>, actual: Omit<Extraction, 'url'>): string[] {
  const out: string[] = [];
  if (expected.pageKind !== actual.pageKind)
    out.push(`pageKind: expected ${expected.pageKind}, got ${actual.pageKind}`);
  if (expected.people.length !== actual.people.length) {
    out.push(
      `people: expected ${expected.people.length}, got ${actual.people.length} (${actual.people.map((p) => p.fullName).join(', ')})`,
    );
  }
  expected.people.forEach((person, i) => {
    out.push(...diffRecord(`people[${i}]`, person, actual.people[i]));
  });
  if (expected.company === null) {
    if (actual.company !== null) out.push(`company: expected null, got ${JSON.stringify(actual.company?.name)}`);
  } else {
    out.push(...diffRecord('company', expected.company, actual.company));
  }
  return out;
}

/** One row per saved site page: [adapter name, page name, html path, expected]. */
export function siteFixtureRows() {
  return SITE_ADAPTERS.flatMap((adapter) =>
    fixturePages(adapter.name).map((f) => [adapter.name, f.page, f.html, f.expected] as const),
  );
}
