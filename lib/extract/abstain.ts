import { foldText } from '@/lib/normalize/name';
import { isCountryName, isEventEdition, isUnit } from './affiliation';
import { mark } from './evidence';
import { endsInLegalForm } from './legal-forms';
import { nameEvidence, siteAccountsOnly } from './name-evidence';
import { isKnownGivenName, personNameScore } from './names';
import { isPlaceholderName } from './page/contacts';
import { isOrgText } from './page/roles';
import { isRole } from './role-words';
import { sectionTitle } from './section-title';
import type { Company } from './types';

/**
 * Gates in finalize (issue 17): a person's title or company that cannot be one is dropped, not
 * emitted, because a wrong fact is worse than a missing one. Each gate names a class of text the
 * generic readers take for a role or an employer on pages they were not written for: a country, a
 * year, an address or contact details on the role line; a long line with no role word (a bio's
 * sentence, a paper's title); a theme's placeholder. Every drop is marked (./evidence) so
 * `corpus:report -- --why` shows which gate removed what.
 */

// A year, a span of years or a date, alone or with "since" ("2019", "2015 – present", "seit 2012", "12/05/2021").
const YEARISH =
  /^(?:(?:since|seit|depuis|desde|dal|dall'|sinds|od|from|until|bis|jusqu'en)\s{1,3})?[\d\s./:()–—-]{1,40}(?:\s{0,3}[-–—]\s{0,3}(?:present|today|now|heute|aujourd'hui|hoy|oggi|heden|nu|dziś))?$/i;
// A street and its number: an address line read as the role line.
const STREET =
  /(?:\b(?:street|st\.|road|rd\.|avenue|ave\.?|boulevard|blvd\.?|lane|drive|suite|floor|rue|chemin|calle|avenida|carrer|via|viale|piazza|corso|straat|laan|plein|gracht|ul\.|aleja)|(?:stra(?:ß|ss)e|str\.|gasse|allee|platz|weg))\s{0,3}\d|\b\d{1,5}[a-z]?\s{1,3}(?:[\p{L}.'-]{1,30}\s{1,3}){0,3}(?:street|st\.?|road|rd\.?|avenue|ave\.?|boulevard|blvd\.?|lane|drive|rue|chemin)\b/iu;
// A postcode before a town (German/French/Italian/Spanish five digits, Dutch "1012 AB", British "SW1A 1AA").
const POSTCODE = /\b(?:\d{5}|\d{4}\s?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})\s{1,3}\p{Lu}\p{Ll}/u;
// An address, a link or a phone number: contact details, never a role or an employer.
const CONTACT = /@[\w-]+\.\w|https?:\/\/|\bwww\.|\+?\d[\d\s().-]{7,}\d/i;
// Template text left in a role slot ("Job Title", "Position", "Lorem ipsum", "TBA").
const PLACEHOLDER =
  /^(?:job\s?title|title|position|role|your (?:title|role|position|job title)|designation|tb[ad]|to be (?:announced|confirmed|determined)|n\/?a|none|null|undefined|lorem ipsum.*|[-–—.…?*]+)$/i;

// A contact field's label left alone on the role line ("E-post", "Telefon:", "Tel.: TBA"): the value beside it
// was a link or is missing, and a label names a field, never anyone's role or employer. Words that are
// also a team's area ("Mobile", "Web", "Contact") count as labels only with their colon.
const CONTACT_LABEL =
  /^(?:(?:e-?mail|e-?post|mail|courriel|correo(?:\s(?:electr[óo]nico|e))?|sähköposti|tel(?:efon(?:o|nummer|nr\.?)?|[ée]fono|ephone|\.)?|phone|fax|puhelin|gsm)\s?(?::\s?(?:tb[ad]|n\/?a|[-–—]+)?)?|(?:mobil(?:e|telefon)?|handy|cell|web(?:site|seite)?|kontakt|contact)\s?:\s?(?:tb[ad]|n\/?a|[-–—]+)?)$/iu;

// Academic degrees and postnominals ("PhD, MSc", "M.D., Ph.D.", "Dipl.-Ing.", "LL.M."): what a person holds, not
// their role. Dotted forms are bounded by what follows, so "MA" is a degree and "Manager" is not.
const DEGREE =
  /^(?:ph\.?\s?d\.?|d\.?\s?phil\.?|m\.?\s?sc\.?|b\.?\s?sc\.?|m\.?\s?a\.?|b\.?\s?a\.?|m\.?\s?s\.?|b\.?\s?s\.?|m\.?\s?eng\.?|b\.?\s?eng\.?|m\.?\s?b\.?\s?a\.?|m\.?\s?d\.?|j\.?\s?d\.?|ll\.?\s?[bm]\.?|m\.?\s?phil\.?|m\.?\s?res\.?|m\.?\s?p\.?\s?h\.?|dipl\.?-?\s?(?:ing|inf|kfm|psych|math|phys)\.?(?:\s?\(fh\))?|mag\.?|hons?\.?|\(hons?\.?\)|\(fh\)|frcp|frcs|cpa|cfa|acca|rn|dr\.?(?:\s?(?:rer\.?\s?nat|med|phil|ing)\.?)?)$/i;

/** True for a line of degrees and postnominals only ("PhD, MSc", "M.D., Ph.D."). */
function degreesOnly(t: string): boolean {
  // Most lines are roles: their first word already is no degree ("Ph." of "Ph. D." is checked whole below).
  const first = /^[^\s,;&/]+/.exec(t)?.[0] ?? '';
  if (first && !/[.(]/.test(first) && !DEGREE.test(first) && !/^(?:and|und|et|y|e)$/i.test(first)) return false;
  // "Ph. D." as "Ph.D.", then the tokens between separators, joining words aside.
  const parts = t
    .replace(/\.\s{1,3}(?=\p{L})/gu, '.')
    .split(/[\s,;&/]+/)
    .filter((p) => p && !/^(?:and|und|et|y|e)$/i.test(p));
  return parts.length > 0 && parts.every((p) => DEGREE.test(p));
}

/** The reason `text` is no one's role (''= it may be one); `structured`: read from markup that names it a role. */
export function notATitle(text: string, structured: boolean): string {
  // What is no one's employer is no one's role either; an address, a long line are not roles.
  const noCompany = notACompany(text);
  if (noCompany) return noCompany;
  const t = text.replace(/\s+/g, ' ').trim();
  if (STREET.test(t) || POSTCODE.test(t)) return 'an address';
  if (degreesOnly(t)) return 'degrees';
  // "Department of Physics", "Fachbereich Informatik": where the person works, not their role.
  if (isUnit(t) && !isRole(t)) return 'a unit';
  const words = t.split(' ').length;
  // Markup that names the field (JSON-LD jobTitle, a site adapter's role slot) vouches for the words.
  if (!structured && words >= 4 && !isRole(t)) return `no role word in ${words} words`;
  if (!structured && words > 16) return `a sentence of ${words} words`;
  return '';
}

/** The reason `text` is no one's employer ('' = it may be one). */
export function notACompany(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (PLACEHOLDER.test(t) || isPlaceholderName(t)) return 'a placeholder';
  if (CONTACT_LABEL.test(t)) return 'a contact label';
  if (isCountryName(t)) return 'a country';
  if (YEARISH.test(t) && /\d/.test(t)) return 'a year or date';
  if (CONTACT.test(t)) return 'contact details';
  return '';
}

/** notACompany for a person's employer: also an event's edition, a unit, a place ("Lyon, France"). */
export function notAnEmployer(text: string): string {
  const gate = notACompany(text);
  if (gate) return gate;
  const t = text.replace(/\s+/g, ' ').trim();
  // "DevFest Nantes 2015": the event they speak at or organise, not who employs them.
  if (isEventEdition(t)) return "an event's edition";
  if (isUnit(t)) return 'a unit';
  const parts = t.split(/\s{0,3},\s{0,3}/);
  // "Lyon, France": a town and its country, where the person is.
  if (parts.length === 2 && isCountryName(parts[1] as string) && !/\s/.test(parts[0] as string)) return 'a place';
  return '';
}

// Words of an organisation's, a place's or a page part's name, never of a person's: a card of partners
// ("Hogeschool van Amsterdam", "Basler Verkehrsbetriebe", "Ota City Industrial Plaza"), a fund page's
// teasers ("Apollo Fund", "Track Record"), a legal notice's labels ("Betreiber der Website",
// "Redaktionell verantwortlich"), a product menu ("産業用システム製品").
const ORG_NAME =
  /(?:\b(?:hogeschool|universiteit|plaza|fund|fonds|record|website|webseite|betreiber|verantwortlich|ventures|stadtwerke|gemeente|ministerie|ministry|council|agency|agentur)\b|\p{L}(?:betriebe|werke)\b|製品|品目|デバイス|事業)/iu;

/** The reason `name` is no person's ('' = it may be one); `listed`: a generic list reader found it. */
export function notAPerson(name: string, listed: boolean): string {
  const t = name.replace(/\s+/g, ' ').trim();
  // "Apie Mus", "Hakkımda": a page's section title read as its owner's name (the address spells it too).
  if (sectionTitle(t)) return "a section's title";
  if (!listed) return '';
  if (ORG_NAME.test(t) || isOrgText(t) || endsInLegalForm(t, true)) return "an organisation's or a page part's name";
  // A role line read as the name ("Dyrektorka Zarządzająca DELab UW", "Managing Director Acme"): its
  // first word is a role word, not a given name (a list's name and role cells swapped or merged).
  const first = t.split(' ')[0] ?? '';
  return t.includes(' ') && isRole(first) && !isKnownGivenName(first) ? 'a role line' : '';
}

/**
 * The records of a list whose names all open with one word that is no given name ("Ιατρείο Ζωγράφου",
 * "Ιατρείο Βριλησσίων"; "Praxis Mitte", "Praxis Süd"; "Office London", "Office Paris"): a practice's
 * offices or a firm's branches, each named by what it is and where. People's names share no first word
 * unless written family name first ("Rahier Nathalie", "Rahier Marc"), whose second word is a given name.
 */
export function placeLabels(people: Record<string, unknown>[]): Set<Record<string, unknown>> {
  const out = new Set<Record<string, unknown>>();
  const groups = new Map<unknown, Record<string, unknown>[]>();
  for (const p of people) {
    const sources = p.sources as Record<string, unknown> | undefined;
    if (sources?.fullName !== 'people-list') continue;
    groups.set(p.kin, [...(groups.get(p.kin) ?? []), p]);
  }
  for (const list of groups.values()) {
    const words = list.map((p) => String(p.fullName ?? '').split(/\s+/));
    const first = words[0]?.[0] ?? '';
    if (list.length < 2 || isKnownGivenName(first)) continue;
    const shared = words.every((w) => w.length >= 2 && w[0]?.toLowerCase() === first.toLowerCase());
    if (shared && !words.some((w) => isKnownGivenName(w[1] ?? ''))) for (const p of list) out.add(p);
  }
  return out;
}

// Sources that read the role from markup naming it (structured data, a site adapter's own slot).
const STRUCTURED = /^(?:json-?ld|microdata|rdfa|h-?card|site:|meta)/i;

// A file of a picture: a card's photo read as its link, never anyone's profile or site.
const IMAGE_FILE = /\.(?:jpe?g|png|gif|svg|webp|avif|bmp|ico|tiff?)$/i;

/** True for a link to a picture file (".../img/jane.jpeg"): no one's profile, whatever the card wrapped in it. */
export function isImageLink(href: string): boolean {
  try {
    return IMAGE_FILE.test(new URL(href).pathname);
  } catch {
    return false;
  }
}

// Sources of a page owner read from the page's text: its <title> or heading, a legal notice's line.
const OWNER = /^(?:title|page)$/;

/**
 * The reason a page owner's name is too weakly evidenced to stand ('' = it stands): a record read
 * from a title, a heading or a notice (not from markup naming a person, not from a list, whose
 * group is judged) needs a given name the data knows or evidence of its own (./name-evidence).
 * Headings of sections and projects have a name's shape ("Ons Bestuur", "Mindfulness-Based
 * Compassionate Living") and the record would carry the page's contacts under a wrong name.
 */
export function unvouchedOwner(p: Record<string, unknown>, source: string, url: string): string {
  if (!OWNER.test(source) || typeof p.fullName !== 'string') return '';
  if (personNameScore(p.fullName) >= 0.8 || nameEvidence(p, url)) return '';
  return 'no known given name, and nothing on the page spells it or gives it a role';
}

/**
 * The loose person records that may be people (a listed record named like an organisation is
 * dropped, so is a page owner whose name nothing vouches for), each without the title and company
 * that fail their gate; every drop is marked. `url`: the page's; `dropped.owners` counts the owners dropped.
 */
export function abstain(
  people: Record<string, unknown>[],
  url = '',
  dropped: { owners: number } = { owners: 0 },
): Record<string, unknown>[] {
  return people.filter((p) => {
    const sources = (p.sources && typeof p.sources === 'object' ? p.sources : {}) as Record<string, unknown>;
    const source = (field: string) => (typeof sources[field] === 'string' ? (sources[field] as string) : '');
    if (typeof p.fullName === 'string' && notAPerson(p.fullName, source('fullName') === 'people-list')) return false;
    // A card holding only the site's own accounts under a name no given name starts is the theme's widget.
    const listed = source('fullName') === 'people-list';
    if (listed && siteAccountsOnly(p, url) && personNameScore(String(p.fullName ?? '')) < 0.8) return false;
    if (unvouchedOwner(p, source('fullName'), url)) {
      dropped.owners++;
      return false;
    }
    for (const field of ['title', 'companyName'] as const) {
      const value = p[field];
      if (typeof value !== 'string' || !value.trim()) continue;
      const reason = field === 'title' ? notATitle(value, STRUCTURED.test(source(field))) : notAnEmployer(value);
      if (!reason) continue;
      delete p[field];
      // The record's own copy: the reading's sources object may be the caller's (finalize may run twice on it).
      p.sources = { ...(p.sources as Record<string, unknown>) };
      delete (p.sources as Record<string, unknown>)[field];
      mark(p, field, `dropped ${JSON.stringify(value.slice(0, 80))}: ${reason}`);
    }
    return true;
  });
}

// Hosts that give every user a subdomain: "lab.github.io" is the organisation's own domain only when
// it names the organisation; a group's pages hosted there ("backofenlab.github.io" for a university's
// "Bioinformatics Group") belong to an organisation whose own domain is elsewhere.
export const SHARED_HOST =
  /\.(?:github\.io|gitlab\.io|netlify\.app|vercel\.app|pages\.dev|web\.app|firebaseapp\.com|herokuapp\.com|wordpress\.com|blogspot\.com|wixsite\.com|webflow\.io|readthedocs\.io|surge\.sh)$/i;

/** True when `domain` is a user's subdomain of a shared host that shares no word with the company's `name`. */
export function foreignHostDomain(domain: string, name: string): boolean {
  if (!SHARED_HOST.test(domain)) return false;
  const fold = (t: string) =>
    foldText(t)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const label = fold(domain.split('.')[0] ?? '');
  const words = fold(name)
    .split(' ')
    .filter((w) => w.length >= 3);
  const joined = fold(name).replace(/ /g, '');
  return !(
    words.some((w) => label.replace(/ /g, '').includes(w)) ||
    label.split(' ').some((w) => w.length >= 3 && joined.includes(w))
  );
}

/** Drops a company's domain that is a shared host's subdomain naming someone else; marks why. */
export function abstainCompany(company: Company, record: object): void {
  if (!company.domain || !foreignHostDomain(company.domain, company.name)) return;
  mark(
    record,
    'domain',
    `dropped ${JSON.stringify(company.domain)}: a shared host's subdomain not named after the company`,
  );
  delete company.domain;
  delete company.sources.domain;
}
