/**
 * LinkedIn person profile (www.linkedin.com/in/<slug>, any country subdomain, /pub/ links).
 *
 * Layouts served (newest first), each with its own fallback selectors below:
 * - logged-in "pvs" Ember DOM (2022-2025): h1.text-heading-xlarge, experience card anchored by
 *   div#experience with [data-view-name="profile-component-entity"] rows. Class names are
 *   partly obfuscated per build, so only the stable ones are used. Saved pages have no <head>.
 * - guest / public profile (2020-2025): JSON-LD Person (@graph), og:* tags, "top-card-layout"
 *   classes, experience items marked data-section="currentPositionsDetails".
 * - logged-in "pv-top-card-section" DOM (2018): name/headline/location headings, experience
 *   li.pv-position-entity, photo as a background-image style.
 * - public profile 2015-2017: #topcard .profile-card.vcard (h1#name, p.headline,
 *   li.position[data-section="currentPositionsDetails"]).
 * "Profile Not Found" and the anti-bot challenge page have none of these anchors: the
 * adapter returns null so the extractor reports an "other" page.
 *
 * Language: nothing here matches visible English words. "Current" is decided from the
 * shape of a position's date range (one year = still running), so French or German UI works.
 */

import { normalizeEmail } from '@/lib/normalize/email';
import { classifyLink } from '@/lib/normalize/links';
import { cleanName } from '@/lib/normalize/name';
import type { Person, SiteAdapter, SiteResult } from '../types';
import {
  absUrl,
  addUnique,
  all,
  canonicalHref,
  first,
  hasType,
  isObject,
  jsonLdNodes,
  meta,
  newPerson,
  onHost,
  pick,
  pickText,
  put,
  str,
  styleImage,
  text,
  unwrapRedirect,
} from './dom';

const NAME = 'linkedin-profile';
const SOURCE = `site:${NAME}`;

interface Position {
  title: string;
  company: string;
  /** Date range caption; '' when the layout has none. */
  dates: string;
}

// The profile's own name heading, one selector per layout family (newest first).
const NAME_SELECTORS = [
  'h1.text-heading-xlarge', // logged-in pvs DOM 2022-2025
  'section[data-member-id] h1', // logged-in pvs DOM when the heading class is obfuscated too
  '.pv-top-card h1',
  'h1.top-card-layout__title', // guest 2020-2025
  'h1.pv-top-card-section__name', // logged-in 2018
  '#topcard h1#name', // public 2015-2017
  '.profile-card.vcard h1.fn',
] as const;

const HEADLINE_SELECTORS = [
  '.text-body-medium.break-words', // logged-in pvs (scoped to the top card)
  '[data-generated-suggestion-target]', // logged-in pvs headline when its classes are obfuscated
  'h2.top-card-layout__headline', // guest
  '.pv-top-card-section__headline', // 2018
  '[data-section="headline"]', // 2015-2017
] as const;

const LOCATION_SELECTORS = [
  '.top-card-layout__first-subline .not-first-middot > span:first-child', // guest 2023-2025
  '.top-card-layout__first-subline .top-card__subline-item:first-child', // guest 2020-2022
  '.pv-top-card-section__location', // 2018
  '#demographics .locality', // 2015-2017
  '.profile-card .locality',
] as const;

/** Strips pronouns, credentials and bracketed extras ("Julian (Beisenkötter) Amelung" → "Julian Amelung"). */
function profileName(raw: string): string {
  return cleanName(cleanName(raw).replace(/(?<!\s)\s*[([][^()[\]]{0,60}[)\]]\s*/g, ' '));
}

/** A position is current when its date range shows one year only ("Feb 2022 - Present", "févr. 2022 - aujourd’hui"). */
function isCurrent(dates: string): boolean {
  return (dates.match(/\b(?:19|20)\d{2}\b/g) ?? []).length === 1;
}

/** Text of the aria-hidden copy (the visible one; the visually-hidden twin repeats it for screen readers). */
function visibleText(el: Element | null): string {
  if (!el) return '';
  return text(el.querySelector('span[aria-hidden="true"]') ?? el);
}

/** Positions from the logged-in pvs experience card (grouped "company → roles" rows included). */
function pvsPositions(doc: Document): Position[] {
  const section = doc.querySelector('#experience')?.closest('section');
  if (!section) return [];
  const out: Position[] = [];
  const entities = all(section, '[data-view-name="profile-component-entity"]', 200);
  const nestedSet = new Set<Element>();
  for (const entity of entities) {
    for (const inner of all(entity, '.pvs-entity__sub-components [data-view-name="profile-component-entity"]', 50)) {
      nestedSet.add(inner);
    }
  }
  for (const entity of entities) {
    if (nestedSet.has(entity)) continue;
    const bold = visibleText(entity.querySelector('.t-bold'));
    const roles = all(entity, '.pvs-entity__sub-components [data-view-name="profile-component-entity"]', 50);
    if (roles.length > 0) {
      // Grouped layout: the bold line is the company, each nested row is one role there.
      for (const role of roles) {
        out.push({
          title: visibleText(role.querySelector('.t-bold')),
          company: bold,
          dates: visibleText(role.querySelector('.pvs-entity__caption-wrapper')),
        });
      }
      continue;
    }
    // Single role: the bold line is the title, the first plain t-14 line is "Company · Full-time".
    const sub = all(entity, 'span.t-14.t-normal', 10).find((el) => !el.classList.contains('t-black--light'));
    out.push({
      title: bold,
      company: visibleText(sub ?? null).split(' · ')[0] ?? '',
      dates: text(entity.querySelector('.pvs-entity__caption-wrapper')),
    });
  }
  return out;
}

/** Positions from the guest DOM (2020-2025), single and grouped items. */
function guestPositions(doc: Document): Position[] {
  const out: Position[] = [];
  for (const item of all(doc, 'li.experience-item, li.experience-group', 100)) {
    if (item.classList.contains('experience-group')) {
      const company = pickText(item, ['.experience-group-header__company', 'h4']);
      for (const role of all(item, '.experience-group-position', 30)) {
        out.push({
          title: pickText(role, ['.experience-group-position__title', 'h3']),
          company,
          dates: pickText(role, ['.date-range']),
        });
      }
      continue;
    }
    if (item.closest('li.experience-group')) continue;
    out.push({
      title: pickText(item, ['.experience-item__title', 'h3']),
      company: pickText(item, ['.experience-item__subtitle', 'h4']),
      dates: pickText(item, ['.date-range']),
    });
  }
  return out;
}

/** Positions from the 2018 logged-in DOM. */
function positions2018(doc: Document): Position[] {
  const out: Position[] = [];
  for (const item of all(doc, '#experience-section li.pv-position-entity', 100)) {
    const company = pickText(item, [
      '.pv-entity__secondary-title',
      '.pv-entity__company-summary-info h3 span:not(.visually-hidden)',
    ]);
    const roles = all(item, '.pv-entity__role-details', 30);
    if (roles.length > 0) {
      for (const role of roles) {
        out.push({
          title: pickText(role, ['h3 span:not(.visually-hidden)', 'h3']),
          company,
          dates: pickText(role, ['.pv-entity__date-range span:not(.visually-hidden)']),
        });
      }
      continue;
    }
    out.push({
      title: pickText(item, ['.pv-entity__summary-info h3', 'h3']),
      company,
      dates: pickText(item, ['.pv-entity__date-range span:not(.visually-hidden)', '.pv-entity__date-range']),
    });
  }
  return out;
}

/** Positions from the 2015-2017 public profile; data-section marks the current ones. */
function positions2016(doc: Document): Position[] {
  return all(doc, '#experience li.position, li.position[data-section]', 100).map((item) => ({
    title: pickText(item, ['.item-title']),
    company: pickText(item, ['.item-subtitle']),
    // The layout says "current" with an attribute instead of a date shape.
    dates: item.getAttribute('data-section') === 'currentPositionsDetails' ? '2000' : '1999 2000',
  }));
}

/** Positions read with the reader of the layout family the name heading belongs to. */
function positionsFor(doc: Document, nameEl: Element | null): Position[] {
  if (!nameEl || nameEl.matches('.top-card-layout__title')) return guestPositions(doc);
  if (nameEl.matches('.pv-top-card-section__name')) return positions2018(doc);
  if (nameEl.matches('#name, .fn')) return positions2016(doc);
  return pvsPositions(doc);
}

/** The current position (first one whose dates are still running, else the first undated one). */
function currentPosition(list: Position[]): Position | undefined {
  return list.find((p) => p.title && isCurrent(p.dates)) ?? list.find((p) => p.title && !p.dates);
}

/** "Scrum Master @ Swedbank | Pega Architect" → "Swedbank" (last resort when no position is listed). */
function companyFromHeadline(headline: string): string {
  const firstPart = headline.split(/\s[|•·]\s/)[0] ?? '';
  const match = /\s(?:at|@|chez|bei|en|presso|bij|hos|på|w)\s+(.{2,80})$/i.exec(firstPart);
  return match?.[1]?.trim() ?? '';
}

/** A profile photo URL, skipping LinkedIn's grey placeholders and data: pixels. */
function photoUrl(raw: string | null | undefined, base: URL): string {
  const url = absUrl(raw, base);
  if (!url || /static\.licdn\.com|ghost/i.test(url)) return '';
  return url;
}

/** The JSON-LD Person the guest page embeds (null elsewhere). */
function ldPerson(doc: Document): Record<string, unknown> | null {
  return jsonLdNodes(doc).find((node) => hasType(node, 'Person')) ?? null;
}

/** Reads a LinkedIn person profile. */
function extractProfile(doc: Document, url: URL): SiteResult | null {
  const ld = ldPerson(doc);
  const nameEl = pick(doc, NAME_SELECTORS);
  const rawName = nameEl ? text(nameEl) : str(ld?.name);
  const fullName = profileName(rawName);
  if (!fullName) return null;

  const person: Person = newPerson(fullName, SOURCE);
  const card = nameEl?.closest('section') ?? nameEl?.closest('#topcard') ?? doc;

  const headline = pickText(card, HEADLINE_SELECTORS) || pickText(doc, HEADLINE_SELECTORS.slice(1));
  const current = currentPosition(positionsFor(doc, nameEl));

  // Title: the current position's title is the job; the headline is a slogan ("Helping X do Y").
  const ldWorks = first(ld?.worksFor);
  put(person, 'title', current?.title || str(ld?.jobTitle) || headline, SOURCE);
  if (person.title) person.title = person.title.replace(/\.$/, '');
  put(
    person,
    'companyName',
    current?.company ||
      (isObject(ldWorks) ? str(ldWorks.name) : '') ||
      pickText(card, [
        '[data-section="currentPositionsDetails"] .top-card-link__description', // guest top card
        '.pv-top-card-v2-section__company-name', // 2018 top card
        '[data-section="currentPositionsDetails"] .org', // 2015-2017
      ]) ||
      companyFromHeadline(headline),
    SOURCE,
  );

  const address = isObject(ld?.address) ? str(ld.address.addressLocality) : '';
  put(person, 'location', address || locationOf(doc, card), SOURCE);

  const ldImage = isObject(ld?.image) ? str(ld.image.contentUrl) : str(ld?.image);
  const photo =
    photoUrl(ldImage, url) ||
    photoUrl(
      pick(card, [
        'img.pv-top-card-profile-picture__image--show', // logged-in pvs
        'img.pv-top-card-profile-picture__image',
        'img.top-card-layout__entity-image', // guest
        'img.top-card__profile-image',
      ])?.getAttribute('src'),
      url,
    ) ||
    photoUrl(styleImage(pick(doc, ['.pv-top-card-section__photo'])), url) || // 2018: background-image
    photoUrl(pick(doc, ['#topcard img.photo', '.profile-picture img'])?.getAttribute('data-delayed-url'), url) ||
    (ld || nameEl?.matches('.top-card-layout__title') ? photoUrl(meta(doc, 'og:image'), url) : '');
  put(person, 'photoUrl', photo, SOURCE);

  const link = profileUrl(doc, url, ld);
  if (link) {
    person.links.push(link);
    person.sources.links = SOURCE;
  }
  readContactInfo(doc, person, url);
  return { pageKind: 'person', people: [person], company: null };
}

/**
 * The "Contact info" overlay, when the user has opened it (logged-in only; a dialog over the
 * profile). Sections are told apart by their icon, not their translated headings: data-test-icon
 * "envelope-*" / "phone-handset-*" / "link-*" (2022-2025) or the ci-email / ci-phone / ci-websites
 * classes (2018). Addresses come from mailto: links; phones are raw text (the extractor normalises).
 */
function readContactInfo(doc: Document, person: Person, base: URL): void {
  const sections = all(doc, 'section.pv-contact-info__contact-type', 20);
  for (const section of sections) {
    const icon = section.querySelector('[data-test-icon], li-icon[type]');
    const kind = `${icon?.getAttribute('data-test-icon') ?? icon?.getAttribute('type') ?? ''} ${section.className}`;
    if (/envelope|ci-email/.test(kind)) {
      for (const a of all(section, 'a[href^="mailto:"]', 5))
        addUnique(person.emails, normalizeEmail(a.getAttribute('href') ?? ''));
    } else if (/phone|ci-phone/.test(kind)) {
      for (const item of all(section, 'li', 5)) {
        // The first span is the number; the second its label ("(Mobile)", "(Mobil)").
        const number = text(item.querySelector('span')) || text(item);
        if (/\d{4,}/.test(number.replace(/\D/g, ''))) addUnique(person.phones, number);
      }
    } else if (/link|ci-websites|ci-twitter|twitter/.test(kind)) {
      for (const a of all(section, 'a[href]', 10)) {
        const href = unwrapRedirect(absUrl(a.getAttribute('href'), base));
        const hit = href ? classifyLink(href) : null;
        if (hit && hit.url !== person.links[0]) addUnique(person.links, hit.url);
      }
    }
  }
  if (person.emails.length) person.sources.emails = SOURCE;
  if (person.phones.length) person.sources.phones = SOURCE;
}

/** The location line of the top card, per layout. */
function locationOf(doc: Document, card: ParentNode): string {
  // Logged-in pvs: the location span sits beside the "Contact info" link (id is stable, text is not).
  const contact = doc.querySelector('#top-card-text-details-contact-info');
  const near = contact?.parentElement?.parentElement?.querySelector('span.text-body-small');
  if (near && text(near)) return text(near);
  return pickText(card, LOCATION_SELECTORS) || pickText(doc, LOCATION_SELECTORS);
}

/** The canonical /in/ URL: canonical link, og:url, JSON-LD url, the page URL, or the contact-info link. */
function profileUrl(doc: Document, url: URL, ld: Record<string, unknown> | null): string {
  const candidates = [
    canonicalHref(doc),
    meta(doc, 'og:url'),
    str(ld?.url),
    url.href,
    doc.querySelector('a[href*="/overlay/contact-info"], a[href*="/detail/contact-info"]')?.getAttribute('href') ?? '',
  ];
  for (const raw of candidates) {
    if (!raw) continue;
    const hit = classifyLink(raw, url);
    if (hit?.kind === 'linkedin-person') return hit.url;
  }
  return '';
}

export const linkedinProfile: SiteAdapter = {
  name: NAME,
  matches(url) {
    return onHost(url, 'linkedin.com') && /^\/(in|pub)\/[^/]+/.test(url.pathname);
  },
  extract: extractProfile,
};
