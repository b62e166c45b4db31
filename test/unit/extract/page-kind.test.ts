import { describe, expect, it } from 'vitest';
import { aboutUsPage, foundersAboutUs } from '@/lib/extract/page-kind';
import type { Company, Person } from '@/lib/extract/types';

const person = (fullName: string): Person => ({ fullName, emails: [], phones: [], links: [], sources: {} }) as Person;
const company = (name: string): Company => ({ name, emails: [], phones: [], links: [], sources: {} });

describe('aboutUsPage', () => {
  it.each([
    'https://a.example/over-ons/',
    'https://a.example/chi-siamo.html',
    'https://a.example/o-nas',
    'https://a.example/about-us',
  ])('knows %s for a company speaking of itself', (url) => expect(aboutUsPage(url)).toBe(true));
  it.each(['https://a.example/over-mij/', 'https://a.example/about/', 'https://a.example/', 'not a url'])(
    'does not take %s for one',
    (url) => expect(aboutUsPage(url)).toBe(false),
  );
});

describe('foundersAboutUs', () => {
  const url = 'https://w-technieken.example/over-ons/';
  it("takes a founder's introduction on an 'about us' page for the company's page", () => {
    expect(foundersAboutUs('person', url, [person('Nick Willemsens')], company('Willemsens Technieken'))).toBe(true);
  });
  it('keeps a one-person business named after its owner, other paths and other kinds', () => {
    expect(foundersAboutUs('person', url, [person('Nick Willemsens')], company('Nick Willemsens'))).toBe(false);
    expect(foundersAboutUs('person', 'https://a.example/over-mij/', [person('Nick Willemsens')], company('Acme'))).toBe(
      false,
    );
    expect(foundersAboutUs('person', url, [person('Nick Willemsens')], null)).toBe(false);
    expect(foundersAboutUs('people-list', url, [person('Nick Willemsens')], company('Acme'))).toBe(false);
  });
});
