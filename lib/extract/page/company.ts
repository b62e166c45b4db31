import { foldText } from '@/lib/normalize/name';
import { textOf } from './contacts';
import { absUrl, clip, isPlaceholderName, newCompany, setField } from './entity';
import { oncePerReading } from './memo';
import type { MetaReading } from './meta';
import type { RawCompany } from './types';

/**
 * The company a site belongs to, from the page itself when structured data names
 * none: og:site_name, the <title> segment that matches the domain, the header logo's
 * alt text, the copyright line. A web agency's footer credit ("Website by X") is
 * never taken: the copyright holder comes before such credits and links off-site.
 */

const fold = (s: string) => foldText(s).replace(/[^a-z0-9]/g, '');
// A company's legal form at the end of its name. With the forms of Central Europe and Brazil ("ADVOKA,
// s.r.o.", "WiMAKS sp.k.", "Code Cell, S.L.U.", "… Ltda"), which their registered names carry too, and
// a Finnish registered association's "ry" ("LaTeRes ry"), as a German one's "e.V."
export const LEGAL =
  /(?<![\s,])\s*(?:,\s*)?\b(inc|llc|llp|ltd|ltda|limited|gmbh|ag|sa|sas|sarl|srl|bv|b\.v|nv|n\.v|s\.a|oy|ab|as|kk|ry|r\.y|plc|co|corp|corporation|company|pty|e\.\s?v|ev|eg|ug|kg|s\.?p\.?a|s\.?l|s\.l\.u|s\.r\.o|a\.s|sp\. z o\.o|sp\.\s?[kj]|kft|d\.o\.o|株式会社)\b\.?$/i;
// Credits that name the site's builder, not its owner (several languages).
export const CREDIT =
  /(website|site|web ?design|design|designed|developed|built|made|powered|created|réalis[ée]|conception|erstellt|umsetzung|gestaltung|realizzato|sviluppato|制作|wykonan[aeoy]|zaprojektowan[aeoy]|gemaakt|ontworpen|ontwikkeld)\s*(by|par|von|da|przez|door|:)/i;
// "© 2020 Wszelkie prawa zastrzeżone": the reservation itself where the holder's name would stand.
const ALL_RIGHTS =
  /^(?:all rights|tous droits|alle rechte|todos los derechos|wszelkie prawa|tutti i diritti|alle rechten|todos os direitos|derechos reservados|diritti riservati)/i;
const COPYRIGHT =
  /(?:(?:©|\(c\)|copyright|&copy;)\s*)+(?:(?:19|20)\d{2}\s*(?:[-–—]\s*(?:(?:19|20)\d{2}|present|heute))?\s*)?[,.]?\s*(?:by\s+)?([^\n|•·]{2,80}?)(?:(?<!\s[a-z]|[\s.](?:dr|prof|ing|mag|mgr|dipl|[a-z]{2,4}dr))\.(?!\d)|\s*[|•·]|\s[–—]\s|\s+all rights|\s+tous droits|\s+alle rechte|\s+todos los|\s+wszelkie prawa|\s+tutti i diritti|\s+alle rechten|\s+todos os direitos|\s+無断|\s+(?:19|20)\d{2}|$)/i;

const LOGO_SELECTORS = [
  'header a[href="/"] img[alt]',
  '[role="banner"] a[href="/"] img[alt]',
  'a[rel~="home"] img[alt]',
  'header [class*="logo"] img[alt]',
  'header img[class*="logo"][alt]',
  '[role="banner"] img[alt]',
  'header img[alt]',
  'a[href="/"] img[alt]',
];

/** The domain's main label ("acme-robotics" for www.acme-robotics.co.uk), folded. */
export function siteLabel(host: string): string {
  const parts = host
    .toLowerCase()
    .replace(/^www\d?\./, '')
    // A site on a hosting platform (acme.github.io, acme.netlify.app) is named by its own label.
    .replace(
      /\.(github\.io|gitlab\.io|netlify\.app|vercel\.app|web\.app|pages\.dev|(?:firebaseapp|herokuapp|wordpress|blogspot|wixsite)\.com|(?:webflow|readthedocs)\.io)$/,
      '.x',
    )
    .split('.');
  // Second-level country suffixes (co.uk, com.au) leave the label one step further left.
  const sld = parts.length >= 3 && /^(co|com|org|net|ac|gov|or|ne|go)$/.test(parts[parts.length - 2] as string);
  return fold(parts[parts.length - (sld ? 3 : 2)] ?? parts[0] ?? '');
}

/** True when a name plausibly names the site ("Acme Robotics" for acme-robotics.com). */
export function matchesSite(name: string, label: string): boolean {
  const f = fold(name.replace(LEGAL, ''));
  return f.length >= 2 && label.length >= 2 && (f === label || label.includes(f) || f.includes(label));
}

// The page footer, looked up once per reading (see footerOf).
const footerOnce = oncePerReading(
  (doc: Document): Element | null => {
    const tags = doc.getElementsByTagName('footer');
    if (tags.length) return tags[tags.length - 1] ?? null;
    return doc.querySelector('[role="contentinfo"], #footer, .footer');
  },
  (el) => el,
);

/**
 * The page footer: the last <footer> (a tag lookup, cached by browsers; it sits at the end,
 * so a selector scan would walk the whole page), else the usual role, id or class. Once per
 * reading: six places ask, and on a page without <footer> each asked a scan of the whole page.
 */
export function footerOf(doc: Document): Element | null {
  return footerOnce(doc, '');
}

/** The page's address blocks: its <address> elements (a footer may hold several: links, location), else its footer. */
export function addressBlocks(doc: Document): Element[] {
  const list = Array.from(doc.getElementsByTagName('address')).slice(0, 5);
  const foot = list.length ? null : footerOf(doc);
  return foot ? [foot] : list;
}

/** The copyright holder in a footer text, without years or "All rights reserved". */
export function copyrightHolder(text: string): string {
  // A line break inside one text node is the page source's formatting ("© 2026 Psicoterapia⏎2.0").
  const m = COPYRIGHT.exec(text.replace(/(?<=\S)[^\S\n]*\n[^\S\n]*(?=[^\s©])/g, ' '));
  if (!m) return '';
  const holder = clip(m[1], 80)
    .replace(/^(?:by|par|von)\s+/i, '')
    .replace(/(?<![.,;\s])[.,;\s]+$/, '');
  if (!holder || /^\d+$/.test(holder) || CREDIT.test(holder) || ALL_RIGHTS.test(holder)) return '';
  // The lazy match stops at the first full stop: give "Inc." / "Ltd." theirs back, and a dotted
  // legal form's last one ("B.V.", "S.r.l.", "sp. z o.o.").
  return m[0].endsWith('.') &&
    /(?:\b(?:inc|ltd|co|corp|llc|plc|bv|nv|sa|ag)|\s(?:\p{L}{1,3}\.)+\p{L}{1,3})$/iu.test(holder)
    ? `${holder}.`
    : holder;
}

/** The first run of one to four capitalised words in `text` that spells the domain's label exactly, or ''. */
function domainWords(text: string, label: string): string {
  if (label.length < 4) return '';
  const runs = text.match(/\p{Lu}[\p{L}'’&-]*(?:[ \u00a0]\p{Lu}[\p{L}'’&-]*){0,3}/gu) ?? [];
  for (const run of runs.slice(0, 2000)) {
    const words = run.split(/[ \u00a0]/);
    // Any slice of the run: "Het Tender College" (a sentence's first word) still holds "Tender College".
    for (let i = 0; i < words.length; i++)
      for (let n = words.length; n > i; n--) {
        const part = words.slice(i, n).join(' ');
        if (fold(part) === label) return part;
      }
  }
  return '';
}

/** The one title part besides the page's heading that the body's text repeats, or ''. */
function titleSiteName(doc: Document, meta: MetaReading): string {
  if (meta.titleParts.length !== 2) return '';
  // The page's headings: one of them names the page, the other part the site. Both parts headings
  // ("Crew - Funkstille Podcast": a theme sets the site's name in an h1 too) leave it undecided.
  const h1 = doc.getElementsByTagName('h1');
  const headings: string[] = [];
  for (let i = 0; i < h1.length && i < 3; i++) headings.push(fold(clip(h1[i]?.textContent ?? '', 200)));
  const own = meta.titleParts.filter((p) => headings.includes(fold(p)));
  const rest = meta.titleParts.filter((p) => !own.includes(p));
  if (own.length !== 1) return '';
  const part = rest.length === 1 ? (rest[0] as string) : '';
  if (part.length < 4 || part.length > 80 || part.split(' ').length > 8) return '';
  // Folded: the text may break the name over lines or elements ("Centrum Stolarki<br>Okiennej …").
  return doc.body && fold(textOf(doc.body, 20_000)).includes(fold(part)) ? part : '';
}

/** Reads the site's company from meta, title, logo and copyright (lowest trust first wins nothing). */
export function readSiteCompany(doc: Document, url: URL, meta: MetaReading): RawCompany | null {
  const label = siteLabel(url.hostname);
  const candidates: { name: string; source: string; from: string; legal?: boolean }[] = [];
  if (meta.siteName) candidates.push({ name: meta.siteName, source: 'meta', from: 'meta' });
  // Title segments: the site's name is the one that matches the domain (usually the last).
  const titleMatch = meta.titleParts.find((p) => matchesSite(p, label));
  if (titleMatch) candidates.push({ name: titleMatch, source: 'title', from: 'title', legal: true });
  // Ordered: the home link's image in the header first, then anything called a logo.
  let logo: Element | null = null;
  const header = doc.querySelector('header, [role="banner"]');
  for (const sel of LOGO_SELECTORS) {
    // Header-scoped selectors are tried inside the header only (a miss on the whole page costs a full scan).
    if (sel.startsWith('header ') || sel.startsWith('[role="banner"] ')) {
      logo = header ? header.querySelector(sel.slice(sel.indexOf(' ') + 1)) : null;
    } else logo = doc.querySelector(sel);
    if (logo) break;
  }
  const alt = clip(logo?.getAttribute('alt') ?? '', 80).replace(/(?<!\s)\s*(logo|logotype|logotipo)\s*$/i, '');
  // "Logo image", "Site logo": the image's role, not a name.
  if (alt && !/^(?:(?:site|logo|home|image|header) ?)+$/i.test(alt))
    candidates.push({ name: alt, source: 'page', from: 'logo', legal: true });
  if (!alt || /^(logo|home|image|site|brand|header)$/i.test(alt)) {
    // A logo written as text (a page builder's brand link, a theme's site title or header heading),
    // taken only when it names the domain: a home link's text may as well be "Start" or "Home".
    const brands = header?.querySelectorAll(
      'a[href="/"], [class*="logo"], [class*="brand"], [class*="title"], h1, h2, h3, h4',
    );
    for (let i = 0; brands && i < brands.length && i < 12; i++) {
      const text = clip(brands[i]?.textContent, 80);
      if (!text || text.split(' ').length > 6 || !matchesSite(text, label)) continue;
      candidates.push({ name: text, source: 'page', from: 'brand', legal: true });
      break;
    }
  }
  const footer = footerOf(doc) ?? doc.body;
  const footerText = footer ? textOf(footer, 20_000) : '';
  // Themes that put the copyright line after the <footer> (Hugo's universal, many Bootstrap ones: <div id=copyright>).
  // Looked for only when the footer names no holder: on most pages it does, and a miss scans the whole page.
  const afterHolder = () => {
    const after = footer === doc.body ? null : doc.querySelector('#copyright, .copyright');
    return after ? copyrightHolder(textOf(after, 2000)) : '';
  };
  const holder = copyrightHolder(footerText) || afterHolder();
  if (holder) candidates.push({ name: holder, source: 'page', from: '©', legal: false });
  // A theme's placeholder ("My CMS" in og:site_name and every title) names no one: without another
  // candidate, the words of the text that spell the domain ("Het Tender College …" on tendercollege.nl).
  const named = candidates.filter((c) => !isPlaceholderName(c.name));
  if (!named.length && candidates.length && doc.body) {
    const spelled = domainWords(textOf(doc.body, 20_000), label);
    if (spelled) named.push({ name: spelled, source: 'page', from: 'text', legal: false });
  }
  // No name anywhere else (no site name, logo text or copyright holder; a domain that spells no
  // words): the title's other part ("O firmie | Centrum Stolarki Okiennej Krzysztof Burda"), when the
  // page's own text repeats it beside the page's heading.
  if (!named.length && doc.body) {
    const other = titleSiteName(doc, meta);
    if (other) named.push({ name: other, source: 'title', from: 'title', legal: true });
  }
  candidates.splice(0, candidates.length, ...named);

  // Prefer a candidate that matches the domain; else og:site_name; else the first one.
  // A name in a non-Latin script cannot be matched against the domain: trust og:site_name then.
  const nonLatin = (c: { name: string }) => !/[a-z]/i.test(c.name);
  let best =
    candidates.find((c) => c.source === 'meta' && nonLatin(c)) ??
    candidates.find((c) => matchesSite(c.name, label)) ??
    candidates.find((c) => c.source === 'meta') ??
    candidates[0];
  // "Acme" in og:site_name, "Acme GmbH" in the logo or copyright: the legal name is fuller.
  for (const c of candidates) {
    if (
      best &&
      c !== best &&
      c.legal &&
      LEGAL.test(c.name) &&
      fold(c.name).startsWith(fold(best.name)) &&
      c.name.length < 80
    )
      best = c;
  }
  if (!best) return null;
  const company = newCompany(best.name, best.source);
  if (!company) return null;
  const names: [string, string][] = candidates.map((c) => [c.from, c.name]);
  // Headings that pair the name with the page's label ("Acme Lab – Members"), for finalize to judge.
  const h1 = doc.getElementsByTagName('h1');
  for (let i = 0; i < h1.length && i < 3; i++) names.push(['h1', clip(h1[i]?.textContent, 120)]);
  company.siteNames = { chosen: company.name, candidates: names };
  setField(company, 'website', url.origin, 'url');
  setField(company, 'description', meta.description, 'meta');
  const logoSrc = logo?.getAttribute('src');
  if (logoSrc && !logoSrc.startsWith('data:')) setField(company, 'logoUrl', absUrl(logoSrc, url.href), 'page');
  return company;
}
