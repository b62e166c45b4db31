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
  /** The record's name came after a form of address ("Prof.", "Dr.", "Profa."): a sign the name is a person's. */
  addressed?: boolean;
  /** The bracket after the name of a record with a role line ("Jane Doe (Chair)"): finalize may take it for the title. */
  office?: string;
  /** The record's first long block, a bio: finalize may read the person's employer in it. */
  bio?: string;
  /** Addresses the record shares with others of its list: finalize keeps them only on the site's own domain. */
  shared?: string[];
  /** The two lines after a card's name ("Architempo", "Belgium"): finalize takes the first for the employer when the second is a country. */
  placedOrg?: [org: string, place: string];
  /** Where finalize reads the entity's town when it has none (see TownLines). */
  townLines?: TownLines[];
}

/**
 * Lines that may give an entity's town, which finalize reads (lib/extract/town.ts) so that the
 * postcode and street patterns and the country list stay out of the script injected into pages:
 * an address block's lines (the first postcode line names the town), or with `page` a page's text
 * lines (a postcode line beside a street line). Both end before the first section naming others.
 * An entity's list is tried in order: the first that gives a town is its location, as the
 * reader's tries were (its `sources.location` already holds the place the reader's would have).
 */
export interface TownLines {
  lines: string[];
  page?: true;
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
  townLines?: TownLines[];
}

/**
 * What a company page adds to its company, for finalize to settle with the page's legal notice
 * (lib/extract/company-notice.ts): in the order they apply, the notice's entity, town and
 * representatives, then these.
 */
export interface CompanyPageReading {
  /** The company (name '') was made for the notice's name: dropped when the notice names none. */
  unnamed: boolean;
  /** The company's name and the page's lines naming it: finalize reads its legal form in them ("Stichting It Lijsket"), unless the notice names it. */
  legalForm: { name: string; lines: string[] };
  /** Where the towns of the address blocks and of the page's text are, when the company had none (else empty). */
  townLines: TownLines[];
  /** The address blocks' lines up to a section naming others: they may name the managing director. */
  blockLines: string[];
  /** The page's lines that may close a letter (and each one's next line; the others ''): finalize reads its signer. */
  closings: string[];
  /** The page's contacts given to the company that the notice's sections naming others hold. */
  decoyed: { emails: string[]; phones: string[]; textPhones: string[] };
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
   * On a people list: whether the listed people belong to other organisations (speakers, authors),
   * so that finalize gives them no company but the one their own record names: true, or the signs
   * finalize reads (the page's title, its h1, its first short section headings; ./kind.ts othersSigns).
   */
  others?: true | string[];
  /**
   * What the page is when finalize rejects its judged person (a home page's heading that
   * reads as no person's name) or every record found by structure alone (title-case labels):
   * the kind, people and company it would have had without them.
   */
  fallback?: Omit<PageReading, 'errors'>;
  /** A company page's own reading, settled in finalize with the notice (see CompanyPageReading). */
  companyPage?: CompanyPageReading;
  /** The page's legal notice (lib/extract/page/legal.ts noticeLines) and its title, which finalize parses. */
  notice?: { lines: string[]; title: string };
  /**
   * The page's kind hangs on what its legal notice names: this reading is the one for a notice
   * that names someone; `named` is the page's reading when it names only a company, `none` when it
   * names nothing (absent: the same as this one).
   */
  ifNotice?: { named?: Omit<PageReading, 'errors'>; none?: Omit<PageReading, 'errors'> };
  /** Sources that failed ("json-ld", "site:github-user"): for diagnostics only. */
  errors: string[];
}
