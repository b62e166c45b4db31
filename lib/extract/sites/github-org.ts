/**
 * GitHub organisation (github.com/<org> overview and github.com/orgs/<org>/people).
 *
 * Layouts served:
 * - org overview header "orghead" (2021-2025): h1 name, the description line, and a list of
 *   details marked with microdata itemprop="location", "url" and "email" inside an itemscope
 *   Organization; social links carry rel="me". The sidebar's member avatars show only logins:
 *   they are not read as people (a capture of the org is the company).
 * - org people page: li.member-list-item rows, each with the member's display name (or login)
 *   and login, read as a people list.
 * Both are recognised by the orghead / Organization scope or the hovercard tag
 * "organization:<id>"; a user profile (same URL shape) returns null so github-user reads it.
 */
import { normalizeEmail } from '@/lib/normalize/email';
import { canonicalLink, canonicalWebsite, classifyLink } from '@/lib/normalize/links';
import type { Person, SiteAdapter, SiteResult } from '../types';
import { absUrl, addUnique, all, meta, newCompany, newPerson, onHost, pick, pickText, put, text } from './dom';

const NAME = 'github-org';
const SOURCE = `site:${NAME}`;

const HEADER_SELECTORS = [
  'header.orghead', // 2021-2025
  '.orghead',
  '[itemtype$="schema.org/Organization"]', // microdata scope (older TableObject header)
] as const;

/** The org's login from the URL: /<org> or /orgs/<org>/people. */
function orgLogin(url: URL): string {
  const seg = url.pathname.split('/').filter(Boolean);
  return (seg[0] === 'orgs' ? seg[1] : seg[0]) ?? '';
}

/** Members on the people page (display name when set, else the login). */
function members(doc: Document, url: URL): Person[] {
  const out: Person[] = [];
  for (const row of all(doc, 'li.member-list-item, .member-listing li', 500)) {
    const nameLink = pick(row, ['.member-info a.f4', '.member-info a[data-hovercard-type="user"]', 'a.f4']);
    const login =
      pickText(row, ['.member-info span.f5', '.member-info .color-fg-muted']) ||
      (nameLink?.getAttribute('href') ?? '').replace(/^\//, '');
    const fullName = text(nameLink) || login;
    if (!fullName) continue;
    const person = newPerson(fullName, SOURCE);
    addUnique(person.links, canonicalLink(nameLink?.getAttribute('href') ?? `/${login}`, url));
    if (person.links.length) person.sources.links = SOURCE;
    put(person, 'photoUrl', absUrl(row.querySelector('img.avatar')?.getAttribute('src'), url), SOURCE);
    out.push(person);
  }
  return out;
}

/** Reads a GitHub organisation page. */
function extractOrg(doc: Document, url: URL): SiteResult | null {
  const header = pick(doc, HEADER_SELECTORS);
  const subject = meta(doc, 'hovercard-subject-tag');
  if (!header && !subject.startsWith('organization:')) return null;
  const scope = header ?? doc;
  const name =
    pickText(scope, ['h1', '[itemprop="name"]']) || meta(doc, 'og:title').replace(/(?<!\s)\s*·\s*GitHub$/, '');
  if (!name) return null;

  const company = newCompany(name, SOURCE);
  put(
    company,
    'description',
    pickText(scope, ['[itemprop="description"]', '.color-fg-muted > div', '.color-fg-muted']) ||
      meta(doc, 'og:description'),
    SOURCE,
  );
  put(company, 'location', pickText(scope, ['[itemprop="location"]']), SOURCE);

  const site = pick(scope, ['a[itemprop="url"]', '[itemprop="url"] a'])?.getAttribute('href');
  const siteUrl = absUrl(site, url);
  if (siteUrl) put(company, 'website', canonicalWebsite(new URL(siteUrl)), SOURCE);

  for (const a of all(scope, 'a[itemprop="email"][href^="mailto:"], [itemprop="email"] a[href^="mailto:"]', 5)) {
    addUnique(company.emails, normalizeEmail(a.getAttribute('href') ?? ''));
  }
  if (company.emails.length) company.sources.emails = SOURCE;

  addUnique(company.links, classifyLink(`https://github.com/${orgLogin(url)}`)?.url);
  for (const a of all(scope, 'a[rel~="me"][href]', 20)) {
    const link = canonicalLink(a.getAttribute('href') ?? '', url);
    if (link && link !== company.website) addUnique(company.links, link);
  }
  company.sources.links = SOURCE;

  put(
    company,
    'logoUrl',
    absUrl(pick(scope, ['img[itemprop="image"]', 'img.avatar'])?.getAttribute('src') ?? meta(doc, 'og:image'), url),
    SOURCE,
  );

  const onPeoplePage = /^\/orgs\/[^/]+\/people/.test(url.pathname);
  const people = onPeoplePage ? members(doc, url) : [];
  for (const p of people) put(p, 'companyName', name, SOURCE);
  return { pageKind: onPeoplePage && people.length ? 'people-list' : 'company', people, company };
}

export const githubOrg: SiteAdapter = {
  name: NAME,
  matches(url) {
    if (!onHost(url, 'github.com')) return false;
    return /^\/orgs\/[^/]+\/people\/?$/.test(url.pathname) || classifyLink(url.href)?.kind === 'github';
  },
  extract: extractOrg,
};
