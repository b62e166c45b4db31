import { absUrl, addList, clip, newCompany, newPerson, setField } from './entity';
import { PARTICLE } from './people-text';
import type { RawCompany, RawPerson } from './types';

/**
 * A focused microformats reader for h-card (v2) and vcard (v1 classic) only: the
 * full microformats-parser is ~30 KB gzip, too much for the injected script, and we
 * need a handful of properties. Spec: https://microformats.org/wiki/h-card
 */
const ROOT = '.h-card, .vcard';
// Cards inside these are authors or mentions, not the page's subject.
// WordPress marks each comment's author a vcard inside its <li class="comment">: a commenter, not the page's.
const CONTEXT = '.h-entry, .hentry, .h-cite, .h-review, .hreview, .h-event, .vevent, .comment';

/** The nearest card root that owns a property element (a nested card owns itself only for its own props). */
function ownerOf(el: Element, root: Element): boolean {
  const parent = el.parentElement;
  const owner = el === root ? root : parent?.closest(ROOT);
  return owner === root;
}

function props(root: Element, classes: string[]): Element[] {
  const sel = classes.map((c) => `.${c}`).join(',');
  return Array.from(root.querySelectorAll(sel))
    .slice(0, 50)
    .filter((el) => ownerOf(el, root));
}

function textValue(el: Element): string {
  // Classic value-class pattern: <span class="tel"><span class="value">...</span></span>.
  const parts = Array.from(el.querySelectorAll(':scope > .value')).map(
    (v) => v.getAttribute('title') ?? v.textContent ?? '',
  );
  if (parts.length) return clip(parts.join(''));
  if (el.tagName === 'IMG' || el.tagName === 'AREA') return clip(el.getAttribute('alt') ?? '');
  if (el.tagName === 'ABBR' && el.getAttribute('title')) return clip(el.getAttribute('title'));
  if (el.tagName === 'DATA' && el.getAttribute('value')) return clip(el.getAttribute('value'));
  // A nested card used as a property (p-org h-card): its own name.
  if (el.matches(ROOT)) {
    const n = props(el, ['p-name', 'fn'])[0];
    if (n) return textValue(n);
  }
  return clip(el.textContent ?? '');
}

function urlValue(el: Element, base: string): string {
  const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data') ?? el.getAttribute('value');
  return raw ? absUrl(raw, base) : '';
}

function first(root: Element, classes: string[]): string {
  for (const el of props(root, classes)) {
    const v = textValue(el);
    if (v) return v;
  }
  return '';
}

/** The implied name (spec "implied p-name"): an img alt or the card's own text. */
function impliedName(root: Element): string {
  if (root.tagName === 'IMG') return clip(root.getAttribute('alt') ?? '');
  const only = root.children.length === 1 ? root.children[0] : null;
  if (only?.tagName === 'IMG') return clip(only.getAttribute('alt') ?? '');
  const text = clip(root.textContent ?? '', 120);
  return text.length < 80 ? text : '';
}

/** True for words that are no name: several, one of them lower case and no particle ("Your awesome title"). */
function isPhrase(name: string): boolean {
  const words = name.split(' ');
  return words.length >= 2 && words.some((w) => /^\p{Ll}/u.test(w) && !PARTICLE.test(w));
}

export interface HCardReading {
  people: RawPerson[];
  /** A card that is an organisation (name equals org). */
  company: RawCompany | null;
  countries: string[];
}

/**
 * What `querySelectorAll(ROOT)` selects: one query per class, which Chromium answers faster than
 * the list (npm run bench extract's page, 10,000 elements, no cards: 0.50 ms for the list, 0.34 ms
 * for the two on a fresh page; 0.31 vs ~0.01 ms asked again); the list itself, for document order,
 * on the rare page with both.
 */
function cardRoots(doc: Document): ArrayLike<Element> {
  const v2 = doc.querySelectorAll('.h-card');
  const v1 = doc.querySelectorAll('.vcard');
  return v1.length && v2.length ? doc.querySelectorAll(ROOT) : v1.length ? v1 : v2;
}

/** Reads the top-level h-cards of a page (those not inside an entry, citation or review). */
export function readHCards(doc: Document, base: string): HCardReading {
  const out: HCardReading = { people: [], company: null, countries: [] };
  const roots = Array.from(cardRoots(doc))
    .slice(0, 100)
    .filter((el) => !el.parentElement?.closest(ROOT) && !el.closest(CONTEXT));
  // h-resume: the resume's p-name is the person; its p-contact h-card holds their address and numbers.
  const resume = doc.querySelector('.h-resume');
  if (resume) {
    const name = clip(resume.querySelector(':scope > .p-name, .p-name')?.textContent ?? '');
    const p = name ? newPerson(name, 'h-card') : null;
    const contact = resume.querySelector('.p-contact.h-card, .p-contact.vcard');
    if (p) {
      if (contact) {
        fillContacts(p, contact, base);
        const locality = first(contact, ['p-locality', 'locality']);
        const region = first(contact, ['p-region', 'region']);
        const country = first(contact, ['p-country-name', 'country-name']);
        setField(p, 'location', [locality, region, country].filter(Boolean).join(', '), 'h-card');
        if (country) {
          p.country = country;
          out.countries.push(country);
        }
      }
      out.people.push(p);
      return out;
    }
  }
  for (const root of roots) {
    const given = first(root, ['p-given-name', 'given-name']);
    const family = first(root, ['p-family-name', 'family-name']);
    const name = first(root, ['p-name', 'fn']) || [given, family].filter(Boolean).join(' ') || impliedName(root);
    const org = first(root, ['p-org', 'org']);
    if (org && name && org === name) {
      const c = newCompany(name, 'h-card');
      if (c && !out.company) {
        fillContacts(c, root, base);
        out.company = c;
      }
      continue;
    }
    const p = newPerson(name, 'h-card');
    // A theme's placeholder left in the card ("Your awesome title", Jekyll's minima) is a phrase, not a name.
    if (!p || isPhrase(p.fullName)) continue;
    setField(p, 'firstName', given, 'h-card');
    setField(p, 'lastName', family, 'h-card');
    // "<p-role>Director</p-role> at <p-org h-card>Okta</p-org>": the role may sit inside the org's own
    // card (microformats nest it there), so the first org card that has one gives the title.
    const orgCards = props(root, ['p-org', 'org']).filter((el) => el.matches(ROOT));
    const orgRole = orgCards.map((el) => first(el, ['p-job-title', 'p-role', 'role', 'title'])).find(Boolean) ?? '';
    setField(p, 'title', first(root, ['p-job-title', 'title', 'p-role', 'role']) || orgRole, 'h-card');
    setField(p, 'companyName', org, 'h-card');
    // An adr is not a card root, so its parts are looked up inside it directly.
    const adr = props(root, ['p-adr', 'adr', 'h-adr'])[0];
    const inAdr = (classes: string[]) => {
      const el = adr?.querySelector(classes.map((c) => `.${c}`).join(','));
      return el ? textValue(el) : first(root, classes);
    };
    const locality = inAdr(['p-locality', 'locality']);
    const region = inAdr(['p-region', 'region']);
    const country = inAdr(['p-country-name', 'country-name']);
    const location = [locality, region, country].filter(Boolean).join(', ') || first(root, ['p-location']);
    setField(p, 'location', location, 'h-card');
    if (country) {
      p.country = country;
      out.countries.push(country);
    }
    const photo = props(root, ['u-photo', 'photo'])[0];
    if (photo) setField(p, 'photoUrl', urlValue(photo, base), 'h-card');
    fillContacts(p, root, base);
    out.people.push(p);
  }
  return out;
}

function fillContacts(e: RawPerson | RawCompany, root: Element, base: string): void {
  const emails = props(root, ['u-email', 'email']).map(
    (el) => el.getAttribute('href') ?? el.getAttribute('value') ?? textValue(el),
  );
  addList(e, 'emails', emails, 'h-card');
  const tels = props(root, ['p-tel', 'tel']).map((el) => {
    const href = el.getAttribute('href');
    return href?.startsWith('tel:') ? href : textValue(el);
  });
  addList(e, 'phones', tels, 'h-card');
  const urls = props(root, ['u-url', 'url', 'u-uid'])
    .map((el) => urlValue(el, base))
    .filter(Boolean);
  addList(e, 'links', urls, 'h-card');
}

/** Links marked rel="me" (the owner's other profiles), absolute. */
export function relMeLinks(doc: Document, base: string): string[] {
  // One compound selector, its tags checked here: Chromium walks the page faster for it than for
  // the list 'a[rel~="me"][href], link[rel~="me"][href]' (npm run bench extract: ~0.15 ms a reading).
  return Array.from(doc.querySelectorAll('[rel~="me"][href]'))
    .filter((el) => el.localName === 'a' || el.localName === 'link')
    .slice(0, 50)
    .map((a) => absUrl(a.getAttribute('href'), base))
    .filter(Boolean);
}
