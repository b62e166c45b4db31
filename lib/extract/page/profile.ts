import { footerOf, siteLabel } from './company';
import { harvest, textOf } from './contacts';
import { addList, nameKey, setField } from './entity';
import { ownBusiness } from './kind';
import type { MetaReading } from './meta';
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
 * True when the site is the person's own: its domain spells their name (janedoe.dev), or its
 * footer names them ("© 2025 Martin Konzett B.A.", "Krause Immobilien · Angela Krause"). A firm's
 * or a university's footer names the organisation, not one of its people.
 */
export function isOwnSite(person: RawPerson, doc: Document, page: URL): boolean {
  if (isPersonalSite(person, siteLabel(page.hostname))) return true;
  const name = nameKey(person.fullName);
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
  if (!siteCompany || isOwnSite(person, doc, page) || ownBusiness(siteCompany.name, person)) return company;
  // "Über mich", "About me", "Chi sono": the site's own about page is its owner's, whatever the brand.
  if (ME_PATH.test(page.pathname)) return company;
  if (!person.companyName) setField(person, 'companyName', siteCompany.name, siteCompany.sources.name ?? 'page');
  const named = meta.titleParts.some((p) => nameKey(p) === nameKey(siteCompany.name));
  return company ?? (named && nameKey(person.companyName ?? '') === nameKey(siteCompany.name) ? siteCompany : null);
}
