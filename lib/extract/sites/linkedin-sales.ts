/**
 * LinkedIn Sales Navigator people lists: saved lead lists (www.linkedin.com/sales/lists/people/<id>)
 * and lead search results (www.linkedin.com/sales/search/people?…).
 *
 * Layouts served (2021-2025). Sales Navigator marks every personal value with data-anonymize (its
 * own screenshot-redaction hook, the same in every UI language and build): "person-name",
 * "title" or "job-title", "company-name", "location", "headshot-photo". A card is the row holding
 * a person-name: a table row in lead lists (tr.artdeco-models-table-row), a list item in search
 * results (li.artdeco-list__item, [data-x-search-result="LEAD"]). Title and company are separate
 * values here, so no headline is split. Leads link to /sales/lead/<id>, a Sales Navigator address
 * and not a public profile: a card's /in/<slug> link is kept when the page has one, else none.
 */
import type { SiteAdapter, SiteResult } from '../types';
import { all, onHost, pick } from './dom';
import { type CardParts, profileLink, readCards } from './linkedin-card';

// Sales Navigator's own frame: its global nav, a lead list's detail view, the search results container.
const APP_SHELL = ['.global-nav-sales', '.lists-detail', '#search-results-container'] as const;

const NAME = 'linkedin-sales';
const SOURCE = `site:${NAME}`;
const MAX_CARDS = 200;

const PARTS: CardParts = {
  name: ['[data-anonymize="person-name"]'],
  headline: ['[data-anonymize="headline"]'],
  title: ['[data-anonymize="job-title"]', '[data-anonymize="title"]'],
  company: ['[data-anonymize="company-name"]'],
  location: ['[data-anonymize="location"]'],
  photo: ['img[data-anonymize="headshot-photo"]', 'img'],
};

// The row around a name: lead list table row, search result item, any list item as the last resort.
const CARD = 'tr, [data-x-search-result], li.artdeco-list__item, li';

/** Reads a Sales Navigator lead list or lead search page. */
function extractSales(doc: Document, url: URL): SiteResult | null {
  const cards: Element[] = [];
  const seen = new Set<Element>();
  for (const nameEl of all(doc, '[data-anonymize="person-name"]', MAX_CARDS)) {
    const card = nameEl.closest(CARD);
    // The lead panel and the page header name people outside any row: not list entries.
    if (!card || seen.has(card)) continue;
    seen.add(card);
    cards.push(card);
  }
  const people = readCards(cards, PARTS, SOURCE, url, (card) => profileLink(card, url));
  // Sales Navigator's own page with no leads: nobody to capture, and LinkedIn is no prospect's company.
  if (people.length === 0) return pick(doc, APP_SHELL) ? { pageKind: 'other', people: [], company: null } : null;
  return { pageKind: 'people-list', people, company: null };
}

export const linkedinSales: SiteAdapter = {
  name: NAME,
  matches(url) {
    return onHost(url, 'linkedin.com') && /^\/sales\/(lists|search)\/people(\/|$)/.test(url.pathname);
  },
  extract: extractSales,
};
