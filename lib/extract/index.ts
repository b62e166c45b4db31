/**
 * The extractor: pages in, prospects out.
 *
 * Two halves, because the page and the extension are different worlds:
 * - `readPage(doc, url)` (./page) runs INSIDE the web page. The popup injects it with
 *   scripting.executeScript and gets back its value, a PageReading: plain JSON-safe data
 *   (raw values, the source of each field, and hints such as <html lang> and address
 *   countries). It imports no zod, tldts or libphonenumber. Ordinary pages get
 *   entrypoints/extractor.ts, the generic reader without site adapters (< 40 KB gzip);
 *   pages a site adapter serves get extractor-sites.ts (< 52 KB gzip). Unit-tested sizes.
 * - `finalize(reading)` (./finalize) runs in the extension (popup, CLI, tests): it
 *   validates the untrusted reading once (the page -> extension boundary), normalises
 *   phones to E.164, domains, emails and links, and clamps every field to ExtractionSchema.
 * - `extract(doc, url)` = finalize(readPage(doc, url)): the pure function for tests
 *   and Node tools. Neither half throws; a failing layer or site adapter is skipped.
 *
 * Layers, most trusted first (each field records its source and keeps the most
 * trusted one's value, whatever order the layers run in; see RANK in page/entity.ts):
 * the matching site adapter ("site:<name>", lib/extract/sites) > structured data
 * (json-ld, microdata, rdfa, h-card) > meta > title > people lists > contact
 * harvesting > the page's own identity ("page", "url").
 */
import { finalize } from './finalize';
import { readPage } from './page';
import type { Extraction, SiteAdapter } from './types';

export { type FinalizeOptions, finalize } from './finalize';
export { type PageReading, readPage } from './page';
export type { Company, Extraction, FieldSource, NameHint, PageKind, Person, SiteAdapter, SiteResult } from './types';

/** Reads the prospects and the company from a page: finalize(readPage(doc, url)). Pure, never throws. */
export function extract(doc: Document, url: URL | string, adapters?: SiteAdapter[]): Extraction {
  return finalize(readPage(doc, url, adapters));
}
