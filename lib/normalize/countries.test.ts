import { describe, expect, it } from 'vitest';
import { countriesIn, countryCodeOfName, namesCountry } from './countries';

describe('country names', () => {
  it.each([
    ['Deutschland', 'DE'],
    [' United States of America ', 'US'],
    ['UK', 'GB'],
    ['België', 'BE'],
    ['Atlantis', undefined],
  ])('reads the whole name %s as %s', (name, expected) => {
    expect(countryCodeOfName(name)).toBe(expected);
  });

  it('finds whole-word mentions in page text, accented names included', () => {
    expect(countriesIn('Acme GmbH · Ringstraße 1 · 1010 Wien · Österreich')).toEqual(['AT']);
    expect(countriesIn('Rue Haute 3, 1000 Bruxelles, België')).toEqual(['BE']);
    expect(countriesIn('東京都 日本')).toEqual(['JP']);
    expect(countriesIn('Indianapolis, Indiana; our UKG payroll')).toEqual([]);
  });

  it('knows when a location already names the country of a code', () => {
    expect(namesCountry('Hamburg, Deutschland', 'de')).toBe(true);
    expect(namesCountry('London, UK', 'GB')).toBe(true);
    expect(namesCountry('Hamburg', 'DE')).toBe(false);
    expect(namesCountry('Anywhere', 'ZZ')).toBe(false);
  });
});
