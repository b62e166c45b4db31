// The real addresses each site adapter was written against, with a note after the URL
// saying which saved layouts imitate it. Kept beside the tests, not in the adapters: the
// adapters are injected into every page read, and this is documentation the tests check.

/** Adapter name -> real URLs of the layouts it serves (a note after a space). */
export const TESTED_ON: Record<string, string[]> = {
  // No real Crunchbase page is saved anywhere we may use: these are the layouts the saved imitations copy.
  'crunchbase-organization': [
    'https://www.crunchbase.com/organization/stripe (layout imitated: org-state, header-only, bot-challenge)',
  ],
  // No real Crunchbase page is saved anywhere we may use: this is the layout the saved imitations copy.
  'crunchbase-person': [
    'https://www.crunchbase.com/person/patrick-collison (layout imitated: person-state, header-only)',
  ],
  // Layouts copied by the saved imitations (no real GitHub org page is saved anywhere we may use).
  'github-org': [
    'https://github.com/github (orghead layout imitated: org-overview)',
    'https://github.com/orgs/github/people (member list imitated: org-people)',
  ],
  // Layouts copied by the saved imitations (no real GitHub profile is saved anywhere we may use).
  'github-user': [
    'https://github.com/octocat (sidebar layout imitated: user-full, login-only-repositories-tab, not-found)',
  ],
  'linkedin-company': [
    'https://uk.linkedin.com/company/audiense (guest DOM with JSON-LD, 2024)',
    'https://www.linkedin.com/company/facebook/about/ (logged-in About tab, 2018)',
    'https://www.linkedin.com/company/keybroker-ab (public page, 2016)',
  ],
  // Layout imitated from public scraper selectors: no saved People tab may be committed or was found.
  'linkedin-people': ['https://www.linkedin.com/company/northwind-analytics/people/ (2020-2025 grid, imitation)'],
  'linkedin-profile': [
    'https://www.linkedin.com/in/eduardo-alvarez-nowak/ (logged-in pvs DOM, 2024)',
    'https://se.linkedin.com/in/abgargulo (guest DOM with JSON-LD, 2024)',
    'https://www.linkedin.com/in/seancahalan/ (logged-in 2018)',
    'https://de.linkedin.com/in/julianamelung (public 2017)',
    'https://uk.linkedin.com/in/simonlab (public 2016)',
  ],
  // Layouts imitated from public scraper selectors: no saved Sales Navigator page may be committed or was found.
  'linkedin-sales': [
    'https://www.linkedin.com/sales/lists/people/7123456789012345678 (lead list table, imitation)',
    'https://www.linkedin.com/sales/search/people?query=(keywords%3Afintech) (lead search, imitation)',
  ],
  // Layouts imitated from public scraper selectors: no saved search page may be committed or was found.
  'linkedin-search': [
    'https://www.linkedin.com/search/results/people/?keywords=head%20of%20growth (2024-2025 obfuscated classes, imitation)',
    'https://www.linkedin.com/search/results/people/?keywords=data%20engineer (2021-2024 entity-result, imitation)',
  ],
  // Layouts copied by the saved imitations (no real Wellfound page is saved anywhere we may use).
  'wellfound-profile': [
    'https://wellfound.com/u/naval (person, imitated: user-next-data, not-found)',
    'https://wellfound.com/company/stripe (company, imitated: company-next-data)',
    'https://wellfound.com/company/stripe/people (team, imitated: company-people-dom)',
  ],
  // Layouts copied by the saved imitations (no real X page is saved anywhere we may use).
  'x-profile': [
    'https://x.com/jack (logged-out app with ProfilePage JSON-LD, imitated: logged-out-en)',
    'https://twitter.com/jack (logged-in app, French and German UI, imitated: logged-in-fr, account-missing)',
  ],
};
