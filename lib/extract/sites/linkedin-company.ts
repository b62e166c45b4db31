/**
 * LinkedIn company page (www.linkedin.com/company/<slug>, /about/, also /school/ and /showcase/).
 *
 * Layouts served, newest first:
 * - guest company page (2020-2025): JSON-LD Organization, h1.top-card-layout__title and the
 *   "About us" definition list whose rows carry data-test-id="about-us__website|industry|size|
 *   headquarters|organizationType|foundedOn" (language-neutral ids; the labels are translated).
 *   The website link goes through linkedin.com/redir/redirect?url=…
 * - logged-in company pages (2018-2024): "org-top-card" header (industry and headquarters as
 *   separate list items) and the About tab's <dl> of page details. Its <dt> labels are translated,
 *   so rows are recognised by what they hold (an outbound link, a "51-200"-shaped size) first and by
 *   label only as a fallback, in several languages.
 * - public company page (2016): almost everything is JSON inside <code><!-- … --></code> blocks
 *   (companyName, website, industry, size, headquarters, description).
 * Employee /in/ links on these pages are not people of the page: the adapter returns no people.
 */
import { canonicalWebsite, classifyLink } from '@/lib/normalize/links';
import type { Company, SiteAdapter, SiteResult } from '../types';
import {
  absUrl,
  addUnique,
  all,
  canonicalHref,
  hasType,
  isObject,
  jsonLdNodes,
  meta,
  newCompany,
  onHost,
  parseJson,
  pick,
  pickText,
  put,
  str,
  text,
  unwrapRedirect,
} from './dom';

const NAME = 'linkedin-company';
const SOURCE = `site:${NAME}`;

const NAME_SELECTORS = [
  'h1.top-card-layout__title', // guest 2020-2025
  'h1.org-top-card-summary__title', // logged-in 2020-2024
  'h1.org-top-card-primary-content__title', // logged-in 2018
  '.org-top-card h1',
] as const;

// Labels of the About tab's <dt>, in the UI languages LinkedIn ships most (fallback only).
const LABELS: Record<'website' | 'industry' | 'size' | 'location', RegExp> = {
  website: /^(website|site web|site internet|webseite|website|sitio web|sito web)$/i,
  industry: /^(industry|industrie|secteur|branche|sector|settore)$/i,
  size: /^(company size|taille de l.entreprise|unternehmensgröße|tamaño de la empresa|dimensioni dell.azienda)$/i,
  location: /^(headquarters|siège social|hauptsitz|sede|sede central|sede principale)$/i,
};

// "51-200 employees", "10,001+ employees", "51–200 salariés", "10.001+ Beschäftigte".
const SIZE = /^(\d[\d.,\s]*(?:[-–]\s*\d[\d.,\s]*|\+))(?:\s+\D+)?$/;

/** "10,001+ employees" → "10001+", "51 - 200 salariés" → "51-200" (language-neutral). */
function sizeOf(raw: string): string {
  const match = SIZE.exec(raw.trim());
  if (!match?.[1]) return '';
  return match[1].replace(/[.,\s]/g, '').replace('–', '-');
}

/** An outbound website from an href (LinkedIn redirects unwrapped); '' for LinkedIn's own links. */
function websiteOf(href: string | null | undefined, base: URL): string {
  const abs = absUrl(href, base);
  if (!abs) return '';
  const target = unwrapRedirect(abs);
  const parsed = absUrl(target, base);
  if (!parsed || onHost(new URL(parsed), 'linkedin.com')) return '';
  // Canonical form (no utm_* tracking, no trailing slash), as every other source gives it.
  return canonicalWebsite(new URL(parsed));
}

/** Guest "About us" rows by their data-test-id. */
function guestAbout(doc: Document, company: Company, base: URL): void {
  const row = (id: string) => doc.querySelector(`[data-test-id="about-us__${id}"]`);
  const websiteRow = row('website');
  put(company, 'website', websiteOf(websiteRow?.querySelector('a')?.getAttribute('href'), base), SOURCE);
  if (!company.website) put(company, 'website', websiteOf(text(websiteRow?.querySelector('dd')), base), SOURCE);
  put(company, 'industry', text(row('industry')?.querySelector('dd')), SOURCE);
  put(company, 'size', sizeOf(text(row('size')?.querySelector('dd'))), SOURCE);
  put(company, 'location', text(row('headquarters')?.querySelector('dd')), SOURCE);
  put(company, 'description', text(doc.querySelector('[data-test-id="about-us__description"]')), SOURCE);
}

/** Logged-in About tab: top-card items, then the page-details <dl> by value shape, then by label. */
function loggedInAbout(doc: Document, company: Company, base: URL): void {
  put(
    company,
    'industry',
    pickText(doc, [
      '.org-top-card-primary-content__industry', // 2018
      '.org-top-card-summary-info-list__info-item:first-child', // 2020-2024
    ]),
    SOURCE,
  );
  put(company, 'location', pickText(doc, ['.org-top-card-primary-content__headquarter']), SOURCE);
  put(
    company,
    'website',
    websiteOf(
      pick(doc, [
        'a[data-control-name="page_details_module_website_external_link"]', // 2018
        'a[data-test-id="about-us__website"]',
        '.org-about-us-company-module__website',
      ])?.getAttribute('href'),
      base,
    ),
    SOURCE,
  );
  for (const dt of all(doc, 'dl dt', 40)) {
    const dd = dt.nextElementSibling;
    if (!dd?.matches('dd')) continue;
    const label = text(dt);
    const value = text(dd);
    const link = dd.querySelector('a[href]')?.getAttribute('href');
    if (link && /^tel:/i.test(link)) {
      // Phone row (raw text; the extractor normalises it to E.164).
      addUnique(company.phones, text(dd.querySelector('a')) || link.slice(4));
      company.sources.phones = SOURCE;
    } else if (!company.website && (LABELS.website.test(label) || (link && /^https?:/i.test(value)))) {
      put(company, 'website', websiteOf(link ?? value, base), SOURCE);
    } else if (!company.size && (sizeOf(value) || LABELS.size.test(label))) {
      put(company, 'size', sizeOf(value), SOURCE);
    } else if (!company.industry && LABELS.industry.test(label)) {
      put(company, 'industry', value, SOURCE);
    } else if (!company.location && LABELS.location.test(label)) {
      put(company, 'location', value, SOURCE);
    }
  }
  put(
    company,
    'description',
    pickText(doc, [
      '.org-grid__core-rail section > p.white-space-pre-wrap', // 2018 About tab
      '.org-page-details-module__card-spacing p.break-words', // 2021-2024 About tab
      'section.org-about-module p.break-words',
      '.org-about-us-organization-description__text',
    ]),
    SOURCE,
  );
}

/** The 2016 public page keeps its data as JSON inside <code><!-- … --></code>. */
function embeddedJson(doc: Document): Record<string, unknown> | null {
  for (const code of all(doc, 'code', 60)) {
    for (const node of Array.from(code.childNodes)) {
      if (node.nodeType !== 8) continue; // Comment
      const data = parseJson(node.nodeValue);
      if (isObject(data) && typeof data.companyName === 'string') return data;
    }
  }
  return null;
}

/** Reads a LinkedIn company page. */
function extractCompany(doc: Document, url: URL): SiteResult | null {
  const ld = jsonLdNodes(doc).find((node) => hasType(node, 'Organization')) ?? null;
  const nameEl = pick(doc, NAME_SELECTORS);
  // Only the 2016 page lacks a name heading; its JSON blocks are read only then.
  const legacy = nameEl ? null : embeddedJson(doc);
  const name = (nameEl && text(nameEl)) || str(ld?.name) || str(legacy?.companyName);
  if (!name) return null;

  const company = newCompany(name, SOURCE);
  // Read only the layout family the heading belongs to: less work on big pages.
  if (nameEl?.matches('.top-card-layout__title')) guestAbout(doc, company, url);
  else if (nameEl) loggedInAbout(doc, company, url);

  if (legacy) {
    put(company, 'website', websiteOf(str(legacy.website), url), SOURCE);
    put(company, 'industry', str(legacy.industry), SOURCE);
    put(company, 'size', sizeOf(str(legacy.size)), SOURCE);
    const hq = isObject(legacy.headquarters) ? legacy.headquarters : {};
    put(company, 'location', [str(hq.city), str(hq.state), str(hq.country)].filter(Boolean).join(', '), SOURCE);
    put(company, 'description', str(legacy.description), SOURCE);
  }
  if (ld) {
    put(company, 'website', websiteOf(str(ld.sameAs), url), SOURCE);
    put(company, 'description', str(ld.description), SOURCE);
    const address = isObject(ld.address) ? ld.address : {};
    put(
      company,
      'location',
      [str(address.addressLocality), str(address.addressRegion), str(address.addressCountry)]
        .filter(Boolean)
        .join(', '),
      SOURCE,
    );
  }

  const ldLogo = isObject(ld?.logo) ? str(ld.logo.contentUrl) : str(ld?.logo);
  const logo =
    absUrl(ldLogo, url) ||
    absUrl(
      pick(doc, [
        'img.top-card-layout__entity-image', // guest
        'img.org-top-card-primary-content__logo', // logged-in
        'img.org-top-card-summary__logo',
      ])?.getAttribute('src'),
      url,
    ) ||
    absUrl(meta(doc, 'og:image'), url);
  if (logo && !/static\.licdn\.com|ghost/.test(logo)) put(company, 'logoUrl', logo, SOURCE);

  const link = companyUrl(doc, url, ld);
  if (link) {
    company.links.push(link);
    company.sources.links = SOURCE;
  }
  return { pageKind: 'company', people: [], company };
}

/** The canonical /company/ URL: canonical link, og:url, JSON-LD url, the page URL, the nav's Home tab. */
function companyUrl(doc: Document, url: URL, ld: Record<string, unknown> | null): string {
  const candidates = [
    canonicalHref(doc),
    meta(doc, 'og:url'),
    str(ld?.url),
    url.href,
    doc.querySelector('a[data-control-name="page_member_main_nav_home_tab"]')?.getAttribute('href') ?? '',
  ];
  for (const raw of candidates) {
    if (!raw) continue;
    const hit = classifyLink(raw, url);
    if (hit?.kind === 'linkedin-company') return hit.url;
  }
  return '';
}

export const linkedinCompany: SiteAdapter = {
  name: NAME,
  matches(url) {
    return onHost(url, 'linkedin.com') && /^\/(company|school|showcase)\/[^/]+/.test(url.pathname);
  },
  extract: extractCompany,
};
