import { z } from 'zod';
import { registrableDomain } from '@/lib/normalize/domain';
import { normalizeEmail } from '@/lib/normalize/email';
import { canonicalLink, canonicalWebsite, parseHttpUrl } from '@/lib/normalize/links';
import { splitName } from '@/lib/normalize/name';
import { abstain, abstainCompany, isImageLink, placeLabels } from './abstain';
import { affiliate } from './affiliation';
import { employersFromBios } from './bio';
import { coHolders } from './co-holders';
import { settleCompanyPage } from './company-notice';
import { dropOthersMailboxes, settleContacts, settleNamedMailboxes } from './contact-owners';
import { evidenceOf } from './evidence';
import { nameHint } from './hint';
import { invertedNames } from './inverted';
import { type LegalReading, parseNotice } from './legal';
import { strings } from './loose';
import { nameEvidence } from './name-evidence';
import { isKnownGivenName, personNameScore } from './names';
import { officesAsTitles } from './office';
import { ownersSite, roleForName, withRead } from './own-site';
import { isDecoyEmail, isPlaceholderName } from './page/contacts';
import { CONTACT_PATH, NOTICE_PATH } from './page/legal';
import { isName, shouting } from './page/people-text';
import type { PageReading, RawCompany, RawPerson } from './page/types';
import { contentSection, datedItem, firstPersonUrl, foundersAboutUs, listsOthers } from './page-kind';
import {
  mailCountries,
  type Normalize,
  pageCountries,
  phoneCache,
  phoneCountries,
  phonesOf,
  sharedCodeNumbers,
} from './phones';
import { isRoleLine } from './role-words';
import { dropSharedEmails } from './shared-emails';
import { employsMembers, mailboxName, pageCompany } from './site-name';
import { TownLinesShape, titleTown, withTown } from './town';
import type { Company, Extraction, Person } from './types';

/**
 * finalize runs in the extension (popup, CLI, tests), never in the page. It is the one
 * check where a page's reading crosses into the extension: ReadingShape validates the
 * loose shape once, then each field is normalised (phones to E.164 with libphonenumber,
 * domains with tldts, emails, links) and clamped to ExtractionSchema's limits as it is
 * built, so the result is an Extraction by construction and nothing downstream re-checks
 * it (test/unit/extract/hostile.test.ts holds the output to ExtractionSchema).
 */

const Loose = z.record(z.string(), z.unknown());
const ReadingShape = z.object({
  url: z.string().max(4096),
  pageKind: z.enum(['person', 'company', 'people-list', 'other']).catch('other'),
  people: z.array(Loose).max(1000).catch([]),
  company: Loose.nullable().catch(null),
  fallback: Loose.optional().catch(undefined),
  others: z
    .union([z.literal(true), z.array(z.string().max(4000)).max(40)])
    .optional()
    .catch(undefined),
  // What a company page adds and its legal notice (lib/extract/page/legal.ts), parsed here.
  notice: z
    .object({ lines: z.array(z.string().max(300)).max(400), title: z.string().max(4000) })
    .optional()
    .catch(undefined),
  ifNotice: z.object({ named: Loose.optional(), none: Loose.optional() }).optional().catch(undefined),
  companyPage: z
    .object({
      unnamed: z.boolean(),
      legalForm: z.object({ name: z.string().max(4000), lines: z.array(z.string().max(300)).max(3000) }),
      townLines: TownLinesShape,
      blockLines: z.array(z.string().max(300)).max(400),
      closings: z.array(z.string().max(300)).max(3000),
      decoyed: z.object({
        emails: z.array(z.string().max(254)).max(200),
        phones: z.array(z.string().max(254)).max(200),
        textPhones: z.array(z.string().max(254)).max(200),
      }),
    })
    .optional()
    .catch(undefined),
  hints: z
    .object({
      lang: z.string().max(40).optional().catch(undefined),
      countries: z.array(z.string().max(80)).max(50).catch([]),
      heading: z.string().max(300).optional().catch(undefined),
      title: z.string().max(300).optional().catch(undefined),
      subtitle: z.string().max(300).optional().catch(undefined),
    })
    .catch({ countries: [] }),
});

type Hints = PageReading['hints'] & { explicit?: string[]; mailed?: string[] };

const str = (v: unknown, max: number): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.replace(/\s+/g, ' ').trim().slice(0, max);
  return t || undefined;
};

function emailsOf(v: unknown): string[] {
  const out: string[] = [];
  for (const raw of strings(v)) {
    const e = normalizeEmail(raw);
    if (e && !isDecoyEmail(e) && !out.includes(e)) out.push(e);
  }
  return out.slice(0, 50);
}

function linksOf(v: unknown, base: string, max: number): string[] {
  const out: string[] = [];
  for (const raw of strings(v)) {
    const l = canonicalLink(raw, base);
    if (l && l.length <= 4096 && !isImageLink(l) && !out.includes(l)) out.push(l);
  }
  return out.slice(0, max);
}

function sourcesOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v || typeof v !== 'object') return out;
  for (const [k, s] of Object.entries(v as Record<string, unknown>).slice(0, 40)) {
    if (typeof s === 'string' && k.length <= 60 && k !== '__proto__') out[k] = s.slice(0, 120);
  }
  return out;
}

// "02 — Digital Graphic Designer": a CV's numbered section marker joined to the role is no part of it
// (a rank written with a full stop stays: "1. Vorsitzender").
const CV_MARKER = /^\d{1,2}\s?[—–-]\s+(?=\p{L})/u;

/** phoneCountries for one finalize call: the page's URL and hints are the same for every entity. */
type Countries = (own: string | undefined) => string[];

function countriesOnce(url: string, hints: Hints): Countries {
  const seen = new Map<string | undefined, string[]>();
  return (own) => {
    let hit = seen.get(own);
    if (!hit) {
      hit = phoneCountries(url, hints, own);
      seen.set(own, hit);
    }
    return hit;
  };
}

function finishPerson(
  p: Record<string, unknown>,
  url: string,
  countries: Countries,
  normalize: Normalize,
): Person | null {
  const raw = p as Partial<RawPerson>;
  const fullName = str(raw.fullName, 300);
  if (!fullName || isPlaceholderName(fullName)) return null;
  const out: Person = {
    fullName,
    emails: emailsOf(raw.emails),
    phones: phonesOf(raw.phones, raw.textPhones, countries(raw.country), normalize),
    links: linksOf(raw.links, url, 100),
    sources: sourcesOf(raw.sources),
  };
  const split = splitName(fullName);
  // A long full name's halves are clamped too: ExtractionSchema allows 150 characters each.
  const first = str(raw.firstName, 150) ?? str(split.firstName, 150);
  const last = str(raw.lastName, 150) ?? str(split.lastName, 150);
  if (first) out.firstName = first;
  if (last) out.lastName = last;
  if (first && !raw.firstName) out.sources.firstName = out.sources.fullName ?? 'page';
  if (last && !raw.lastName) out.sources.lastName = out.sources.fullName ?? 'page';
  for (const [k, max] of [
    ['title', 500],
    ['companyName', 300],
    ['location', 300],
  ] as const) {
    const text = str(raw[k], max);
    const v = k === 'title' ? text?.replace(CV_MARKER, '') : text;
    if (v) out[k] = v;
  }
  const photo = linkish(raw.photoUrl, url);
  if (photo) out.photoUrl = photo;
  if (!out.phones.length) delete out.sources.phones;
  if (!out.emails.length) delete out.sources.emails;
  if (!out.links.length) delete out.sources.links;
  return out;
}

function linkish(v: unknown, base: string): string | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    const u = new URL(v, base);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.href.length <= 4096 ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function finishCompany(
  c: Record<string, unknown>,
  url: string,
  countries: Countries,
  normalize: Normalize,
): Company | null {
  const raw = c as Partial<RawCompany>;
  const name = str(raw.name, 300);
  if (!name || isPlaceholderName(name)) return null;
  const out: Company = {
    name,
    emails: emailsOf(raw.emails),
    phones: phonesOf(raw.phones, raw.textPhones, countries(raw.country), normalize),
    links: linksOf(raw.links, url, 200),
    sources: sourcesOf(raw.sources),
  };
  // A website stays a website: canonicalWebsite, not the profile form (facebook.com/careers is a page, not a profile).
  const websiteUrl = raw.website ? parseHttpUrl(String(raw.website), url) : null;
  const website = websiteUrl ? canonicalWebsite(websiteUrl) : null;
  if (website) {
    out.website = website;
    const domain = registrableDomain(new URL(website).hostname);
    if (domain) {
      out.domain = domain;
      out.sources.domain = out.sources.website ?? 'url';
    }
  }
  for (const [k, max] of [
    ['industry', 200],
    ['size', 100],
    ['location', 300],
    ['description', 5000],
  ] as const) {
    const v = str(raw[k], max);
    if (v) out[k] = v;
  }
  const logo = linkish(raw.logoUrl, url);
  if (logo) out.logoUrl = logo;
  if (!out.phones.length) delete out.sources.phones;
  if (!out.emails.length) delete out.sources.emails;
  if (!out.links.length) delete out.sources.links;
  return out;
}

// Section headings over lists of people, in the corpus's languages.
const PEOPLE_SECTION =
  /\b(alumni|alumnae|former|current|students?|ph\.?\s?d|doctor(al|ate|s)?|master'?s?|bachelor'?s?|undergrad(uate)?s?|post-?docs?|postdoctoral|members?|staff|faculty|team|people|researchers?|scientists?|visitors?|interns?|graduates?|fellows?|board|committee|speakers?|authors?|organi[sz]ers?|volunteers?|advisors?|mitglieder|mitarbeiter(innen)?|mitarbeitende|vorstand|studierende|doktorand(inn)?en|ehemalige|équipe|membres|anciens|étudiant(e)?s|doctorant(e)?s|chercheu(r|se)s|miembros|equipo|estudiantes|investigador(e|a)s|membri|studenti|dottorandi|ricercatori|leden|bestuur|medewerkers|studenten|promovendi|członkowie|zarząd|zespół)\b/i;

/**
 * Records the page found by structure alone (`judge` = their group) stay only when their
 * group's names read as people's names: most of them with a known given name.
 * In a kept group, a record whose text cannot be a name at all is dropped.
 */
function judged(
  people: Record<string, unknown>[],
  company: Record<string, unknown> | null,
  url: string,
): Record<string, unknown>[] {
  const groups = new Map<unknown, number[]>();
  // A one-word name read among people's cards ("Natalie", "Kattni") stands as a known given name or as a shape.
  const scores = people.map((p) =>
    p.judge === undefined
      ? 1
      : p.mononym === true
        ? isKnownGivenName(String(p.fullName ?? ''))
          ? 0.8
          : 0.5
        : ownRole(p)
          ? 0
          : personNameScore(String(p.fullName ?? '')),
  );
  people.forEach((p, i) => {
    if (p.judge === undefined) return;
    const list = groups.get(p.judge) ?? [];
    list.push(i);
    groups.set(p.judge, list);
  });
  const keep = new Set<number>();
  // Lists shaped like one already kept (a lab's "Current" and "Alumni" lists, a table per cohort).
  const kept = new Set(people.filter((p) => p.judge === undefined).map((p) => p.kin));
  // The shapes of lists the reader kept on their own evidence (most cards with a role and a contact).
  const strong = new Set(kept);
  const failed: number[][] = [];
  for (const list of groups.values()) {
    const known = list.filter((i) => (scores[i] as number) >= 0.8).length;
    // Given names the dataset lacks (Dutch, Japanese, Polish are thin in it) still count when the
    // record's own line is a role ("Henk Franssen", "Bestuurslid"): labels rarely carry one; or when
    // the record's own address or profile spells the name ("Vesselinka Petrova-Koch", vpkoch@…), or a
    // form of address stood before it ("Prof. Everaldo Artur Grahl"): labels take neither.
    const vouched = (i: number) =>
      isRoleLine(people[i]?.title) ||
      people[i]?.addressed === true ||
      nameEvidence(people[i] as Record<string, unknown>, url) !== '';
    const named = known
      ? list.filter((i) => (scores[i] as number) >= 0.8 || ((scores[i] as number) >= 0.5 && vouched(i))).length
      : 0;
    // A list that writes the family name first ("Rahier Nathalie", "DUPONT Marie") does so for all.
    // Only with role lines: a label ending in a given name ("Rouge Marie") has none.
    const reversed = list.filter(
      (i) => (scores[i] as number) >= 0.5 && surnameFirst(people[i]?.fullName) && isRoleLine(people[i]?.title),
    ).length;
    const enough = Math.max(1, Math.ceil(list.length * 0.6));
    if (named >= enough || (reversed >= 2 && reversed >= enough)) {
      for (const i of list) if ((scores[i] as number) >= 0.5) keep.add(i);
      for (const i of list) kept.add(people[i]?.kin);
    } else failed.push(list);
  }
  // Such a list under a heading naming people ("Alumni", "PhD Students", "Bestuur") needs names of
  // the right shape only: its structure already held people (a "Projects" list of the same
  // structure does not pass, whatever given names its titles hold).
  // Or shaped like one kept with a role line on every record ("Hirofumi Ohta", "PhD student, Rutgers
  // University": given names the dataset lacks). Or, beside a list kept on the same page, under a heading
  // naming people with a given name known among them ("Former members": a list of linked names).
  const anyKept = people.some((p, i) => p.judge === undefined || keep.has(i));
  // The shapes of kept lists whose every record had a role line.
  const titledKin = new Set(
    [...kept].filter((k) =>
      people.every((p, i) => p.kin !== k || (p.judge !== undefined && !keep.has(i)) || titled(p)),
    ),
  );
  for (const list of failed) {
    const shaped = list.filter((i) => (scores[i] as number) >= 0.5);
    const first = people[list[0] as number];
    const kin = first?.kin;
    const section = PEOPLE_SECTION.test(String(first?.section ?? ''));
    const sameShape = typeof kin === 'string' && kept.has(kin);
    // A role line on every record: a known role word, or any line where the kept list's records had
    // theirs too (a board's table, then its sections' tables: offices in a language finalize lacks).
    const roled = shaped.every((i) => isRoleLine(people[i]?.title) || (titledKin.has(kin) && titled(people[i])));
    const known = list.some((i) => (scores[i] as number) >= 0.8);
    const most = shaped.length >= Math.ceil(list.length * 0.6);
    const two = shaped.length >= 2;
    // Cards of the very shape of a list the reader kept on its own evidence, set apart only for showing
    // less (no role line: "Safuan MAHROUM" among "Adam DJADDA / Community Manager"; a lone card in its
    // row): that list's people, each by the reader's own name shape, which knows no given names.
    if (typeof kin === 'string' && strong.has(kin) && list.every((i) => siblingName(people[i], scores[i] as number)))
      for (const i of list) keep.add(i);
    else if (most && ((sameShape && section) || (two && sameShape && roled) || (two && section && anyKept && known)))
      for (const i of shaped) keep.add(i);
  }
  const out = people.filter((p, i) => p.judge === undefined || keep.has(i));
  // A dropped record was no one's card: its contacts are the page's, as if no card had held them.
  if (company) {
    people.forEach((p, i) => {
      if (p.judge === undefined || keep.has(i)) return;
      for (const k of ['emails', 'phones', 'textPhones'] as const)
        company[k] = [...strings(company[k]), ...strings(p[k])];
    });
  }
  return out;
}

/** True when a record has a short role line of its own, in whatever language. */
const titled = (p: Record<string, unknown> | undefined): boolean =>
  typeof p?.title === 'string' && p.title !== '' && p.title.split(/\s+/).length <= 6;

/**
 * True when a record beside a kept list reads as a name: the right shape by the strict score, or by the
 * reader's shape test (./page/people-text), which takes a family name in capitals after a given name
 * the dataset lacks. Never a one-word name or a record named after its own role.
 */
function siblingName(p: Record<string, unknown> | undefined, score: number): boolean {
  const name = String(p?.fullName ?? '');
  if (!p || p.mononym === true || ownRole(p)) return false;
  // A line under it that is no role ("Setting Industry Standards" over "Our History", "Night Life" over
  // "Hiking"): a theme's feature block of the list's shape, its heading title-cased like a name, unless
  // a given name the data knows starts it.
  const line = typeof p.title === 'string' ? p.title : '';
  if (line && !isRoleLine(line) && score < 0.8) return false;
  return score >= 0.5 || (isName(name) && !shouting(name));
}

/** True when a name reads as one only written family name first: its last word a known given name ("Rahier Nathalie"). */
function surnameFirst(name: unknown): boolean {
  const words = String(name ?? '').split(' ');
  return words.length === 2 && personNameScore(`${words[1]} ${words[0]}`) >= 0.8;
}

/**
 * True when the record's role line (or the line after its name) is one of its name's words: a
 * practice or a shop listed among people ("Laboratoire Olivier" over "Laboratoire"), not a person,
 * whose role never repeats in their name.
 */
function ownRole(p: Record<string, unknown>): boolean {
  const words = String(p.fullName ?? '')
    .toLowerCase()
    .split(' ');
  const next = Array.isArray(p.placedOrg) ? p.placedOrg[0] : undefined;
  return [p.title, next].some((line) => typeof line === 'string' && words.includes(line.toLowerCase()));
}

// The last path segment of a legal notice's page ("/impressum.html", "/mentions-legales/"): stricter than
// ./page/legal NOTICE_PATH, which the reader matches anywhere in the path ("/legal-team/" too).
const NOTICE_SEGMENT = /^(?:impressum|imprint|mentions-legales|aviso-legal|legal-notice|note-legali)(?:\.html?)?$/i;

/** True when the page's address ends in its site's legal notice. */
function noticePage(url: string): boolean {
  const path = parseHttpUrl(url, url)?.pathname ?? '';
  return NOTICE_SEGMENT.test(path.split('/').filter(Boolean).pop() ?? '');
}

/** Options for finalize: the user's default country (settings) is the last guess for national numbers. */
export interface FinalizeOptions {
  defaultCountry?: string;
  /** Filled, when given, with each emitted person and company → field → why (./evidence): for reports. */
  why?: Map<object, Record<string, string>>;
}

/** Turns a page reading (untrusted: it crossed from the page) into a validated Extraction. Never throws. */
export function finalize(input: unknown, options: FinalizeOptions = {}): Extraction {
  return finalizeWith(input, options);
}

/** finalize, given what the page's notice names once it is parsed (`known`): another reading of the same page has the same notice. */
function finalizeWith(input: unknown, options: FinalizeOptions, known?: LegalReading | null): Extraction {
  const fallbackUrl =
    input && typeof input === 'object' && typeof (input as { url?: unknown }).url === 'string'
      ? String((input as { url: string }).url).slice(0, 4096)
      : '';
  const empty: Extraction = { url: fallbackUrl, pageKind: 'other', people: [], company: null };
  try {
    const parsed = ReadingShape.safeParse(input);
    if (!parsed.success) return empty;
    const { url, notice } = parsed.data;
    // What the page's legal notice names, which the reader collected but did not read; the page's
    // kind may hang on it (the reader then gave a reading for each answer).
    const legal = known !== undefined ? known : notice ? parseNotice(notice.lines, notice.title) : null;
    const alt = parsed.data.ifNotice;
    const answer = legal?.people.length ? undefined : legal?.companyName ? alt?.named : alt?.none;
    // An unnamed company the notice does not name either keeps its reading when its own mailbox's domain
    // names it (./site-name mailboxName).
    const mailNamed =
      answer === alt?.none && parsed.data.company?.name === ''
        ? mailboxName(parsed.data.company, parsed.data.hints, url)
        : null;
    if (answer && !mailNamed) return finalizeWith({ ...answer, url, notice }, options, legal);
    const hints: Hints = {
      ...parsed.data.hints,
      countries: [...parsed.data.hints.countries],
    };
    // The towns the reader left to finalize (./town) first: everything below reads a location as read.
    let companyIn = parsed.data.company ? { ...withTown(parsed.data.company) } : null;
    let peopleIn = parsed.data.people.map(withTown);
    const read = parsed.data.companyPage;
    // The page's own lines, as the reader handed them over (its notice's, its address blocks' and text's).
    const pageLines = [
      ...(notice?.lines ?? []),
      ...(read?.townLines.flatMap((t) => t.lines) ?? []),
      ...TownLinesShape.parse(parsed.data.company?.townLines).flatMap((t) => t.lines),
    ];
    if (read) {
      // A contact page, not a legal notice (the reader's legalPath: the notice's lines come from either).
      const path = parseHttpUrl(url, url)?.pathname ?? '';
      const contactPage = CONTACT_PATH.test(path) && !NOTICE_PATH.test(path);
      const settled = mailNamed
        ? settleCompanyPage({ ...read, unnamed: false }, legal, mailNamed as unknown as RawCompany, contactPage)
        : settleCompanyPage(read, legal, companyIn as RawCompany | null, contactPage);
      companyIn = settled.company as Record<string, unknown> | null;
      peopleIn = settled.people as unknown as Record<string, unknown>[];
    }
    // Numbers listed after a first one under its bracketed code (./phones sharedCodeNumbers): the company's.
    const listed = companyIn ? sharedCodeNumbers(pageLines) : [];
    if (companyIn && listed.length) companyIn.textPhones = [...strings(companyIn.textPhones), ...listed];
    // Numbers written with their country code (+91 ...) tell where the page's national numbers are:
    // a site's numbers share a country even when <html lang> says en-US by default.
    const normalize = phoneCache();
    const explicit = pageCountries([...peopleIn, companyIn ?? {}], normalize);
    if (explicit.length) hints.explicit = explicit;
    const mailed = mailCountries([...peopleIn, companyIn ?? {}]);
    if (mailed.length) hints.mailed = mailed;
    if (options.defaultCountry) hints.countries.push(options.defaultCountry);
    invertedNames(peopleIn);
    peopleIn = peopleIn.flatMap(coHolders);
    const judgedPeople = judged(peopleIn, companyIn, url);
    // A practice's offices read as people's cards (./abstain placeLabels): their contacts are the page's.
    const places = placeLabels(judgedPeople);
    const kept = judgedPeople.filter((p) => !places.has(p));
    if (companyIn)
      for (const p of places)
        for (const k of ['emails', 'phones', 'textPhones'] as const)
          companyIn[k] = [...strings(companyIn[k]), ...strings(p[k])];
    dropSharedEmails(kept, url);
    // The site's name, judged again; on a people list, whose company each person's is.
    const readName = companyIn?.name;
    companyIn = pageCompany(companyIn, parsed.data.hints, url, parsed.data.pageKind, kept, pageLines);
    // A company page's representatives were given the company's name as read, a person's page's owner
    // the site's name as its title wrote it ("… – 41estudiolegal.com"): they follow its judged name.
    // A name judged to be none (a section's title: "Hakkımda") is no one's employer either.
    if (readName && companyIn?.name !== readName)
      for (const p of kept)
        if (p.companyName === readName) {
          if (companyIn) p.companyName = companyIn.name;
          else delete p.companyName;
        }
    settleContacts(kept, companyIn, parsed.data.pageKind === 'people-list');
    if (parsed.data.pageKind !== 'people-list') {
      settleNamedMailboxes(kept, companyIn);
      dropOthersMailboxes(companyIn);
    }
    const employer = companyIn && employsMembers(companyIn) ? companyIn : null;
    if (parsed.data.pageKind === 'people-list') employersFromBios(kept);
    if (parsed.data.pageKind === 'people-list') {
      affiliate(kept, employer, listsOthers(url, parsed.data.others));
      officesAsTitles(kept);
    }
    const dropped = { owners: 0 };
    const shown = abstain(kept, url, dropped);
    const countries = countriesOnce(url, hints);
    const finished = shown.map((p) => finishPerson(p, url, countries, normalize));
    const people = finished.filter((p): p is Person => p !== null);
    const company = companyIn ? finishCompany(companyIn, url, countries, normalize) : null;
    if (company && companyIn) abstainCompany(company, companyIn);
    // A town no address gave, from the profession and town the page's title writes (./town titleTown):
    // the company's, and the one person's of a person's page (a one-person site's owner inherits it).
    const town = titleTown(parsed.data.hints.title);
    const [one] = people;
    if (town && company && !company.location) {
      company.location = town;
      company.sources.location = 'title';
    }
    if (town && one && people.length === 1 && parsed.data.pageKind === 'person' && !one.location) {
      one.location = town;
      one.sources.location = 'title';
    }
    if (options.why) {
      for (const [i, p] of finished.entries())
        if (p) options.why.set(p, evidenceOf(shown[i] as Record<string, unknown>));
      if (company && companyIn) options.why.set(company, evidenceOf(companyIn));
    }
    let pageKind = parsed.data.pageKind;
    const finalCompany = company;
    const fallback = parsed.data.fallback;
    // A person's page whose owner's name nothing vouches for (./abstain) stays a person's page, with
    // no one named: neither another reading's guess nor the site's name stands in for the person. Where
    // only a title part guessed an owner (not an "about me" page, whose address says it is someone's:
    // "CUG Yhteystiedot", a section's name), the page is what it reads as without them.
    if (pageKind === 'person' && people.length === 0 && dropped.owners && (!fallback || firstPersonUrl(url)))
      return { url, pageKind, people, company: null };
    // The page's judged person (or its list of judged records) was rejected: it is what it would
    // have been without them (a chain: that reading may carry its own fallback).
    if ((pageKind === 'person' || pageKind === 'people-list') && people.length === 0 && fallback)
      return finalizeWith({ ...fallback, url, notice }, options, legal);
    if (pageKind === 'person' && people.length === 0) pageKind = finalCompany ? 'company' : 'other';
    if (pageKind === 'people-list' && people.length === 0) pageKind = finalCompany ? 'company' : 'other';
    if (pageKind === 'company' && !finalCompany) pageKind = 'other';
    // A newsletter, an event's report or a page of the site's news or events section names the site but
    // is not about it: nothing to save.
    // Not a board's or a team's page of the year ("Vorstand 2024", "Speakers 2023") whose people went unread.
    const heading = parsed.data.hints.heading ?? '';
    if (
      pageKind === 'company' &&
      !people.length &&
      // A section page that shows the company's own mailbox or number (a blog's press@ address) keeps them.
      (datedItem(url, heading) ||
        (contentSection(url) && !finalCompany?.emails.length && !finalCompany?.phones.length)) &&
      ![heading, url.replace(/^[a-z]+:\/\/[^/]+/i, '')].some((t) => PEOPLE_SECTION.test(t.replace(/[/_-]/g, ' ')))
    )
      return { url, pageKind: 'other', people: [], company: null };
    // So is a one-person site's news or blog section, whose title names its owner: a person read from it
    // with nothing but a name (no contact, link or title) is the site's header, not what the page is about.
    const [reader] = people;
    if (
      pageKind === 'person' &&
      people.length === 1 &&
      reader &&
      contentSection(url) &&
      !reader.emails.length &&
      !reader.phones.length &&
      !reader.links.length &&
      !reader.title
    )
      return { url, pageKind: 'other', people: [], company: null };
    if (foundersAboutUs(pageKind, url, people, finalCompany)) pageKind = 'company';
    // A legal notice is the company's page, whoever it names: the board that represents an association
    // is read as a list, but the page is about the provider it names.
    if (pageKind === 'people-list' && finalCompany && noticePage(url)) pageKind = 'company';
    // A company page naming no one, whose company is a professional's name and profession: theirs.
    // Or one professional's site (./own-site): its name, as judged or as read, or the page's title.
    const [only] = people;
    const siteTexts = [finalCompany?.name, readName, parsed.data.hints.title, only?.companyName].filter(
      (t): t is string => typeof t === 'string',
    );
    // A profile page naming its person by their role ("Ο Ιατρός", "The Doctor") on such a site: its owner.
    const named =
      pageKind === 'person' && people.length === 1 && only && finalCompany && roleForName(only.fullName)
        ? ownersSite(finalCompany, siteTexts, url)
        : null;
    if (named && only) {
      const person = withRead(named, only);
      options.why?.set(person, { fullName: "a one-person site's owner, for a person named by their role" });
      return { url, pageKind, people: [person], company: null };
    }
    const owner =
      pageKind === 'company' && !people.length && finalCompany ? ownersSite(finalCompany, siteTexts, url) : null;
    if (owner) {
      options.why?.set(owner, { fullName: "a one-person business's name: its owner's name, vouched for by the site" });
      return { url, pageKind: 'person', people: [owner], company: null };
    }
    const out: Extraction = { url, pageKind, people, company: finalCompany };
    // Nothing found: the manual form may still offer the name the page shows.
    const hint = people.length || finalCompany ? undefined : nameHint(parsed.data.hints);
    if (hint) out.nameHint = hint;
    return out;
  } catch {
    return empty;
  }
}
