/**
 * LinkedIn peer pages: real pages saved by other open-source scrapers, read in place from
 * ../shared/peer-pages (never copied into this repo). Expectations are written from what each
 * page shows (its h1, JSON-LD, experience list), not from the peers' own outputs, which are wrong
 * in places (see SOURCES.md: scoutr's empty title for profile3, headline-derived titles).
 */
import type { Expected } from './helpers';

export type Row = [file: string, adapter: string, expected: Expected];

const person = (url: string, p: Expected['people'][number]): Expected => ({
  url,
  pageKind: 'person',
  people: [p],
  company: null,
});
const nothing = (url: string): Expected => ({ url, pageKind: 'other', people: [], company: null });

/** [peer file, adapter, what the page shows]. */
export const LINKEDIN_PEER_ROWS: Row[] = [
  [
    'scoutr/test-websites/profile1.html',
    'linkedin-profile',
    person('https://www.linkedin.com/in/eduardo-alvarez-nowak/', {
      fullName: 'Eduardo Alvarez Nowak',
      title: 'Tech Education Team Lead',
      companyName: 'Novare Potential',
      location: 'Greater Stockholm Metropolitan Area',
      photoUrl:
        'https://media.licdn.com/dms/image/C4E03AQHwKgpnjrXkZA/profile-displayphoto-shrink_400_400/0/1643017689481?e=1726099200&v=beta&t=Wew9-WaLMM3g5lKNGqyL2GSJXPG_4MZVm4yh4Uc7_yg',
      links: ['https://www.linkedin.com/in/eduardo-alvarez-nowak'],
    }),
  ],
  [
    // "(She/Her)" beside the name; a private photo (grey placeholder); the viewer's name in the nav.
    'scoutr/test-websites/profile2.html',
    'linkedin-profile',
    person('https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/', {
      fullName: 'Sri Lalitha Jeevanige',
      title: 'Scrum Master - Software Engineer',
      companyName: 'Swedbank',
      location: 'Stockholm, Stockholm County, Sweden',
      photoUrl: undefined,
      links: ['https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61'],
    }),
  ],
  [
    // The headline names Mobvilla AB; the current position is Co-Founder at Recruitjob.se.
    'scoutr/test-websites/profile3.html',
    'linkedin-profile',
    person('https://www.linkedin.com/in/abgargulo/', {
      fullName: 'Abgar Gulo',
      title: 'Co-Founder',
      companyName: 'Recruitjob.se',
      location: 'Greater Stockholm Metropolitan Area',
      links: ['https://www.linkedin.com/in/abgargulo'],
    }),
  ],
  [
    // Near-empty private profile: no experience, so the headline is the only title.
    'scoutr/test-websites/profile5.html',
    'linkedin-profile',
    person('https://www.linkedin.com/in/vasileiosalevizos/', {
      fullName: 'Vasileios Alevizos',
      title: 'Researcher',
      companyName: undefined,
      location: 'Sweden',
      links: ['https://www.linkedin.com/in/vasileiosalevizos'],
    }),
  ],
  [
    'scoutr/test-data/profile1.html',
    'linkedin-profile',
    person('https://se.linkedin.com/in/eduardo-alvarez-nowak', {
      fullName: 'Eduardo Alvarez Nowak',
      title: 'Tech Education Team Lead',
      companyName: 'Novare Potential',
      location: 'Greater Stockholm Metropolitan Area',
      photoUrl:
        'https://media.licdn.com/dms/image/C4E03AQHwKgpnjrXkZA/profile-displayphoto-shrink_200_200/0/1643017689481?e=2147483647&v=beta&t=jU2cTtlQ-Zu8KItC4RnwO_vYqbilIVQf7vZtr4ZPXvI',
      links: ['https://www.linkedin.com/in/eduardo-alvarez-nowak'],
    }),
  ],
  [
    'scoutr/test-data/profile2.html',
    'linkedin-profile',
    person('https://se.linkedin.com/in/sri-lalitha-jeevanige-35520a61', {
      fullName: 'Sri Lalitha Jeevanige',
      title: 'Scrum Master - Software Engineer',
      companyName: 'Swedbank',
      location: 'Stockholm, Stockholm County, Sweden',
      photoUrl: undefined,
      links: ['https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61'],
    }),
  ],
  [
    // Three concurrent positions; the first (Co-Founder, Recruitjob.se) is the one the title tag shows.
    'scoutr/test-data/profile3.html',
    'linkedin-profile',
    person('https://se.linkedin.com/in/abgargulo', {
      fullName: 'Abgar Gulo',
      title: 'Co-Founder',
      companyName: 'Recruitjob.se',
      location: 'Greater Stockholm Metropolitan Area',
      links: ['https://www.linkedin.com/in/abgargulo'],
    }),
  ],
  ['scoutr/test-data/profilePrivate.html', 'linkedin-profile', nothing('https://www.linkedin.com/in/ivanahmadfatoni')],
  [
    'scoutr/test-data/bannedPage.html',
    'linkedin-profile',
    nothing('https://www.linkedin.com/in/eduardo-alvarez-nowak'),
  ],
  [
    // Logged-in 2018 DOM; the viewer appears in endorsement prompts.
    'scrape-linkedin-selenium/html_files/otherProfile.html',
    'linkedin-profile',
    person('https://www.linkedin.com/in/seancahalan/', {
      fullName: 'Sean Cahalan',
      title: 'Front-end Lead',
      companyName: 'Bounce',
      location: 'North York, Ontario, Canada',
      links: ['https://www.linkedin.com/in/seancahalan'],
    }),
  ],
  [
    // 2017 public profile; the name carries a former surname in brackets (title tag: "Julian Amelung").
    'linkedin-public-profile/test/fixtures/profile.html',
    'linkedin-profile',
    person('https://de.linkedin.com/in/julianamelung', {
      fullName: 'Julian Amelung',
      title: 'CEO',
      companyName: 'eXalted IT',
      location: 'Berlin Area, Germany',
      photoUrl:
        'https://media.licdn.com/mpr/mpr/shrinknp_200_200/AAEAAQAAAAAAAAe8AAAAJDYwZGEyYWUyLTVhNWMtNDNjYS1hNGIxLTA0NTVjOWNiNGEyYQ.jpg',
      links: ['https://www.linkedin.com/in/julianamelung'],
    }),
  ],
  [
    'linkedin-public-profile-parser/test/fixtures/simonlab.html',
    'linkedin-profile',
    person('https://uk.linkedin.com/in/simonlab', {
      fullName: 'Simon Labondance',
      title: 'Full stack Javascript developer',
      companyName: 'DWYL',
      location: 'London, Greater London, United Kingdom',
      links: ['https://www.linkedin.com/in/simonlab'],
    }),
  ],
  [
    // Guest company page: JSON-LD Organization + about-us__* rows; 20 employee /in/ links are not people.
    'metascraper/linkedin-company/input.html',
    'linkedin-company',
    {
      url: 'https://uk.linkedin.com/company/audiense',
      pageKind: 'company',
      people: [],
      company: {
        name: 'Audiense',
        website: 'http://www.audiense.com',
        industry: 'Advertising Services',
        size: '51-200',
        location: 'London, London',
        logoUrl:
          'https://media.licdn.com/dms/image/v2/C4E0BAQHWdu05nIFRWQ/company-logo_200_200/company-logo_200_200/0/1632826250380/audiense_logo?e=2147483647&v=beta&t=ZqV6Zik7OLnWmEqZwSwy5vnnl23GyPJuLjZD-6kJdaI',
        links: ['https://www.linkedin.com/company/audiense'],
      },
    },
  ],
  [
    // Logged-in About tab (2018); the description's facebook.com/help URLs are not the website.
    'scrape-linkedin-selenium/html_files/facebook_overview.html',
    'linkedin-company',
    {
      url: 'https://www.linkedin.com/company/facebook/about/',
      pageKind: 'company',
      people: [],
      company: {
        name: 'Facebook',
        website: 'http://www.facebook.com/careers',
        industry: 'Internet',
        size: '10001+',
        location: 'Menlo Park, CA',
        logoUrl:
          'https://media.licdn.com/dms/image/C4E0BAQHl6azR037YeA/company-logo_400_400/0?e=1552521600&v=beta&t=wnxwi0DnjhdkZLWfkHhlRLWwYbaeGUBOpiSA8MefuAs',
        links: ['https://www.linkedin.com/company/facebook'],
      },
    },
  ],
  [
    // 2016 public page: data in <code><!-- JSON --></code>, website behind linkedin.com/redirect.
    'linkedin-public-profile-parser/test/fixtures/keybroker.html',
    'linkedin-company',
    {
      url: 'https://www.linkedin.com/company/keybroker-ab',
      pageKind: 'company',
      people: [],
      company: {
        name: 'Keybroker',
        website: 'http://www.keybroker.se',
        industry: 'Internet',
        size: '51-200',
        location: 'Stockholm, Sweden',
        links: ['https://www.linkedin.com/company/keybroker-ab'],
      },
    },
  ],
];
