/**
 * Canonical profile URLs, so the same person found on two pages (or two LinkedIn
 * country subdomains) yields the same link and the store can recognise them.
 * Pure string work: no dependencies, safe to use in the injected page script.
 */

export type LinkKind =
  | 'linkedin-person'
  | 'linkedin-company'
  | 'github'
  | 'x'
  | 'crunchbase-organization'
  | 'crunchbase-person'
  | 'wellfound-person'
  | 'wellfound-company'
  | 'facebook'
  | 'instagram'
  | 'youtube'
  | 'bluesky'
  | 'mastodon'
  | 'website';

// Who an account on each kind of site can belong to. Keyed by LinkKind, so a new kind
// does not compile until it says whether it identifies a person, a company or either.
const LINK_OWNER = {
  'linkedin-person': 'person',
  'crunchbase-person': 'person',
  'wellfound-person': 'person',
  'linkedin-company': 'company',
  'crunchbase-organization': 'company',
  'wellfound-company': 'company',
  github: 'either',
  x: 'either',
  facebook: 'either',
  instagram: 'either',
  youtube: 'either',
  bluesky: 'either',
  mastodon: 'either',
  website: 'site',
} as const satisfies Record<LinkKind, 'person' | 'company' | 'either' | 'site'>;

const kindsOwnedBy = (owner: 'person' | 'company'): ReadonlySet<LinkKind> =>
  new Set((Object.keys(LINK_OWNER) as LinkKind[]).filter((k) => LINK_OWNER[k] === owner || LINK_OWNER[k] === 'either'));
/**
 * Profiles that are one person's (a LinkedIn /in/ page, a GitHub or X account). A company
 * page or website is shared by everyone who works there, so only these identify a person.
 */
export const PERSON_LINKS: ReadonlySet<LinkKind> = kindsOwnedBy('person');
/** Profiles a company can own (its LinkedIn page, Crunchbase organisation, social accounts). */
export const COMPANY_LINKS: ReadonlySet<LinkKind> = kindsOwnedBy('company');

// Query parameters that only track the visit; everything else is kept on generic sites.
const TRACKING_PARAM =
  /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_[a-z]+|_hs[a-z]*|trk|trkinfo|lipi|licu|originalsubdomain|ref|ref_src|ref_url|src|s|t|si|igshid|feature)$/i;

// Paths under these hosts that are not profiles (so /in/ is not mistaken for a GitHub user etc.).
const GITHUB_RESERVED = new Set([
  'about',
  'account',
  'apps',
  'blog',
  'collections',
  'contact',
  'customer-stories',
  'enterprise',
  'events',
  'explore',
  'features',
  'issues',
  'join',
  'login',
  'logout',
  'marketplace',
  'new',
  'notifications',
  'orgs',
  'organizations',
  'pricing',
  'pulls',
  'search',
  'security',
  'settings',
  'site',
  'sponsors',
  'team',
  'topics',
  'trending',
  'readme',
  'codespaces',
  'resources',
  'solutions',
  'signup',
  'password_reset',
  'sessions',
  'dashboard',
  'home',
]);
const X_RESERVED = new Set([
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'settings',
  'i',
  'intent',
  'share',
  'login',
  'signup',
  'tos',
  'privacy',
  'hashtag',
  'compose',
  'download',
  'about',
  'jobs',
]);
const FACEBOOK_RESERVED = new Set([
  'sharer',
  'sharer.php',
  'share',
  'dialog',
  'plugins',
  'tr',
  'login',
  'policies',
  'help',
]);
const YOUTUBE_PREFIXES = ['channel', 'c', 'user'];

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}
function isHost(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}
const handle = (s: string | undefined) => (s && /^[\p{L}\p{N}_.\-~%]{1,100}$/u.test(s) ? s : undefined);
const enc = (s: string) => encodeURIComponent(s.toLowerCase());

/** Parses an absolute or relative http(s) URL; null for other schemes or garbage. */
export function parseHttpUrl(raw: string, base?: string | URL): URL | null {
  const text = raw.trim();
  if (!text || text.length > 4096) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * LinkedIn and GitHub profile links exactly as classifyLink writes them (lower-case ASCII
 * handle, not "." or ".."). Every stored link is canonical, so dedupe keys and the export's
 * LinkedIn column meet these forms most of the time; they are recognised without a URL
 * parse, which was the costliest step of both (`npm run bench data`). Anything else,
 * including these sites' other forms, takes the full path, which gives the same answer.
 */
const CANONICAL_PROFILE =
  /^https:\/\/(?:www\.linkedin\.com\/(in|company|school|showcase)|github\.com)\/([a-z0-9_~-][a-z0-9_.~-]{0,99})$/;

let lastBase = '';
let lastBaseOk = false;
/** True when `base` parses as a URL (the last string asked is remembered: a page's links share one base). */
function validBase(base: string | URL): boolean {
  if (typeof base !== 'string') return true;
  if (base !== lastBase) {
    lastBase = base;
    try {
      lastBaseOk = !!new URL(base);
    } catch {
      lastBaseOk = false;
    }
  }
  return lastBaseOk;
}

/** Recognises a profile URL and returns its kind and canonical form; generic sites are "website". */
export function classifyLink(raw: string, base?: string | URL): { kind: LinkKind; url: string } | null {
  // A canonical profile link is absolute, so a base changes nothing unless it is no URL at all
  // (then `new URL(raw, base)` throws and the link is dropped, as below).
  const canonical = base === undefined || validBase(base) ? CANONICAL_PROFILE.exec(raw) : null;
  if (canonical) {
    const [, section, name] = canonical;
    if (section === 'in') return { kind: 'linkedin-person', url: raw };
    if (section) return { kind: 'linkedin-company', url: raw };
    if (!GITHUB_RESERVED.has(name as string)) return { kind: 'github', url: raw };
  }
  const url = parseHttpUrl(raw, base);
  if (!url) return null;
  const host = hostOf(url);
  const seg = segments(url);
  const first = seg[0]?.toLowerCase();

  if (isHost(host, 'linkedin.com')) {
    // Any country subdomain (fr., de., uk.) and /pub/ or /in/ forms become www.linkedin.com/in/<slug>.
    if ((first === 'in' || first === 'pub') && handle(seg[1])) {
      return { kind: 'linkedin-person', url: `https://www.linkedin.com/in/${enc(seg[1] as string)}` };
    }
    // "company-beta" is the form LinkedIn's company pages had in 2017: old sites still link it.
    if (first === 'company-beta' && handle(seg[1]))
      return { kind: 'linkedin-company', url: `https://www.linkedin.com/company/${enc(seg[1] as string)}` };
    if ((first === 'company' || first === 'school' || first === 'showcase') && handle(seg[1])) {
      return { kind: 'linkedin-company', url: `https://www.linkedin.com/${first}/${enc(seg[1] as string)}` };
    }
    return null;
  }
  if (host === 'github.com' || host === 'www.github.com') {
    const user = handle(seg[0]);
    if (user && !GITHUB_RESERVED.has(user.toLowerCase()) && seg.length === 1) {
      return { kind: 'github', url: `https://github.com/${enc(user)}` };
    }
    return null;
  }
  if (['twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'x.com', 'www.x.com', 'mobile.x.com'].includes(host)) {
    const user = handle(seg[0]);
    if (user && /^[A-Za-z0-9_]{1,15}$/.test(user) && !X_RESERVED.has(user.toLowerCase()) && seg.length <= 1) {
      return { kind: 'x', url: `https://x.com/${user.toLowerCase()}` };
    }
    return null;
  }
  if (isHost(host, 'crunchbase.com')) {
    if ((first === 'organization' || first === 'person') && handle(seg[1])) {
      return {
        kind: first === 'organization' ? 'crunchbase-organization' : 'crunchbase-person',
        url: `https://www.crunchbase.com/${first}/${enc(seg[1] as string)}`,
      };
    }
    return null;
  }
  if (isHost(host, 'wellfound.com') || isHost(host, 'angel.co')) {
    if ((first === 'u' || first === 'p') && handle(seg[1])) {
      return { kind: 'wellfound-person', url: `https://wellfound.com/u/${enc(seg[1] as string)}` };
    }
    if (first === 'company' && handle(seg[1])) {
      return { kind: 'wellfound-company', url: `https://wellfound.com/company/${enc(seg[1] as string)}` };
    }
    return null;
  }
  if (isHost(host, 'facebook.com') || isHost(host, 'fb.com')) {
    const page = handle(seg[0]);
    if (page && !FACEBOOK_RESERVED.has(page.toLowerCase()) && first !== 'profile.php') {
      return { kind: 'facebook', url: `https://www.facebook.com/${enc(page)}` };
    }
    const id = url.searchParams.get('id');
    if (first === 'profile.php' && id && /^\d+$/.test(id)) {
      return { kind: 'facebook', url: `https://www.facebook.com/profile.php?id=${id}` };
    }
    return null;
  }
  if (isHost(host, 'instagram.com')) {
    const user = handle(seg[0]);
    if (user && !['p', 'reel', 'explore', 'accounts', 'stories'].includes(user.toLowerCase())) {
      return { kind: 'instagram', url: `https://www.instagram.com/${enc(user)}` };
    }
    return null;
  }
  if (isHost(host, 'youtube.com')) {
    if (first?.startsWith('@')) return { kind: 'youtube', url: `https://www.youtube.com/${enc(first)}` };
    if (first && YOUTUBE_PREFIXES.includes(first) && handle(seg[1])) {
      return { kind: 'youtube', url: `https://www.youtube.com/${first}/${seg[1]}` };
    }
    return null;
  }
  if (host === 'bsky.app' && first === 'profile' && handle(seg[1])) {
    return { kind: 'bluesky', url: `https://bsky.app/profile/${enc(seg[1] as string)}` };
  }
  if (first?.startsWith('@') && seg.length === 1 && /^(mastodon|fosstodon|hachyderm|mstdn)\./.test(host)) {
    return { kind: 'mastodon', url: `https://${host}/${first}` };
  }
  return { kind: 'website', url: canonicalWebsite(url) };
}

/** A generic URL made canonical: lower-case host, no www-insensitive tricks, no tracking query, no hash, no trailing slash. */
export function canonicalWebsite(url: URL): string {
  const out = new URL(url.href);
  out.hostname = hostOf(out);
  out.hash = '';
  if ((out.protocol === 'http:' && out.port === '80') || (out.protocol === 'https:' && out.port === '443'))
    out.port = '';
  for (const key of [...out.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) out.searchParams.delete(key);
  }
  let href = out.href;
  if (out.search === '' || out.search === '?') href = href.replace(/\?$/, '');
  return href.replace(/\/+(?=$|\?)/, '');
}

/** The canonical form of a profile or website link, or null when it is not an http(s) URL. */
export function canonicalLink(raw: string, base?: string | URL): string | null {
  return classifyLink(raw, base)?.url ?? null;
}

/** True for links that identify a person or company on a profile site (not a generic website). */
export function isProfileLink(raw: string): boolean {
  const kind = classifyLink(raw)?.kind;
  return kind !== undefined && kind !== 'website';
}
