import { countriesIn } from '@/lib/normalize/countries';
import { normalizeEmail } from '@/lib/normalize/email';
import type { PageKind } from '../types';
import { assignContacts, sameSite } from './assign';
import { footerOf } from './company';
import { harvest, textOf } from './contacts';
import { addList, clip, nameKey } from './entity';
import { looksLikeName } from './people-text';
import { platformAccount, platformMailbox } from './platform';
import { readOwnSite } from './profile';
import type { Owner } from './reader-owner';
import type { Draft, Safe } from './reader-state';

/**
 * True when a profile link is written as another person's name that its address spells
 * ("<a href=linkedin.com/in/srinivas-kaza-…>Srinivas Kaza</a>"), sharing no word with `name`.
 */
function othersProfile(link: { url: string; text?: string }, name: string): boolean {
  if (!link.text || !looksLikeName(link.text)) return false;
  const words = nameKey(link.text).split(' ');
  const own = new Set(nameKey(name).split(' '));
  if (words.some((w) => w.length >= 3 && own.has(w))) return false;
  const path = nameKey(link.url.replace(/^[a-z]+:\/\/[^/]+/i, '')).replace(/ /g, '');
  return words.filter((w) => w.length >= 3 && path.includes(w)).length >= 1;
}

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
  // A notice's chamber, insurer or host contacts: finalize takes those the company gets here back
  // from it once it reads what the notice names (lib/extract/company-notice.ts).
  const decoyed = owner.companyPage?.decoyed;
  if (contacts && decoy && company && decoyed) {
    for (const key of ['emails', 'phones', 'textPhones'] as const) {
      const had = new Set(company[key] ?? []);
      for (const v of contacts[key]) {
        const value = key === 'emails' ? (normalizeEmail(v) ?? '') : clip(v, 254);
        if (decoy(v) && !had.has(value)) decoyed[key].push(value);
      }
    }
  }
  // A profile link written as someone else's name (a co-author, a cited colleague) is theirs, not the page person's.
  if (contacts && person) contacts.links = contacts.links.filter((l) => !othersProfile(l, person.fullName));
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
