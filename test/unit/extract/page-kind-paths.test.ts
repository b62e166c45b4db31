// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { companyPath, siteSelfPath } from '@/lib/extract/page/kind';

describe('companyPath', () => {
  it.each([
    'https://acme.example/',
    'https://hacknature.org/colofon/',
    'https://oknaburda.github.io/oknaburda/o-firmie/',
    'https://acme.example/over-ons',
  ])('takes %s for a page that may be about the site company', (url) => {
    expect(companyPath(new URL(url))).toBe(true);
  });

  it.each([
    'https://cncsolutions.example/producten/',
    'https://acme.example/shop/',
    'https://acme.example/en/products/x',
  ])('takes the catalogue page %s for no page about the company', (url) => {
    expect(companyPath(new URL(url))).toBe(false);
  });
});

describe('siteSelfPath', () => {
  it('knows a site own colofon, imprint and contact pages, not an article that mentions them', () => {
    expect(siteSelfPath(new URL('https://hacknature.org/colofon/'))).toBe(true);
    expect(siteSelfPath(new URL('https://acme.example/impressum.html'))).toBe(true);
    expect(siteSelfPath(new URL('https://acme.example/blog/how-to-write-an-impressum/'))).toBe(false);
  });
});
