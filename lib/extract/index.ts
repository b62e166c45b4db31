/** Reads the prospects and the company from a page. Placeholder until issue 4. */
export function extract(doc: Document, url: URL) {
  return { url: url.href, pageKind: 'other' as const, people: [], company: null, title: doc.title };
}
