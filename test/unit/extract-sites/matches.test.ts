/** Which addresses each site adapter claims: its profile pages, and not the site's other pages. */
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '@/lib/extract/sites';

const CASES: [adapter: string, url: string, expected: boolean][] = [
  ['linkedin-profile', 'https://www.linkedin.com/in/jane-doe-12ab/', true],
  ['linkedin-profile', 'https://fr.linkedin.com/in/jane-doe-12ab?originalSubdomain=fr', true],
  ['linkedin-profile', 'https://www.linkedin.com/pub/jane-doe/1/2/3', true],
  ['linkedin-profile', 'https://www.linkedin.com/feed/', false],
  ['linkedin-profile', 'https://www.linkedin.com/company/acme/', false],
  ['linkedin-profile', 'https://in.example.com/in/jane', false],
  ['linkedin-company', 'https://www.linkedin.com/company/acme/about/', true],
  ['linkedin-company', 'https://www.linkedin.com/school/tum/', true],
  ['linkedin-company', 'https://www.linkedin.com/in/jane/', false],
  ['github-user', 'https://github.com/octocat', true],
  ['github-user', 'https://github.com/octocat?tab=repositories', true],
  ['github-user', 'https://github.com/octocat/hello-world', false],
  ['github-user', 'https://github.com/settings', false],
  ['github-org', 'https://github.com/github', true],
  ['github-org', 'https://github.com/orgs/github/people', true],
  ['github-org', 'https://github.com/orgs/github/repositories', false],
  ['github-org', 'https://gitlab.com/github', false],
  ['x-profile', 'https://x.com/jack', true],
  ['x-profile', 'https://twitter.com/jack/with_replies', true],
  ['x-profile', 'https://mobile.twitter.com/jack', true],
  ['x-profile', 'https://x.com/jack/status/20', false],
  ['x-profile', 'https://x.com/home', false],
  ['x-profile', 'https://x.com/search?q=jack', false],
  ['crunchbase-organization', 'https://www.crunchbase.com/organization/stripe', true],
  ['crunchbase-organization', 'https://www.crunchbase.com/person/patrick-collison', false],
  ['crunchbase-person', 'https://www.crunchbase.com/person/patrick-collison', true],
  ['crunchbase-person', 'https://www.crunchbase.com/discover/people', false],
  ['wellfound-profile', 'https://wellfound.com/u/naval', true],
  ['wellfound-profile', 'https://angel.co/u/naval', true],
  ['wellfound-profile', 'https://wellfound.com/company/stripe', true],
  ['wellfound-profile', 'https://wellfound.com/company/stripe/people', true],
  ['wellfound-profile', 'https://wellfound.com/company/stripe/jobs', false],
  ['wellfound-profile', 'https://wellfound.com/jobs', false],
];

describe('site adapter URL matching', () => {
  it.each(CASES)('%s claims %s: %s', (name, href, expected) => {
    const adapter = SITE_ADAPTERS.find((a) => a.name === name);

    const actual = adapter?.matches(new URL(href));

    expect(actual).toBe(expected);
  });

  it('claims no generic site for any adapter', () => {
    const generic = ['https://example.com/', 'https://acme.co.uk/team', 'https://blog.example.org/in/jane'];

    const claimed = generic.filter((href) => SITE_ADAPTERS.some((a) => a.matches(new URL(href))));

    expect(claimed).toEqual([]);
  });
});
