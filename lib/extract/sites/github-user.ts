/**
 * GitHub user profile (github.com/<login>, the Overview/Repositories tabs).
 *
 * Layout served: the profile sidebar (2020-2025). Its anchors are schema.org microdata and
 * h-card classes, stable across GitHub's redesigns: the sidebar is itemscope Person with
 * itemprop="name" (display name), "additionalName" (login), and the "vcard-details" list with
 * itemprop="worksFor", "homeLocation", "email", "url" and "social". The sticky header repeats
 * the login (a duplicate, skipped by scoping to the first vcard). Organisation pages share the
 * URL shape but have none of these anchors: the adapter returns null there (github-org reads them).
 */

import { normalizeEmail } from '@/lib/normalize/email';
import { canonicalLink, classifyLink } from '@/lib/normalize/links';
import type { SiteAdapter, SiteResult } from '../types';
import { absUrl, addUnique, all, meta, newPerson, pick, pickText, put } from './dom';

const NAME = 'github-user';
const SOURCE = `site:${NAME}`;

// The sidebar root, newest layout first.
const ROOT_SELECTORS = [
  '.js-profile-editable-replace', // 2020-2025 profile sidebar
  '[itemtype$="schema.org/Person"]', // microdata scope around the sidebar
  '.h-card',
  '.vcard', // 2014-2019 "vcard" column
] as const;

/** "@acme" (GitHub's org mention) → "acme"; plain company text stays as written. */
function companyOf(raw: string): string {
  return raw.replace(/^@(?=[\w-]+$)/, '').trim();
}

/** Reads a GitHub user's profile sidebar. */
function extractUser(doc: Document, url: URL): SiteResult | null {
  const login = pickText(doc, ['[itemprop="additionalName"]', '.p-nickname', '.vcard-username']);
  if (!login) return null;
  const root = pick(doc, ROOT_SELECTORS) ?? doc;
  const display = pickText(root, ['[itemprop="name"]', '.p-name', '.vcard-fullname']);
  const person = newPerson(display || login, SOURCE);

  put(
    person,
    'companyName',
    companyOf(pickText(root, ['[itemprop="worksFor"] .p-org', '[itemprop="worksFor"]', '.p-org'])),
    SOURCE,
  );
  put(person, 'location', pickText(root, ['[itemprop="homeLocation"] .p-label', '[itemprop="homeLocation"]']), SOURCE);

  for (const a of all(root, '[itemprop="email"] a[href^="mailto:"], a.u-email[href^="mailto:"]', 5)) {
    addUnique(person.emails, normalizeEmail(a.getAttribute('href') ?? ''));
  }
  if (person.emails.length) person.sources.emails = SOURCE;

  const self = classifyLink(`https://github.com/${login}`)?.url;
  addUnique(person.links, self);
  for (const a of all(root, '[itemprop="url"] a[href], [itemprop="social"] a[href], a[rel~="me"][href]', 20)) {
    addUnique(person.links, canonicalLink(a.getAttribute('href') ?? '', url));
  }
  if (person.links.length) person.sources.links = SOURCE;

  const avatar =
    pick(root, ['a[itemprop="image"]'])?.getAttribute('href') ||
    pick(root, ['img.avatar-user', 'img.avatar'])?.getAttribute('src') ||
    meta(doc, 'og:image');
  put(person, 'photoUrl', absUrl(avatar, url), SOURCE);

  // The bio is free text ("Staff engineer @acme"), not a job title: left out on purpose.
  return { pageKind: 'person', people: [person], company: null };
}

export const githubUser: SiteAdapter = {
  name: NAME,
  matches(url) {
    return classifyLink(url.href)?.kind === 'github';
  },
  extract: extractUser,
};
