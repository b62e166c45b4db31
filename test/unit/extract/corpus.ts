/**
 * The real-page corpus (issue 17), shared by test/unit/extract/corpus.test.ts and
 * `npm run corpus:report`: page metadata and expectations from test/corpus/pages/*.json,
 * the HTML from $PROSPECTOR_CORPUS (default ../corpus beside the repository), and a
 * score that honours `peopleTruncated` (only the listed people are checked).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Extraction } from '@/lib/extract/types';
import { canonicalLink } from '@/lib/normalize/links';
import { diff, type Expected, score } from './facts';

export interface CorpusPage {
  id: string;
  kind: string;
  lang: string;
  builder: string;
  /** The gathering batch ("s4", …) of pages added as a later unseen set; absent on earlier pages. */
  batch?: string;
  /** Only the listed people are checked: extra people found are not false positives. */
  peopleTruncated: boolean;
  expected: Expected;
}

/** The corpus's page metadata, sorted by id (the JSON files in test/corpus/pages). */
export function corpusPages(root = process.cwd()): CorpusPage[] {
  const dir = join(root, 'test/corpus/pages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const expected = canonical(raw.expected as Expected);
      return {
        id: String(raw.id ?? f.replace(/\.json$/, '')),
        kind: String(raw.kind ?? expected.pageKind ?? '?'),
        lang: String(raw.lang ?? '?'),
        builder: String(raw.builder ?? '?'),
        ...(typeof raw.batch === 'string' ? { batch: raw.batch } : {}),
        peopleTruncated: raw.peopleTruncated === true,
        expected,
      };
    });
}

/** The folder holding the corpus HTML ($PROSPECTOR_CORPUS, else ../corpus beside the repository). */
export function corpusDir(root = process.cwd()): string {
  return process.env.PROSPECTOR_CORPUS || resolve(root, '..', 'corpus');
}

/** The saved HTML of a page, or null when it is absent (not every page may be redistributed). */
export function corpusHtml(id: string, root = process.cwd()): string | null {
  const file = join(corpusDir(root), `${id}.html`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();

/** The extraction as scored: with `peopleTruncated`, people not in the expectation are dropped. */
function scored(page: CorpusPage, actual: Extraction): Extraction {
  if (!page.peopleTruncated) return actual;
  const names = new Set(page.expected.people.map((p) => fold(String(p.fullName))));
  return { ...actual, people: actual.people.filter((p) => names.has(fold(p.fullName))) };
}

/** True positives, false positives and false negatives of one corpus page. */
export function corpusScore(page: CorpusPage, actual: Extraction): ReturnType<typeof score> {
  return score(page.expected, scored(page, actual));
}

/** Human-readable differences of one corpus page ([] = as expected). */
export function corpusDiff(page: CorpusPage, actual: Extraction): string[] {
  return diff(page.expected, scored(page, actual));
}

// The corpus records links as the page writes them (http://twitter.com/jane); the extractor's
// contract is the canonical form (https://x.com/jane). Facts compare the canonical forms.
function canonical(expected: Expected): Expected {
  const fix = (e: Record<string, unknown>) =>
    Array.isArray(e.links) ? { ...e, links: e.links.map((l) => canonicalLink(String(l)) ?? l) } : e;
  return { ...expected, people: expected.people.map(fix), company: expected.company ? fix(expected.company) : null };
}
