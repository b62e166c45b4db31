import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '@/lib/extract/sites';
import { classifyLink } from '@/lib/normalize/links';
import { asExtraction, diffExtraction, fixturePages, parsePage, SITES_DIR, siteFixtureRows } from './helpers';
import { TESTED_ON } from './tested-on';

const rows = siteFixtureRows();
const PERSON_KINDS = new Set(['linkedin-person', 'wellfound-person', 'crunchbase-person']);

describe('site adapters on their saved pages', () => {
  it.each(rows)('%s reads %s', (name, _page, html, expected) => {
    const adapter = SITE_ADAPTERS.find((a) => a.name === name);
    const url = new URL(expected.url);
    expect(adapter?.matches(url), `${name} should match ${url.href}`).toBe(true);

    const actual = asExtraction(adapter?.extract(parsePage(readFileSync(html, 'utf8')), url) ?? null);

    expect(diffExtraction(expected, actual)).toEqual([]);
  });

  it.each(rows)("%s keeps people's profile links out of the company on %s", (name, _page, html, expected) => {
    const adapter = SITE_ADAPTERS.find((a) => a.name === name);
    const url = new URL(expected.url);

    const company = adapter?.extract(parsePage(readFileSync(html, 'utf8')), url)?.company;
    const personLinks = (company?.links ?? []).filter((l) => PERSON_KINDS.has(classifyLink(l)?.kind ?? ''));

    expect(personLinks).toEqual([]);
  });
});

describe('site adapter house rules', () => {
  it.each(SITE_ADAPTERS.map((a) => [a.name, a] as const))('%s has saved pages and tested-on URLs', (name, adapter) => {
    const pages = fixturePages(name);

    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const testedOn = TESTED_ON[name] ?? [];
    expect(testedOn.length).toBeGreaterThan(0);
    // Each entry starts with an address the adapter claims (notes may follow after a space).
    expect(testedOn.filter((t) => !adapter.matches(new URL(t.split(' ')[0] as string)))).toEqual([]);
    expect(pages.length, `test/fixtures/pages/sites/${name}/ needs at least 2 pages`).toBeGreaterThanOrEqual(2);
  });

  it('has no fixture folder without an adapter', () => {
    const names = new Set(SITE_ADAPTERS.map((a) => a.name));
    const folders = readdirSync(SITES_DIR);

    expect(folders.filter((f) => !names.has(f))).toEqual([]);
  });

  it('gives each adapter a unique name', () => {
    const names = SITE_ADAPTERS.map((a) => a.name);

    expect(new Set(names).size).toBe(names.length);
  });
});
