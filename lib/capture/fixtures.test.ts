import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '@/lib/extract';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { defaultOptions, draftFromExtraction } from './draft';

// The capture e2e pages, read by the real extractor: the popup's three modes start from these.
const DIR = 'test/fixtures/pages/capture';
const read = (file: string, url: string) =>
  extract(parseHTML(readFileSync(`${DIR}/${file}`, 'utf8')).document as unknown as Document, new URL(url));

describe('capture fixture pages', () => {
  it('reads the LinkedIn-like profile as one person form', () => {
    const actual = draftFromExtraction(
      read('in/jane-doe.html', 'http://www.linkedin.com:8080/capture/in/jane-doe'),
      defaultOptions(DEFAULT_SETTINGS),
    );
    expect(actual.mode).toBe('single');
    expect(actual.forms[0]).toMatchObject({
      fullName: 'Jane Doe',
      title: 'VP Sales',
      companyName: 'Acme Robotics',
      links: ['https://www.linkedin.com/in/jane-doe'],
    });
  });

  it('reads the team page as a checklist of five people', () => {
    const actual = draftFromExtraction(
      read('team.html', 'http://www.northwind-analytics.com:8080/capture/team'),
      defaultOptions(DEFAULT_SETTINGS),
    );
    expect(actual.mode).toBe('list');
    expect(actual.forms.map((f) => f.fullName)).toEqual([
      'Amara Okafor',
      'Lukas Brenner',
      'Sofia Marquez',
      'Kenji Watanabe',
      'Chloé Dubois',
    ]);
  });

  it('finds no one on the empty page', () => {
    const actual = draftFromExtraction(
      read('empty.html', 'http://127.0.0.1:8080/capture/empty'),
      defaultOptions(DEFAULT_SETTINGS),
    );
    expect(actual.mode).toBe('manual');
    // Its heading is no one's name: the name stays empty, and is never made from the URL.
    expect(actual.forms[0]?.fullName).toBe('');
  });

  it('offers the name of the person a page is about when it finds no prospect on it', () => {
    const actual = draftFromExtraction(
      read('profile-article.html', 'http://www.harbour-weekly.com:8080/capture/profile-article'),
      defaultOptions(DEFAULT_SETTINGS),
    );
    expect(actual.mode).toBe('manual');
    expect(actual.forms[0]).toMatchObject({ fullName: 'Margit Halvorsen', sources: { fullName: 'heading' } });
  });
});
