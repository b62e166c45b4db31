import { describedAuthor } from './author';
import { addList, nameKey, newPerson, setField, upsertPerson } from './entity';
import { readHCards } from './hcard';
import { FIRST_PERSON_PATH, ownBusiness, ownPage } from './kind';
import type { MetaReading } from './meta';
import { type Draft, type Safe, takeCompany, takePrimary } from './reader-state';
import { interpret, jsonLdNodes, microdataNodes, rdfaNodes, type SNode, type StructuredSource } from './structured';
import type { RawPerson } from './types';

/**
 * Layers 1 and 2 of a reading: what the page's markup says it is about. Structured data
 * (JSON-LD, microdata, RDFa), a described article author, h-cards, then the meta tags of a
 * profile page and its "Name - Title - Company" title.
 */
export function readMarkup(
  d: Draft,
  doc: Document,
  page: URL,
  href: string,
  meta: MetaReading,
  relMe: string[],
  countries: string[],
  safe: Safe,
): void {
  // 1. Structured data.
  const syntaxes: [StructuredSource, (d: Document) => SNode[]][] = [
    ['json-ld', jsonLdNodes],
    ['microdata', microdataNodes],
    ['rdfa', rdfaNodes],
  ];
  for (const [source, nodes] of syntaxes) {
    const r = safe(source, () => interpret(nodes(doc), source, href), null);
    if (!r) continue;
    // Some themes mark every page an Article (Publii, Hugo): on an "about me" page it is the owner's, and a
    // site's about, contact or legal page is its own, and so is a person's profile (./kind ownPage).
    d.isArticle ||= r.isArticle && !ownPage(doc, page);
    d.authors.push(...r.authors);
    d.isProfile ||= r.isProfilePage;
    if (r.primary) {
      takePrimary(d, r.primary);
      if (r.isProfilePage) d.strongPrimary = true;
    }
    for (const p of r.people) upsertPerson(d.listed, p);
    takeCompany(d, r.company);
    countries.push(...r.countries);
  }
  // A one-person business (a freelancer's ProfessionalService, a doctor's practice) named after
  // its founder: the site is the person's, and the business's name after theirs is their role.
  if (!d.primary && d.listed.length === 1 && d.company && ownBusiness(d.company.name, d.listed[0] as RawPerson)) {
    const own = d.listed.pop() as RawPerson;
    const rest = d.company.name.split(/\s[–—|-]\s/)[1] ?? '';
    if (rest && rest.length <= 80) {
      delete own.title;
      setField(own, 'title', rest, own.sources.fullName ?? 'page');
    }
    takePrimary(d, own);
    d.strongPrimary = true;
  }
  // "Über mich", "chi sono", "about me": the one person the page's markup names is its subject.
  if (!d.primary && d.listed.length === 1 && FIRST_PERSON_PATH.test(page.pathname))
    takePrimary(d, d.listed.pop() as RawPerson);
  // An article whose author is described (role, employer, profile) is about that author.
  const author =
    d.isArticle && !d.primary ? safe('author', () => describedAuthor(doc, href, meta, page, d.authors), null) : null;
  if (author) {
    takePrimary(d, author);
    d.author = author;
    d.isArticle = false;
    d.strongPrimary = true;
  }
  const h = safe('h-card', () => readHCards(doc, href), null);
  if (h) {
    if (h.people.length === 1) {
      takePrimary(d, h.people[0] as RawPerson);
      d.strongPrimary = true;
    } else for (const p of h.people) upsertPerson(d.listed, p);
    takeCompany(d, h.company);
    countries.push(...h.countries);
  }

  // 2. Meta: a profile page names its person in og tags and the title.
  if (d.isProfile || meta.firstName) {
    const name = [meta.firstName, meta.lastName].filter(Boolean).join(' ') || meta.titleParts[0] || '';
    const p = newPerson(name, 'meta');
    if (p) {
      setField(p, 'photoUrl', meta.image, 'meta');
      takePrimary(d, p);
    }
  }
  if (d.primary) {
    const person = d.primary;
    const parts = meta.titleParts;
    if (parts.length >= 3 && nameKey(parts[0] as string) === nameKey(person.fullName)) {
      // "Name - Title - Company | Site" (LinkedIn-style titles, many CMS profile pages).
      setField(person, 'title', parts[1], 'title');
      if (parts.length >= 4) setField(person, 'companyName', parts[2], 'title');
    }
    addList(person, 'links', relMe, 'h-card');
  }
}
