import type { PageKind } from '../types';
import { sameSite } from './assign';
import { addressBlocks, matchesSite, siteLabel } from './company';
import { readCompanyPage } from './company-page';
import { addList, mergeEntity, nameKey, setField, townFrom } from './entity';
import { namedRole, ownBusiness, selfDescribed } from './kind';
import { pageLines, pageTownLines, townBlock } from './legal';
import type { MetaReading } from './meta';
import { sentenceLike } from './person-signs';
import { isOwnSite, personPageCompany, siteEmployer } from './profile';
import type { Draft, Safe } from './reader-state';
import { ROLE_WORDS, splitRole } from './roles';
import type { CompanyPageReading, RawCompany, RawPerson } from './types';

/** The page's person and company once its kind is known, and what its company page adds. */
export interface Owner {
  /** The person a person page is about (null on other kinds). */
  person: RawPerson | null;
  /** The page is the person's own site (their name is its identity). */
  ownSite: boolean;
  /** What a company page adds, which finalize settles with its legal notice (its people among it). */
  companyPage?: CompanyPageReading;
  /** Tells a legal notice's chamber or host contacts, which are not the company's. */
  decoy: ((v: string) => boolean) | null;
}

/**
 * Settles d.company for the page's kind: structured data first, else the site's identity; on a
 * person's page the site is theirs, so only their employer (worksFor, org) becomes the company.
 * Fills a person's missing role from their bio, and reads what the company's page adds.
 */
export function settleOwner(
  d: Draft,
  kind: PageKind,
  doc: Document,
  body: Element | null,
  page: URL,
  meta: MetaReading,
  siteCompany: RawCompany | null,
  notice: () => string[] | null,
  safe: Safe,
): Owner {
  const site = d.site;
  if (kind !== 'person' && siteCompany) {
    if (!d.company) d.company = siteCompany;
    else if (!d.company.website && nameKey(d.company.name) === nameKey(siteCompany.name))
      mergeEntity(d.company, siteCompany);
  }
  // Structured data often names the organisation without its URL: it is this site's when the name matches the domain.
  if (d.company && !d.company.website && kind !== 'person' && matchesSite(d.company.name, siteLabel(page.hostname)))
    setField(d.company, 'website', page.origin, 'url');
  const person = kind === 'person' ? (d.primary ?? d.listed[0] ?? null) : null;
  const ownSite = !!person && !site && isOwnSite(person, doc, page, meta);
  // A structured employer whose name the domain spells (a practice's own site) owns the page,
  // even when its footer names the person: "Verhaltenstherapie Praxis Köln" on verhaltenstherapie-praxis.koeln.
  const co0 = d.company;
  const siteOwner =
    !!co0 && !!person && matchesSite(co0.name, siteLabel(page.hostname)) && !ownBusiness(co0.name, person);
  if (person) d.company = personPageCompany(person, d.company, (ownSite && !siteOwner) || person === d.author);
  if (person && !site) d.company = siteEmployer(person, d.company, siteCompany, meta, page, doc);
  // Markup that names a person often omits their role, which their bio's first sentence gives
  // (an employer named in passing is the person's, not the page's company).
  if (person && !site && !person.title) {
    // A platform profile's short bio is often only the role ("Writer", "Founder @Acme", "Designer | Studio").
    const short = meta.description.length <= 80 && !sentenceLike(meta.description);
    const bio = d.isProfile && short && ROLE_WORDS.test(meta.description) ? meta.description : '';
    const named = bio ? '' : safe('title', () => namedRole(doc, meta, person.fullName), '');
    const role = named
      ? { title: named }
      : safe('title', () => splitRole(bio || selfDescribed(doc), true), { title: '' as string, company: undefined });
    setField(person, 'title', role.title, 'title');
    if (role.company) setField(person, 'companyName', role.company, 'title');
  }
  // A bio sentence is no title, whatever gave it (a JSON-LD jobTitle, a line under the name): abstain.
  if (person?.title && sentenceLike(person.title)) {
    delete person.title;
    delete person.sources.title;
  }
  const company = d.company;
  if (company && person && ownBusiness(company.name, person)) {
    // The business is the person: its contacts are theirs.
    addList(person, 'emails', company.emails, company.sources.emails ?? 'page');
    addList(person, 'phones', company.phones, company.sources.phones ?? 'page');
    d.company = null;
  }
  if (person?.companyName && ownBusiness(person.companyName, person)) {
    delete person.companyName;
    delete person.sources.companyName;
  }
  if (d.siteNoCompany) d.company = null;
  // A legal notice, an address block or the page's text name the company's legal name, town and people (finalize reads them).
  // A people list's site company is the group the page lists: its footer's address is where it is.
  const own =
    kind === 'company' ||
    kind === 'people-list' ||
    (kind === 'person' && !!d.company?.website && sameSite(d.company.website, page));
  const found = d.company;
  const fromPage =
    !site && body ? safe('legal', () => readCompanyPage(doc, body, page, kind, own, found, notice), null) : null;
  if (fromPage) d.company = fromPage.company;
  // A person's own site with no company: the town of its address (footer, <address>) is where they work.
  if (person && ownSite && !d.company && body && !person.location)
    safe('legal', () => townFrom(person, townBlock(...addressBlocks(doc)), pageTownLines(pageLines(body))), undefined);
  // A described author's page is about them: the publisher is not their company, nor a prospect.
  if (d.author && person === d.author) d.company = null;
  const owner: Owner = { person, ownSite, decoy: fromPage?.decoy ?? null };
  if (fromPage?.page) owner.companyPage = fromPage.page;
  return owner;
}
