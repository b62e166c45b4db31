import { classifyLink, type LinkKind } from '@/lib/normalize/links';
import { SITE_ADAPTERS } from '../sites';
import type { PageKind, SiteAdapter, SiteResult } from '../types';
import { footerOf, matchesSite, readSiteCompany, siteLabel } from './company';
import { type Contacts, harvest, isLegalMailbox, isRoleMailbox, textOf } from './contacts';
import { COUNTRY_WORDS } from './countries';
import {
  addList,
  clip,
  mergeEntity,
  nameKey,
  newCompany,
  newPerson,
  samePerson,
  setField,
  upsertPerson,
} from './entity';
import { readHCards, relMeLinks } from './hcard';
import { type MetaReading, readMeta } from './meta';
import { findPeopleCards } from './people-list';
import { splitRole } from './roles';
import { interpret, jsonLdNodes, microdataNodes, rdfaNodes, type SNode, type StructuredSource } from './structured';
import type { PageReading, RawCompany, RawPerson } from './types';

export type { PageReading, RawCompany, RawPerson } from './types';

/**
 * readPage runs INSIDE the web page (injected by entrypoints/extractor.ts): it reads
 * the DOM layer by layer and returns plain data. It imports no zod, tldts or
 * libphonenumber so the injected bundle stays small; finalize() (in the extension)
 * normalises phones, domains and links and validates the result.
 */

const PERSON_LINKS = new Set<LinkKind>([
  'linkedin-person',
  'github',
  'x',
  'crunchbase-person',
  'wellfound-person',
  'mastodon',
  'bluesky',
  'instagram',
  'facebook',
  'youtube',
]);
const COMPANY_LINKS = new Set<LinkKind>([
  'linkedin-company',
  'github',
  'x',
  'crunchbase-organization',
  'wellfound-company',
  'mastodon',
  'bluesky',
  'instagram',
  'facebook',
  'youtube',
]);

// Search engines: their result pages mention people but are not about one.
const SEARCH_HOST =
  /(^|\.)(google|bing|duckduckgo|yahoo|yandex|baidu|ecosia|qwant|startpage|kagi|naver|seznam|search\.brave)\.[a-z.]+$/;
const ERROR_TITLE =
  /\b(404|410)\b|not found|page introuvable|nicht gefunden|no encontrada|non trovata|niet gevonden|見つかりません|存在しません|access denied|zugriff verweigert/i;

const EMPTY_META: MetaReading = {
  title: '',
  ogTitle: '',
  ogType: '',
  siteName: '',
  description: '',
  image: '',
  author: '',
  firstName: '',
  lastName: '',
  canonical: '',
  twitterSite: '',
  twitterCreator: '',
  lang: '',
  published: '',
  titleParts: [],
};

/** Reads the page: structured data, meta, site adapters, people lists, contacts, company. Never throws. */
export function readPage(doc: Document, url: URL | string, adapters: SiteAdapter[] = SITE_ADAPTERS): PageReading {
  try {
    return readPageUnsafe(doc, url, adapters);
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

function readPageUnsafe(doc: Document, url: URL | string, adapters: SiteAdapter[]): PageReading {
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
  let primary = null as RawPerson | null;
  const listed: RawPerson[] = [];
  let company = null as RawCompany | null;
  let isArticle = meta.ogType === 'article' && meta.published !== '';
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
    isArticle ||= r.isArticle;
    isProfile ||= r.isProfilePage;
    if (r.primary) {
      takePrimary(r.primary);
      if (r.isProfilePage) strongPrimary = true;
    }
    for (const p of r.people) upsertPerson(listed, p);
    takeCompany(r.company);
    countries.push(...r.countries);
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
    addList(
      person,
      'links',
      safe('rel-me', () => relMeLinks(doc, href), []),
      'h-card',
    );
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
  const cards = site || !body ? [] : safe('people-list', () => findPeopleCards(doc, href), []);
  const cardEls = new Set(cards.map((c) => c.el));
  const weak: RawPerson[] = [];
  for (const c of cards) {
    if (c.weak) weak.push({ ...c.person, judge: c.weak });
    else upsertPerson(listed, c.person);
  }
  const strongCards = cards.filter((c) => !c.weak);
  // A portfolio with no markup: the one LinkedIn profile it links to spells a name that the title shows.
  if (!primary && !isArticle && !site && strongCards.length === 0) {
    const p = safe('title', () => nameFromProfileLink(doc, meta, href), null);
    if (p) {
      addList(p, 'links', relMe, 'h-card');
      takePrimary(p);
    }
  }

  // 6. Company from the page itself (site identity).
  const siteCompany = site ? null : safe('company', () => readSiteCompany(doc, page, meta), null);

  // Pages about no prospect.
  const hasPeople = strongCards.length > 0 || strongPrimary;
  const blocked = !site && safe('other', () => isOtherPage(doc, page, meta, isArticle, isProfile, hasPeople), false);

  let kind: PageKind;
  if (site?.pageKind) kind = site.pageKind;
  else if (blocked) kind = 'other';
  else if (primary && (strongPrimary || isProfile)) kind = 'person';
  else if (listed.length >= 2 || (listed.length === 1 && !primary)) kind = 'people-list';
  else if (primary) kind = 'person';
  else if (company || siteCompany) kind = 'company';
  else kind = 'other';
  // Records found by structure alone make a people list unless the page is about one person
  // (finalize drops them, and falls back to the company, when their names do not read as names).
  if (!site && !blocked && kind !== 'person' && weak.length >= 2) {
    for (const p of weak) if (!listed.some((q) => samePerson(q, p))) listed.push(p);
    if (kind !== 'people-list' && listed.length >= 2) kind = 'people-list';
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
  if (person && !company && person.companyName) {
    company = newCompany(person.companyName, person.sources.companyName ?? 'page');
  }
  const squash = (s: string) => nameKey(s).replace(/ /g, '');
  if (company && person && squash((company as RawCompany).name) === squash(person.fullName)) company = null;
  if (siteNoCompany) company = null;

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
    // A personal site: the domain spells the person's name (janedoe.dev, brandtstudio.design).
    const label = siteLabel(page.hostname);
    const personalSite =
      !!person &&
      nameKey(person.fullName)
        .split(' ')
        .some((part) => part.length >= 3 && label.includes(part));
    if (contacts) assignContacts(contacts, kind, person, listed, company, relMe, siteIsCompany, personalSite);
    if (!countries.length) {
      const footer = footerOf(doc) ?? doc.querySelector('address');
      const text = footer ? textOf(footer, 10_000) : '';
      for (const [re, code] of COUNTRY_WORDS) if (re.test(text)) countries.push(code);
    }
  }

  const people = kind === 'person' ? (person ? [person] : []) : kind === 'people-list' ? listed : [];
  const co = company as RawCompany | null;
  if (kind === 'people-list') {
    // Issue 17: a listed person's company comes from their own record; the page's organisation
    // is theirs only on its own team page, not on a speakers or authors page of other people.
    const others = listsOthers(doc, page, meta, people);
    for (const p of people) {
      if (p.sources.title !== 'people-list' || !p.title || p.companyName) continue;
      const parts = splitRole(p.title, others);
      if (!parts.company) continue;
      p.title = parts.title;
      setField(p, 'companyName', parts.company, 'people-list');
    }
    if (co && !others)
      for (const p of people) if (!p.companyName) setField(p, 'companyName', co.name, co.sources.name ?? 'page');
  }
  // Legal mailboxes (privacy@, abuse@) are noise when people have their own addresses.
  if (co && people.some((p) => p.emails.length)) co.emails = co.emails.filter((e) => !isLegalMailbox(e));
  reading.pageKind = kind;
  reading.people = people.slice(0, 1000);
  reading.company = co;
  return reading;
}

// Pages that list people of other organisations: speakers, juries, programme committees, authors.
const OTHERS_PAGE =
  /speaker|sprecher|referent|intervenant|ponente|relator|spreker|keynote|jury|judges|juroren|programme|program-committee|authors|autoren|auteurs|autores|contributors/i;

/** True when the listed people belong to other organisations than the page's (speakers, authors). */
function listsOthers(doc: Document, page: URL, meta: MetaReading, people: RawPerson[]): boolean {
  const heading = clip(doc.querySelector('h1')?.textContent ?? '', 200);
  if (OTHERS_PAGE.test(page.pathname) || OTHERS_PAGE.test(meta.title) || OTHERS_PAGE.test(heading)) return true;
  // Most role lines name an employer ("Engineer at Adyen"): the people come from elsewhere.
  const affiliated = people.filter((p) => p.sources.title === 'people-list' && splitRole(p.title ?? '', false).company);
  return affiliated.length >= 2 && affiliated.length * 5 >= people.length * 2;
}

/** Fills missing sources of an adapter's entity with "site:<name>" and caps its values. */
function withSources<T extends RawPerson | RawCompany>(entity: T, source: string): T | null {
  if (!entity || typeof entity !== 'object') return null;
  const name = 'fullName' in entity ? entity.fullName : (entity as RawCompany).name;
  if (typeof name !== 'string' || !clip(name)) return null;
  const out = {
    ...entity,
    emails: [...(entity.emails ?? [])],
    phones: [...(entity.phones ?? [])],
    links: [...(entity.links ?? [])],
  };
  out.sources = { ...(entity.sources ?? {}) };
  for (const [k, v] of Object.entries(out)) {
    if (k !== 'sources' && v !== undefined && (typeof v === 'string' || (Array.isArray(v) && v.length)))
      out.sources[k] ??= source;
  }
  return out;
}

/** Page-level contacts: a person page's own go to the person, role mailboxes and the rest to the company. */
function assignContacts(
  c: Contacts,
  kind: PageKind,
  person: RawPerson | null,
  listed: RawPerson[],
  company: RawCompany | null,
  relMeLinks: string[],
  siteIsCompany: boolean,
  personalSite: boolean,
): void {
  const owned = new Set<string>();
  for (const p of person ? [person, ...listed] : listed) for (const e of p.emails) owned.add(e);
  for (const email of c.emails) {
    if (owned.has(email)) continue;
    // privacy@ and abuse@ are the site's legal mailboxes, never a person's.
    if (isLegalMailbox(email)) {
      if (company && kind !== 'person') addList(company, 'emails', [email], 'contact');
      continue;
    }
    // On a person's page, a role mailbox belongs to the company only when it is on the company's domain.
    const companyMailbox = isRoleMailbox(email) && !!company?.website?.includes(email.slice(email.indexOf('@') + 1));
    if (kind === 'person' && person && siteIsCompany) {
      // A bio page on the firm's own site: footer addresses are the firm's, other people's are nobody's here.
      if (matchByLocalPart(email, [person])) addList(person, 'emails', [email], 'contact');
      else if (isRoleMailbox(email) && company) addList(company, 'emails', [email], 'contact');
    } else if (kind === 'person' && person && !personalSite) {
      // A profile on someone else's site (event, directory): only an address that spells the person's name is theirs.
      if (matchByLocalPart(email, [person])) addList(person, 'emails', [email], 'contact');
    } else if (kind === 'person' && person && !companyMailbox) addList(person, 'emails', [email], 'contact');
    else if (kind === 'people-list' && !isRoleMailbox(email) && matchByLocalPart(email, listed))
      addList(matchByLocalPart(email, listed) as RawPerson, 'emails', [email], 'contact');
    else if (company) addList(company, 'emails', [email], 'contact');
  }
  // Page-level phones and links on a person's page are theirs only on their own site (or marked rel="me").
  const relMeCount = relMeLinks.length;
  const target = kind !== 'person' ? company : siteIsCompany ? company : personalSite || relMeCount ? person : null;
  if (target) {
    // A number a person on the page already has is theirs, not the page's.
    const digits = (s: string) => s.replace(/\D/g, '').slice(-9);
    const taken = new Set<string>();
    for (const p of person ? [person, ...listed] : listed)
      for (const ph of [...p.phones, ...(p.textPhones ?? [])]) taken.add(digits(ph));
    const free = (list: string[]) => (target === person ? list : list.filter((ph) => !taken.has(digits(ph))));
    addList(target, 'phones', free(c.phones), 'contact');
    addList(target, 'textPhones', free(c.textPhones), 'contact');
    const allowed = target === person ? PERSON_LINKS : COMPANY_LINKS;
    // rel="me" marks the owner's profiles; else one link per network (blog posts link to others).
    const relMe = new Set(relMeLinks.map((l) => classifyLink(l)?.url));
    const seen = new Set<LinkKind>(
      target.links.map((l) => classifyLink(l)?.kind).filter((k): k is LinkKind => k !== undefined),
    );
    for (const link of c.links) {
      if (!allowed.has(link.kind)) continue;
      if (relMe.size && kind === 'person' && !relMe.has(link.url)) continue;
      if (seen.has(link.kind) && !relMe.has(link.url)) continue;
      seen.add(link.kind);
      addList(target, 'links', [link.url], 'contact');
    }
  }
}

/** True when a website URL is on the same site as the page (www. ignored). */
function sameSite(website: string, page: URL): boolean {
  try {
    return new URL(website).hostname.replace(/^www\./, '') === page.hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
}

/** The listed person whose name the address spells (jane.doe@, jdoe@, jane@), if exactly one. */
function matchByLocalPart(email: string, people: RawPerson[]): RawPerson | null {
  const local = email.split('@')[0]?.replace(/[^a-z]/g, '') ?? '';
  if (local.length < 3) return null;
  const hits = people.filter((p) => {
    const parts = nameKey(p.fullName).split(' ');
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    return (
      local === first + last ||
      local === first ||
      local === `${first[0] ?? ''}${last}` ||
      local === `${first}${last[0] ?? ''}` ||
      (last.length > 2 && local === last)
    );
  });
  return hits.length === 1 ? (hits[0] as RawPerson) : null;
}

/** "Portfolio Niels Lubberman" + linkedin.com/pub/niels-lubberman/... → Niels Lubberman, when exactly one profile is linked. */
function nameFromProfileLink(doc: Document, meta: MetaReading, base: string): RawPerson | null {
  const links = new Set<string>();
  const anchors = doc.querySelectorAll('a[href*="linkedin.com/in/"], a[href*="linkedin.com/pub/"]');
  for (let i = 0; i < anchors.length && i < 20; i++) {
    const c = classifyLink(anchors[i]?.getAttribute('href') ?? '', base);
    if (c?.kind === 'linkedin-person') links.add(c.url);
  }
  if (links.size !== 1) return null;
  const url = [...links][0] as string;
  const words = decodeURIComponent(url.split('/in/')[1] ?? '')
    .split(/[-_]/)
    .filter((w) => /^\p{L}{2,}$/u.test(w));
  if (words.length < 2) return null;
  const heading = clip(doc.querySelector('h1')?.textContent ?? '', 200);
  for (const text of [meta.title, heading]) {
    const tokens = text.split(/\s+/);
    for (let i = 0; i + words.length <= tokens.length; i++) {
      const slice = tokens.slice(i, i + words.length);
      if (slice.every((t, j) => nameKey(t) === nameKey(words[j] as string))) {
        const p = newPerson(slice.join(' '), 'title');
        if (p) addList(p, 'links', [url], 'contact');
        return p;
      }
    }
  }
  return null;
}

/** Search results, error pages, login walls and articles: pages about no prospect. */
function isOtherPage(
  doc: Document,
  url: URL,
  meta: MetaReading,
  isArticle: boolean,
  isProfile: boolean,
  hasPeople: boolean,
): boolean {
  if (SEARCH_HOST.test(url.hostname) && (/search|^\/$|\/web/.test(url.pathname) || url.searchParams.has('q')))
    return true;
  if (/\/search\/?$/.test(url.pathname) && ['q', 'query', 'search', 'text', 'p'].some((k) => url.searchParams.has(k)))
    return true;
  const h1 = clip(doc.querySelector('h1')?.textContent ?? '', 200);
  if (ERROR_TITLE.test(meta.title) || ERROR_TITLE.test(h1)) return true;
  const body = doc.body;
  // A short page around a password field is a login wall, unless it plainly shows people (a header login box).
  if (!hasPeople && body && doc.querySelector('input[type="password"]') && textOf(body, 6000).length < 5000)
    return true;
  if (isArticle && !isProfile) return true;
  return false;
}
