import type { Extraction } from './types';

export type { Company, Extraction, FieldSource, PageKind, Person } from './types';

/** Reads the prospects and the company from a page. Placeholder until issue 4 lands. */
export function extract(_doc: Document, url: URL): Extraction {
  return { url: url.href, pageKind: 'other', people: [], company: null };
}
