/**
 * Site adapters on hostile or empty pages: they read untrusted pages in the user's tab, so they
 * must return nothing rather than throw, keep markup as text, ignore prototype keys in embedded
 * JSON, and cap their work on huge inputs.
 */
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '@/lib/extract/sites';
import { crunchbaseOrganization } from '@/lib/extract/sites/crunchbase-organization';
import { githubUser } from '@/lib/extract/sites/github-user';
import { linkedinProfile } from '@/lib/extract/sites/linkedin-profile';
import { wellfoundProfile } from '@/lib/extract/sites/wellfound-profile';
import { parsePage } from './helpers';
import { TESTED_ON } from './tested-on';

// One real address per adapter (tested-on entries carry notes after the URL).
const urlOf = (testedOn: string) => new URL(testedOn.split(' ')[0] as string);

describe('site adapters on hostile pages', () => {
  it.each(SITE_ADAPTERS.map((a) => [a.name, a] as const))('%s finds nothing on an empty page', (_name, adapter) => {
    const url = urlOf(TESTED_ON[_name]?.[0] as string);
    const doc = parsePage('<!DOCTYPE html><html><head><title>x</title></head><body><main></main></body></html>');

    expect(adapter.matches(url)).toBe(true);
    expect(adapter.extract(doc, url)).toBeNull();
  });

  it('keeps markup inside a name as text', () => {
    const doc = parsePage(
      '<main><section><h1 class="text-heading-xlarge">Eve &lt;img src=x onerror=alert`1`&gt; Moreau</h1></section></main>',
    );

    const person = linkedinProfile.extract(doc, new URL('https://www.linkedin.com/in/eve-moreau/'))?.people?.[0];

    expect(person?.fullName).toBe('Eve <img src=x onerror=alert`1`> Moreau');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });

  it('ignores __proto__ and constructor keys in Crunchbase state', () => {
    const state = JSON.stringify({
      HttpState: {
        'GET/v4/data/entities/organizations/acme': {
          body: {
            properties: { identifier: { value: 'Acme', permalink: 'acme', entity_def_id: 'organization' } },
            cards: {
              evil: JSON.parse('{"__proto__": {"website": {"value": "https://evil.example"}}, "constructor": 1}'),
            },
          },
        },
      },
    });
    const doc = parsePage(`<html><body><script id="ng-state" type="application/json">${state}</script></body></html>`);

    const company = crunchbaseOrganization.extract(
      doc,
      new URL('https://www.crunchbase.com/organization/acme'),
    )?.company;

    expect(company?.name).toBe('Acme');
    expect(company?.website).toBeUndefined();
    expect(({} as Record<string, unknown>).website).toBeUndefined();
  });

  it('does not follow an Apollo ref to Object.prototype', () => {
    const data = {
      props: {
        pageProps: {
          apolloState: {
            data: {
              'User:1': { __typename: 'User', slug: 'x', name: 'Ann Lee', locationTaggings: [{ __ref: '__proto__' }] },
            },
          },
        },
      },
    };
    const doc = parsePage(`<html><body><script id="__NEXT_DATA__">${JSON.stringify(data)}</script></body></html>`);

    const person = wellfoundProfile.extract(doc, new URL('https://wellfound.com/u/x'))?.people?.[0];

    expect(person?.fullName).toBe('Ann Lee');
    expect(person?.location).toBeUndefined();
  });

  it('skips a 3 MB embedded state and falls back to the page, quickly', () => {
    const junk = JSON.stringify({ props: { pageProps: { apolloState: { data: { pad: 'x'.repeat(3_000_000) } } } } });
    const doc = parsePage(
      `<html><body><main><h1>Ann Lee</h1></main><script id="__NEXT_DATA__">${junk}</script></body></html>`,
    );
    const started = performance.now();

    const person = wellfoundProfile.extract(doc, new URL('https://wellfound.com/u/ann-lee'))?.people?.[0];

    expect(person?.fullName).toBe('Ann Lee');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads a profile buried 3,000 elements deep and rejects a 50 KB "email"', () => {
    const depth = 3000;
    const huge = `${'a'.repeat(50_000)}@example.com`;
    const sidebar = `<div class="js-profile-editable-replace"><span itemprop="name">Ann Lee</span><span itemprop="additionalName">annlee</span><ul class="vcard-details"><li itemprop="email"><a href="mailto:${huge}">${huge}</a></li></ul></div>`;
    const doc = parsePage(`<html><body>${'<div>'.repeat(depth)}${sidebar}${'</div>'.repeat(depth)}</body></html>`);

    const person = githubUser.extract(doc, new URL('https://github.com/annlee'))?.people?.[0];

    expect(person?.fullName).toBe('Ann Lee');
    expect(person?.emails).toEqual([]);
  });
});
