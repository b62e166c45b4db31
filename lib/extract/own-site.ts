import { classifyLink, PERSON_LINKS } from '@/lib/normalize/links';
import { isFreeMailDomain } from '@/lib/normalize/mailboxes';
import { foldText, splitName } from '@/lib/normalize/name';
import { notATitle } from './abstain';
import { isKnownGivenName, personNameScore } from './names';
import { LEGAL } from './page/company';
import { isRole } from './role-words';
import { domainLabel, kindBefore } from './site-name';
import type { Company, Person } from './types';

/**
 * The one-person site (issue 17): an accountant, a doctor, a designer names their site with their
 * own name, often with the profession after it ("Jane Roe – Accountant", "Jane Roe, Architect",
 * "Contact — Jane Roe | Architect", "Thaís Basso Nutricionista"), and its contacts are theirs. The
 * reader takes such a name for a company's. Finalize gives the page to its owner when the page vouches
 * for the name beyond its shape: a given name the data knows starts it and a profession follows it or
 * the site's host or a mailbox spells it (a brand's host and mailboxes spell the brand too); a name the
 * data does not know needs both. A legal form, or the kind of organisation written before the name,
 * keeps it a company's.
 */

// What titles and site names put between a name and the rest: a bar, a dash, a middle dot, a comma.
const PARTS = /\s[|–—·•-]\s|,\s|\s\/\s/;
// A form of address before the name ("Dr. Jane Roe", "Ο δρ Μάριος …"): no part of it. "Ing." and "Mag." only
// with their full stop ("ING Direct" is a bank), so the Czech and Slovak degrees written before a name as
// forms of address ("MUDr." a physician, "JUDr." a lawyer, "Mgr.", "Bc.").
const ADDRESS =
  /^(?:(?:ο|η)\s)?(?:(?:dr|dra|δρ|prof|dott|avv|mr|mrs|ms)\.?|(?:dott\.ssa|mag|ing|mudr|mvdr|mddr|judr|phdr|rndr|paeddr|mgr|bc)\.)\s+/iu;

// Greek names on Latin hosts and mailboxes (detsis-paidiatros.gr, elenaniaka@…): their usual romanisation
// (ELOT 743), digraphs first.
const GREEK: [RegExp, string][] = [
  [/ου/g, 'ou'],
  [/αυ/g, 'av'],
  [/ευ/g, 'ev'],
  [/μπ/g, 'b'],
  [/ντ/g, 'nt'],
  [/θ/g, 'th'],
  [/χ/g, 'ch'],
  [/ψ/g, 'ps'],
  [/ξ/g, 'x'],
];
const GREEK_ONE: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  ω: 'o',
};

/** A name's words in Latin letters without marks, lower case ("Μάριος Δέτσης" → ["marios", "detsis"]). */
export function latinWords(name: string): string[] {
  let t = foldText(name);
  for (const [from, to] of GREEK) t = t.replace(from, to);
  t = t.replace(/[α-ω]/g, (c) => GREEK_ONE[c] ?? c);
  return t
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter((w) => w.length > 1);
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The spellings of a name a host or a mailbox uses: "janeroe", "jroe", "janer", "roejane". */
function spellings(words: string[]): string[] {
  const given = words[0] ?? '';
  const family = words[words.length - 1] ?? '';
  const whole = words.join('');
  return [whole, given + family, given.charAt(0) + family, given + family.charAt(0), family + given];
}

/** True when the site's own host spells the name, or starts with its family name before a word more ("detsis-paidiatros"). */
function hostSpells(words: string[], url: string, profession: boolean): boolean {
  const label = domainLabel(url);
  const family = words[words.length - 1] ?? '';
  if (spellings(words).includes(label)) return true;
  return profession && family.length >= 4 && label.startsWith(family) && label.length > family.length + 3;
}

/** True when one of the site's mailboxes is written as the name (elenaniaka@…, jane.roe@…). */
function mailSpells(words: string[], emails: string[]): boolean {
  const forms = spellings(words);
  return emails.some((e) => forms.includes((e.split('@')[0] ?? '').toLowerCase().replace(/[^a-z]/g, '')));
}

/**
 * True when a mailbox at a free-mail provider is the name's words joined by dots, hyphens or underscores
 * ("codruta.brustur@gmail.com" for "Codruta Brustur"): how a person signs up for one in their own name. A
 * business named like a person gets its mailbox on its own domain, or writes its kind in it
 * ("garage_w.sukkel@hotmail.com" for "Garage W.Sukkel" has parts the name's words are not).
 */
function personalMailbox(words: string[], emails: string[]): boolean {
  return emails.some((e) => {
    const [local = '', domain = ''] = e.toLowerCase().split('@');
    const parts = local.split(/[._-]/);
    return isFreeMailDomain(domain) && parts.length >= 2 && parts.join(' ') === words.join(' ');
  });
}

// Positions held in a group, and role words that are also family names: "Jane Doe Partner" is no
// one-person business's name ("Partner" of what?), "Tom Head" a name.
const GROUP_POSITION =
  /^(?:head|lead|chair|member|fellow|partner|owner|principal|dean|speaker|student|intern|officer|executive|associate|chief|president|director|manager|secretary|treasurer|vocal|socio|socia)$/i;

/**
 * "Thaís Basso Nutricionista", "Jane Roe Photographer", "Alexandre Cousseau Architecte d'intérieur":
 * a site named with its owner's full name and their profession, no separator between them, as
 * freelancers and local professionals name their practice. The name (a given name the data knows,
 * two or three words) and the profession, or null.
 */
function nameAndProfession(text: string): { name: string; role: string } | null {
  const tokens = text.replace(/\s+/g, ' ').trim().split(' ');
  for (let cut = 2; cut <= 3 && cut < tokens.length; cut++) {
    const [name, role, first] = [tokens.slice(0, cut).join(' '), tokens.slice(cut).join(' '), tokens[cut] ?? ''];
    if (tokens.length - cut > 3 || GROUP_POSITION.test(first) || !isRole(first)) continue;
    if (personNameScore(name) >= 0.8) return { name, role };
  }
  return null;
}

/** A title or site name's person and the profession after them ("Jane Roe – Accountant" → both), or null. */
function nameIn(text: string): { name: string; role: string; score: number; addressed?: boolean } | null {
  const parts = text.split(PARTS).map((p) => p.trim());
  for (const [i, part] of parts.entries()) {
    // "Thaís Basso Nutricionista": no separator between them.
    const joined = nameAndProfession(part);
    if (joined) return { ...joined, score: 0.9 };
    const name = part.replace(ADDRESS, '').trim();
    const score = personNameScore(name);
    if (score < 0.5) continue;
    const next = parts[i + 1] ?? '';
    // "Projektētājs Liepāja", "Fotograf Hamburg": a search title's profession and town; the profession alone.
    const [first = '', ...rest] = next.split(' ');
    const role = isRole(next) && next.split(' ').length <= 4 ? (rest.length === 1 && isRole(first) ? first : next) : '';
    // A degree after the name ("Jane Roe, PhD") is what they hold, not their profession.
    return { name, role: role && !notATitle(role, false) ? role : '', score, addressed: ADDRESS.test(part) };
  }
  return null;
}

/**
 * The owner of a company reading that is one professional's site, or null: the first of `texts` (the
 * site's name as judged and as read, the page's title) that holds a person's name the page vouches for
 * (see the module's comment), with the profession a later text may add. Never a name with a legal form.
 */
export function ownersSite(company: Company, texts: string[], url: string): Person | null {
  if (texts.some((t) => LEGAL.test(t.trim()))) return null;
  let [name, role] = ['', ''];
  for (const text of texts) {
    const found = nameIn(text);
    if (!found) continue;
    const words = latinWords(found.name);
    if (words.length < 2) continue;
    // A brand's host and mailboxes spell the brand as well ("Bulb Automações" on bulbautomacoes.com.br):
    // they vouch for a name only with a given name the data knows, or with a profession after it.
    const spelled = hostSpells(words, url, !!found.role) || mailSpells(words, company.emails);
    const given = found.score >= 0.8 || isKnownGivenName(capitalised(words[0] ?? ''));
    // A personal free-mail mailbox written as the name (./personalMailbox) vouches for a name the data lacks.
    const personal = personalMailbox(words, company.emails);
    // A form of address ("Dr. Jane Roe") is written before a person's name only: a practice named after its owner.
    const vouched = found.addressed || personal || (given ? spelled || !!found.role : spelled && !!found.role);
    // Unless the site's description writes it after the kind of organisation it is ("Asociación proyecto
    // Primitiva Complutum"): a person's name never follows such a word.
    const described = kindBefore(company.description ?? '', found.name);
    if (!vouched || described || (name && latinWords(name).join(' ') !== words.join(' '))) continue;
    // The same name may come with its profession in a later text (the title: "Jane Roe – Accountant").
    name ||= found.name;
    role = found.role;
    if (role) break;
  }
  return name ? ownerOf(company, name, role) : null;
}

/** The site's owner as a person: its contacts, its personal profiles and its town are theirs. */
function ownerOf(company: Company, name: string, role: string): Person {
  const why = company.sources.name ?? 'title';
  const person: Person = {
    fullName: name,
    emails: company.emails,
    phones: company.phones,
    links: company.links.filter((l) => {
      const kind = classifyLink(l)?.kind;
      return !!kind && PERSON_LINKS.has(kind);
    }),
    sources: { fullName: why },
  };
  const { firstName, lastName } = splitName(name);
  if (firstName) person.firstName = firstName;
  if (lastName) person.lastName = lastName;
  if (role) {
    person.title = role;
    person.sources.title = why;
  }
  if (company.location) person.location = company.location;
  for (const k of ['firstName', 'lastName', 'emails', 'phones', 'links', 'location'] as const) {
    const from = k === 'firstName' || k === 'lastName' ? why : company.sources[k];
    if (from && person[k]?.length) person.sources[k] = from;
  }
  return person;
}

/** True when a person's "name" is a role, not a name ("Ο Ιατρός", "The Doctor"): a profile page's section title. */
export function roleForName(name: string): boolean {
  return personNameScore(name) < 0.5 && isRole(name);
}

/** The site's owner with what the page read for the person it named by their role (contacts, title). */
export function withRead(owner: Person, read: Person): Person {
  const out: Person = { ...owner, sources: { ...owner.sources } };
  for (const k of ['emails', 'phones', 'links'] as const) {
    out[k] = [...new Set([...owner[k], ...read[k]])];
    const from = owner.sources[k] ?? read.sources[k];
    if (out[k].length && from) out.sources[k] = from;
  }
  if (!out.title && read.title) {
    out.title = read.title;
    if (read.sources.title) out.sources.title = read.sources.title;
  }
  if (!out.location && read.location) out.location = read.location;
  return out;
}
