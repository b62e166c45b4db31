import { absUrl, clip } from './entity';

/** The page's meta tags and title, read once. */
export interface MetaReading {
  title: string;
  ogTitle: string;
  ogType: string;
  siteName: string;
  description: string;
  image: string;
  author: string;
  firstName: string;
  lastName: string;
  canonical: string;
  twitterSite: string;
  twitterCreator: string;
  lang: string;
  /** article:published_time: set on posts, not on pages (Yoast marks every page og:type=article). */
  published: string;
  /** <title> split on the usual separators ("Jane Doe - CTO | Acme"). */
  titleParts: string[];
}

/** Reads OpenGraph, twitter:, author, canonical and <title>. */
export function readMeta(doc: Document, base: string): MetaReading {
  const metas = new Map<string, string>();
  // Meta tags belong in <head>; a page without one (fragments) is searched whole.
  const nodes = (doc.head ?? doc).querySelectorAll('meta[property][content], meta[name][content]');
  for (let i = 0; i < nodes.length && i < 400; i++) {
    const m = nodes[i] as Element;
    const key = (m.getAttribute('property') || m.getAttribute('name') || '').toLowerCase().trim();
    if (key && !metas.has(key)) metas.set(key, clip(m.getAttribute('content'), 1000));
  }
  const get = (...keys: string[]) => keys.map((k) => metas.get(k) ?? '').find(Boolean) ?? '';
  const title = clip(doc.querySelector('head > title, title')?.textContent ?? '', 300);
  return {
    title,
    ogTitle: get('og:title', 'twitter:title'),
    ogType: get('og:type').toLowerCase(),
    siteName: get('og:site_name', 'application-name', 'apple-mobile-web-app-title'),
    description: get('og:description', 'description', 'twitter:description'),
    image: absUrl(get('og:image', 'og:image:url', 'twitter:image'), base),
    author: get('author', 'article:author', 'dc.creator'),
    firstName: get('profile:first_name'),
    lastName: get('profile:last_name'),
    canonical: absUrl(doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? '', base),
    twitterSite: get('twitter:site'),
    twitterCreator: get('twitter:creator'),
    published: get('article:published_time', 'datepublished', 'date'),
    lang: clip(doc.documentElement?.getAttribute('lang') ?? '', 20),
    titleParts: splitTitle(title),
  };
}

/** The page's first <h1> and its <title>, for the manual form's name hint (finalize judges them). */
export function headingHints(
  doc: Document,
  meta: MetaReading,
): { heading?: string; title?: string; subtitle?: string } {
  const h1 = doc.querySelector('h1');
  const heading = clip(h1?.textContent ?? '', 300);
  // The line under the heading (an academic's "Department of X, University Y"): finalize may read the institution.
  const next = h1?.nextElementSibling;
  const subtitle = next && !/^H[1-6]$/.test(next.tagName) ? clip(next.textContent ?? '', 300) : '';
  return {
    ...(heading ? { heading } : {}),
    ...(meta.title ? { title: meta.title } : {}),
    ...(subtitle && subtitle.length <= 120 ? { subtitle } : {}),
  };
}

/**
 * Splits a title on " | ", " - ", " -- ", " – ", " — ", " · ", " :: ", " » " (spaces required: "Jean-Luc"
 * stays whole). " -- " is the dash of ASCII-only templates ("contact -- Site" in Hugo themes).
 */
export function splitTitle(title: string): string[] {
  return (
    title
      // Japanese titles use the full-width bar without spaces ("会社概要｜ORIGAMI GRP").
      .split(/(?<!\s)\s+(?:[|–—·•»]|--?|::|\/\/)\s+|\s*｜\s*/)
      .map((s) => s.trim())
      .filter(Boolean)
  );
}

/** The reading of a page whose meta could not be read: every field empty. */
export const EMPTY_META: MetaReading = {
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
