/**
 * Wellfound (formerly AngelList Talent) profiles: people at wellfound.com/u/<slug> (and the old
 * angel.co/u/<slug>, /p/<slug>), companies at wellfound.com/company/<slug>, and a company's team
 * at /company/<slug>/people.
 *
 * Layouts served:
 * - the Next.js app (2022-2025): <script id="__NEXT_DATA__"> holds props.pageProps.apolloState.data,
 *   a normalised Apollo cache ("Startup:123", "User:456", "LocationTagging:1"… with {__ref} links).
 *   The adapter finds the node whose slug is the page's slug and follows refs. Key names differ
 *   between app versions (companyUrl/websiteUrl, highConcept/tagline…), so each field lists its
 *   known spellings.
 * - the rendered page when the cache is absent: the h1, location and market links
 *   (a[href^="/location/"], a[href^="/market/"]), outbound social links inside <main>, and the team
 *   page's member cards (a[href^="/u/"] with a name and a role beside it).
 * The site footer's own social links and "similar companies" are not read.
 */
import { normalizeEmail } from '@/lib/normalize/email';
import { canonicalWebsite, classifyLink } from '@/lib/normalize/links';
import type { Person, SiteAdapter, SiteResult } from '../types';
import {
  absUrl,
  addUnique,
  all,
  isObject,
  meta,
  newCompany,
  newPerson,
  parseJson,
  pick,
  pickText,
  put,
  str,
  text,
} from './dom';

const NAME = 'wellfound-profile';
const SOURCE = `site:${NAME}`;
const MAX_NODES = 5000;

type Node = Record<string, unknown>;

/** The __NEXT_DATA__ object, or null. */
function nextData(doc: Document): unknown {
  return parseJson(pick(doc, ['script#__NEXT_DATA__'])?.textContent);
}

/** True on Next.js error pages ("/404", "/_error"): a not-found profile still has an h1. */
function isErrorPage(data: unknown): boolean {
  return isObject(data) && typeof data.page === 'string' && /^\/(404|500|_error)$/.test(data.page);
}

/** The Apollo cache of __NEXT_DATA__ (props.pageProps.apolloState.data or .apolloState), or null. */
function apolloCache(data: unknown): Record<string, Node> | null {
  const pageProps =
    isObject(data) && isObject(data.props) && isObject(data.props.pageProps) ? data.props.pageProps : null;
  const state = pageProps && isObject(pageProps.apolloState) ? pageProps.apolloState : null;
  const cache = state && isObject(state.data) ? state.data : state;
  return cache ? (cache as Record<string, Node>) : null;
}

/** Follows an Apollo {__ref: "Type:id"} link (one hop; values that are not refs come back as they are). */
function deref(cache: Record<string, Node>, value: unknown): unknown {
  if (isObject(value) && typeof value.__ref === 'string') {
    // Own keys only: a "__proto__"/"constructor" ref must not reach Object.prototype.
    return Object.hasOwn(cache, value.__ref) ? (cache[value.__ref] ?? null) : null;
  }
  return value;
}

/** The first non-empty value among a node's known key spellings, refs followed. */
function field(cache: Record<string, Node>, node: Node | null, keys: string[]): unknown {
  if (!node) return undefined;
  for (const key of keys) {
    if (!Object.hasOwn(node, key)) continue;
    const value = deref(cache, node[key]);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** Display names of a list of tagging refs ("LocationTagging:…" → "Berlin"). */
function names(cache: Record<string, Node>, value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .map((item) => deref(cache, item))
    .map((item) => (isObject(item) ? str(item.displayName ?? item.display_name ?? item.name) : str(item)))
    .filter(Boolean);
}

/** The cache node of a type ("Startup", "User") whose slug is the page's. */
function nodeFor(cache: Record<string, Node>, types: string[], slug: string): Node | null {
  let fallback: Node | null = null;
  for (const [key, node] of Object.entries(cache).slice(0, MAX_NODES)) {
    const type = str(node.__typename) || key.split(':')[0] || '';
    if (!types.includes(type)) continue;
    if (str(node.slug).toLowerCase() === slug.toLowerCase()) return node;
    fallback ??= node;
  }
  return fallback;
}

/** "SIZE_11_50" / "11-50" / "11-50 people" → "11-50"; "SIZE_5001_PLUS" → "5001+". */
function sizeOf(raw: string): string {
  const match = /(?<!\d)(\d+)\D+(\d+|plus)\b/i.exec(raw);
  if (!match) return '';
  return /plus/i.test(match[2] ?? '') ? `${match[1]}+` : `${match[1]}-${match[2]}`;
}

/** An outbound website (not Wellfound, not a social profile), canonical. */
function websiteOf(raw: string, base: URL): string {
  const abs = absUrl(raw, base);
  if (!abs || /(^|\.)(wellfound\.com|angel\.co)$/.test(new URL(abs).hostname)) return '';
  return classifyLink(abs)?.kind === 'website' ? canonicalWebsite(new URL(abs)) : '';
}

const SOCIAL_KEYS = [
  'linkedInUrl',
  'linkedin_url',
  'twitterUrl',
  'twitter_url',
  'githubUrl',
  'github_url',
  'facebookUrl',
];

// Profile links that name a person: never a company's links.
const PERSON_KINDS = new Set(['linkedin-person', 'wellfound-person', 'crunchbase-person']);

/**
 * Social profile links of a node plus the outbound ones rendered in `scope` (the page header, so
 * team cards and the footer stay out). A company keeps only links that are not a person's.
 */
function socialLinks(
  cache: Record<string, Node> | null,
  node: Node | null,
  scope: ParentNode,
  base: URL,
  forCompany: boolean,
): string[] {
  const out: string[] = [];
  const keep = (link: string | null | undefined) => {
    const hit = link ? classifyLink(link, base) : null;
    if (!hit || hit.kind === 'website' || /wellfound\.com\/(company|u)\/|angellist/i.test(hit.url)) return;
    if (forCompany && PERSON_KINDS.has(hit.kind)) return;
    addUnique(out, hit.url);
  };
  if (cache && node) for (const key of SOCIAL_KEYS) keep(str(field(cache, node, [key])));
  for (const a of all(scope, 'a[href^="http"]', 200)) keep(a.getAttribute('href'));
  return out;
}

/** Reads a Wellfound person profile. */
function readUser(doc: Document, url: URL, slug: string, cache: Record<string, Node> | null): SiteResult | null {
  const node = cache ? nodeFor(cache, ['User', 'Talent', 'Person'], slug) : null;
  const c = cache ?? {};
  const fullName = str(field(c, node, ['name', 'fullName'])) || pickText(doc, ['main h1']);
  if (!fullName) return null;
  const person: Person = newPerson(fullName, SOURCE);

  // Current role: the first experience without an end; its startup is the company.
  const roles = (field(c, node, ['experiences', 'roles', 'startupRoles', 'workExperiences']) ?? []) as unknown[];
  const current = (Array.isArray(roles) ? roles : [])
    .map((r) => deref(c, r))
    .find((r) => isObject(r) && !r.endedAt && !r.ended_at && r.ended !== true) as Node | undefined;
  const roleCompany = current ? field(c, current, ['startup', 'company', 'companyName']) : undefined;
  const headline = str(field(c, node, ['headline', 'tagline', 'bio'])) || pickText(doc, ['main h1 + p', 'main h2']);
  const fromHeadline = /^(.{2,80}?)(?<!\s)\s+(?:at|@)\s+(.{2,80})$/.exec(headline);
  put(
    person,
    'title',
    str(current ? field(c, current, ['title', 'role', 'roleTitle']) : '') || fromHeadline?.[1] || '',
    SOURCE,
  );
  put(
    person,
    'companyName',
    (isObject(roleCompany) ? str(roleCompany.name) : str(roleCompany)) || fromHeadline?.[2] || '',
    SOURCE,
  );
  put(
    person,
    'location',
    names(c, field(c, node, ['locationTaggings', 'locations', 'location']))[0] ||
      pickText(doc, ['main a[href^="/location/"]']),
    SOURCE,
  );
  const email = normalizeEmail(str(field(c, node, ['email', 'publicEmail'])));
  if (email) {
    person.emails.push(email);
    person.sources.emails = SOURCE;
  }

  addUnique(person.links, classifyLink(url.href)?.url);
  for (const link of socialLinks(cache, node, pick(doc, ['main section', 'main']) ?? doc, url, false)) {
    addUnique(person.links, link);
  }
  const site = websiteOf(str(field(c, node, ['personalUrl', 'websiteUrl', 'onlineBioUrl', 'blogUrl'])), url);
  addUnique(person.links, site || null);
  person.sources.links = SOURCE;

  const avatar = str(field(c, node, ['avatarUrl', 'avatar_url', 'photoUrl'])) || meta(doc, 'og:image');
  const photo = absUrl(avatar, url);
  if (photo && !/default|placeholder/i.test(photo)) put(person, 'photoUrl', photo, SOURCE);
  return { pageKind: 'person', people: [person], company: null };
}

/** Team members rendered on /company/<slug>/people: a /u/ link with a name, and the role beside it. */
function teamCards(doc: Document, url: URL, companyName: string): Person[] {
  const out: Person[] = [];
  const seen = new Set<string>();
  for (const a of all(doc, 'main a[href^="/u/"], main a[href*="wellfound.com/u/"]', 300)) {
    const link = classifyLink(a.getAttribute('href') ?? '', url)?.url;
    const name = text(a);
    if (!link || !name || seen.has(link) || /^(view|see)\b/i.test(name)) continue;
    seen.add(link);
    // The card is the nearest ancestor that also holds the role line.
    const card = a.closest('[data-test="TeamMember"], li, article') ?? a.parentElement;
    const person = newPerson(name, SOURCE);
    put(
      person,
      'title',
      pickText(card ?? a, ['[data-test="TeamMember-role"]', '.role', 'p', 'span:not(:empty)']),
      SOURCE,
    );
    if (person.title === name) delete person.title;
    put(person, 'companyName', companyName, SOURCE);
    person.links.push(link);
    person.sources.links = SOURCE;
    put(person, 'photoUrl', absUrl(card?.querySelector('img')?.getAttribute('src'), url), SOURCE);
    out.push(person);
  }
  return out;
}

/** Reads a Wellfound company page (and its team page). */
function readCompany(doc: Document, url: URL, slug: string, cache: Record<string, Node> | null): SiteResult | null {
  const node = cache ? nodeFor(cache, ['Startup', 'StartupResult', 'Company'], slug) : null;
  const c = cache ?? {};
  const ogName = meta(doc, 'og:title').replace(/(?<!\s)\s+(?:Careers|Jobs|-|–|\|).*$/, '');
  const name = str(field(c, node, ['name', 'companyName'])) || pickText(doc, ['main h1']) || ogName;
  if (!name) return null;
  const company = newCompany(name, SOURCE);

  put(
    company,
    'website',
    websiteOf(str(field(c, node, ['companyUrl', 'websiteUrl', 'website_url', 'company_url'])), url),
    SOURCE,
  );
  put(company, 'industry', names(c, field(c, node, ['marketTaggings', 'markets', 'industries']))[0] ?? '', SOURCE);
  put(company, 'size', sizeOf(str(field(c, node, ['companySize', 'company_size', 'teamSize']))), SOURCE);
  put(company, 'location', names(c, field(c, node, ['locationTaggings', 'locations']))[0] ?? '', SOURCE);
  put(
    company,
    'description',
    str(field(c, node, ['highConcept', 'tagline', 'high_concept'])) ||
      str(field(c, node, ['productDescription', 'description'])) ||
      meta(doc, 'og:description'),
    SOURCE,
  );
  // Rendered page, for what the cache did not give.
  put(company, 'location', pickText(doc, ['main a[href^="/location/"]']), SOURCE);
  put(company, 'industry', pickText(doc, ['main a[href^="/market/"]']), SOURCE);
  for (const el of all(doc, 'main dd, main li, main span', 300)) {
    if (company.size) break;
    if (/^\d+\s*[-–]\s*\d+\s+\w+$|^\d+\+\s+\w+$/.test(text(el)))
      put(company, 'size', sizeOf(text(el).replace('+', ' plus')), SOURCE);
  }
  if (!company.website) {
    for (const a of all(doc, 'main a[href^="http"]', 200)) {
      const site = websiteOf(a.getAttribute('href') ?? '', url);
      if (site) {
        put(company, 'website', site, SOURCE);
        break;
      }
    }
  }

  addUnique(company.links, classifyLink(`https://wellfound.com/company/${slug}`)?.url);
  for (const link of socialLinks(cache, node, pick(doc, ['main section', 'main']) ?? doc, url, true)) {
    addUnique(company.links, link);
  }
  company.sources.links = SOURCE;
  put(company, 'logoUrl', absUrl(str(field(c, node, ['logoUrl', 'logo_url'])) || meta(doc, 'og:image'), url), SOURCE);

  const onTeamPage = /^\/company\/[^/]+\/people/.test(url.pathname);
  const people = onTeamPage ? teamCards(doc, url, name) : [];
  return { pageKind: people.length ? 'people-list' : 'company', people, company };
}

/** Reads a Wellfound page: a person (/u/, /p/) or a company (/company/). */
function extractWellfound(doc: Document, url: URL): SiteResult | null {
  const [first, slug] = url.pathname.split('/').filter(Boolean);
  if (!slug) return null;
  const data = nextData(doc);
  if (isErrorPage(data)) return null;
  const cache = apolloCache(data);
  return first === 'company' ? readCompany(doc, url, slug, cache) : readUser(doc, url, slug, cache);
}

export const wellfoundProfile: SiteAdapter = {
  name: NAME,
  matches(url) {
    const host = url.hostname.toLowerCase();
    if (!/(^|\.)(wellfound\.com|angel\.co)$/.test(host)) return false;
    return /^\/(u|p)\/[^/]+\/?$/.test(url.pathname) || /^\/company\/[^/]+(\/people)?\/?$/.test(url.pathname);
  },
  extract: extractWellfound,
};
