import { classifyLink } from '@/lib/normalize/links';
import { NOT_NAME } from '../name-words';
import { matchesSite, siteLabel } from './company';
import { clip, nameKey } from './entity';
import type { MetaReading } from './meta';

/**
 * A member's profile on a platform that hosts them (a studio on Dribbble or Behance, a writer on
 * Bluesky, Mastodon or Medium) and that no site adapter serves: the page is about the member, the
 * platform is never their company, and the platform's own social accounts in its footer are not
 * theirs (issue 17, class 6).
 */

// Hosts whose one-segment paths are their members' profiles ("dribbble.com/phenomenonstudio").
const MEMBER_HOST =
  /(?:^|\.)(?:dribbble\.com|behance\.net|about\.me|linktr\.ee|artstation\.com|deviantart\.com|vimeo\.com|soundcloud\.com|producthunt\.com|bento\.me|read\.cv|polywork\.com|contra\.com)$/;
// Paths of every platform that names its members with an "@" ("/@jane", Mastodon, Medium, Substack).
const AT_PATH = /^\/@[\w.-]{1,60}(?:@[\w.-]{1,80})?\/?$/;
// One-segment paths of a member host that are its own pages.
const RESERVED =
  /^\/(?:about|blog|jobs|shots|search|signup|login|session|tags?|designers|projects|galleries|pro|help|terms|privacy|contact|explore|stories|learn|for-?\w*|hiring|discover)\/?$/i;

// A handle or title folded to its letters and digits ("Phenomenon Studio" → "phenomenonstudio").
const squash = (s: string) => nameKey(decodeSafe(s).replace(/^@/, '')).replace(/[^\p{L}\p{N}]/gu, '');
const decodeSafe = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The platform's name when the page is a member's profile on it, else ''. */
export function platformOf(page: URL, meta: MetaReading): string {
  const host = page.hostname.toLowerCase();
  const path = page.pathname;
  const member =
    AT_PATH.test(path) ||
    (host === 'bsky.app' && /^\/profile\/[^/]+\/?$/.test(path)) ||
    (MEMBER_HOST.test(host) && /^\/[^/]+\/?$/.test(path) && !RESERVED.test(path)) ||
    memberPage(page, meta);
  if (!member) return '';
  const label = host.replace(/^www\./, '').split('.')[0] ?? '';
  return clip(meta.siteName, 60) || label.charAt(0).toUpperCase() + label.slice(1);
}

/** The member's display name: the title part that is not the platform, without "(@handle)". */
export function memberName(meta: MetaReading, platform: string): string {
  const key = nameKey(platform);
  const candidates = [meta.ogTitle, ...meta.titleParts];
  for (const raw of candidates) {
    const name = clip(raw, 120)
      .replace(/(?<!\s)\s*\(@[^)\s]{1,80}\)\s*/, ' ')
      .replace(/\s(?:on|auf|sur|en|su)\s\S+$/i, (m) => (nameKey(m).endsWith(key) ? '' : m))
      .trim();
    if (name && nameKey(name) !== key && !nameKey(name).includes(key)) return name;
  }
  return '';
}

/** True for a link to the platform's own account ("instagram.com/dribbble" on dribbble.com). */
export function platformAccount(link: string, platform: string): boolean {
  const c = classifyLink(link);
  if (!c || c.kind === 'website') return false;
  const handle = (c.url.split('/').filter(Boolean).pop() ?? '').replace(/^@/, '');
  return nameKey(handle).replace(/ /g, '') === nameKey(platform).replace(/ /g, '');
}

/**
 * A member's page on a platform the host list does not know, by what the page says of itself: it
 * sits at one path segment, the handle; a title part or og:title spells the handle's letters
 * ("Phenomenon Studio" at /phenomenonstudio) and is no page label ("Equipo" at /equipo/); another
 * part or og:site_name names the domain; and the page marks the member as its own: og:type profile
 * or a twitter:creator spelling the same name (a site's developer as creator does not count).
 */
function memberPage(page: URL, meta: MetaReading): boolean {
  const segments = page.pathname.split('/').filter(Boolean);
  if (segments.length !== 1) return false;
  const label = siteLabel(page.hostname);
  const key = squash(segments[0] as string);
  if (key.length < 3 || key === label) return false;
  const member = [meta.ogTitle, ...meta.titleParts].find((t) => squash(t) === key && !NOT_NAME.test(t.trim()));
  if (!member) return false;
  const named = [meta.siteName, ...meta.titleParts].some((t) => t !== member && matchesSite(t, label));
  const creator = squash(meta.twitterCreator);
  const byCreator =
    creator.length >= 5 && creator !== squash(meta.twitterSite) && creator.slice(0, 5) === key.slice(0, 5);
  return named && (meta.ogType === 'profile' || byCreator);
}

/** True for an address at the platform's own domain ("support@dribbble.com" on dribbble.com). */
export function platformMailbox(email: string, page: URL): boolean {
  return siteLabel(email.slice(email.indexOf('@') + 1)) === siteLabel(page.hostname);
}
