import { SITE_ADAPTERS } from '../sites';
import type { SiteAdapter } from '../types';
import { readPageWith } from './reader';
import { readSites } from './reader-sites';
import type { PageReading } from './types';

export { readPageWith } from './reader';
export type { PageReading, RawCompany, RawPerson } from './types';

/** Reads the page with every site adapter (lib/extract/sites) before the generic layers. Never throws. */
export function readPage(doc: Document, url: URL | string, adapters: SiteAdapter[] = SITE_ADAPTERS): PageReading {
  return readPageWith(doc, url, adapters, readSites);
}
