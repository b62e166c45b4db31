/**
 * Crunchbase person profile (www.crunchbase.com/person/<slug>).
 *
 * Layouts served:
 * - the Angular app's embedded state (./crunchbase-state.ts): identifier, primary_job_title,
 *   primary_organization, location_identifiers, linkedin/twitter/facebook/website.
 * - the rendered header when the state is missing: h1.profile-name, the location item
 *   (label-with-icon iconkey="icon_location"), the link to the primary organization
 *   (/organization/<slug>), social link icons; and og:description ("<Name> is the <Title> at
 *   <Company>"), which Crunchbase writes in English whatever the visitor's language.
 * Footer socials (Crunchbase's own) and "Similar people" cards are never read.
 */
import { canonicalLink, classifyLink } from '@/lib/normalize/links';
import { cleanName } from '@/lib/normalize/name';
import type { SiteAdapter, SiteResult } from '../types';
import { nameFromCrunchbaseTitle } from './crunchbase-organization';
import { crunchbaseFields, fieldValue, locationOf } from './crunchbase-state';
import { absUrl, addUnique, all, meta, newPerson, pick, pickText, put, text } from './dom';

const NAME = 'crunchbase-person';
const SOURCE = `site:${NAME}`;

/** "<Name> is the Co-Founder & CEO at Acme." → { title, company }. */
function roleFromDescription(description: string): { title: string; company: string } {
  // " at " first: titles often contain " of " ("Head of Sales at Acme").
  const match =
    /\bis (?:the |an? )?(.{2,80}?) at (.{2,80}?)[.,]/.exec(description) ??
    /\bis (?:the |an? )?(.{2,80}?) of (.{2,80}?)[.,]/.exec(description);
  return { title: match?.[1] ?? '', company: match?.[2] ?? '' };
}

/** Reads a Crunchbase person page. */
function extractPerson(doc: Document, url: URL): SiteResult | null {
  const slug = url.pathname.split('/').filter(Boolean)[1] ?? '';
  const fields = crunchbaseFields(doc, 'person', slug) ?? {};
  // The profile header only: a bot challenge or error page has an <h1> too.
  const header = pick(doc, ['profile-header', '.profile-header']) ?? doc;
  const fullName = cleanName(
    fieldValue(fields.identifier) ||
      pickText(doc, ['h1.profile-name']) ||
      (header === doc ? '' : pickText(header, ['h1'])) ||
      nameFromCrunchbaseTitle(meta(doc, 'og:title')) ||
      nameFromCrunchbaseTitle(text(doc.querySelector('title'))),
  );
  if (!fullName) return null;

  const person = newPerson(fullName, SOURCE);
  const role = roleFromDescription(meta(doc, 'og:description') || meta(doc, 'description'));
  put(
    person,
    'title',
    fieldValue(fields.primary_job_title) ||
      pickText(header, ['.identifier-nav-title .component--field-formatter']) ||
      role.title,
    SOURCE,
  );
  put(
    person,
    'companyName',
    fieldValue(fields.primary_organization) ||
      pickText(header, ['a[href^="/organization/"]', 'a[href*="crunchbase.com/organization/"]']) ||
      role.company,
    SOURCE,
  );
  put(
    person,
    'location',
    locationOf(fields.location_identifiers) || pickText(header, ['[iconkey="icon_location"]']),
    SOURCE,
  );

  addUnique(person.links, classifyLink(url.href)?.url);
  for (const key of ['linkedin', 'twitter', 'facebook', 'website']) {
    addUnique(person.links, canonicalLink(fieldValue(fields[key])));
  }
  for (const a of all(header, 'social-link-icons a[href], .social-link-icons a[href]', 10)) {
    addUnique(person.links, canonicalLink(a.getAttribute('href') ?? '', url));
  }
  person.sources.links = SOURCE;

  const photo = absUrl(meta(doc, 'og:image') || pick(header, ['img.profile-image'])?.getAttribute('src'), url);
  // Crunchbase's placeholder silhouette is not a photo.
  if (photo && !/placeholder|default/i.test(photo)) put(person, 'photoUrl', photo, SOURCE);
  return { pageKind: 'person', people: [person], company: null };
}

export const crunchbasePerson: SiteAdapter = {
  name: NAME,
  matches(url) {
    return classifyLink(url.href)?.kind === 'crunchbase-person';
  },
  extract: extractPerson,
};
