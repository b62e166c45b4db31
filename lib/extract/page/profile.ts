import { footerOf, siteLabel } from './company';
import { type Contacts, harvest, textOf } from './contacts';
import { addList, nameKey, newCompany, rankOf, setField, townFrom } from './entity';
import { ownBusiness } from './kind';
import { townBlock } from './legal';
import type { MetaReading } from './meta';
import { SPEAKER_PATH } from './person-signs';
import type { RawCompany, RawPerson } from './types';

/**
 * One person's page on someone else's site: a staff profile on a practice's or a
 * firm's site, a faculty page on a university's. Their own contacts sit in the block around
 * their name (a profile card); the footer's are the organisation's. The organisation is their
 * employer, and the page's company when the title names it ("Fabrizio Guidi — Psicoterapia 2.0").
 */

// Containers that hold the site's chrome, never one person's card.
const CHROME = 'header, footer, nav, [role="navigation"], [role="banner"], [role="contentinfo"]';
const ME_PATH = /mich|about|sobre-?mi|chi-?sono|qui-?suis|a-?propos|over-?mij|o-?mnie/i;
const PUBLISHING_HOST =
  /(?:^|\.)(?:linkedin\.com|medium\.com|substack\.com|dev\.to|hashnode\.(?:com|dev)|wordpress\.com|blogspot\.com|tumblr\.com|about\.me)$/i;
const ORG_LINKS = new Set(['linkedin-company', 'crunchbase-organization', 'wellfound-company']);

/** The largest block around a person's heading that holds no site chrome and few other headings. */
export function profileBlock(heading: Element): Element | null {
  let block: Element | null = null;
  for (let el = heading.parentElement, i = 0; el && i < 8; el = el.parentElement, i++) {
    if (/^(BODY|HTML|MAIN)$/.test(el.tagName) || el.querySelector(CHROME)) break;
    if (el.querySelectorAll('h1, h2, h3').length > 3) break;
    block = el;
  }
  return block;
}

/** Gives the person the emails, phones and profile links of their profile block. */
export function readProfileBlock(person: RawPerson, block: Element, base: string): void {
  const c = harvest(block, base);
  addList(person, 'emails', c.emails, 'contact');
  addList(person, 'phones', c.phones, 'contact');
  addList(person, 'textPhones', c.textPhones, 'contact');
  const links = c.links.filter((l) => !ORG_LINKS.has(l.kind)).map((l) => l.url);
  addList(person, 'links', links, 'contact');
}

/** True when the site's domain spells a part of the person's name (janedoe.dev, anwaltniemeyer.de). */
export function isPersonalSite(person: RawPerson, label: string): boolean {
  return nameKey(person.fullName)
    .split(' ')
    .some((part) => part.length >= 3 && label.includes(part));
}

/**
 * True when the site is the person's own: its domain spells their name (janedoe.dev), its name is
 * theirs, or its
 * footer names them ("© 2025 Martin Konzett B.A.", "Krause Immobilien · Angela Krause"). A firm's
 * or a university's footer names the organisation, not one of its people.
 */
export function isOwnSite(person: RawPerson, doc: Document, page: URL, meta: MetaReading): boolean {
  // A user's directory on a shared server ("/~jdoe/": a university's or a provider's) is its owner's site.
  if (isPersonalSite(person, siteLabel(page.hostname)) || page.pathname.startsWith('/~')) return true;
  const name = nameKey(person.fullName);
  // A site named after the person (og:site_name, or its home page's title is their name, as in
  // 'Nicolas "0swin" Roger'): a firm's or a university's home is titled with the organisation.
  const home = /^\/(?:index\.\w{2,5})?$/.test(page.pathname);
  const titled = (t: string) => nameKey(t.replace(/\s["“„«][^"“”„«»\s]{1,20}["”“»]\s/g, ' ')) === name;
  // Any page's title ends with the site's name ("Sobre Mim - Elton Luís Minetto", "Publications | Jane Doe").
  const last = meta.titleParts.length >= 2 ? (meta.titleParts[meta.titleParts.length - 1] as string) : '';
  if (name.includes(' ') && (titled(meta.siteName) || titled(last) || (home && titled(meta.titleParts[0] ?? ''))))
    return true;
  const foot = footerOf(doc);
  if (!foot || !name.includes(' ')) return false;
  return ` ${nameKey(textOf(foot, 3000))} `.includes(` ${name} `);
}

/**
 * On a person's page of an organisation's site: the organisation becomes their employer, and
 * the page's company when a title part names it. Returns the company the page keeps.
 */
export function siteEmployer(
  person: RawPerson,
  company: RawCompany | null,
  siteCompany: RawCompany | null,
  meta: MetaReading,
  page: URL,
  doc: Document,
): RawCompany | null {
  if (!siteCompany || isOwnSite(person, doc, page, meta) || ownBusiness(siteCompany.name, person)) return company;
  // "Über mich", "About me", "Chi sono": the site's own about page is its owner's, whatever the brand.
  if (ME_PATH.test(page.pathname)) return company;
  // A platform its members publish on (a LinkedIn article, a Medium post) employs none of them.
  if (PUBLISHING_HOST.test(page.hostname)) return company;
  // A speaker's page: the event is neither their employer nor a prospect's company.
  if (SPEAKER_PATH.test(page.pathname))
    return company && nameKey(company.name) === nameKey(person.companyName ?? '') ? company : null;
  if (!person.companyName) setField(person, 'companyName', siteCompany.name, siteCompany.sources.name ?? 'page');
  const named = meta.titleParts.some((p) => nameKey(p) === nameKey(siteCompany.name));
  return company ?? (named && nameKey(person.companyName ?? '') === nameKey(siteCompany.name) ? siteCompany : null);
}

/**
 * Whose company is the page's? One rule for every person page, whatever named the employer
 * (JSON-LD worksFor, an h-card's p-org, microdata): on the person's own site (its domain spells
 * their name or its footer names them) the site is theirs, so the employer is only their
 * companyName and the page has no company (a homepage h-card's "Director at Okta" makes Okta no
 * site's owner). Elsewhere (a profile on an event's or a firm's site) a structured employer is
 * also the page's company; one named only in a bio is the person's alone. A described article
 * author's employer is theirs too, never the page's (`theirs` covers both).
 */
export function personPageCompany(person: RawPerson, company: RawCompany | null, theirs: boolean): RawCompany | null {
  const source = person.sources.companyName ?? 'page';
  if (!company && !theirs && person.companyName && rankOf(source) <= 1) return newCompany(person.companyName, source);
  const employer = nameKey(company?.name ?? '') === nameKey(person.companyName ?? '');
  return theirs && company && employer && !ownBusiness(company.name, person) ? null : company;
}

/**
 * On the person's own site: the town of its address block or footer is theirs (when no
 * organisation owns the page), and the footer's profile icons come before links in posts,
 * which may be anyone's.
 */
export function readOwnSite(
  doc: Document,
  person: RawPerson,
  hasCompany: boolean,
  contacts: Contacts | null,
  base: string,
): void {
  const foot = footerOf(doc);
  const block = doc.querySelector('address') ?? foot;
  if (block && !hasCompany && !person.location) townFrom(person, townBlock(block));
  if (!foot || !contacts) return;
  const chrome = harvest(foot, base).links;
  const urls = new Set(chrome.map((l) => l.url));
  contacts.links = [...chrome, ...contacts.links.filter((l) => !urls.has(l.url))];
}
