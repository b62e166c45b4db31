/**
 * LinkedIn people search results (www.linkedin.com/search/results/people/?keywords=…), logged in.
 *
 * Layouts served, newest first, each a card per person with a link to /in/<slug>?miniProfileUrn=…:
 * - 2024-2025: class names obfuscated per build; the card is the element carrying
 *   data-chameleon-result-urn="urn:li:member:…" (also data-view-name="search-entity-result-universal-
 *   template"). Name in the t-16 title link's aria-hidden span, headline "t-14 t-black t-normal",
 *   location the plain "t-14 t-normal" line (LinkedIn's typography classes survive the obfuscation).
 * - 2021-2024: li.reusable-search__result-container with entity-result__title-text,
 *   __primary-subtitle (headline) and __secondary-subtitle (location).
 * - 2019-2020: li.search-result--person with .actor-name, .subline-level-1 and .subline-level-2.
 * "LinkedIn Member" cards (out of network) carry no profile link and are skipped. Nothing here
 * matches visible words, so the French or German interface reads the same.
 */
import type { SiteAdapter, SiteResult } from '../types';
import { all, onHost, pick } from './dom';
import { type CardParts, profileLink, readCards } from './linkedin-card';

// LinkedIn's search page around the results: its result container, the no-results card, the global nav.
const APP_SHELL = ['.search-results-container', '.search-reusable-search-no-results', '#global-nav'] as const;

const NAME = 'linkedin-search';
const SOURCE = `site:${NAME}`;
const MAX_CARDS = 100;

interface Layout {
  /** Selector of one person's card. */
  card: string;
  parts: CardParts;
}

const LAYOUTS: Layout[] = [
  {
    // 2024-2025: obfuscated classes, stable data attributes and typography classes.
    card: '[data-chameleon-result-urn^="urn:li:member:"], [data-view-name="search-entity-result-universal-template"]',
    parts: {
      name: ['.t-16 a[href*="/in/"]', 'a[href*="/in/"] span[dir="ltr"]'],
      headline: ['.t-14.t-black.t-normal', '.entity-result__primary-subtitle'],
      // The connection badge ("• 2nd") is a t-14 t-normal span beside the name: only a block line is the location.
      location: ['div.t-14.t-normal:not(.t-black)', '.entity-result__secondary-subtitle'],
      photo: ['img.presence-entity__image', 'img.EntityPhoto-circle-3', 'img'],
    },
  },
  {
    // 2021-2024 "reusable search" result list.
    card: 'li.reusable-search__result-container, div.entity-result',
    parts: {
      name: ['.entity-result__title-text a', '.entity-result__title-text'],
      headline: ['.entity-result__primary-subtitle'],
      location: ['.entity-result__secondary-subtitle'],
      photo: ['.entity-result__universal-image img', 'img.presence-entity__image', 'img'],
    },
  },
  {
    // 2019-2020 search results.
    card: 'li.search-result--person, div.search-result--person',
    parts: {
      name: ['.actor-name', '.name'],
      headline: ['.subline-level-1'],
      location: ['.subline-level-2'],
      photo: ['img.presence-entity__image', 'img'],
    },
  },
];

/** The outermost cards of a selector: a 2021-2024 li wraps its own div.entity-result, read once. */
function outermost(cards: Element[]): Element[] {
  const set = new Set(cards);
  return cards.filter((card) => {
    for (let up = card.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
}

/** Reads a LinkedIn people search results page. */
function extractSearch(doc: Document, url: URL): SiteResult | null {
  const root = doc.querySelector('main') ?? doc;
  for (const layout of LAYOUTS) {
    const cards = outermost(all(root, layout.card, MAX_CARDS * 2)).slice(0, MAX_CARDS);
    if (cards.length === 0) continue;
    const people = readCards(cards, layout.parts, SOURCE, url, (card) => profileLink(card, url)).filter(
      (p) => p.links.length > 0,
    );
    if (people.length) return { pageKind: 'people-list', people, company: null };
  }
  // LinkedIn's own search page with no results: nobody to capture, and LinkedIn is no prospect's
  // company. Any other page on this path (a bare or unknown layout) is left to the generic layers.
  return pick(doc, APP_SHELL) ? { pageKind: 'other', people: [], company: null } : null;
}

export const linkedinSearch: SiteAdapter = {
  name: NAME,
  matches(url) {
    return onHost(url, 'linkedin.com') && /^\/search\/results\/people\/?/.test(url.pathname);
  },
  extract: extractSearch,
};
