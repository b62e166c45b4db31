import { registrableDomain } from '@/lib/normalize/domain';
import { blockPeople, type LegalReading, signerOf } from './legal';
import { isLegalFormOnly } from './legal-forms';
import { phonesInText } from './page/contacts';
import { newCompany, setField } from './page/entity';
import type { CompanyPageReading, RawCompany, RawPerson } from './page/types';
import { townIn } from './town';

/**
 * Settles a company page's company and people with what its legal notice names (parsed by
 * lib/extract/legal.ts from the lines the reader collected) and what the reader read beside it
 * (./page/company-page.ts): the notice's entity, seat and representatives first, then the address
 * blocks' town and managing director, the page's town, its letter's signer. It runs in finalize
 * so that the notice's parser stays out of the script injected into pages.
 */
export function settleCompanyPage(
  read: CompanyPageReading,
  legal: LegalReading | null,
  found: RawCompany | null,
  contactPage = false,
): { company: RawCompany | null; people: RawPerson[] } {
  if (!found) return { company: null, people: [] };
  // A copy: the reading stays as it came (finalize may read it again).
  const company: RawCompany = { ...found, sources: { ...found.sources } };
  let people: RawPerson[] = [];
  const fromNotice = !!legal?.companyName;
  if (read.unnamed) {
    // The company the reader made for the notice's name: none without one.
    const named = legal?.companyName ? newCompany(legal.companyName, 'page') : null;
    if (!named) return { company: null, people: [] };
    company.name = named.name;
  } else if (legal?.companyName) {
    // A regional site's structured data may describe its branch: the notice's entity and seat are the company's.
    if (legal.location && company.name !== legal.companyName) {
      delete company.location;
      delete company.sources.location;
    }
    if (!formOnly(company.name, legal.companyName, contactPage)) {
      company.name = legal.companyName;
      company.sources.name = 'page';
    }
  }
  if (legal) {
    setField(company, 'location', legal.location, 'page');
    people = legal.people;
    // The numbers the notice's own block states ("Tel.: 05605-8007-60" in a one-paragraph Impressum):
    // the law makes the provider give them there, though the reader harvested the page's contact blocks only.
    const stated = phonesInText(legal.ownText).filter((v) => !company.textPhones?.includes(v));
    if (stated.length) company.textPhones = [...(company.textPhones ?? []), ...stated];
    // The chamber's, insurer's or host's contacts on the notice are not the company's.
    for (const key of ['emails', 'phones', 'textPhones'] as const) {
      const others = new Set(read.decoyed[key]);
      const list = company[key];
      if (others.size && list) company[key] = list.filter((v) => !others.has(v));
    }
    // And those of the sections the notice's parser ends the owner's block at (a maintainer's, a host's
    // heading the reader did not know): in them and not in the owner's block, unless a mailbox of the site's own domain.
    const squeeze = (t: string) => t.replace(/\s/g, '').toLowerCase();
    const [theirs, ours] = [squeeze(legal.decoyText), squeeze(legal.ownText)];
    const site = sameSiteMail(company.website);
    const foreign = (v: string) => theirs.includes(squeeze(v)) && !ours.includes(squeeze(v)) && !site(v);
    for (const key of ['emails', 'phones', 'textPhones'] as const) {
      const list = company[key];
      if (theirs && list) company[key] = list.filter((v) => !foreign(v));
    }
  }
  const [blocks, text] = read.townLines;
  const blocksTown = townIn(blocks);
  const pageTown = blocksTown ? '' : townIn(text);
  if (!company.location) setField(company, 'location', blocksTown, 'page');
  const legalName = fromNotice ? '' : withLegalForm(read.legalForm.name, read.legalForm.lines);
  if (legalName) company.name = legalName;
  if (!company.location) setField(company, 'location', pageTown, 'page');
  if (!people.length) people = blockPeople(read.blockLines);
  const signer = people.length ? null : signerOf(signature(read.closings));
  if (signer) people = [signer];
  for (const p of people) setField(p, 'companyName', company.name, 'page');
  return { company, people };
}

/**
 * True when a contact page's entity line is the site's own name with only a legal form added
 * ("CodicePlastico S.r.l." in the address block of the site titled "CodicePlastico"). A company goes
 * by the name its site gives itself (title, og:site_name, logo): the corpus's facts record that name,
 * with a legal form only where the site's own name carries it ("Forge Srl" in og:site_name, "W. le
 * Comte Aannemingsbedrijf" over its header's "W. le Comte B.V."). A legal notice names the legal entity
 * on purpose, and a contact page's entity line that is another name than the brand ("WiMAKS
 * Toczyłowski sp.k." beside "WiMaks", "Ricardo Pacheco & Associados" beside "RPA Advogados") says who
 * the brand is: those stand.
 */
function formOnly(name: string, entity: string, contactPage: boolean): boolean {
  const [own, full] = [name.trim().toLowerCase(), entity.trim().toLowerCase()];
  if (!contactPage || own.length < 2 || !full.startsWith(own)) return false;
  // The rest, without its dots and spaces ("S.r.l." is srl, "s.a.s." sas, "sp. z o.o." spzoo).
  return isLegalFormOnly(full.slice(own.length));
}

/** True for a mailbox on the registrable domain of `website` (contact@acme.fr on www.acme.fr). */
function sameSiteMail(website: string | undefined): (v: string) => boolean {
  let own: string | null = null;
  try {
    own = website ? registrableDomain(new URL(website).hostname) : null;
  } catch {
    own = null;
  }
  return (v) => !!own && v.includes('@') && registrableDomain(v.split('@')[1] ?? '') === own;
}

// Legal forms written before the name (foundations, associations) or, for a German association, after it.
const FORM_BEFORE =
  /^(?:stichting|vereniging|co(?:ö|o)peratie|fundaci(?:ó|o)n|fondazione|fondation|fundação|associa(?:ç|c)(?:ã|a)o|associazione|asociaci(?:ó|o)n|association|verein|stiftung|förderverein)$/i;

/** The site's name with its legal form as the page's text writes it ("Stichting It Lijsket", "Heulicher e.V."), or ''. */
export function withLegalForm(name: string, lines: string[]): string {
  const lower = name.toLowerCase();
  if (lower.length < 3) return '';
  for (const line of lines) {
    const at = line.toLowerCase().indexOf(lower);
    if (at < 0) continue;
    const before = /(\p{L}+)\s$/u.exec(line.slice(Math.max(0, at - 30), at))?.[1] ?? '';
    // Only at a word boundary after the name ("It Lijsket," not "It Lijsketten").
    if (/^\p{L}/u.test(line.slice(at + lower.length))) continue;
    if (FORM_BEFORE.test(before)) return `${before.charAt(0).toUpperCase()}${before.slice(1)} ${name}`;
    if (/^\s?e\.\s?V\.?(?!\p{L})/u.test(line.slice(at + lower.length))) return `${name} e.V.`;
  }
  return '';
}

// A letter's closing before the signer's name ("Herzliche Grüße,", "Best regards,", "Cordialement,").
const VALEDICTION =
  /^(?:(?:mit )?(?:herzliche[n]?|viele[n]?|liebe[n]?|beste[n]?|freundliche[n]?) gr(?:ü|ue)(?:ß|ss)e[n]?|(?:best|kind|warm|warmest) regards|regards|sincerely|yours sincerely|cordialement|bien (?:à|a) vous|amicalement|(?:un )?(?:cordial )?saludos?|atentamente|(?:cordiali )?saluti|un (?:caro )?saluto|(?:met )?(?:vriendelijke|hartelijke) groet(?:en)?|groeten)[,.!]?(?:\s(.{3,60}))?$/iu;

/**
 * The text after the first letter's closing in a page's lines (the reader's closingLines) ("Herzliche Grüße, Thomas Borgmann-Hartmann",
 * or the line under it): on a small firm's own page, its owner's signature, which finalize judges
 * (lib/extract/legal.ts signerOf). null when the page closes no letter.
 */
export function signature(lines: string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const m = VALEDICTION.exec(lines[i] as string);
    if (m) return m[1] ?? lines[i + 1] ?? '';
  }
  return null;
}
