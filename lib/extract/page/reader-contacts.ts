import { countriesIn } from '@/lib/normalize/countries';
import type { PageKind } from '../types';
import { assignContacts, sameSite } from './assign';
import { footerOf } from './company';
import { harvest, textOf } from './contacts';
import { addList } from './entity';
import { platformAccount, platformMailbox } from './platform';
import { readOwnSite } from './profile';
import type { Owner } from './reader-owner';
import type { Draft, Safe } from './reader-state';

/**
 * Layer 5 of a reading on a generic site: the contacts outside the people's cards (links,
 * emails, phones), given to the page's person, its listed people or its company, less the
 * hosting platform's own accounts and a legal notice's decoys; and the footer's country.
 */
export function readPageContacts(
  d: Draft,
  kind: PageKind,
  owner: Owner,
  doc: Document,
  body: Element,
  page: URL,
  href: string,
  cardEls: Set<Element>,
  platform: string,
  relMe: string[],
  countries: string[],
  safe: Safe,
): void {
  const { person, ownSite, decoy } = owner;
  const company = d.company;
  // Anchors inside cards belong to their people: collected once, so each page anchor is one lookup.
  const cardAnchors = new Set<Element>();
  for (const el of cardEls)
    for (const a of Array.from(el.querySelectorAll('a[href], [data-cfemail]'))) cardAnchors.add(a);
  const inCard = (el: Element) => cardAnchors.has(el);
  // Card text is included: card emails and phones are already their people's and are skipped below.
  const pageText = textOf(body, 400_000);
  const contacts = safe('contact', () => harvest(body, href, inCard, pageText), null);
  const siteIsCompany = !!company?.website && sameSite(company.website, page);
  if (person && ownSite) safe('contact', () => readOwnSite(doc, person, !!company, contacts, href), undefined);
  // The platform's own accounts and mailboxes in its chrome (instagram.com/dribbble, support@dribbble.com) are not the member's.
  if (contacts && platform) {
    contacts.links = contacts.links.filter((l) => !platformAccount(l.url, platform));
    contacts.emails = contacts.emails.filter((e) => !platformMailbox(e, page));
  }
  if (contacts && decoy) {
    const keep = (v: string) => !decoy(v);
    contacts.emails = contacts.emails.filter(keep);
    contacts.phones = contacts.phones.filter(keep);
    contacts.textPhones = contacts.textPhones.filter(keep);
  }
  if (contacts) assignContacts(contacts, kind, person, d.listed, company, relMe, siteIsCompany, ownSite);
  // A staff profile's footer mailbox is the organisation's (info.studio@gmail.com is no role word).
  const foot = kind === 'person' && siteIsCompany && company ? footerOf(doc) : null;
  if (foot && company) addList(company, 'emails', harvest(foot, href).emails, 'contact');
  if (!countries.length) {
    const footer = footerOf(doc) ?? doc.querySelector('address');
    const text = footer ? textOf(footer, 10_000) : '';
    countries.push(...countriesIn(text));
  }
}
