/**
 * Crunchbase organization profile (www.crunchbase.com/organization/<slug>).
 *
 * Layouts served:
 * - the Angular app (2019-2025) with its embedded state (see ./crunchbase-state.ts): identifier,
 *   short_description, website, location_identifiers, num_employees_enum, categories,
 *   contact_email, phone_number, linkedin/twitter/facebook. This is read first.
 * - the rendered header when the state is missing (hydrated lazily or stripped by a saved page):
 *   h1.profile-name, the "icon_and_value" list whose <label-with-icon iconkey="…"> attributes say
 *   what each item is (icon_location, icon_people_three, icon_link), the About description.
 * - og:title "<Name> - Crunchbase Company Profile & Funding" and og:image (the logo) last.
 * The footer's Crunchbase social links and "Similar companies" cards are never read.
 */
import { normalizeEmail } from '@/lib/normalize/email';
import { canonicalLink, canonicalWebsite, classifyLink } from '@/lib/normalize/links';
import type { SiteAdapter, SiteResult } from '../types';
import { crunchbaseFields, fieldValue, locationOf, sizeOfEnum } from './crunchbase-state';
import { absUrl, addUnique, all, meta, newCompany, onHost, pick, pickText, put, text } from './dom';

const NAME = 'crunchbase-organization';
const SOURCE = `site:${NAME}`;

// The profile header only: a bot challenge or error page has an <h1> too ("www.crunchbase.com").
const HEADER_SELECTORS = ['profile-header', '.profile-header', 'header.profile'] as const;

/** "Acme - Crunchbase Company Profile & Funding" → "Acme". */
export function nameFromCrunchbaseTitle(title: string): string {
  const match = /^(.+?)(?<!\s)\s+-\s+Crunchbase\b/.exec(title);
  return match?.[1]?.trim() ?? '';
}

/** "51-100" style sizes in the header list ("51-100", "10001+"); '' for other text. */
function sizeText(raw: string): string {
  const match = /^(\d[\d,]*)\s*(?:-|–|to)\s*(\d[\d,]*)$|^(\d[\d,]*)\+$/.exec(raw.trim());
  if (!match) return '';
  return match[3] ? `${match[3].replace(/,/g, '')}+` : `${match[1]?.replace(/,/g, '')}-${match[2]?.replace(/,/g, '')}`;
}

/** An external website link (not Crunchbase, not a social profile). */
function websiteOf(href: string | null | undefined, base: URL): string {
  const abs = absUrl(href, base);
  if (!abs) return '';
  const url = new URL(abs);
  if (onHost(url, 'crunchbase.com') || classifyLink(abs)?.kind !== 'website') return '';
  return canonicalWebsite(url);
}

/** Reads a Crunchbase organization page. */
function extractOrganization(doc: Document, url: URL): SiteResult | null {
  const slug = url.pathname.split('/').filter(Boolean)[1] ?? '';
  const fields = crunchbaseFields(doc, 'organization', slug) ?? {};
  const header = pick(doc, HEADER_SELECTORS) ?? doc;
  const name =
    fieldValue(fields.identifier) ||
    pickText(doc, ['h1.profile-name']) ||
    (header === doc ? '' : pickText(header, ['h1'])) ||
    nameFromCrunchbaseTitle(meta(doc, 'og:title')) ||
    nameFromCrunchbaseTitle(text(doc.querySelector('title')));
  if (!name) return null;

  const company = newCompany(name, SOURCE);
  const site = fieldValue(fields.website) || fieldValue(fields.website_url) || fieldValue(fields.homepage_url);
  put(company, 'website', websiteOf(site, url), SOURCE);
  put(company, 'industry', Array.isArray(fields.categories) ? fieldValue(fields.categories[0]) : '', SOURCE);
  put(company, 'size', sizeOfEnum(fields.num_employees_enum), SOURCE);
  put(company, 'location', locationOf(fields.location_identifiers), SOURCE);
  put(company, 'description', fieldValue(fields.short_description) || fieldValue(fields.description), SOURCE);

  // Rendered header, for what the state did not give.
  put(company, 'location', pickText(header, ['[iconkey="icon_location"]']), SOURCE);
  put(
    company,
    'size',
    sizeText(pickText(header, ['[iconkey="icon_people_three"]', '[iconkey="icon_people"]'])),
    SOURCE,
  );
  for (const li of all(header, '.icon_and_value li', 12)) put(company, 'size', sizeText(text(li)), SOURCE);
  put(
    company,
    'website',
    websiteOf(pick(header, ['[iconkey="icon_link"] a[href]', 'a.website-link[href]'])?.getAttribute('href'), url),
    SOURCE,
  );
  put(company, 'description', pickText(doc, ['description-card .description', 'span.description']), SOURCE);

  const email = normalizeEmail(fieldValue(fields.contact_email));
  if (email) {
    company.emails.push(email);
    company.sources.emails = SOURCE;
  }
  const phone = fieldValue(fields.phone_number);
  if (phone) {
    company.phones.push(phone);
    company.sources.phones = SOURCE;
  }

  addUnique(company.links, classifyLink(url.href)?.url);
  for (const key of ['linkedin', 'twitter', 'facebook'])
    addUnique(company.links, canonicalLink(fieldValue(fields[key])));
  for (const a of all(header, 'social-link-icons a[href], .social-link-icons a[href]', 10)) {
    addUnique(company.links, canonicalLink(a.getAttribute('href') ?? '', url));
  }
  company.sources.links = SOURCE;

  put(company, 'logoUrl', absUrl(meta(doc, 'og:image'), url), SOURCE);
  return { pageKind: 'company', people: [], company };
}

export const crunchbaseOrganization: SiteAdapter = {
  name: NAME,
  matches(url) {
    return classifyLink(url.href)?.kind === 'crunchbase-organization';
  },
  extract: extractOrganization,
};
