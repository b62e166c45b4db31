import type { SiteResult } from '../types';
import { mergeEntity, nameKey, samePerson, upsertPerson } from './entity';
import type { RawCompany, RawPerson } from './types';

/**
 * What one reading has gathered so far, handed from layer to layer (reader-markup.ts,
 * reader-sites.ts, reader.ts, reader-owner.ts): whom the page is about, whom it lists, its
 * company, and what its markup says it is.
 */
export interface Draft {
  /** The person the page is about, as first named (later sources merge into them). */
  primary: RawPerson | null;
  /** Everyone else the page names. */
  listed: RawPerson[];
  company: RawCompany | null;
  /** og:type article with a date, or structured data that says Article. */
  isArticle: boolean;
  /** The article's authors as structured data names them. */
  authors: RawPerson[];
  isProfile: boolean;
  /** The primary was named as the page's main entity (ProfilePage, h-card, adapter). */
  strongPrimary: boolean;
  /** The described article author who became the primary, if any. */
  author: RawPerson | null;
  /** The site adapter's result, when one served the page. */
  site: SiteResult | null;
  /** The adapter said "this page is about no company" (company: null). */
  siteNoCompany: boolean;
}

/** Runs one layer of the reading, recording its name in errors instead of throwing. */
export type Safe = <T>(name: string, fn: () => T, fallback: T) => T;

/** An empty draft for a reading whose og:type said article or profile. */
export function newDraft(isArticle: boolean, isProfile: boolean): Draft {
  return {
    primary: null,
    listed: [],
    company: null,
    isArticle,
    authors: [],
    isProfile,
    strongPrimary: false,
    author: null,
    site: null,
    siteNoCompany: false,
  };
}

/** The first person named as the page's subject is it; the same person again merges; another is listed. */
export function takePrimary(d: Draft, p: RawPerson): void {
  if (!d.primary) d.primary = p;
  else if (samePerson(d.primary, p)) mergeEntity(d.primary, p);
  else upsertPerson(d.listed, p);
}

/** The first company named is the page's; the same name again merges into it; another is ignored. */
export function takeCompany(d: Draft, c: RawCompany | null): void {
  if (!c) return;
  if (!d.company) d.company = c;
  else if (nameKey(d.company.name) === nameKey(c.name)) mergeEntity(d.company, c);
}
