/**
 * The extractor's public contract (field names are used by tests, capture and export).
 * Plain types here, so the code injected into pages imports no zod; the zod schema
 * that checks a result crossing into the extension lives in ./schema.ts.
 */

export type PageKind = 'person' | 'company' | 'people-list' | 'other';

/**
 * Where a field's value came from, most stable first: "json-ld", "microdata", "rdfa",
 * "h-card", "meta", "title", "site:<adapter>" (e.g. "site:linkedin-profile"),
 * "people-list", "contact" (mailto/tel/visible text), "url" (derived from the address).
 */
export type FieldSource = string;

export interface Person {
  fullName: string;
  firstName?: string;
  lastName?: string;
  title?: string;
  companyName?: string;
  location?: string;
  /** Lower-cased addresses. */
  emails: string[];
  /** E.164 where a country is known, else the text as found. */
  phones: string[];
  /** Canonical absolute profile URLs (lib/normalize/links). */
  links: string[];
  photoUrl?: string;
  sources: Record<string, FieldSource>;
}

export interface Company {
  name: string;
  /** Registrable domain (acme.co.uk). */
  domain?: string;
  website?: string;
  industry?: string;
  size?: string;
  location?: string;
  description?: string;
  emails: string[];
  phones: string[];
  links: string[];
  logoUrl?: string;
  sources: Record<string, FieldSource>;
}

export interface Extraction {
  url: string;
  pageKind: PageKind;
  people: Person[];
  company: Company | null;
  /**
   * Only when nothing was found (no people, no company): a person's name the page shows in its
   * heading or title, which the manual form offers. Never derived from the URL.
   */
  nameHint?: NameHint;
}

/** A name the page shows, and where: its first <h1> ("heading") or its <title> ("title"). */
export interface NameHint {
  fullName: string;
  source: 'heading' | 'title';
}

/**
 * What a site adapter returns: people and/or the company as it reads them. Phones
 * may be raw text and links relative; the extractor normalises every value after.
 * Fields it cannot read are left out, so other sources can fill them.
 */
export interface SiteResult {
  pageKind?: PageKind;
  people?: Person[];
  company?: Company | null;
}

/**
 * A site adapter: one file in lib/extract/sites/, one site layout family, with saved pages in
 * test/fixtures/pages/sites/<name>/ and the real URLs it serves in test/unit/extract-sites/tested-on.ts.
 */
export interface SiteAdapter {
  /** kebab-case name, also used as the source "site:<name>". */
  name: string;
  matches(url: URL): boolean;
  /** Pure: reads, never writes. May throw; the extractor catches and goes on. */
  extract(doc: Document, url: URL): SiteResult | null;
}
