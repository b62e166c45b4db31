import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';
import { SITE_ADAPTERS } from '@/lib/extract/sites';
import { diff, type Expected } from './facts';

const GENERIC = 'test/fixtures/pages/generic';
const SITES = 'test/fixtures/pages/sites';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const pages = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
const expectedOf = (dir: string, page: string) =>
  JSON.parse(readFileSync(join(dir, page.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected;

describe('extract() on saved generic pages', () => {
  it.each(pages(GENERIC))('%s', (page) => {
    const expected = expectedOf(GENERIC, page);
    const doc = parse(readFileSync(join(GENERIC, page), 'utf8'));

    const actual = extract(doc, expected.url);

    expect(diff(expected, actual)).toEqual([]);
    expect(actual.url).toBe(expected.url);
  });
});

describe('fixture house rules', () => {
  it.each([GENERIC, SITES])('every page under %s has an expected JSON beside it', (dir) => {
    const missing = pages(dir).filter((p) => !existsSync(join(dir, p.replace(/\.html$/, '.expected.json'))));

    expect(missing).toEqual([]);
  });

  it.each(SITE_ADAPTERS.map((a) => [a.name]))('site adapter %s has saved pages under sites/<name>/', (name) => {
    const saved = pages(join(SITES, name));

    expect(saved.length, `add test/fixtures/pages/sites/${name}/<page>.html + .expected.json`).toBeGreaterThan(0);
  });

  it('has at least 30 saved pages in all', () => {
    expect(pages(GENERIC).length + pages(SITES).length).toBeGreaterThanOrEqual(30);
  });
});
