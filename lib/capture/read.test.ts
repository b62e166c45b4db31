import { describe, expect, it } from 'vitest';
import { readerFor } from './read';

describe('readerFor', () => {
  it('injects the reader with site adapters only where an adapter serves the address', () => {
    expect(readerFor('https://www.linkedin.com/in/jane-doe/')).toBe('/extractor-sites.js');
    expect(readerFor('https://github.com/octocat')).toBe('/extractor-sites.js');
    expect(readerFor('https://acme.example/team')).toBe('/extractor.js');
  });

  it('takes the full reader when the address is unknown or unreadable', () => {
    expect(readerFor(undefined)).toBe('/extractor-sites.js');
    expect(readerFor('not a url')).toBe('/extractor-sites.js');
  });
});
