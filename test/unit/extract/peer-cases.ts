/**
 * The peer suite: real third-party pages from ../shared/peer-pages (never copied into the
 * repo), with expectations written from what each page really says (see SOURCES.md; the
 * peers' own outputs are not ground truth). Shared by peer.test.ts and extract:report.
 * The LinkedIn peer pages are covered by the site adapters' tests (test/unit/extract-sites).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expected } from './facts';

// PROSPECTOR_PEERS points elsewhere (a git worktree sits one level deeper than the main checkout).
export const PEER_DIR = process.env.PROSPECTOR_PEERS || '../shared/peer-pages';
export const hasPeers = () => existsSync(PEER_DIR);

export type Syntax = 'PRE-MARKUP' | 'MICRODATA' | 'RDFA' | 'JSON';

export interface PeerCase {
  name: string;
  /** File under PEER_DIR. */
  file: string;
  /** For the schema.org examples file: which example and which encoding. */
  block?: { id: string; syntax: Syntax };
  /** The URL the page is read as (its canonical URL, or a neutral one for spec snippets). */
  url: string;
  expected: Expected;
}

/** A plain-text case: the contacts harvested from an example with no markup at all. */
export interface ContactCase {
  name: string;
  file: string;
  block: { id: string; syntax: 'PRE-MARKUP' };
  defaultCountry: string;
  emails: string[];
  phones: string[];
}

/** The HTML of a case: the whole file, or one encoding of one schema.org example. */
export function peerHtml(file: string, block?: { id: string; syntax: Syntax }): string {
  const text = readFileSync(join(PEER_DIR, file), 'utf8');
  if (!block) return text;
  const start = text.indexOf(`TYPES: ${block.id} `);
  const end = text.indexOf('\nTYPES: ', start + 1);
  const example = text.slice(start, end < 0 ? undefined : end);
  const order: Syntax[] = ['PRE-MARKUP', 'MICRODATA', 'RDFA', 'JSON'];
  const from = example.indexOf(`\n${block.syntax}:\n`);
  const next = order.slice(order.indexOf(block.syntax) + 1).map((s) => example.indexOf(`\n${s}:\n`, from + 1));
  const to = Math.min(...next.filter((i) => i > 0), example.length);
  return `<!doctype html><html lang="en"><head></head><body>${example.slice(from + block.syntax.length + 3, to)}</body></html>`;
}

const SDO = 'schemaorg/data/examples.person-org-subset.txt';
const SPEC_URL = 'https://schema.example.org/example';
const structured = (id: string, syntaxes: Syntax[], expected: Omit<Expected, 'url'>): PeerCase[] =>
  syntaxes.map((syntax) => ({
    name: `schema.org ${id} ${syntax}`,
    file: SDO,
    block: { id, syntax },
    url: SPEC_URL,
    expected: { url: SPEC_URL, ...expected },
  }));

export const PEER_CASES: PeerCase[] = [
  {
    name: 'microformats h-card extendeddescription',
    file: 'microformats-tests/tests/microformats-v2/h-card/extendeddescription.html',
    url: 'http://example.com/',
    expected: {
      url: 'http://example.com/',
      pageKind: 'person',
      people: [
        {
          fullName: 'Mitchell Baker',
          companyName: 'Mozilla Foundation',
          photoUrl: 'http://blog.mozilla.org/press/files/2012/04/mitchell-baker.jpg',
          links: ['http://blog.lizardwrangler.com', 'https://x.com/mitchellbaker'],
        },
      ],
      company: { name: 'Mozilla Foundation' },
    },
  },
  {
    // Classic vCard: two organisations with a title each; the first is the current one.
    name: 'microformats v1 hcard multiple',
    file: 'microformats-tests/tests/microformats-v1/hcard/multiple.html',
    url: 'http://example.com/',
    expected: {
      url: 'http://example.com/',
      pageKind: 'person',
      people: [
        {
          fullName: 'John Doe',
          firstName: 'John',
          lastName: 'Doe',
          title: 'Creative Director',
          companyName: 'Madgex',
          location: 'Brighton, United Kingdom',
          emails: ['john.doe@madgex.com', 'john.doe@webfeetmedia.com'],
          // Nine-digit US numbers: not valid, so kept as written.
          phones: ['+1 415 555 100', '+1 415 555 200', '+1 415 555 300'],
          links: ['http://www.madgex.com', 'http://www.webfeetmedia.com'],
          photoUrl: 'http://example.com/images/photo.gif',
        },
      ],
      company: { name: 'Madgex' },
      absent: ['Dave Doe', 'Jane Doe'],
    },
  },
  {
    name: 'microformats h-resume contact',
    file: 'microformats-tests/tests/microformats-v2/h-resume/contact.html',
    url: 'http://example.com/',
    expected: {
      url: 'http://example.com/',
      pageKind: 'person',
      people: [
        {
          fullName: 'Tim Berners-Lee',
          location: 'Cambridge, MA, USA',
          emails: ['timbl@w3.org'],
          phones: ['+16172535702'],
        },
      ],
      company: null,
    },
  },
  {
    // Only rel=me links, no name anywhere: nothing to capture.
    name: 'microformats rel xfn-elsewhere',
    file: 'microformats-tests/tests/microformats-v2/rel/xfn-elsewhere.html',
    url: 'http://example.com/',
    expected: { url: 'http://example.com/', pageKind: 'other', people: [], company: null },
  },
  {
    name: 'extruct microdata LocalBusiness.002',
    file: 'extruct/tests/samples/schema.org/LocalBusiness.002.html',
    url: 'http://www.dishdash.com/',
    expected: {
      url: 'http://www.dishdash.com/',
      pageKind: 'company',
      people: [],
      company: {
        name: 'GreatFood',
        website: 'http://www.dishdash.com',
        domain: 'dishdash.com',
        location: 'Sunnyvale, CA',
        // No country anywhere on the page (address has none, .com, lang="en"): kept as written.
        phones: ['(408) 714-1489'],
      },
    },
  },
  {
    name: 'extruct RDFa Lite w3c example005',
    file: 'extruct/tests/samples/w3crdfa/w3c.rdfalite.example005.html',
    url: 'http://manu.sporny.org/about/',
    expected: {
      url: 'http://manu.sporny.org/about/',
      pageKind: 'person',
      people: [
        {
          fullName: 'Manu Sporny',
          phones: ['1-800-555-0199'],
          photoUrl: 'http://manu.sporny.org/images/manu.png',
        },
      ],
      company: null,
    },
  },
  {
    // Drupal portfolio: the only person facts are the <title> and a LinkedIn /pub/ link.
    name: 'extruct misc Portfolio_Niels_Lubberman',
    file: 'extruct/tests/samples/misc/Portfolio_Niels_Lubberman.html',
    url: 'http://www.nielslubberman.nl/drupal/',
    expected: {
      url: 'http://www.nielslubberman.nl/drupal/',
      pageKind: 'person',
      people: [{ fullName: 'Niels Lubberman', links: ['https://www.linkedin.com/in/niels-lubberman'] }],
      company: null,
    },
  },
  {
    // Mumbai contractor: tel: links without country code (one +91 number shows the country),
    // a typo'd mailto domain that the page really uses, and a web-agency credit.
    name: 'metascraper chowhanandsons.com',
    file: 'metascraper/fixtures/chowhanandsons.com.html',
    url: 'https://www.chowhanandsons.com/',
    expected: {
      url: 'https://www.chowhanandsons.com/',
      pageKind: 'company',
      people: [],
      company: {
        name: 'Chowhan and Sons',
        domain: 'chowhanandsons.com',
        website: 'https://www.chowhanandsons.com',
        emails: ['services@chowhonandsons.com'],
        phones: ['+919137683343', '+919029469931', '+919987028576', '+919773657278', '+919355040982'],
        links: [
          'https://www.facebook.com/chowhanandsons1980',
          'https://www.youtube.com/channel/UCs8x3vNH7kVLcXPlnuWRZNw',
        ],
      },
      absent: ['Webgyor'],
    },
  },
  {
    // Personal homepage: JSON-LD names the author by handle, the site by name; the email is
    // Cloudflare-protected; employer (IBM) and location appear only in prose.
    name: 'metascraper kikobeats.com',
    file: 'metascraper/fixtures/kikobeats.com.html',
    url: 'https://kikobeats.com/',
    expected: {
      url: 'https://kikobeats.com/',
      pageKind: 'person',
      people: [
        {
          fullName: 'Kiko Beats',
          emails: ['josefrancisco.verdu@gmail.com'],
          links: ['https://x.com/kikobeats', 'https://github.com/kikobeats', 'https://www.linkedin.com/in/kikobeats'],
        },
      ],
      company: null,
    },
  },
  ...structured('#eg-0001', ['MICRODATA', 'RDFA', 'JSON'], {
    pageKind: 'person',
    people: [
      {
        fullName: 'Jane Doe',
        title: 'Professor',
        location: 'Seattle, WA',
        emails: ['jane-doe@xyz.edu'],
        phones: ['(425) 123-4567'],
        links: ['http://www.janedoe.com'],
        photoUrl: 'https://schema.example.org/janedoe.jpg',
      },
    ],
    company: null,
  }),
  // secretariat@example.com is a placeholder domain: rejected on purpose.
  ...structured('#eg-0007', ['MICRODATA', 'RDFA'], {
    pageKind: 'company',
    people: [],
    company: { name: 'Google.org (GOOG)', location: 'Paris, France', emails: [], phones: ['( 33 1) 42 68 53 00'] },
    absent: ['Jack Dan', '42 68 53 01'],
  }),
  ...structured('#eg-0007', ['JSON'], {
    pageKind: 'company',
    people: [],
    company: { name: 'Google.org (GOOG)', location: 'Paris, France', emails: [], phones: ['+33142685300'] },
    absent: ['Jack Dan', '+33142685301'],
  }),
  ...structured('#eg-0015', ['MICRODATA', 'RDFA', 'JSON'], {
    pageKind: 'company',
    people: [],
    company: {
      name: 'Beachwalk Beachwear & Giftware',
      location: 'Mexico Beach, FL',
      description: 'A superb collection of fine gifts and clothing to accent your stay in Mexico Beach.',
      phones: ['850-648-4200'],
    },
  }),
  ...structured('#eg-0199', ['JSON'], {
    pageKind: 'company',
    people: [],
    company: { name: 'your-company-site.com', domain: 'your-company-site.com', phones: ['+14015551212'] },
  }),
  ...structured('#eg-0200', ['JSON'], {
    pageKind: 'company',
    people: [],
    company: {
      name: 't-mobile.com',
      domain: 't-mobile.com',
      phones: ['+18777460909', '+15059983793', '+18772961018', '+18774531304'],
    },
  }),
  ...structured('#eg-0206', ['MICRODATA', 'JSON'], {
    pageKind: 'people-list',
    people: [{ fullName: 'Joe Montana', title: 'Quarterback', companyName: 'San Francisco 49ers' }],
    company: { name: 'San Francisco 49ers' },
  }),
  ...structured('#eg-0212', ['MICRODATA', 'RDFA', 'JSON'], {
    pageKind: 'person',
    people: [{ fullName: 'George Bush' }],
    company: null,
  }),
  ...structured('#eg-0276', ['JSON'], {
    pageKind: 'person',
    people: [{ fullName: 'A. N. Other', title: 'Aid worker/humanitarian worker' }],
    company: null,
  }),
  ...structured('#eg-0427', ['MICRODATA', 'RDFA', 'JSON'], {
    pageKind: 'person',
    people: [{ fullName: 'Christopher Froome' }],
    company: null,
  }),
  ...structured('#eg-0428', ['MICRODATA', 'RDFA', 'JSON'], {
    pageKind: 'person',
    people: [{ fullName: 'Rose Tyler' }],
    company: null,
    absent: ['Sarah Jane Smith'],
  }),
  ...structured('#eg-0429', ['MICRODATA', 'RDFA', 'JSON'], {
    pageKind: 'company',
    people: [],
    company: { name: 'National Public Radio', website: 'http://npr.org', domain: 'npr.org' },
    absent: ['GloboCorp'],
  }),
];

/** Plain-text encodings: what contact harvesting finds with no markup (default country = the example's). */
export const CONTACT_CASES: ContactCase[] = [
  {
    name: 'schema.org #eg-0001 PRE-MARKUP',
    file: SDO,
    block: { id: '#eg-0001', syntax: 'PRE-MARKUP' },
    defaultCountry: 'US',
    // The mailto target and the visible text differ on the page: both are shown to the reader.
    emails: ['jane-doe@xyz.edu', 'jane-doe@illinois.edu'],
    // "(425) 123-4567" is not a valid NANP number (exchange 123): text phones must be valid to count.
    phones: [],
  },
  {
    name: 'schema.org #eg-0007 PRE-MARKUP',
    file: SDO,
    block: { id: '#eg-0007', syntax: 'PRE-MARKUP' },
    defaultCountry: 'FR',
    emails: ['secretariat@google.org'],
    phones: ['+33142685300'],
  },
  {
    name: 'schema.org #eg-0015 PRE-MARKUP',
    file: SDO,
    block: { id: '#eg-0015', syntax: 'PRE-MARKUP' },
    defaultCountry: 'US',
    emails: [],
    phones: ['+18506484200'],
  },
];

/** One isemail test: the address and whether a prospect mailbox should be accepted. */
export interface EmailCase {
  id: string;
  address: string;
  category: string;
  /** VALID and DNSWARN are real addresses; ERR never; RFC-only forms (quoted, IP literal, comments) are rejected on purpose. */
  accept: boolean;
}

/** The isemail corpus (tests.xml), one case per test. */
export function emailCases(): EmailCase[] {
  const xml = readFileSync(join(PEER_DIR, 'isemail/test/tests.xml'), 'utf8');
  const decode = (s: string) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const out: EmailCase[] = [];
  for (const m of xml.matchAll(/<test id="(\d+)">([\s\S]*?)<\/test>/g)) {
    const body = m[2] ?? '';
    const address = decode(/<address>([\s\S]*?)<\/address>/.exec(body)?.[1] ?? '');
    const category = /<category>(.*?)<\/category>/.exec(body)?.[1] ?? '';
    out.push({
      id: m[1] ?? '',
      address,
      category,
      // White space around an address (CFWS) is page text around it: trimmed, the address is fine.
      accept:
        category === 'ISEMAIL_VALID_CATEGORY' ||
        category === 'ISEMAIL_DNSWARN' ||
        (category === 'ISEMAIL_CFWS' && /^\s*[^\s()"]+\s*$/.test(address)),
    });
  }
  return out;
}
