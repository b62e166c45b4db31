/**
 * A LinkedIn company's People tab (www.linkedin.com/company/<slug>/people/), logged in.
 *
 * Layout served (2020-2025): the org top card (h1.org-top-card-summary__title) above a grid of
 * li.org-people-profile-card__profile-card-spacing cards, each an artdeco-entity-lockup: the name
 * in __title (a link to /in/<slug>?miniProfileUrn=…), the headline in __subtitle, a photo in
 * __image. Everyone in the grid works at the company (LinkedIn lists its current employees), so
 * the company is theirs unless their headline names another ("Advisor at Other"). Cards of
 * out-of-network people ("LinkedIn Member") have no profile link and are skipped.
 * Without cards (the tab not loaded yet, another company tab) the adapter returns null and
 * linkedin-company reads the page.
 */
import type { SiteAdapter, SiteResult } from '../types';
import { all, meta, onHost, pickText } from './dom';
import { type CardParts, profileLink, readCards } from './linkedin-card';

const NAME = 'linkedin-people';
const SOURCE = `site:${NAME}`;
const MAX_CARDS = 200;

// One card per person, newest first; the lockup alone serves builds whose card class changed.
const CARD_SELECTORS = [
  'li.org-people-profile-card__profile-card-spacing', // 2020-2025 grid
  '.org-people-profile-card', // older card class
  'main li .artdeco-entity-lockup', // lockup inside any grid item
] as const;

const PARTS: CardParts = {
  name: ['.artdeco-entity-lockup__title', '.org-people-profile-card__profile-title'],
  headline: ['.artdeco-entity-lockup__subtitle', '.lt-line-clamp--multi-line'],
  photo: ['.artdeco-entity-lockup__image img', 'img.evi-image', 'img'],
};

const COMPANY_SELECTORS = [
  'h1.org-top-card-summary__title', // 2020-2025
  'h1.org-top-card-primary-content__title', // 2018
  '.org-top-card h1',
] as const;

/** Reads a company's People tab. */
function extractPeople(doc: Document, url: URL): SiteResult | null {
  let cards: Element[] = [];
  for (const selector of CARD_SELECTORS) {
    cards = all(doc, selector, MAX_CARDS);
    if (cards.length) break;
  }
  if (cards.length === 0) return null;
  // The page title is "Acme: People | LinkedIn" when the heading is missing: its first part is the name.
  const company =
    pickText(doc, COMPANY_SELECTORS) || (meta(doc, 'og:title') || doc.title).split(/[:|]/)[0]?.trim() || '';
  const people = readCards(cards, PARTS, SOURCE, url, (card) => profileLink(card, url), company).filter(
    (p) => p.links.length > 0,
  );
  if (people.length === 0) return null;
  // The People tab lists people; the company itself is read on its About page (linkedin-company).
  return { pageKind: 'people-list', people, company: null };
}

export const linkedinPeople: SiteAdapter = {
  name: NAME,
  matches(url) {
    return onHost(url, 'linkedin.com') && /^\/(company|school)\/[^/]+\/people\/?$/.test(url.pathname);
  },
  extract: extractPeople,
};
