import { countriesIn } from '@/lib/normalize/countries';
import { isLegalMailbox } from '@/lib/normalize/mailboxes';
import type { PageKind, SiteAdapter, SiteResult } from '../types';
import { assignContacts, sameSite } from './assign';
import { describedAuthor } from './author';
import { peopleCardsOnce } from './cards-once';
import { footerOf, matchesSite, readSiteCompany, siteLabel } from './company';
import { readCompanyPage } from './company-page';
import { harvest, textOf } from './contacts';
import {
  addList,
  mergeEntity,
  nameKey,
  newCompany,
  newPerson,
  samePerson,
  setField,
  upsertPerson,
  withSources,
} from './entity';
import { readHCards, relMeLinks } from './hcard';
import {
  companyPath,
  FIRST_PERSON_PATH,
  headingRole,
  homepagePerson,
  isOtherPage,
  listsOthers,
  namedRole,
  nameFromProfileLink,
  ownBusiness,
  selfDescribed,
  sentenceLike,
} from './kind';
import { readLegalNotice } from './legal';
import { clearMemos } from './memo';
import { EMPTY_META, headingHints, readMeta } from './meta';
import { memberName, platformAccount, platformMailbox, platformOf } from './platform';
import { isOwnSite, personPageCompany, profileBlock, readOwnSite, readProfileBlock, siteEmployer } from './profile';
import { ROLE_WORDS, splitRole } from './roles';
import { interpret, jsonLdNodes, microdataNodes, rdfaNodes, type SNode, type StructuredSource } from './structured';
import type { PageReading, RawCompany, RawPerson } from './types';

/**
 * readPage runs INSIDE the web page (injected by entrypoints/extractor.ts, or
 * extractor-sites.ts on a site an adapter serves): it reads
 * the DOM layer by layer and returns plain data. It imports no zod, tldts or
 * libphonenumber so the injected bundle stays small; finalize() (in the extension)
 * normalises phones, domains and links and validates the result.
 */

/**
 * Reads the page: structured data, meta, the given site adapters, people lists, contacts,
 * company. Never throws. Takes its adapters as an argument, and imports none, so that the
 * script injected into ordinary pages carries no site adapter (entrypoints/extractor.ts).
 */
export function readPageWith(doc: Document, url: URL | string, adapters: SiteAdapter[]): PageReading {
  clearMemos();
  try {
    return readPageUnsafe(doc, url, adapters, true);
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

function readPageUnsafe(
  doc: Document,
  url: URL | string,
  adapters: SiteAdapter[],
  homepage: boolean,
  weakToo = true,
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
  let primary = null as RawPerson | null;
  const listed: RawPerson[] = [];
  let company = null as RawCompany | null;
  // An "about me" page is its owner's, even where the theme marks every page an article (Hugo PaperMod).
  const aboutMe = FIRST_PERSON_PATH.test(page.pathname);
  let isArticle = meta.ogType === 'article' && meta.published !== '' && !aboutMe;
  const authors: RawPerson[] = [];
  let isProfile = meta.ogType === 'profile';
  let strongPrimary = false; // named as the page's main entity (ProfilePage, h-card, adapter)
  const countries = reading.hints.countries;

  const takePrimary = (p: RawPerson) => {
    if (!primary) primary = p;
    else if (samePerson(primary, p)) mergeEntity(primary, p);
    else upsertPerson(listed, p);
  };
  const takeCompany = (c: RawCompany | null) => {
    if (!c) return;
    if (!company) company = c;
    else if (nameKey(company.name) === nameKey(c.name)) mergeEntity(company, c);
  };

  // 1. Structured data.
  const syntaxes: [StructuredSource, (d: Document) => SNode[]][] = [
    ['json-ld', jsonLdNodes],
    ['microdata', microdataNodes],
    ['rdfa', rdfaNodes],
  ];
  for (const [source, nodes] of syntaxes) {
    const r = safe(source, () => interpret(nodes(doc), source, href), null);
    if (!r) continue;
    // Some themes mark every page an Article: on an "about me" page it is the owner's, not a post.
    isArticle ||= r.isArticle && !FIRST_PERSON_PATH.test(page.pathname);
    authors.push(...r.authors);
    isProfile ||= r.isProfilePage;
    if (r.primary) {
      takePrimary(r.primary);
      if (r.isProfilePage) strongPrimary = true;
    }
    for (const p of r.people) upsertPerson(listed, p);
    takeCompany(r.company);
    countries.push(...r.countries);
  }
  // A one-person business (a freelancer's ProfessionalService, a doctor's practice) named after
  // its founder: the site is the person's, and the business's name after theirs is their role.
  if (!primary && listed.length === 1 && company && ownBusiness((company as RawCompany).name, listed[0] as RawPerson)) {
    const own = listed.pop() as RawPerson;
    const rest = (company as RawCompany).name.split(/\s[–—|-]\s/)[1] ?? '';
    if (rest && rest.length <= 80) {
      delete own.title;
      setField(own, 'title', rest, own.sources.fullName ?? 'page');
    }
    takePrimary(own);
    strongPrimary = true;
  }
  // "Über mich", "chi sono", "about me": the one person the page's markup names is its subject.
  if (!primary && listed.length === 1 && FIRST_PERSON_PATH.test(page.pathname)) takePrimary(listed.pop() as RawPerson);
  // An article whose author is described (role, employer, profile) is about that author.
  const author =
    isArticle && !primary ? safe('author', () => describedAuthor(doc, href, meta, page, authors), null) : null;
  if (author) {
    takePrimary(author);
    [isArticle, strongPrimary] = [false, true];
  }
  const h = safe('h-card', () => readHCards(doc, href), null);
  if (h) {
    if (h.people.length === 1) {
      takePrimary(h.people[0] as RawPerson);
      strongPrimary = true;
    } else for (const p of h.people) upsertPerson(listed, p);
    takeCompany(h.company);
    countries.push(...h.countries);
  }

  // 2. Meta: a profile page names its person in og tags and the title.
  if (isProfile || meta.firstName) {
    const name = [meta.firstName, meta.lastName].filter(Boolean).join(' ') || meta.titleParts[0] || '';
    const p = newPerson(name, 'meta');
    if (p) {
      setField(p, 'photoUrl', meta.image, 'meta');
      takePrimary(p);
    }
  }
  if (primary) {
    const person = primary as RawPerson;
    const parts = meta.titleParts;
    if (parts.length >= 3 && nameKey(parts[0] as string) === nameKey(person.fullName)) {
      // "Name - Title - Company | Site" (LinkedIn-style titles, many CMS profile pages).
      setField(person, 'title', parts[1], 'title');
      if (parts.length >= 4) setField(person, 'companyName', parts[2], 'title');
    }
    addList(person, 'links', relMe, 'h-card');
  }

  // 3. Site adapters: the first matching one that returns something owns the page's layout.
  let site: SiteResult | null = null;
  let siteName = '';
  let siteNoCompany = false; // the adapter said "this page is about no company" (company: null)
  for (const adapter of adapters) {
    if (!safe(`site:${adapter.name}`, () => adapter.matches(page), false)) continue;
    const result = safe(`site:${adapter.name}`, () => adapter.extract(doc, page), null);
    if (!result) continue;
    site = result;
    siteName = `site:${adapter.name}`;
    const people = (result.people ?? []).map((p) => withSources(p, siteName)).filter(Boolean) as RawPerson[];
    if (people.length === 1 && result.pageKind !== 'people-list') {
      // The adapter knows who the page is about: its person replaces a different generic guess.
      const own = people[0] as RawPerson;
      if (primary && !samePerson(primary, own)) primary = own;
      else takePrimary(own);
      // An adapter's explicit empty value means "none" (e.g. LinkedIn's grey placeholder photo in JSON-LD).
      const raw = result.people?.[0] as unknown as Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(raw ?? {})) {
        if (v === '' && primary) {
          delete (primary as unknown as Record<string, unknown>)[k];
          delete primary.sources[k];
        }
      }
      strongPrimary = true;
    } else for (const p of people) upsertPerson(listed, p);
    siteNoCompany = result.company === null;
    if (result.company) {
      const c = withSources(result.company, siteName) as RawCompany | null;
      if (c && company && nameKey(company.name) !== nameKey(c.name)) company = mergeEntity(c, company);
      else takeCompany(c);
    }
    break;
  }

  const body = doc.body ?? doc.documentElement;
  // 4. People lists (generic sites only: an adapter knows its site's lists).
  const cards = site || !body ? [] : safe('people-list', () => peopleCardsOnce(doc, href), []);
  const cardEls = new Set(cards.flatMap((c) => (c.also ? [c.el, ...c.also] : [c.el])));
  const weak: RawPerson[] = [];
  for (const c of cards) {
    if (!c.weak) upsertPerson(listed, c.person);
    else if (weakToo) weak.push({ ...c.person, judge: c.weak });
  }
  const strongCards = cards.filter((c) => !c.weak);
  // A portfolio with no markup: the one LinkedIn profile it links to spells a name that the title shows.
  if (!primary && !isArticle && !site && strongCards.length === 0) {
    const p = safe('title', () => nameFromProfileLink(doc, meta, href), null);
    if (p) {
      safe('title', () => headingRole(doc, p), undefined);
      addList(p, 'links', relMe, 'h-card');
      takePrimary(p);
    }
  }

  // 6. Company from the page itself (site identity). A platform that hosts the page's member
  // (Dribbble, Bluesky, Mastodon) is never its company: the member is, unless a person (judged below).
  const platform = site ? '' : safe('platform', () => platformOf(page, meta), '');
  const siteCompany = site || platform ? null : safe('company', () => readSiteCompany(doc, page, meta), null);
  if (platform && !primary && !company) company = newCompany(memberName(meta, platform), 'title');

  // Pages about no prospect.
  const hasPeople = strongCards.length > 0 || strongPrimary;
  // CMS and static-site generators mark every page an article (og:type, JSON-LD): one that holds a
  // list of people's cards (not names alone: a news story names people too) is a people list.
  const cardList = new Set(strongCards.map((c) => c.person.fullName)).size >= 2;
  const blocked =
    !site && safe('other', () => isOtherPage(doc, page, meta, isArticle && !cardList, isProfile, hasPeople), false);

  // A legal notice or contact page names the legal entity, its town and its representatives.
  const legalPath = /impressum|imprint|mentions|aviso|legal|legali|kontakt|contact|contatt/i.test(page.pathname);
  let legal: ReturnType<typeof readLegalNotice> | undefined;
  const legalNotice = () => (legal ??= body ? safe('legal', () => readLegalNotice(body, legalPath), null) : null);

  let kind: PageKind;
  if (site?.pageKind) kind = site.pageKind;
  else if (blocked) kind = 'other';
  else if (primary && (strongPrimary || isProfile)) kind = 'person';
  // One person named beside the organisation on its legal notice (a JSON-LD founder) is its representative.
  else if (listed.length >= 2 || (listed.length === 1 && !primary && !(legalPath && company))) kind = 'people-list';
  else if (primary) kind = 'person';
  else if ((company || siteCompany) && companyPath(page)) kind = 'company';
  // A bare notice (no title, logo or copyright line) is still its company's page.
  else if (!site && !blocked && legalPath && (legalNotice()?.companyName || legalNotice()?.people.length))
    kind = 'company';
  else kind = 'other';
  // A home page about one person without markup: judged by finalize, which falls back
  // to this page's company reading when the name does not read as a person's.
  if (
    homepage &&
    !site &&
    !blocked &&
    !primary &&
    !legalPath &&
    !isArticle &&
    // On an "about me" page the owner beats sidebar widgets read as cards ("GitHub Repos", "Latest Tweets").
    (aboutMe || (strongCards.length === 0 && kind !== 'people-list'))
  ) {
    const hp = safe('title', () => homepagePerson(doc, meta, page, weak.length < 2), null);
    if (hp) {
      // The page as read without this person, should finalize reject the name (rare: one more walk).
      const { errors: _, fallback: __, ...without } = readPageUnsafe(doc, url, adapters, false);
      reading.fallback = without;
      primary = hp.person;
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
    const { errors: _, ...without } = readPageUnsafe(doc, url, adapters, false, false);
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

  // The company: structured data first, else the site's identity. On a person's page the
  // site is theirs, so only their employer (worksFor, org) becomes the company.
  if (kind !== 'person' && siteCompany) {
    if (!company) company = siteCompany;
    else if (!(company as RawCompany).website && nameKey((company as RawCompany).name) === nameKey(siteCompany.name))
      mergeEntity(company as RawCompany, siteCompany);
  }
  // Structured data often names the organisation without its URL: it is this site's when the name matches the domain.
  if (company && !company.website && kind !== 'person' && matchesSite(company.name, siteLabel(page.hostname)))
    setField(company, 'website', page.origin, 'url');
  const person = kind === 'person' ? (primary ?? listed[0] ?? null) : null;
  const ownSite = !!person && !site && isOwnSite(person, doc, page, meta);
  // A structured employer whose name the domain spells (a practice's own site) owns the page,
  // even when its footer names the person: "Verhaltenstherapie Praxis Köln" on verhaltenstherapie-praxis.koeln.
  const co0 = company as RawCompany | null;
  const siteOwner =
    !!co0 && !!person && matchesSite(co0.name, siteLabel(page.hostname)) && !ownBusiness(co0.name, person);
  if (person) company = personPageCompany(person, company, (ownSite && !siteOwner) || person === author);
  if (person && !site) company = siteEmployer(person, company, siteCompany, meta, page, doc);
  // Markup that names a person often omits their role, which their bio's first sentence gives
  // (an employer named in passing is the person's, not the page's company).
  if (person && !site && !person.title) {
    // A platform profile's short bio is often only the role ("Writer", "Founder @Acme", "Designer | Studio").
    const short = meta.description.length <= 80 && !sentenceLike(meta.description);
    const bio = isProfile && short && ROLE_WORDS.test(meta.description) ? meta.description : '';
    const named = bio ? '' : safe('title', () => namedRole(doc, meta, person.fullName), '');
    const role = named
      ? { title: named }
      : safe('title', () => splitRole(bio || selfDescribed(doc), true), { title: '' as string, company: undefined });
    setField(person, 'title', role.title, 'title');
    if (role.company) setField(person, 'companyName', role.company, 'title');
  }
  // A bio sentence is no title, whatever gave it (a JSON-LD jobTitle, a line under the name): abstain.
  if (person?.title && sentenceLike(person.title)) {
    delete person.title;
    delete person.sources.title;
  }
  if (company && person && ownBusiness((company as RawCompany).name, person)) {
    // The business is the person: its contacts are theirs.
    addList(person, 'emails', (company as RawCompany).emails, (company as RawCompany).sources.emails ?? 'page');
    addList(person, 'phones', (company as RawCompany).phones, (company as RawCompany).sources.phones ?? 'page');
    company = null;
  }
  if (person?.companyName && ownBusiness(person.companyName, person)) {
    delete person.companyName;
    delete person.sources.companyName;
  }
  if (siteNoCompany) company = null;
  // A legal notice, an address block or the page's text name the company's legal name, town and people.
  const own = kind === 'company' || (kind === 'person' && !!company?.website && sameSite(company.website, page));
  const fromPage =
    !site && body ? safe('legal', () => readCompanyPage(doc, body, page, kind, own, company, legalNotice), null) : null;
  if (fromPage) company = fromPage.company;
  // A described author's page is about them: the publisher is not their company, nor a prospect.
  if (author && person === author) company = null;
  const legalPeople = fromPage?.people ?? [];
  const contactsDecoy = fromPage?.decoy ?? null;

  // 5. Contacts outside the cards, assigned to the page's person or its company.
  if (!site && body && kind !== 'other') {
    // Anchors inside cards belong to their people: collected once, so each page anchor is one lookup.
    const cardAnchors = new Set<Element>();
    for (const el of cardEls)
      for (const a of Array.from(el.querySelectorAll('a[href], [data-cfemail]'))) cardAnchors.add(a);
    const inCard = (el: Element) => cardAnchors.has(el);
    // Card text is included: card emails and phones are already their people's and are skipped below.
    const pageText = textOf(body, 400_000);
    const contacts = safe('contact', () => harvest(body, href, inCard, pageText), null);
    const siteIsCompany = !!company?.website && sameSite(company.website, page);
    const personalSite = ownSite;
    if (person && ownSite) safe('contact', () => readOwnSite(doc, person, !!company, contacts, href), undefined);
    // The platform's own accounts and mailboxes in its chrome (instagram.com/dribbble, support@dribbble.com) are not the member's.
    if (contacts && platform) {
      contacts.links = contacts.links.filter((l) => !platformAccount(l.url, platform));
      contacts.emails = contacts.emails.filter((e) => !platformMailbox(e, page));
    }
    if (contacts && contactsDecoy) {
      const keep = (v: string) => !(contactsDecoy as (v: string) => boolean)(v);
      contacts.emails = contacts.emails.filter(keep);
      contacts.phones = contacts.phones.filter(keep);
      contacts.textPhones = contacts.textPhones.filter(keep);
    }
    if (contacts) assignContacts(contacts, kind, person, listed, company, relMe, siteIsCompany, personalSite);
    // A staff profile's footer mailbox is the organisation's (info.studio@gmail.com is no role word).
    const foot = kind === 'person' && siteIsCompany && company ? footerOf(doc) : null;
    if (foot) addList(company as RawCompany, 'emails', harvest(foot, href).emails, 'contact');
    if (!countries.length) {
      const footer = footerOf(doc) ?? doc.querySelector('address');
      const text = footer ? textOf(footer, 10_000) : '';
      countries.push(...countriesIn(text));
    }
  }

  const people =
    kind === 'person'
      ? person
        ? [person]
        : []
      : kind === 'people-list'
        ? listed
        : kind === 'company'
          ? legalPeople
          : [];
  const co = company as RawCompany | null;
  // Whose company each listed person's is, and which part of their role line is their title, is
  // decided in finalize (lib/extract/affiliation.ts), which also judges the site's name.
  if (kind === 'people-list') reading.listsOthers = listsOthers(doc, page, meta, people);
  if (co && siteCompany && co !== siteCompany) co.siteNames = siteCompany.siteNames;
  // Legal mailboxes (privacy@, abuse@) are noise when people have their own addresses.
  if (co && people.some((p) => p.emails.length)) co.emails = co.emails.filter((e) => !isLegalMailbox(e));
  reading.pageKind = kind;
  reading.people = people.slice(0, 1000);
  reading.company = co;
  return reading;
}
