import { isLegalMailbox } from '@/lib/normalize/mailboxes';
import type { PageKind, SiteAdapter } from '../types';
import { peopleCardsOnce } from './cards-once';
import { readSiteCompany } from './company';
import { addList, newCompany, samePerson, upsertPeople } from './entity';
import { relMeLinks } from './hcard';
import {
  companyPath,
  FIRST_PERSON_PATH,
  headingRole,
  homepagePerson,
  isOtherPage,
  nameFromProfileLink,
  othersSigns,
  ownPage,
  personalSite,
} from './kind';
import { CONTACT_PATH, NOTICE_PATH, noticeLines } from './legal';
import { clearMemos } from './memo';
import { EMPTY_META, headingHints, readMeta } from './meta';
import { rowColumns } from './people-table';
import { memberName, platformOf } from './platform';
import { profileBlock, readProfileBlock } from './profile';
import { readPageContacts } from './reader-contacts';
import { readMarkup } from './reader-markup';
import { settleOwner } from './reader-owner';
import type { readSites } from './reader-sites';
import { newDraft, takePrimary } from './reader-state';
import type { PageReading, RawPerson } from './types';

/**
 * readPage runs INSIDE the web page (injected by entrypoints/extractor.ts, or
 * extractor-sites.ts on a site an adapter serves): it reads
 * the DOM layer by layer and returns plain data. It imports no zod, tldts or
 * libphonenumber so the injected bundle stays small; finalize() (in the extension)
 * normalises phones, domains and links and validates the result.
 */

/**
 * Reads the page: structured data, meta, the given site adapters, people lists, contacts,
 * company. Never throws. Takes its adapters, and the layer that runs them (./reader-sites, which
 * readPage in ./index passes), as arguments and imports neither, so that the script injected into
 * ordinary pages carries no site adapter nor their layer (entrypoints/extractor.ts). Without
 * `sites`, the adapters are not run.
 */
export function readPageWith(
  doc: Document,
  url: URL | string,
  adapters: SiteAdapter[],
  sites?: typeof readSites,
): PageReading {
  clearMemos();
  try {
    const notice: Notice = {};
    const reading = readPageUnsafe(doc, url, adapters, sites, true, notice);
    if (notice.lines) reading.notice = { lines: notice.lines, title: doc.title.slice(0, 4000) };
    return reading;
  } catch {
    // Each layer is guarded; this only catches what no layer owns (a DOM that throws on access).
    return {
      url: String(url),
      pageKind: 'other',
      people: [],
      company: null,
      hints: { countries: [] },
      errors: ['page'],
    };
  }
}

/**
 * The page's legal notice, read once for all of a page's passes (undefined until read), and what
 * a pass assumes it names: finalize parses it (lib/extract/legal.ts), so a page whose kind hangs
 * on it is read once per answer (0: someone, 1: only a company, 2: nothing).
 */
interface Notice {
  lines?: string[] | null;
}
type Says = 0 | 1 | 2;

function readPageUnsafe(
  doc: Document,
  url: URL | string,
  adapters: SiteAdapter[],
  sites: typeof readSites | undefined,
  homepage: boolean,
  notice: Notice,
  weakToo = true,
  says: Says = 0,
): PageReading {
  const pageHref = typeof url === 'string' ? url : url.href;
  // Relative links resolve against <base href> when the page sets one, as the browser does.
  const baseEl = (doc.head ?? doc).querySelector('base[href]')?.getAttribute('href');
  let href = pageHref;
  try {
    if (baseEl) href = new URL(baseEl, pageHref).href;
  } catch {
    href = pageHref;
  }
  const errors: string[] = [];
  const reading: PageReading = {
    url: pageHref,
    pageKind: 'other',
    people: [],
    company: null,
    hints: { countries: [] },
    errors,
  };
  let page: URL;
  try {
    page = new URL(pageHref);
  } catch {
    errors.push('url');
    return reading;
  }
  const safe = <T>(name: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      errors.push(name);
      return fallback;
    }
  };

  const meta = safe('meta', () => readMeta(doc, href), EMPTY_META);
  const relMe = safe('rel-me', () => relMeLinks(doc, href), []);
  if (meta.lang) reading.hints.lang = meta.lang;
  const headings = safe('meta', () => headingHints(doc, meta), {});
  Object.assign(reading.hints, headings);
  const countries = reading.hints.countries;
  // An "about me" page is its owner's, even where the theme marks every page an article (Hugo PaperMod).
  const aboutMe = FIRST_PERSON_PATH.test(page.pathname);
  // So is a site's colofon, imprint or contact page (Hugo, Jekyll), and a person's profile (./kind ownPage).
  const d = newDraft(
    meta.ogType === 'article' && meta.published !== '' && !ownPage(doc, page),
    meta.ogType === 'profile',
  );
  readMarkup(d, doc, page, href, meta, relMe, countries, safe);
  sites?.(d, doc, page, adapters, safe);
  const site = d.site;

  const body = doc.body ?? doc.documentElement;
  // 4. People lists (generic sites only: an adapter knows its site's lists).
  const cards = site || !body ? [] : safe('people-list', () => peopleCardsOnce(doc, href), []);
  const cardEls = new Set(cards.flatMap((c) => (c.also ? [c.el, ...c.also] : [c.el])));
  const weak: RawPerson[] = [];
  upsertPeople(
    d.listed,
    cards.filter((c) => !c.weak).map((c) => c.person),
  );
  for (const c of cards) if (c.weak && weakToo) weak.push({ ...c.person, judge: c.weak });
  const strongCards = cards.filter((c) => !c.weak);
  // A portfolio with no markup: the one LinkedIn profile it links to spells a name that the title shows.
  if (!d.primary && !d.isArticle && !site && strongCards.length === 0) {
    const p = safe('title', () => nameFromProfileLink(doc, meta, href), null);
    if (p) {
      safe('title', () => headingRole(doc, p), undefined);
      addList(p, 'links', relMe, 'h-card');
      takePrimary(d, p);
    }
  }

  // 6. Company from the page itself (site identity). A platform that hosts the page's member
  // (Dribbble, Bluesky, Mastodon) is never its company: the member is, unless a person (judged below).
  const platform = site ? '' : safe('platform', () => platformOf(page, meta), '');
  const siteCompany = site || platform ? null : safe('company', () => readSiteCompany(doc, page, meta), null);
  if (platform && !d.primary && !d.company) d.company = newCompany(memberName(meta, platform), 'title');

  // Pages about no prospect.
  const hasPeople = strongCards.length > 0 || d.strongPrimary;
  // CMS and static-site generators mark every page an article (og:type, JSON-LD): one that holds a
  // list of people's cards (not names alone: a news story names people too) is a people list.
  // So does a table of people with their roles under a header row naming its columns: prose never is one.
  const cardList =
    new Set(strongCards.map((c) => c.person.fullName)).size >= 2 ||
    cards.filter((c) => c.person.title && rowColumns(c.el)).length >= 2;
  const blocked =
    !site && safe('other', () => isOtherPage(doc, page, meta, d.isArticle && !cardList, d.isProfile, hasPeople), false);

  // A legal notice or contact page names the legal entity, its town and its representatives.
  const legalPath = NOTICE_PATH.test(page.pathname) || CONTACT_PATH.test(page.pathname);
  const legalNotice = () => {
    if (notice.lines === undefined)
      notice.lines = body ? safe('legal', () => noticeLines(body, legalPath), null) : null;
    return notice.lines;
  };
  // Whether the notice names someone (or, with `anyone` false, a company or someone), as `s` assumes.
  const names = (s: Says, anyone: boolean) => (anyone ? s === 0 : s < 2) && !!legalNotice();

  const { primary, listed } = d;
  const kindFor = (s: Says): PageKind => {
    if (site?.pageKind) return site.pageKind;
    if (blocked) return 'other';
    if (primary && (d.strongPrimary || d.isProfile)) return 'person';
    // One person on a legal notice (its structured data's founder) is the notice's representative; on a
    // notice proper (not a contact page, which may list a team), so are its cards ("Betreiber der Website").
    if ((listed.length === 1 || !CONTACT_PATH.test(page.pathname)) && !primary && legalPath && names(s, true))
      return 'company';
    if (listed.length >= 2 || (listed.length === 1 && !primary)) return 'people-list';
    if (primary) return 'person';
    if ((d.company || siteCompany) && companyPath(page)) return 'company';
    // A bare notice (no title, logo or copyright line) is still its company's page.
    if (!site && !blocked && legalPath && names(s, false)) return 'company';
    return 'other';
  };
  let kind = kindFor(says);
  // The first pass assumes the notice names someone; where the page would be another kind should
  // it name only a company, or nothing, those readings go along for finalize to choose from.
  if (homepage && says === 0 && legalPath && notice.lines) {
    const pass = (s: Says) => {
      const { errors: _, ...other } = readPageUnsafe(doc, url, adapters, sites, false, notice, weakToo, s);
      return other;
    };
    const [named, none] = [kindFor(1), kindFor(2)];
    const ifNotice: NonNullable<PageReading['ifNotice']> = {};
    if (named !== kind) ifNotice.named = pass(1);
    if (none !== kind) ifNotice.none = none === named ? ifNotice.named : pass(2);
    if (ifNotice.named || ifNotice.none) reading.ifNotice = ifNotice;
  }
  // A home page about one person without markup: judged by finalize, which falls back
  // to this page's company reading when the name does not read as a person's.
  if (
    homepage &&
    !site &&
    !blocked &&
    !primary &&
    // A contact page is its company's, unless the host spells the owner's name (a person's own site).
    (!legalPath || safe('title', () => personalSite(doc, meta, page), false)) &&
    !d.isArticle &&
    // A post's address dated by year and month ("/2023/05/my-trip/", blogs' permalinks) is an article's
    // where the theme writes no og:type: its title's name part is the blog's, not the page's subject.
    !/\/(?:19|20)\d\d\/[01]\d\//.test(page.pathname) &&
    // On an "about me" page the owner beats sidebar widgets read as cards ("GitHub Repos", "Latest Tweets").
    (aboutMe || (strongCards.length === 0 && kind !== 'people-list'))
  ) {
    const hp = safe(
      'title',
      () =>
        homepagePerson(
          doc,
          meta,
          page,
          weak.length < 2,
          d.authors.map((a) => a.fullName),
        ),
      null,
    );
    if (hp) {
      // The page as read without this person, should finalize reject the name (rare: one more walk).
      const {
        errors: _,
        fallback: __,
        ...without
      } = readPageUnsafe(doc, url, adapters, sites, false, notice, true, says);
      reading.fallback = without;
      d.primary = hp.person;
      kind = 'person';
      // On an "about me" page the cards it was read as a list of are no one's: their links are the owner's.
      if (aboutMe && strongCards.length) cardEls.clear();
      // Their profile card's contacts are theirs, wherever the page is (harvested below without it).
      const block = hp.heading ? profileBlock(hp.heading) : null;
      if (block) {
        safe('contact', () => readProfileBlock(hp.person, block, href), undefined);
        cardEls.add(block);
      }
    }
  }
  // Records found by structure alone make a people list unless the page is about one person
  // (finalize drops them when their names do not read as names, and then takes the page as
  // read without them: title-case labels such as "Private Browsing" must not hide a home
  // page's person or turn a product page into a company's).
  if (!site && !blocked && weak.length >= 2 && strongCards.length === 0 && !reading.fallback) {
    // Its own fallback (a home page's judged person) is kept: finalize walks the chain.
    // No home page's person from its headings, as above: a page of such records is rarely one person's.
    const { errors: _, ...without } = readPageUnsafe(doc, url, adapters, sites, false, notice, false, says);
    reading.fallback = without;
  }
  // One judged record is enough beside a list already found (a lone card, a card read again).
  if (!site && !blocked && kind !== 'person' && (weak.length >= 2 || (weak.length && strongCards.length >= 2))) {
    for (const p of weak) if (!listed.some((q) => samePerson(q, p))) listed.push(p);
    if (kind !== 'people-list' && listed.length >= 2) {
      // Should finalize find no names among them (recipes, forum posts), the page is about no one.
      if (kind === 'other' && !reading.fallback)
        reading.fallback = { url: pageHref, pageKind: 'other', people: [], company: null, hints: reading.hints };
      kind = 'people-list';
    }
  }

  if (kind === 'other' && !site) return reading;

  const owner = settleOwner(d, kind, doc, body, page, meta, siteCompany, legalNotice, safe);
  const person = owner.person;
  // 5. Contacts outside the cards, assigned to the page's person or its company.
  if (!site && body && kind !== 'other')
    readPageContacts(d, kind, owner, doc, body, page, href, cardEls, platform, relMe, countries, safe);

  const people = kind === 'person' ? (person ? [person] : []) : kind === 'people-list' ? listed : [];
  const co = d.company;
  // Whose company each listed person's is, and which part of their role line is their title, is
  // decided in finalize (lib/extract/affiliation.ts), which also judges the site's name.
  if (kind === 'people-list') reading.others = othersSigns(doc, meta, people);
  if (co && siteCompany && co !== siteCompany) co.siteNames = siteCompany.siteNames;
  // Legal mailboxes (privacy@, abuse@) are noise when people have their own addresses.
  if (co && people.some((p) => p.emails.length)) co.emails = co.emails.filter((e) => !isLegalMailbox(e));
  // A company page's people (a notice's representatives) are settled in finalize.
  if (owner.companyPage) reading.companyPage = owner.companyPage;
  reading.pageKind = kind;
  reading.people = people.slice(0, 1000);
  reading.company = co;
  return reading;
}
