/**
 * LinkedIn peer suite (skipped when ../shared/peer-pages is absent): each real page through
 * its adapter. The rows and why each expectation holds are in ./linkedin-peer-rows.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '@/lib/extract/sites';
import { asExtraction, diffExtraction, PEER_DIR, parsePage } from './helpers';
import { LINKEDIN_PEER_ROWS } from './linkedin-peer-rows';

describe.skipIf(!existsSync(PEER_DIR))('LinkedIn peer pages', () => {
  it.each(LINKEDIN_PEER_ROWS)('%s → %s', (file, name, expected) => {
    const adapter = SITE_ADAPTERS.find((a) => a.name === name);
    const url = new URL(expected.url);
    expect(adapter?.matches(url)).toBe(true);

    const actual = asExtraction(adapter?.extract(parsePage(readFileSync(join(PEER_DIR, file), 'utf8')), url) ?? null);

    expect(diffExtraction(expected, actual)).toEqual([]);
  });
});
