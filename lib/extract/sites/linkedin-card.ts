/**
 * One person's card in a LinkedIn list (people search results, a company's People tab, Sales
 * Navigator lists), shared by the list adapters (linkedin-search, linkedin-people, linkedin-sales).
 * A card shows a name, a headline ("Role at Company"), sometimes a location, a photo and a link.
 * Only the card's own parts are read: each list adapter finds the cards and names their parts.
 */
import { classifyLink } from '@/lib/normalize/links';
import { cleanName } from '@/lib/normalize/name';
import { splitRole } from '../page/roles';
import type { Person } from '../types';
import { absUrl, addUnique, newPerson, put, text } from './dom';

/** Where one layout keeps a card's parts, as ordered selector lists (first match wins). */
export interface CardParts {
  name: readonly string[];
  headline: readonly string[];
  /** A headline split in two by the layout itself (Sales Navigator: title and company apart). */
  title?: readonly string[];
  company?: readonly string[];
  location?: readonly string[];
  photo?: readonly string[];
}

// A connection degree or a pronoun glued to the name ("Jane Doe • 2nd", "Jane Doe (She/Her)").
const DEGREE = /(?<!\s)\s*[·•]\s*(?:1st|2nd|3rd\+?|\d+(?:e|er|\.|º|°)?)\s*$/i;
const BRACKETED = /(?<!\s)\s*[([][^()[\]]{0,40}[)\]]\s*$/;

/** The visible copy of an element's text: LinkedIn doubles names in a visually hidden span for screen readers. */
export function visible(el: Element | null | undefined): string {
  if (!el) return '';
  const shown = el.querySelector('span[aria-hidden="true"]');
  return text(shown ?? el);
}

/** "CSCP", "PhD", "MBA": a credential token (two capitals at least, short). */
const credential = (token: string) => token.length <= 10 && (token.match(/\p{Lu}/gu) ?? []).length >= 2;

/** A card name without badges, pronouns, credentials or emoji; '' for LinkedIn's anonymous "LinkedIn Member". */
export function cardName(raw: string): string {
  let name = raw.replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu, ' ');
  name = name.replace(DEGREE, '').replace(BRACKETED, '');
  // "Olivia Grant, CSCP", "Sara Nunes, PhD, MBA": members append credentials after a comma.
  const comma = name.indexOf(',');
  if (
    comma > 0 &&
    name
      .slice(comma + 1)
      .split(/[\s,]+/)
      .filter(Boolean)
      .every(credential)
  )
    name = name.slice(0, comma);
  name = cleanName(name);
  // Out-of-network people are listed as "LinkedIn Member" (translated) with no profile link: the
  // callers skip cards without a link, and this keeps the brand's own name out in any language.
  return /linkedin/i.test(name) ? '' : name;
}

/**
 * A headline split where it says so: "Role at Company" (and @, chez, bei, presso, ...) in its first
 * claim. Headlines chain claims with pipes and dots ("CEO at Acme | Speaker | Investor"), so only
 * the first is read; "Role | Company" is not split, as the part after a pipe is as often a field
 * ("VP Growth | Fintech") as an employer, and a wrong company is worse than none.
 */
export function splitHeadline(headline: string): { title: string; company?: string } {
  const first = headline.split(/\s[|•·]\s/)[0]?.trim() ?? '';
  const at = splitRole(first, false);
  return at.company ? at : { title: headline };
}

/** The canonical /in/<slug> link among a card's anchors (tracking query and country host dropped). */
export function profileLink(card: Element, base: URL): string {
  for (const a of Array.from(card.querySelectorAll('a[href*="/in/"]')).slice(0, 8)) {
    const hit = classifyLink(absUrl(a.getAttribute('href'), base));
    if (hit?.kind === 'linkedin-person') return hit.url;
  }
  return '';
}

/** The first non-empty visible text among selectors, inside the card. */
function partText(card: Element, selectors: readonly string[] | undefined): string {
  for (const selector of selectors ?? []) {
    for (const el of Array.from(card.querySelectorAll(selector)).slice(0, 4)) {
      const value = visible(el);
      if (value) return value;
    }
  }
  return '';
}

/** A photo of the card, skipping LinkedIn's grey placeholders and data: pixels. */
function photoOf(card: Element, selectors: readonly string[] | undefined, base: URL): string {
  for (const selector of selectors ?? []) {
    const img = card.querySelector(selector);
    const url = absUrl(img?.getAttribute('src'), base);
    if (url && !/static\.licdn\.com|ghost/i.test(url)) return url;
  }
  return '';
}

/**
 * Reads one card into a Person (source "site:<adapter>"), or null when it names nobody. `link` is
 * the person's profile link as the caller found it; `company` the page's own company, when every
 * listed person works there (a company's People tab) and their headline names no other.
 */
export function readCard(
  card: Element,
  parts: CardParts,
  source: string,
  base: URL,
  link: string,
  company = '',
): Person | null {
  const name = cardName(partText(card, parts.name));
  if (!name || name.length > 100) return null;
  const person = newPerson(name, source);
  const ownTitle = partText(card, parts.title);
  const ownCompany = partText(card, parts.company);
  if (ownTitle || ownCompany) {
    put(person, 'title', ownTitle, source);
    put(person, 'companyName', ownCompany, source);
  } else {
    const role = splitHeadline(partText(card, parts.headline));
    put(person, 'title', role.title, source);
    put(person, 'companyName', role.company ?? '', source);
  }
  put(person, 'companyName', company, source);
  put(person, 'location', partText(card, parts.location), source);
  put(person, 'photoUrl', photoOf(card, parts.photo, base), source);
  if (link) {
    addUnique(person.links, link);
    person.sources.links = source;
  }
  return person;
}

/** People of a list of cards, each once (LinkedIn repeats a person in "recent" strips and grids). */
export function readCards(
  cards: Element[],
  parts: CardParts,
  source: string,
  base: URL,
  linkOf: (card: Element) => string,
  company = '',
): Person[] {
  const out: Person[] = [];
  const seen = new Set<string>();
  for (const card of cards) {
    const link = linkOf(card);
    const person = readCard(card, parts, source, base, link, company);
    if (!person) continue;
    const key = link || `${person.fullName}|${person.companyName ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(person);
  }
  return out;
}
