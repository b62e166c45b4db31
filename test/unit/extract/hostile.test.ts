import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract, finalize, readPage } from '@/lib/extract';
import { ExtractionSchema } from '@/lib/extract/schema';
import type { SiteAdapter } from '@/lib/extract/types';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

describe('extract() on hostile pages', () => {
  it('survives a megabyte script, a 3,000-deep DOM and a 50 KB "email" quickly', () => {
    const bigScript = `<script>var blob = "${'x'.repeat(1_200_000)}";</script>`;
    const bigJsonLd = `<script type="application/ld+json">{"@type":"Organization","name":"${'y'.repeat(1_100_000)}"}</script>`;
    const deep = `${'<div>'.repeat(3000)}<a href="mailto:deep@acme-deep.com">x</a>${'</div>'.repeat(3000)}`;
    const html = `<html><head><title>Acme Deep</title><meta property="og:site_name" content="Acme Deep">${bigScript}${bigJsonLd}</head><body>${deep}<p>${'a'.repeat(50_000)}@acme-deep.com</p></body></html>`;
    const doc = parse(html);

    const started = performance.now();
    const actual = extract(doc, 'https://acme-deep.com/');
    const elapsed = performance.now() - started;

    expect(actual.company?.name).toBe('Acme Deep');
    expect(actual.company?.emails).toEqual(['deep@acme-deep.com']);
    expect(elapsed).toBeLessThan(3000);
  });

  it('ignores __proto__ and constructor keys in JSON-LD', () => {
    const doc = parse(
      `<html><head><script type="application/ld+json">{"@type":"Person","name":"Ada Byron","__proto__":{"jobTitle":"Injected","isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}</script></head><body></body></html>`,
    );

    const actual = extract(doc, 'https://ada.example.org/');

    expect(actual.people[0]?.fullName).toBe('Ada Byron');
    expect(actual.people[0]?.title).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('keeps markup in names as text', () => {
    const doc = parse(
      `<html><head><script type="application/ld+json">{"@type":"ProfilePage","mainEntity":{"@type":"Person","name":"<img src=x onerror=alert(1)> Bob"}}</script></head><body></body></html>`,
    );

    const actual = extract(doc, 'https://bob.example.org/');

    expect(actual.people[0]?.fullName).toBe('<img src=x onerror=alert(1)> Bob');
  });

  it('goes on when a site adapter throws', () => {
    const broken: SiteAdapter = {
      name: 'broken',
      matches: () => true,
      extract: () => {
        throw new Error('layout changed');
      },
    };
    const doc = parse(
      `<html><head><script type="application/ld+json">{"@type":"Organization","name":"Still Here Ltd","url":"https://stillhere.co.uk"}</script></head><body></body></html>`,
    );

    const reading = readPage(doc, 'https://stillhere.co.uk/', [broken]);
    const actual = finalize(reading);

    expect(reading.errors).toContain('site:broken');
    expect(actual.company?.name).toBe('Still Here Ltd');
    expect(actual.company?.domain).toBe('stillhere.co.uk');
  });

  it('finalize turns garbage from a page into an empty "other" extraction', () => {
    expect(finalize(null)).toEqual({ url: '', pageKind: 'other', people: [], company: null });
    expect(finalize({ url: 'https://x.org/', pageKind: 'person', people: [{ fullName: 42 }], company: 'x' })).toEqual({
      url: 'https://x.org/',
      pageKind: 'other',
      people: [],
      company: null,
    });
  });

  it('finalize clamps an oversized, mistyped reading to ExtractionSchema without a second check', () => {
    const long = (n: number) => 'x'.repeat(n);
    const person = {
      fullName: `Ann ${long(400)}`,
      firstName: long(200),
      title: long(900),
      location: 7,
      emails: [`${long(300)}@a.com`, 'ann@a.com', 42],
      links: Array.from({ length: 300 }, (_, i) => `https://a.com/${i}`),
      photoUrl: `https://a.com/${long(5000)}`,
      sources: Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`${long(70)}${i}`, long(300)])),
    };
    const reading = {
      url: 'https://a.com/team',
      pageKind: 'people-list',
      people: Array.from({ length: 3 }, () => person),
      company: { name: long(400), description: long(9000), links: person.links, website: 'javascript:alert(1)' },
      hints: { countries: [] },
    };

    const actual = finalize(reading);

    expect(actual.people).toHaveLength(3);
    expect(actual.company?.name).toHaveLength(300);
    expect(ExtractionSchema.safeParse(actual).error).toBeUndefined();
  });
});

describe('finalize() phone countries', () => {
  it('uses the number itself, then <html lang> region, then the ccTLD, then the address', () => {
    const base = { pageKind: 'company' as const, people: [], errors: [] };
    const company = (phones: string[]) => ({ name: 'X', emails: [], phones, links: [], sources: {} });

    const byLang = finalize({
      ...base,
      url: 'https://x.com/',
      company: company(['01 42 68 53 00']),
      hints: { lang: 'fr-FR', countries: [] },
    });
    const byTld = finalize({
      ...base,
      url: 'https://x.de/',
      company: company(['030 12345678']),
      hints: { countries: [] },
    });
    const byAddress = finalize({
      ...base,
      url: 'https://x.com/',
      company: company(['(02) 9251 7700']),
      hints: { countries: ['Australia'] },
    });
    const own = finalize({
      ...base,
      url: 'https://x.de/',
      company: company(['+1 415 555 0132']),
      hints: { countries: [] },
    });

    expect(byLang.company?.phones).toEqual(['+33142685300']);
    expect(byTld.company?.phones).toEqual(['+493012345678']);
    expect(byAddress.company?.phones).toEqual(['+61292517700']);
    expect(own.company?.phones).toEqual(['+14155550132']);
  });
});
