import { getCountries } from 'libphonenumber-js/min';
import { z } from 'zod';
import { mark } from './evidence';
import { NOT_NAME } from './name-words';
import { personNameScore } from './names';
import { companyLike, isOrgText, splitRole } from './page/roles';
import type { RawPerson } from './page/types';
// Finalize's role test: the reader's words plus the languages only finalize carries (pt, nl, pl, cs, ja).
import { roleAt, isRole as roleish } from './role-words';

/**
 * Whose company, and which title, for the people of a list (runs in finalize):
 * a listed person's company comes from their own record ("Role at Company", "Role, Dept.,
 * University, Country", an affiliation line of its own on a speakers page); the page's
 * organisation is theirs only on its own team page, and only when the site's name is one
 * a source vouches for (lib/extract/site-name.ts). Never the person's own name.
 *
 * Department, lab or university (as the corpus's facts decide): a person's own line "Role, Unit,
 * University" names the university (units are skipped); a lab's or group's own site gives its
 * members the lab's name ("Bioinformatics Group"); an academic's own site, named after them, gives
 * its current members the institution under the heading (lib/extract/site-name.ts); an event's
 * edition, a list whose records name employers of their own (a third of its members or more: a committee,
 * a project's partners, speakers under a heading that does not say so) and alumni get no default.
 */

// The corpus's languages: an address's country line is written in the page's own ("Szlovákia", "Hrvatska", "臺灣").
const LANGS = 'en de fr es it pt nl pl cs sk hu hr sl ro sv da no fi et lv lt el ca zh zh-Hant ja ko'.split(' ');
let countryNames: Set<string> | null = null;

/** True for a country's name in the corpus's languages ("UK", "Finland", "Deutschland", "États-Unis"). */
export function isCountryName(text: string): boolean {
  if (!countryNames) {
    // And the English names CLDR has since replaced ("Czechia", "Türkiye"), which affiliations still write.
    const names = new Set([
      'uk',
      'usa',
      'us',
      'u.s.',
      'u.s.a.',
      'england',
      'scotland',
      'wales',
      'czech republic',
      'turkey',
    ]);
    for (const lang of LANGS) {
      const display = new Intl.DisplayNames([lang], { type: 'region' });
      for (const code of getCountries()) names.add((display.of(code) ?? '').toLowerCase());
    }
    countryNames = names;
  }
  // Taiwan writes 臺, the formal form of the 台 that CLDR spells ("臺灣", "臺北").
  return countryNames.has(text.trim().toLowerCase().replace(/臺/g, '台'));
}

// A part of an affiliation line that is a unit inside an employer, not the employer:
// "Department of Archaeology", "School of Humanities", "Fachbereich Informatik".
const UNIT =
  /^(?:the\s{1,3})?(?:dep(?:artment|t\.?)|school|faculty|division|chair|section)\s{1,3}(?:of|for)\b|^(?:département|departamento|dipartimento|facultad|faculté|facoltà|fakultät|fachbereich|lehrstuhl|abteilung)\b/i;
// Leaders whose "of" names their organisation ("CTO of Acme", "Co-fondatrice du Mouton Numérique");
// other roles' "of" names a field ("Professor of Latin Epigraphy", "Head of Marketing").
// Two such roles joined ("CEO y Fundadora de Clínica Gouet") lead the same organisation.
const LEADER =
  '(?:co-?)?(?:founder|fondat(?:eur|rice)|fundador(?:a)?|gründer(?:in)?|ceo|cto|cfo|coo|cmo|cpo|owner|d[ée]l[ée]gu[ée]e? g[ée]n[ée]ral(?:e)?|directeur général|directrice générale|managing director|general manager)';
const LEADER_OF = new RegExp(
  `^((?:${LEADER}\\s(?:and|&|y|et|und|e)\\s)?${LEADER})\\s{1,3}(?:of|de la|de l'|de|du|des|di|del|della|von|der)\\s{1,3}(.{2,60})$`,
  'i',
);

// A founder's, organiser's or president's role word straight before an organisation named by its acronym
// ("Organizador GDG Women Lima", "Cofondateur ISLEAN"); a region ("President EMEA") is no organisation.
const LEADER_BARE =
  /^((?:co-?)?(?:founder|fondat(?:eur|rice)|cofondat(?:eur|rice)|fundador(?:a)?|gr(?:ü|u)nder(?:in)?|organi[sz]ador(?:a)?|organi[sz]er|organisat(?:eur|rice)|organizzat(?:ore|rice)|pr(?:é|e)sident(?:e|a)?))\s{1,3}(?!(?:EMEA|APAC|LATAM|DACH|AMER|MENA|CEE|ANZ)\b)(\p{Lu}{3,8}(?:\s{1,3}\p{Lu}[\p{L}'’.-]{0,30}){0,4})$/iu;

/** True for a unit inside an employer ("Department of Archaeology", "Fachbereich Informatik"), not the employer. */
export function isUnit(text: string): boolean {
  return UNIT.test(text.trim());
}

/** A company part cleaned: a second hat, a country after it and a description in brackets dropped. */
function cleanCompany(raw: string): string {
  // "SFEIR | GDE", "Tampere University (Finland) and Task Group Chair": the first organisation only.
  let c = raw.split(/\s[|/]\s/)[0] as string;
  const and = /\s(?:and|&|et|und|y|e)\s/i.exec(c);
  if (and && roleish(c.slice(and.index))) c = c.slice(0, and.index);
  // "Tampere University (Finland)", "Transform to Digital (digital agency)"; "Acme (Deutschland) GmbH" stays.
  c = c
    .trim()
    .replace(/\s{0,3}\(([^()]{1,40})\)$/, (m, inner: string) =>
      /^\p{Lu}/u.test(inner) && !isCountryName(inner) ? m : '',
    );
  // "University of York, UK".
  const parts = c.split(/\s{0,3},\s{0,3}/);
  while (parts.length > 1 && isCountryName(parts[parts.length - 1] as string)) parts.pop();
  // "Technical Product Owner at Novoda, Novoda": a card's role line followed by its company line, read as one.
  while (parts.length > 1 && parts[parts.length - 1]?.toLowerCase() === parts[parts.length - 2]?.toLowerCase())
    parts.pop();
  return parts.join(', ').trim();
}

// Every word capitalised but short joining words ("Job and Talent", "Soprintendenza Capitolina ai Beni Culturali").
const titleCase = (text: string) =>
  !/[@,;:]/.test(text) &&
  text.split(' ').every((w) => /^[\p{Lu}\d]/u.test(w) || (w.length <= 4 && /^\p{Ll}+$/u.test(w)));

// An employer named in the part: "University of X", "Acme GmbH", "TU Dresden" (Technische Universität).
const orgPart = (text: string) => isOrgText(text) || /^(?:TU|ETH|EPFL|KTH|UC|UCL|KU)\s\p{Lu}/u.test(text);

// A record's own name is never its company (a card whose name line was read twice), nor is a section's
// label ("Sponsors", "Partners", "Team") that a record's line repeats.
const usable = (company: string, person: string) =>
  company.length >= 2 &&
  company.toLowerCase() !== person.toLowerCase() &&
  !(!/\s/.test(company.trim()) && NOT_NAME.test(company.trim()));

// Commas outside brackets: "CTO of two startups (Amperry, MINDIT)" is one part. Chinese and Japanese
// write the full-width comma ("東吳大學，臺北，臺灣").
const commaParts = (text: string) => text.split(/\s{0,3}[,，]\s{0,3}(?![^()]{0,60}\))/);

/**
 * The institution a page's subtitle names after its units ("Electrical and Systems Engineering,
 * University of Pennsylvania" → "University of Pennsylvania"), or '': every part in title case or a
 * unit, the institution one of several words that names an organisation.
 */
export function institutionIn(line: string): string {
  const parts = commaParts(line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (parts.length < 2 || parts.length > 4) return '';
  if (!parts.every((p) => UNIT.test(p) || titleCase(p.replace(/\s{0,3}\([^()]{1,20}\)$/, '')))) return '';
  const org = parts.find((p) => !UNIT.test(p) && orgPart(p) && p.split(' ').length >= 2);
  return org && personNameScore(org) < 0.8 ? cleanCompany(org) : '';
}

// "Chercheuse principale (University of Guelph)", "Co-Chercheur (Université Laval)": a role, then in
// brackets the institution that employs them, as a network's or a project's member lists write each
// member's own employer. Only an organisation's name in the brackets: one naming an organisation's kind
// ("University", "Institute", "GmbH"); or, in a list whose brackets name such organisations twice or more
// (`list`), three title-case words ("Research Impact Canada", "Agriculture et Agro-Alimentaire Canada").
// Elsewhere a team or a field ("Engineer (Data Platform)", "Co-organizador (Social Media y Django Girls)")
// is the role's own detail.
const BRACKETED = /^([^()]{2,60}?)\s{0,3}\(([^()]{2,80})\)$/;

/** A role line "Role (Employer)" as title and company, or null; `list`: the list's brackets name employers. */
function bracketed(text: string, list: boolean): { title: string; company: string } | null {
  const m = BRACKETED.exec(text);
  const role = m?.[1]?.trim() ?? '';
  const inner = m?.[2]?.trim() ?? '';
  if (!role || !inner || !roleish(role) || orgPart(role) || isCountryName(inner) || UNIT.test(inner)) return null;
  const named =
    orgPart(inner) ||
    (list && titleCase(inner) && companyLike(inner) && inner.split(' ').length >= 3 && personNameScore(inner) < 0.8);
  return named ? { title: role, company: cleanCompany(inner) } : null;
}

/**
 * An affiliation line with the role in brackets after it ("University of Oslo (Chair)", "Institut Pasteur,
 * Université Paris Cité (Vice-Chair)", a committee's way) as title and company, or null: the organisation
 * (the first part that is no unit) names an organisation's kind, or on a list of others' people is written
 * like a name.
 */
function roleInBrackets(text: string, others: boolean): { title: string; company: string } | null {
  const m = BRACKETED.exec(text);
  const [outer = '', inner = ''] = [m?.[1]?.trim(), m?.[2]?.trim()];
  if (!outer || !inner || !roleish(inner) || roleish(outer) || orgPart(inner)) return null;
  const org = cleanCompany(commaParts(outer).find((p) => p && !UNIT.test(p) && !isCountryName(p)) ?? '');
  const named = orgPart(org) || (others && companyLike(org));
  return named && personNameScore(org) < 0.8 ? { title: inner, company: org } : null;
}

/** True when two of the records' role lines or more read "Role (Organisation)", an organisation's kind named. */
function employersInBrackets(people: RawPerson[]): boolean {
  let n = 0;
  for (const p of people) {
    const m = BRACKETED.exec((p.title || p.companyName || '').replace(/\s+/g, ' ').trim());
    if (m?.[2] && orgPart(m[2].trim()) && ++n >= 2) return true;
  }
  return false;
}

// "Organizátor - Praha", "Hlavní organizátor - Brno": an organisers' list joins each member's city to the
// role with a dash. One or two capitalised words after the dash, neither a role nor an organisation nor a
// person's name, are a place only when the list says so itself: on the site's own list (on a speakers page
// the dash names an employer), and the same few places come back (two records or more per place on average).
const PLACED = /^([^-–—]{2,60}?)\s[-–—]\s(\p{Lu}\p{Ll}{2,20}(?:[\s-]\p{Lu}\p{Ll}{2,20})?)$/u;

/** A role line "Role - Place" as role and place, or null. */
function placeOf(title: string | undefined): [role: string, place: string] | null {
  const m = PLACED.exec((title ?? '').replace(/\s+/g, ' ').trim());
  const [role = '', place = ''] = m ? [m[1]?.trim(), m[2]] : [];
  if (!role || !place || !roleish(role) || roleish(place) || orgPart(place)) return null;
  return personNameScore(place) < 0.8 ? [role, place] : null;
}

/** True when the list's role lines end in a few places, each on two records or more on average. */
function placesInRoles(people: RawPerson[], others: boolean): boolean {
  if (others) return false;
  const places = people.flatMap((p) => (p.sources.title === 'people-list' ? (placeOf(p.title)?.slice(1) ?? []) : []));
  return places.length >= 2 && new Set(places.map((t) => t.toLowerCase())).size * 2 <= places.length;
}

/**
 * The role of a line that lists what the person does after it ("Konsult, UNIX, applikationsutveckling,
 * databaser.", "Psychologist, couples therapy, EMDR, children"), or '': four parts or more, a role
 * word in the first only and none naming an organisation, a unit or a country. A title names its scope
 * in one or two parts ("Segretario, Sponsor, IT", "Directeur du développement, partenariats, entrepreneuriat
 * et valorisation"); a longer list after one job is the person's skills, not more of the title.
 */
function roleThenSkills(text: string): string {
  const parts = commaParts(text.replace(/\.$/, '')).map((p) => p.trim());
  const [role = '', ...rest] = parts;
  if (rest.length < 3 || !roleish(role) || role.split(' ').length > 4) return '';
  const plain = (p: string) => p && !roleish(p) && !orgPart(p) && !UNIT.test(p) && !isCountryName(p);
  return rest.every(plain) ? role : '';
}

/**
 * A listed person's role line as title and company. `others`: the page lists people of other
 * organisations (speakers, authors), where "Role, Company" and a bare company line are theirs.
 * `brackets`: the list writes employers in brackets ("Role (Research Impact Canada)").
 */
export function splitAffiliation(
  line: string,
  others: boolean,
  brackets = false,
  roleless = others,
): { title: string; company?: string } {
  let text = line.replace(/\s+/g, ' ').trim();
  // Several hats ("Engineer @ Lutech / Community Manager @ GDG", "Researcher at CREAF, professor at UAB"): the first.
  const first = text.split(/\s(?:\/|;)\s|;\s|,\s(?=[^,]{2,60}\s(?:at|@|bei|chez|presso|bij)\s)/i)[0] as string;
  if (first !== text && roleish(first)) text = first;
  // "Product Managerka // nomtek": a speaker card's double slash parts role and employer, brands in lower case too.
  const slash = others ? /^(.{2,80}?)\s\/\/\s(.{2,60})$/.exec(text) : null;
  if (slash?.[1] && slash[2] && roleish(slash[1]) && !roleish(slash[2]) && slash[2].split(' ').length <= 6)
    return { title: slash[1].trim(), company: cleanCompany(slash[2]) };
  const skills = roleThenSkills(text);
  if (skills) return { title: skills };
  const inBrackets = bracketed(text, brackets) ?? roleInBrackets(text, others);
  if (inBrackets) return inBrackets;
  const leader = LEADER_OF.exec(text);
  if (leader && companyLike(cleanCompany(leader[2] as string)))
    return { title: (leader[1] as string).trim(), company: cleanCompany(leader[2] as string) };
  const bare = LEADER_BARE.exec(commaParts(text)[0] ?? '');
  if (bare?.[1] && bare[2] && /^\p{Lu}{3}/u.test(bare[2])) return { title: bare[1], company: cleanCompany(bare[2]) };
  // "Role, Department of X, University Y, Country": the role, then the employer after the units.
  const all = commaParts(text);
  const parts = all.filter((p) => p && !UNIT.test(p) && !isCountryName(p));
  // "Ph. D. Student, School of Natural Resources": a role and its unit or country; the title is the role.
  if (parts.length === 1 && all.length > 1 && roleish(parts[0] as string))
    return { title: (parts[0] as string).trim() };
  // A unit or an institution alone ("School of Natural Resources & Environment", "UC Berkeley, USA")
  // is no one's title; on a team page no one's company either.
  if (!roleish(text) && (!parts.length || (!others && orgPart(cleanCompany(parts[0] as string))))) return { title: '' };
  if (parts.length >= 2 && !/\s(?:at|@|bei|chez|presso|bij)\s/i.test(parts[0] as string)) {
    const role = parts.findIndex((p) => roleish(p));
    const from = role < 0 ? 0 : role + 1;
    const org = parts.findIndex((p, i) => i >= from && orgPart(cleanCompany(p)));
    const pick = org >= 0 ? org : others && role === 0 && parts.length === 2 ? 1 : -1;
    const company = pick >= 0 ? cleanCompany(parts[pick] as string) : '';
    if (company && (org >= 0 || companyLike(company))) {
      const title = role >= 0 ? (parts[role] as string) : parts.filter((_, i) => i !== pick).join(', ');
      return { title, company };
    }
  }
  // "Diretora na Acme", "株式会社Xの代表取締役": forms of the languages only finalize knows.
  const split = splitRole(text, others);
  const r = split.company ? split : (roleAt(text) ?? split);
  // A split inside brackets ("CTO of two startups (Amperry, MINDIT)") is no split.
  const balanced = (t: string) => (t.match(/\(/g)?.length ?? 0) === (t.match(/\)/g)?.length ?? 0);
  if (r.company && balanced(r.title)) return { title: r.title, company: cleanCompany(r.company) };
  // A speaker's line without any role word, in title case, is their organisation ("GDG Women Lima", "Mozilla"),
  // where the page says it lists others (`roleless`): on a list found to by its records, such a line is
  // as often a committee member's task or field ("Program", "GIS and Database Managing Systems").
  if (roleless && !roleish(text) && titleCase(text) && companyLike(text) && personNameScore(text) < 0.8)
    return { title: '', company: text };
  return { title: text };
}

/**
 * Gives each listed person their company: from their own role line, else `org`, the page's
 * organisation (the caller passes it only for the site's own team page and a vouched-for name).
 */
export function assignAffiliations(
  people: RawPerson[],
  org: { name: string; source: string } | null,
  others: boolean,
): void {
  // A list whose page does not say whose people it shows tells it by its records: read as a team page
  // first, its current members name employers of their own (namesOwnEmployers).
  let listsOthers = others;
  if (!others) {
    const trial = people.map((p) => ({ ...p, sources: { ...p.sources } }));
    splitLines(trial, false, false);
    listsOthers = namesOwnEmployers(trial, org?.name ?? '');
  }
  splitLines(people, listsOthers, others);
  if (!org || listsOthers) return;
  for (const p of people) {
    if (p.companyName || !current(p)) continue;
    p.companyName = org.name;
    p.sources.companyName = org.source;
    mark(p, 'companyName', "the site's name, as every member's employer on its team page");
  }
}

// A town after an organisation: one to three capitalised words ("Kyoto", "Santo André", "Nitra"), or two
// to four Han characters, as Chinese and Japanese write a town ("臺北", "京都市").
const TOWN = /^\p{Lu}[\p{L}'’.-]{1,30}(?:\s\p{Lu}[\p{L}'’.-]{1,30}){0,2}$|^\p{sc=Han}{2,4}$/u;
// Chinese, Japanese and Korean organisations end in their kind: a university, a school, an institute, a
// hospital, a company ("東吳大學心理學系" names its university first). Han script has no capitals to tell a
// name from a word, so the kind is what says an organisation.
const CJK_ORG =
  /(?:大學|大学|學院|学院|學校|学校|研究所|研究院|醫院|医院|病院|公司|会社|會社|대학교|대학|연구소|병원)/u;
// "Republic of Belarus", "the Netherlands": a country's long or article form.
const country = (t: string) => isCountryName(t) || isCountryName(t.replace(/^(?:the\s|republic\sof\s)/i, ''));

/**
 * An affiliation written as an address ("Kyoto University, Kyoto, Japan", "University of Maribor,
 * Slovenia"): academics' and committees' lists write each member's organisation, then its town and
 * country, in postal order. The record's company line (or its only line, read as a role, when it names
 * no role) is the organisation alone; the town before the country, when written, is the person's place.
 */
function postalAffiliation(p: RawPerson): void {
  const own = p.sources.companyName === 'people-list' && p.companyName;
  const line = own ? (p.companyName as string) : !p.companyName && p.sources.title === 'people-list' ? p.title : '';
  if (!line || roleish(line)) return;
  const parts = commaParts(line.replace(/\s+/g, ' ').trim());
  if (parts.length < 2 || !country(parts[parts.length - 1] as string)) return;
  while (parts.length > 1 && country(parts[parts.length - 1] as string)) parts.pop();
  const last = (parts[parts.length - 1] as string).trim();
  const town = parts.length > 1 && TOWN.test(last) && !orgPart(last) && !isUnit(last) ? last : '';
  if (town) parts.pop();
  const org = parts.join(', ').trim();
  const named = orgPart(org) || companyLike(org) || CJK_ORG.test(org);
  if (!named || personNameScore(org) >= 0.8 || !usable(org, p.fullName)) return;
  if (!own) {
    delete p.title;
    delete p.sources.title;
  }
  p.companyName = org;
  p.sources.companyName = 'people-list';
  mark(p, 'companyName', `the organisation before the address in ${JSON.stringify(line)}`);
  if (town && !p.location) {
    p.location = town;
    p.sources.location = 'people-list';
    mark(p, 'location', `the town before the country in ${JSON.stringify(line)}`);
  }
}

/** Each record's own role line and company line read as title and company (see assignAffiliations). */
function splitLines(people: RawPerson[], others: boolean, said: boolean): void {
  const brackets = employersInBrackets(people);
  const places = placesInRoles(people, others);
  const alike = affiliationsAlike(people);
  for (const p of people) {
    postalAffiliation(p);
    if (alike(p)) continue;
    if (p.companyName && !usable(p.companyName, p.fullName)) {
      delete p.companyName;
      delete p.sources.companyName;
    }
    // "Alok Nandi / Architempo / Belgium": the line between a card's name and its country is the employer.
    const [org = '', place = ''] = Array.isArray(p.placedOrg) ? p.placedOrg : [];
    if (
      !p.companyName &&
      typeof org === 'string' &&
      typeof place === 'string' &&
      isCountryName(place) &&
      companyLike(org) &&
      personNameScore(org) < 0.8 &&
      usable(org, p.fullName)
    ) {
      p.companyName = org;
      p.sources.companyName = 'people-list';
      mark(p, 'companyName', `the line before the country ${JSON.stringify(place)}`);
    }
    // "Climatologa, Università di Torino" read whole as the record's company line: the role before the institution.
    const held = p.companyName && p.sources.companyName === 'people-list' ? commaParts(p.companyName) : [];
    if (held.length === 2 && roleish(held[0] as string) && orgPart(held[1] as string) && !orgPart(held[0] as string)) {
      if (!p.title) {
        p.title = held[0] as string;
        p.sources.title = 'people-list';
      }
      p.companyName = cleanCompany(held[1] as string);
    }
    // A record's employer slot holding a role ("<div class=speaker-company>Director Genòmica de …</div>", a
    // theme's field filled with the job): its first word is a role word and no word names an organisation.
    const slot = held.length === 1 ? (held[0] as string) : '';
    // The whole "Role (Employer)" line read as the record's company line.
    const split = slot && !p.title ? bracketed(slot, brackets) : null;
    if (split) {
      p.title = split.title;
      p.sources.title = 'people-list';
      p.companyName = split.company;
      mark(p, 'companyName', `split from the role line ${JSON.stringify(slot)}`);
      continue;
    }
    if (slot && !p.title && roleish(slot.split(' ')[0] as string) && !orgPart(slot)) {
      p.title = slot.replace(/\.$/, '');
      p.sources.title = 'people-list';
      delete p.companyName;
      delete p.sources.companyName;
    }
    if (p.sources.title !== 'people-list' || !p.title) continue;
    const placed = places ? placeOf(p.title) : null;
    if (placed) {
      p.title = placed[0];
      if (!p.location) {
        p.location = placed[1];
        p.sources.location = 'people-list';
        mark(p, 'location', "the place after the role line's dash, as the list writes several");
      }
    }
    // "Jane Doe - Engineer | Acme": a role line that repeats the name.
    const own = p.title.toLowerCase().startsWith(`${p.fullName.toLowerCase()} `)
      ? p.title.slice(p.fullName.length)
      : '';
    const line = own.replace(/^\s{0,3}[-–—|,:·]\s{0,3}/, '');
    if (line && line !== own) p.title = line;
    const parts = splitAffiliation(p.title, others, brackets, said);
    const whole = p.title;
    // The record named its company apart ("Engineer | Acme" above "Acme"): its title loses that part.
    if (p.companyName) {
      const named = (t: string) => t.toLowerCase().includes((p.companyName as string).toLowerCase());
      if (
        parts.title &&
        (parts.company?.toLowerCase() === p.companyName.toLowerCase() || (named(p.title) && !named(parts.title)))
      )
        p.title = parts.title;
      continue;
    }
    if (!parts.company || !usable(parts.company, p.fullName)) {
      if (parts.title) p.title = parts.title;
      else if (!parts.company) {
        delete p.title;
        delete p.sources.title;
      }
      continue;
    }
    if (parts.title) p.title = parts.title;
    else {
      delete p.title;
      delete p.sources.title;
    }
    p.companyName = parts.company;
    p.sources.companyName = 'people-list';
    mark(p, 'companyName', `split from the role line ${JSON.stringify(whole)}`);
  }
}

/**
 * A list writes its members' affiliations alike ("LIFO, Université d’Orléans", "LIFAT, Université de
 * Tours"); the reader, not knowing every organisation's name, may take one such line for a role. A
 * record's role line that holds another member's affiliation line whole, a role in brackets after it
 * ("LIFO, Université d’Orléans (responsable du projet)"), or that has no role word and shares an
 * organisation with them ("LIFO, INSA Centre Val de Loire") is an affiliation line too. Returns a
 * function that moves such a record's line to its company and says whether it did.
 */
function affiliationsAlike(people: RawPerson[]): (p: RawPerson) => boolean {
  const key = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  const lines = new Set<string>();
  const parts = new Set<string>();
  for (const p of people) {
    if (p.sources.companyName !== 'people-list' || !p.companyName || roleish(p.companyName)) continue;
    const all = commaParts(p.companyName).filter((t) => t && !UNIT.test(t) && !isCountryName(t));
    if (all.length < 2) continue;
    lines.add(key(p.companyName));
    for (const t of all) parts.add(key(t));
  }
  return (p) => {
    if (!lines.size || p.companyName || p.sources.title !== 'people-list' || !p.title) return false;
    const line = p.title.replace(/\s+/g, ' ').trim();
    const m = BRACKETED.exec(line);
    const [outer = '', inner = ''] = [m?.[1]?.trim(), m?.[2]?.trim()];
    let title = '';
    let company = '';
    if (outer && lines.has(key(outer)) && roleish(inner)) [title, company] = [inner, outer];
    else {
      const own = commaParts(line).filter((t) => t && !UNIT.test(t) && !isCountryName(t));
      if (own.length >= 2 && !roleish(line) && own.some((t) => parts.has(key(t))) && own.every(titleCase))
        company = line;
    }
    if (!company) return false;
    if (title) p.title = title;
    else {
      delete p.title;
      delete p.sources.title;
    }
    p.companyName = company;
    p.sources.companyName = 'people-list';
    mark(p, 'companyName', `the role line ${JSON.stringify(line)} written as the list's affiliations`);
    return true;
  };
}

// Alumni have left: the organisation was their employer, not their current one; guests have their own.
const current = (p: RawPerson) => !FORMER.test(p.section ?? '') && !GUEST.test(p.section ?? '');

/**
 * True when the list's current members name employers of their own, not the site's organisation: two
 * employers or more named by a third of them (a committee, a board whose members work elsewhere, a
 * project's partners, a user group, speakers under an unnamed heading), or one named by half of them
 * (a project of one institution's people). On an organisation's own team page members name none but
 * it, bar a few alumni the page does not mark.
 */
function namesOwnEmployers(people: RawPerson[], site: string): boolean {
  const siteKey = site.toLowerCase();
  const members = people.filter(current);
  const own = members.flatMap((p) => {
    const company = p.companyName?.toLowerCase();
    return company && !(siteKey && (company.includes(siteKey) || siteKey.includes(company))) ? [company] : [];
  });
  const several = new Set(own).size >= 2;
  return own.length >= 2 && own.length * (several ? 3 : 2) >= members.length;
}

// Section headings over people who have left ("Alumni", "Former members", "Ehemalige", "Anciens membres").
const FORMER =
  /\b(?:alumni|alumnae|former|past|previous|ehemalige|anciens?|anciennes?|antiguos|antiguas|ex-?membres|oud-?leden|byli)\b/i;

// Section headings over guests ("Visiting Students", "Sabbatical Visitors", "Gäste", "Invités"): another
// organisation employs them, so the site's is not their employer either.
const GUEST = /\b(?:visiting|visitors?|guests?|sabbatical|gäste|gast|invit[ée]s?|invitad[oa]s|ospiti|gasten)\b/i;

// An edition of an event ("DevFest Nantes 2015", "Interaction14", "e-Rum2020", "CRL @ MPI 2023"): its
// volunteers and organisers work elsewhere (their own line names it, or a group runs the event),
// so the edition's name is nobody's employer. A name without the year ("PyCon Colombia") may be.
const EDITION = /(?:^|[^\d])(?:19|20)\d{2}$|\p{L}(?:0\d|[12]\d|3[0-5])$|\s'(?:[0-3]\d)$/u;

/** True when a site's name is one edition of an event: the name ends with its year. */
export function isEventEdition(name: string): boolean {
  return EDITION.test(name.trim());
}

const Sources = z.record(z.string(), z.string());
const text = (v: unknown) => v === undefined || typeof v === 'string';

/**
 * assignAffiliations over a reading's loose records (finalize): only records of the shape
 * readPage writes take part, their fields still untrusted until finishPerson clamps them.
 */
export function affiliate(
  people: Record<string, unknown>[],
  company: Record<string, unknown> | null,
  others: boolean,
): void {
  const raw = people.filter(
    (p) =>
      typeof p.fullName === 'string' && text(p.title) && text(p.companyName) && Sources.safeParse(p.sources).success,
  ) as unknown as RawPerson[];
  const source = Sources.safeParse(company?.sources).data?.name ?? 'page';
  const org =
    company && typeof company.name === 'string' && !isEventEdition(company.name)
      ? { name: company.name, source }
      : null;
  assignAffiliations(raw, org, others);
}
