/**
 * X / Twitter profile (x.com/<handle>, twitter.com/<handle>, mobile.* hosts).
 *
 * Layouts served:
 * - the React web app (2019-2025, logged in and out): its generated class names ("css-175oi2r
 *   r-…") change with every build, so only data-testid anchors are used: "UserName" (display name
 *   and @handle), "UserDescription", "UserLocation", "UserUrl" (a t.co link whose text is the real
 *   address), "UserAvatar-Container-<handle>". Tweets in the timeline use "User-Name" (with a
 *   hyphen) and the "Who to follow" rail uses "UserCell": both are other people, never read.
 * - the logged-out page's JSON-LD ProfilePage (data-testid="UserProfileSchema-test", 2023-2025),
 *   whose mainEntity Person has givenName, additionalName (handle), homeLocation and image.
 * - og:title "Name (@handle) on X" / <title> "Name (@handle) / X" as the last resort for the name.
 * No visible words are matched, so the French or German UI reads the same.
 */
import { canonicalLink, classifyLink } from '@/lib/normalize/links';
import type { SiteAdapter, SiteResult } from '../types';
import {
  absUrl,
  addUnique,
  hasType,
  isObject,
  jsonLdNodes,
  meta,
  newPerson,
  pick,
  pickText,
  put,
  str,
  text,
} from './dom';

const NAME = 'x-profile';
const PROFILE_TABS = new Set(['with_replies', 'media', 'likes', 'highlights', 'articles', 'superfollows']);
const SOURCE = `site:${NAME}`;

/** Drops emoji and their joiners/variation selectors from a display name ("Léa 🌱" → "Léa"). */
function plainName(raw: string): string {
  return raw
    .replace(/\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0f|\u20e3/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<![\s|·•-])[\s|·•-]+$/, '')
    .trim();
}

/** "Name (@handle) on X" / "Name (@handle) / X" → "Name". */
function nameFromTitle(title: string): string {
  const match = /^(.+?)(?<!\s)\s*\(@\w{1,15}\)/.exec(title);
  return match?.[1] ?? '';
}

/** The display name inside the UserName block: its first line, before the @handle line. */
function displayName(block: Element | null): string {
  if (!block) return '';
  for (const el of Array.from(block.querySelectorAll('span'))) {
    const value = text(el);
    if (value && !value.startsWith('@')) return value;
  }
  return '';
}

/** Reads an X profile. */
function extractX(doc: Document, url: URL): SiteResult | null {
  const handle = url.pathname.split('/').filter(Boolean)[0] ?? '';
  const nodes = jsonLdNodes(doc);
  const profilePage = nodes.find((node) => hasType(node, 'ProfilePage'));
  const ld = nodes
    .map((node) => (hasType(node, 'ProfilePage') && isObject(node.mainEntity) ? node.mainEntity : node))
    .find((node) => hasType(node, 'Person'));
  const block = pick(doc, ['[data-testid="UserName"]']);
  const name = plainName(
    displayName(block) ||
      str(ld?.givenName ?? ld?.name) ||
      nameFromTitle(meta(doc, 'og:title')) ||
      nameFromTitle(text(doc.querySelector('title'))),
  );
  // Nothing profile-shaped: a suspended/missing account, or the app before it rendered. On X's own
  // app that is an explicit "nothing here", so the site's name (og:site_name) is not taken for a company.
  if (!name || (!block && !ld && !meta(doc, 'og:title').includes(`@${handle}`))) {
    const isApp = doc.querySelector('#react-root') !== null || /\b(X|Twitter)\b/.test(meta(doc, 'og:site_name'));
    return isApp ? { pageKind: 'other', people: [], company: null } : null;
  }

  const person = newPerson(name, SOURCE);
  const homeLocation = isObject(ld?.homeLocation) ? str(ld.homeLocation.name) : str(ld?.homeLocation);
  put(person, 'location', pickText(doc, ['[data-testid="UserLocation"]']) || homeLocation, SOURCE);

  addUnique(person.links, classifyLink(`https://x.com/${handle}`)?.url);
  // The website is a t.co redirect; its text is the real address (unless X shortened it with "…").
  const site = pick(doc, ['a[data-testid="UserUrl"]']);
  const shown = text(site);
  if (shown && !shown.endsWith('…'))
    addUnique(person.links, canonicalLink(/^https?:/.test(shown) ? shown : `https://${shown}`));
  const related = profilePage?.relatedLink ?? ld?.relatedLink;
  for (const item of Array.isArray(related) ? related : []) {
    const link = canonicalLink(str(item));
    if (link && !/^https:\/\/t\.co\//.test(link)) addUnique(person.links, link);
  }
  person.sources.links = SOURCE;

  const ldImage = isObject(ld?.image) ? str(ld.image.contentUrl ?? ld.image.url) : str(ld?.image);
  // The JSON-LD image is the 400x400 original; the rendered avatar a 200x200 copy.
  const avatar =
    ldImage ||
    pick(doc, [`[data-testid="UserAvatar-Container-${handle}"] img`, `a[href="/${handle}/photo"] img`])?.getAttribute(
      'src',
    ) ||
    meta(doc, 'og:image');
  const photo = absUrl(avatar, url);
  if (photo && !/default_profile_images/.test(photo)) put(person, 'photoUrl', photo, SOURCE);
  return { pageKind: 'person', people: [person], company: null };
}

export const xProfile: SiteAdapter = {
  name: NAME,
  matches(url) {
    // The profile header is the same on its tabs (/with_replies, /media…).
    const [handle, tab, ...rest] = url.pathname.split('/').filter(Boolean);
    if (rest.length || (tab && !PROFILE_TABS.has(tab))) return false;
    return classifyLink(`https://${url.hostname}/${handle ?? ''}`)?.kind === 'x';
  },
  extract: extractX,
};
