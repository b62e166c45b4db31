import { describe, expect, it } from 'vitest';
import { type FitSubject, parseCompanySize, scoreLead, FIT_WEIGHTS as W } from './fit';
import { EMPTY_ICP, type Icp, parseIcp, parseTerms } from './icp';

const icp: Icp = {
  ...EMPTY_ICP,
  titles: ['VP', 'Head of', 'Founder'],
  industries: ['SaaS'],
  companySizes: ['51-200', '201-500'],
  locations: ['Germany', 'Austria'],
  excludedDomains: ['competitor.io'],
};
// The criteria this profile defines: title, industry, company size, location.
const possible = W.title + W.industry + W.companySize + W.location;
const pct = (earned: number) => Math.round((earned / possible) * 100);

describe('scoreLead', () => {
  it.each<[string, FitSubject, number, string[]]>([
    [
      'everything matches',
      { title: 'VP of Sales', industry: 'SaaS', companySize: '51-200 employees', location: 'Berlin, Germany' },
      100,
      ['title matches VP', 'industry matches SaaS', 'company size matches 51-200', 'location matches Germany'],
    ],
    [
      'synonym and accent-insensitive: "Vice-President" matches VP, "Österreich" does not match Austria',
      { title: 'Vice-President Marketing', industry: 'saas', companySize: '1,001-5,000', location: 'Wien, Österreich' },
      pct(W.title + W.industry),
      ['title matches VP', 'industry matches SaaS', 'company size outside target', 'location outside target'],
    ],
    [
      'co-founder matches founder as a whole word',
      { title: 'Co-Founder & CEO', location: 'Munich, Germany' },
      pct(W.title + W.industry / 2 + W.companySize / 2 + W.location),
      ['title matches Founder', 'industry unknown', 'company size unknown', 'location matches Germany'],
    ],
    [
      '"VPN engineer" is not a VP (whole words only)',
      { title: 'VPN engineer', industry: 'Networking', companySize: '300', location: 'Paris, France' },
      pct(W.companySize),
      ['title not in target', 'industry outside target', 'company size matches 201-500', 'location outside target'],
    ],
    [
      'company location counts when the person has none',
      { title: 'Head of Growth', industry: 'SaaS', companySize: '10K+', companyLocation: 'Graz, Austria' },
      pct(W.title + W.industry + W.location),
      ['title matches Head of', 'industry matches SaaS', 'company size outside target', 'location matches Austria'],
    ],
  ])('%s', (_name, lead, expected, expectedReasons) => {
    const actual = scoreLead(lead, icp);
    expect(actual.score).toBe(expected);
    expect(actual.reasons.map((r) => r.text)).toEqual(expectedReasons);
  });

  it.each<[string, FitSubject]>([
    ['company domain', { title: 'VP', companyDomain: 'competitor.io' }],
    ['a subdomain of the website', { title: 'VP', companyWebsite: 'https://eu.competitor.io/about' }],
    ['an email domain', { title: 'VP', emails: [{ value: 'a@mail.competitor.io' }] }],
  ])('an excluded domain scores 0 whatever matches (%s)', (_name, lead) => {
    const actual = scoreLead(lead, icp);
    expect(actual.score).toBe(0);
    expect(actual.reasons).toEqual([expect.objectContaining({ outcome: 'excluded', term: 'competitor.io' })]);
  });

  it('does not treat a look-alike domain as excluded', () => {
    expect(scoreLead({ title: 'VP', companyDomain: 'notcompetitor.io' }, icp).score).toBeGreaterThan(0);
  });

  it('has no score without a profile, and weights renormalise over the criteria defined', () => {
    expect(scoreLead({ title: 'VP' }, EMPTY_ICP).score).toBeNull();
    const titlesOnly = { ...EMPTY_ICP, titles: ['Founder'] };
    expect(scoreLead({ title: 'Founder' }, titlesOnly).score).toBe(100);
    expect(scoreLead({ title: 'Intern' }, titlesOnly).score).toBe(0);
    expect(scoreLead({}, titlesOnly).score).toBe(50);
  });

  it('matches departments in the title', () => {
    const profile = { ...EMPTY_ICP, departments: ['Sales'] };
    expect(scoreLead({ title: 'Director, Sales Operations' }, profile).reasons[0]?.text).toBe(
      'department matches Sales',
    );
  });
});

describe('parseCompanySize', () => {
  it.each([
    ['51-200 employees', { min: 51, max: 200 }],
    ['1,001–5,000', { min: 1001, max: 5000 }],
    ['10,001+ employees', { min: 10001, max: Number.POSITIVE_INFINITY }],
    ['1K-5K', { min: 1000, max: 5000 }],
    ['42', { min: 42, max: 42 }],
    ['self-employed', null],
  ])('%s', (text, expected) => {
    expect(parseCompanySize(text)).toEqual(expected);
  });
});

describe('icp', () => {
  it('parses editor text into distinct terms and rejects invalid stored values', () => {
    expect(parseTerms('VP, Head of\nfounder,, vp')).toEqual(['VP', 'Head of', 'founder']);
    expect(parseIcp({ titles: 'VP' })).toEqual(EMPTY_ICP);
    expect(parseIcp({ titles: ['VP'] }).titles).toEqual(['VP']);
  });
});
