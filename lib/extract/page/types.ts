import type { Company, PageKind, Person } from '../types';

/**
 * What readPage returns from inside the web page: plain JSON-safe data, values as
 * found (phones raw, links absolute), plus the hints finalize needs to normalise them.
 * It crosses from the page to the extension, so finalize validates it before use.
 */
export interface RawPerson extends Person {
  /** Phone-like strings found in visible text: kept only when libphonenumber accepts them. */
  textPhones?: string[];
  /** ISO country of this entity's address (structured data), a hint for its phones. */
  country?: string;
  /** A record found by structure alone: finalize keeps its group only if the group's names read as names. */
  judge?: number;
  /** The structure of the record's list ("UL>LI"): a judged list shaped like a kept one is judged more kindly. */
  kin?: string;
  /** A judged record's section heading ("Alumni", "Projects"): finalize reads it for people words. */
  section?: string;
  /** A one-word name ("Kattni") read in a list of people's cards: judged by its group, not by its shape. */
  mononym?: boolean;
  /** The record's first long block, a bio: finalize may read the person's employer in it. */
  bio?: string;
  /** Addresses the record shares with others of its list: finalize keeps them only on the site's own domain. */
  shared?: string[];
  /** The two lines after a card's name ("Architempo", "Belgium"): finalize takes the first for the employer when the second is a country. */
  placedOrg?: [org: string, place: string];
}

/** The company as read in the page (see RawPerson for the extra fields). */
export interface RawCompany extends Company {
  textPhones?: string[];
  country?: string;
  /**
   * The names the site gives itself (og:site_name, <title>, logo, copyright) and the one
   * readPage chose: finalize, which holds the given-names data, judges them again.
   */
  siteNames?: { chosen: string; candidates: [from: string, name: string][] };
}

/** The page's reading: raw people and company plus hints for phone parsing. */
export interface PageReading {
  url: string;
  pageKind: PageKind;
  people: RawPerson[];
  company: RawCompany | null;
  hints: {
    /** `<html lang>` as written ("fr-CA", "de"). */
    lang?: string;
    /** Countries named by addresses on the page (ISO codes or names), most relevant first. */
    countries: string[];
    /** The first <h1>'s text and the <title>, as written: finalize judges them as the manual form's name hint. */
    heading?: string;
    title?: string;
    /** The line right under the first <h1> (at most 120 characters). */
    subtitle?: string;
  };
  /**
   * On a people list: the listed people belong to other organisations (speakers, authors),
   * so finalize gives them no company but the one their own record names.
   */
  listsOthers?: boolean;
  /**
   * What the page is when finalize rejects its judged person (a home page's heading that
   * reads as no person's name) or every record found by structure alone (title-case labels):
   * the kind, people and company it would have had without them.
   */
  fallback?: Omit<PageReading, 'errors'>;
  /** Sources that failed ("json-ld", "site:github-user"): for diagnostics only. */
  errors: string[];
}
