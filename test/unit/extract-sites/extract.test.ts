/**
 * The whole extractor (extract() = finalize(readPage())) on the site pages: the saved fixtures and
 * the LinkedIn peer pages, against the same expectations the adapters meet on their own.
 *
 * KNOWN lists differences that come from the core, not from the adapters (most were fixed when
 * site adapters began to outrank the generic layers). A page may show only those differences; anything else fails. Remove an entry once the
 * core fixes it (the report below prints entries that no longer occur).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';
import { diffExtraction, PEER_DIR, parsePage, siteFixtureRows } from './helpers';
import { LINKEDIN_PEER_ROWS } from './linkedin-peer-rows';

// Matched against the start of a difference line (the field and the expected value).
const KNOWN: Record<string, string[]> = {
  // The guest profile's JSON-LD image is LinkedIn's grey placeholder; a generic layer still fills it in.
  'scoutr/test-data/profile2.html': ['people[0].photoUrl: expected undefined'],
};

const stillKnown = new Set<string>();
/** The differences not explained by KNOWN[page]. */
function unexplained(page: string, diffs: string[]): string[] {
  const known = KNOWN[page] ?? [];
  return diffs.filter((d) => {
    const hit = known.find((k) => d.startsWith(k));
    if (hit) stillKnown.add(`${page} ${hit}`);
    return !hit;
  });
}

describe('extract() on the site fixtures', () => {
  it.each(siteFixtureRows())('%s %s', (_name, page, html, expected) => {
    const actual = extract(parsePage(readFileSync(html, 'utf8')), expected.url);

    expect(unexplained(page, diffExtraction(expected, actual))).toEqual([]);
  });
});

describe.skipIf(!existsSync(PEER_DIR))('extract() on the LinkedIn peer pages', () => {
  it.each(LINKEDIN_PEER_ROWS)('%s', (file, _name, expected) => {
    const actual = extract(parsePage(readFileSync(join(PEER_DIR, file), 'utf8')), expected.url);

    expect(unexplained(file, diffExtraction(expected, actual))).toEqual([]);
  });
});

afterAll(() => {
  const fixed = Object.entries(KNOWN).flatMap(([page, list]) =>
    list.filter((k) => !stillKnown.has(`${page} ${k}`)).map((k) => `${page} ${k}`),
  );
  if (fixed.length)
    console.warn(
      `KNOWN entries that did not occur (fixed in the core, or their peer page was skipped):\n${fixed.join('\n')}`,
    );
});
