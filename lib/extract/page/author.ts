import { PERSON_LINKS } from '@/lib/normalize/links';
import { siteLabel } from './company';
import { harvest, textOf } from './contacts';
import { addList, clip, nameKey, newPerson, setField } from './entity';
import type { MetaReading } from './meta';
import { looksLikeName } from './people-text';
import { roleish, splitRole } from './roles';
import type { RawPerson } from './types';

/**
 * The author of an article who is described, not merely bylined: an author box under or
 * over the text with their role and employer ("Founder, Pefin", "Engineer at Adyen") and
 * their profile link (a LinkedIn article's author card, a guest post's "About the author"),
 * or a JSON-LD Person linked from the Article with a jobTitle or worksFor. Such a page is
 * about a prospect. A bare byline ("By Jane Doe", a staff reporter of the publisher) is not:
 * without an employer other than the site's, the page stays "other".
 */

// Elements that mark the author's name: rel=author, microdata, h-entry, common author-box classes.
const MARK =
  'a[rel~="author"], [itemprop~="author"], .p-author, [class*="author-name"], [class*="author__name"], [class*="author-title"]';
// Blocks that may hold the author's role line.
const LINES = 'p, div, span, h3, h4, h5, li';

/** The first short line in a card that is not the name and holds a role word. */
function roleLine(card: Element, name: string): string {
  const key = nameKey(name);
  for (const el of Array.from(card.querySelectorAll(LINES)).slice(0, 40)) {
    if (el.querySelector(LINES)) continue; // leaf blocks only: a wrapper repeats its children's text
    const text = clip(textOf(el, 300), 200);
    if (text.length < 3 || text.length > 120 || nameKey(text).includes(key) || !roleish(text)) continue;
    // A row of links ("Author Archives · Website · Twitter") is the box's menu, not a role.
    const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + textOf(a, 300).length, 0);
    if (linked * 10 >= text.length * 9) continue;
    return text;
  }
  return '';
}

// An author box's bio opening with the author's role: "Jake is the co-founder of Integer 32, …",
// "Jane Doe is a senior engineer at Acme." (the third-person form every guest-post box uses).
const BIO =
  /^(?:\p{Lu}[\p{L}'’-]+\s){0,3}?(?:\p{Lu}[\p{L}'’-]+|[Ss]he|[Hh]e|[Tt]hey)\s(?:is|are)\s(?:the\s|an?\s)?([\p{L} -]{3,50}?)\s(at|of|with|for)\s(?:the\s)?(\p{Lu}[^.,;:!?()]{1,60})/u;
// Roles whose "of" names their business ("co-founder of Integer 32"); other roles' "of" names a field.
const LEADER = /\b(?:co-?)?(?:founder|owner|ceo|cto|coo|cfo|president|director|head|partner|chair(?:man|woman)?)$/i;

/** "Role at Company" from the first sentence of an author's bio, or ''. */
function bioRole(card: Element, name: string): string {
  const first = nameKey(name).split(' ')[0] ?? '';
  for (const el of Array.from(card.querySelectorAll('p, div')).slice(0, 20)) {
    if (el.querySelector('p, div')) continue;
    const text = clip(textOf(el, 600), 400);
    const m = BIO.exec(text);
    if (!m || (!nameKey(text).startsWith(first) && !/^(?:s?he|they)\s/i.test(text))) continue;
    const [title, via, company] = [(m[1] ?? '').trim(), m[2] ?? '', (m[3] ?? '').trim()];
    if (!roleish(title) || (via === 'of' && !LEADER.test(title))) return '';
    return `${title} at ${company}`;
  }
  return '';
}

/** True when an employer is the site's own publisher (a staff writer's byline, not a prospect). */
function isPublisher(company: string, meta: MetaReading, page: URL): boolean {
  const co = nameKey(company).replace(/ /g, '');
  const site = nameKey(meta.siteName).replace(/ /g, '');
  return (!!site && (co === site || co.includes(site) || site.includes(co))) || siteLabel(page.hostname).includes(co);
}

/** The one author an author box describes, or null (no box, bare bylines, or several described authors). */
function authorBox(doc: Document, base: string, meta: MetaReading, page: URL): RawPerson | null {
  let found: RawPerson | null = null;
  // Lists of other articles mark their authors too: only a described one counts.
  for (const el of Array.from(doc.querySelectorAll(MARK)).slice(0, 60)) {
    const name = clip(textOf(el, 200), 100).replace(/^(?:by|von|par|di|por|door)\s+/i, '');
    if (!looksLikeName(name) || (found && nameKey(found.fullName) === nameKey(name))) continue;
    const p = describedIn(el, name, base, meta, page);
    if (p && found) return null; // several described authors: the page is about none of them alone
    found ??= p;
  }
  return found;
}

/** The person a name's card describes: a role line with an employer (not the site) and a profile link. */
function describedIn(el: Element, name: string, base: string, meta: MetaReading, page: URL): RawPerson | null {
  for (let card = el.parentElement, i = 0; card && i < 4; card = card.parentElement, i++) {
    // A card is small and names no one else (not the article, not a list of other articles).
    if (textOf(card, 800).length > 600) return null;
    const others = Array.from(card.querySelectorAll(MARK)).slice(0, 10);
    if (others.some((m) => !nameKey(textOf(m, 200)).includes(nameKey(name)))) return null;
    const line = roleLine(card, name);
    const bio = bioRole(card, name);
    if (!line && !bio) continue;
    // "Founder, Pefin, The World's First AI Financial Advisor", "CTO at Acme, the bike people":
    // role and employer, then a tagline.
    const chunks = line.split(/,\s/);
    const first = splitRole(chunks[0] ?? '', true);
    const lined = first.company ? first : splitRole(chunks.slice(0, 2).join(', '), true);
    const parts = lined.company ? lined : splitRole(bio, true);
    if (!parts.company || isPublisher(parts.company, meta, page)) return null;
    const links = harvest(card, base).links.filter((l) => PERSON_LINKS.has(l.kind) && l.kind !== 'website');
    const p = links.length ? newPerson(name, 'page') : null;
    if (!p) return null;
    setField(p, 'title', parts.title, 'page');
    setField(p, 'companyName', parts.company, 'page');
    addList(
      p,
      'links',
      links.map((l) => l.url),
      'contact',
    );
    return p;
  }
  return null;
}

/**
 * The article's described author: a JSON-LD author with an employer other than the publisher,
 * else an author box. Null for a bylined article.
 */
export function describedAuthor(
  doc: Document,
  base: string,
  meta: MetaReading,
  page: URL,
  structured: RawPerson[],
): RawPerson | null {
  const names = new Set(structured.map((p) => nameKey(p.fullName)));
  const ld = names.size === 1 ? (structured[0] as RawPerson) : null;
  if (ld?.companyName && !isPublisher(ld.companyName, meta, page)) return ld;
  return names.size > 1 ? null : authorBox(doc, base, meta, page);
}
