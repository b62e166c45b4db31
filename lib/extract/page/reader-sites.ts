import type { SiteAdapter } from '../types';
import { mergeEntity, nameKey, samePerson, upsertPerson, withSources } from './entity';
import { type Draft, type Safe, takeCompany, takePrimary } from './reader-state';
import type { RawCompany, RawPerson } from './types';

/**
 * Layer 3 of a reading: the first matching site adapter that returns something owns the
 * page's layout. Its person replaces a different generic guess; its company wins over the
 * markup's. Sets d.site when one served the page.
 */
export function readSites(d: Draft, doc: Document, page: URL, adapters: SiteAdapter[], safe: Safe): void {
  for (const adapter of adapters) {
    if (!safe(`site:${adapter.name}`, () => adapter.matches(page), false)) continue;
    const result = safe(`site:${adapter.name}`, () => adapter.extract(doc, page), null);
    if (!result) continue;
    d.site = result;
    const siteName = `site:${adapter.name}`;
    const people = (result.people ?? []).map((p) => withSources(p, siteName)).filter(Boolean) as RawPerson[];
    if (people.length === 1 && result.pageKind !== 'people-list') {
      // The adapter knows who the page is about: its person replaces a different generic guess.
      const own = people[0] as RawPerson;
      if (d.primary && !samePerson(d.primary, own)) d.primary = own;
      else takePrimary(d, own);
      // An adapter's explicit empty value means "none" (e.g. LinkedIn's grey placeholder photo in JSON-LD).
      const raw = result.people?.[0] as unknown as Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(raw ?? {})) {
        if (v === '' && d.primary) {
          delete (d.primary as unknown as Record<string, unknown>)[k];
          delete d.primary.sources[k];
        }
      }
      d.strongPrimary = true;
    } else for (const p of people) upsertPerson(d.listed, p);
    d.siteNoCompany = result.company === null;
    if (result.company) {
      const c = withSources(result.company, siteName) as RawCompany | null;
      if (c && d.company && nameKey(d.company.name) !== nameKey(c.name)) d.company = mergeEntity(c, d.company);
      else takeCompany(d, c);
    }
    break;
  }
}
