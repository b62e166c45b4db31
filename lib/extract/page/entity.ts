import { normalizeEmail } from '@/lib/normalize/email';
import { classifyLink, parseHttpUrl } from '@/lib/normalize/links';
import { cleanName, foldText } from '@/lib/normalize/name';
import { memo } from './memo';
import type { RawCompany, RawPerson, TownLines } from './types';

/**
 * Source ranks: a field keeps the value of the most trusted source that gave one,
 * whatever order the layers ran in. A site adapter that returned a result owns its
 * layout (it reads the site's JSON-LD itself and knows which generic markup lies, e.g.
 * GitHub's h-card classes), so it outranks the generic layers; then structured data,
 * meta tags, titles, people lists, contact harvesting and the URL.
 */
const RANK: Record<string, number> = {
  site: 0,
  'json-ld': 1,
  microdata: 1,
  rdfa: 1,
  'h-card': 1,
  meta: 3,
  title: 4,
  'people-list': 5,
  contact: 6,
  page: 7,
  url: 8,
};

/** Lower is more trusted; "site:<adapter>" shares the site rank. */
export function rankOf(source: string): number {
  return RANK[source.startsWith('site:') ? 'site' : source] ?? 9;
}

export type Entity = RawPerson | RawCompany;
type ScalarKey<T> = { [K in keyof T]-?: T[K] extends string | undefined ? K : never }[keyof T];
type ListKey = 'emails' | 'phones' | 'links' | 'textPhones';

const MAX_FIELD = 2000;
const MAX_LIST = 60;

/** Collapses white space and caps length: page text is untrusted and may be huge. */
export function clip(value: unknown, max = 300): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return String(value)
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/** Sets a scalar field when it is empty or held by a less trusted source. */
export function setField<T extends Entity>(entity: T, key: ScalarKey<T>, raw: unknown, source: string): void {
  const value = clip(raw, key === 'description' ? MAX_FIELD : 500);
  if (!value) return;
  const k = key as string;
  const current = entity.sources[k];
  const has = (entity as unknown as Record<string, unknown>)[k] !== undefined;
  if (has && current !== undefined && rankOf(current) <= rankOf(source)) return;
  if (has && current === undefined) return;
  (entity as unknown as Record<string, unknown>)[k] = value;
  entity.sources[k] = source;
}

/**
 * Leaves an entity's missing town to finalize (lib/extract/town.ts), which reads it from `where`,
 * the first that names one. Its source takes its place among the entity's sources now, as
 * setField's would: finalize drops it when no town is found.
 */
export function townFrom(entity: Entity, ...where: TownLines[]): void {
  entity.sources.location ??= 'page';
  entity.townLines = [...(entity.townLines ?? []), ...where];
}

/** Adds values to a list field without duplicates; the first source that added one is recorded. */
export function addList(entity: Entity, key: ListKey, values: Iterable<string>, source: string): void {
  if (!entity[key]) entity[key] = [];
  const list = entity[key] as string[];
  for (const raw of values) {
    // Emails are normalised here already so "mailto:X" and "X" from two layers are one address.
    const value = key === 'emails' ? (normalizeEmail(String(raw)) ?? '') : clip(raw, key === 'links' ? 2048 : 254);
    if (!value || list.length >= MAX_LIST) continue;
    const dup = key === 'links' ? list.some((v) => v.toLowerCase() === value.toLowerCase()) : list.includes(value);
    if (dup) continue;
    list.push(value);
    const sourceKey = key === 'textPhones' ? 'phones' : key;
    if (entity.sources[sourceKey] === undefined || rankOf(source) < rankOf(entity.sources[sourceKey] as string))
      entity.sources[sourceKey] = source;
  }
}

// Trailing degrees ("Jane Doe, Ph.D.", "Raj Patel MD"); cleanName misses the dotted forms.
// Austrian and German academic titles written before the name ("Mag. Rudolf Greiner", "DI Georg Korb").
const AT_TITLES =
  /^(?:(?:mag\.(?:a\.?)?|mmag\.|di|dipl\.-ing\.|ing\.|ddr\.|univ\.-prof\.|prof\.|dr\.\s*med\.)\s+)+(?=\p{Lu})/iu;
const CREDENTIALS =
  /(?:,|(?<!\s))\s+(?:ph\.?\s?d\.?|m\.?d\.?|mba|b\.\s?a\.|m\.\s?a\.|ll\.\s?m\.|b\.\s?sc\.|m\.?\s?sc\.?|cpa|esq\.?|pmp|cfa|rn|dds)\s*$/i;

/** Drops trailing degrees and credentials from a name. */
export function stripCredentials(name: string): string {
  // "Stephen King (@stephenking.bsky.social)": platforms append the handle to the display name.
  return name
    .replace(/(?<!\s)\s*\(@[^)\s]{1,80}\)\s*$/, '')
    .replace(CREDENTIALS, '')
    .replace(AT_TITLES, '')
    .trim();
}

// A theme's placeholder left on a live site ("Your awesome title", "Site Title", "Vorname Nachname",
// "Lorem ipsum"): never a person's or a company's name (issue 17, class 9).
const PLACEHOLDER_NAME =
  /^(?:(?:your|my)(?: \p{L}{1,12})? (?:title|name|site|company|business|brand|blog|website|cms)(?: name| title)?|(?:site|company|business|blog|website|author|member|person|team member|full) (?:title|name)|lorem ipsum(?: dolor)?(?: sit amet)?|first ?name (?:last ?name|surname)|votre nom|ihr name|tu nombre|il tuo nome|uw naam|(?:pr(?:é|e)nom nom|nom pr(?:é|e)nom)|vorname nachname|nombre apellidos?|nome cognome)$/iu;

/** True for a theme's placeholder name ("Your awesome title", "Company Name"). */
export const isPlaceholderName = (name: string) => PLACEHOLDER_NAME.test(name.trim());

// Forms of address and academic titles before a name ("Dr. Giovanni Pizzi", "Mag. Michael Spath").
// German doctorates name their faculty after "Dr." ("Prof. Dr. rer. nat. habil. Jane Doe"); Portuguese and
// Spanish feminine forms ("Profa.", "Dra."); Spanish and Dutch titles ("Lic.", "Dir.", "Arq.", "Ir.", "Drs."):
// those only with their dot, since "Phil", "Med" and "Ir" are also names; Venezuelan "Lcdo."/"Lcda." (licenciado).
// A dotted title may run into the next one ("Prof.dr. Martin Bilek"). Degrees written as forms of address ("mgr Anna Nowak" in Polish,
// "MSc. Israel Cayetano", "Dra Tatiana" without its dot) are no one's name either, nor Polish
// professions and degrees with their dot ("Lek. wet." veterinary surgeon, "Tech. wet.", "mgr inż.", "dr hab.").
export const HONORIFIC =
  /^(?:(?:dr|dra|prof|profa|mr|mrs|ms|mx|mag|mgr|m\.?\s?sc|ing|dipl\.?-?\s?ing|ddr|univ\.-prof|dott|dott\.ssa|sig|sra|herr|frau|mme)(?:\.\s*|\s+)|(?:rer\.\s?(?:nat|pol|oec|soc)|phil|med|jur|dent|habil|h\.\s?c|mult|dra|lic|licda|lcd[oa]|dir|arq|mtr[oa]|srta|dña|ir|drs|mr\.\s?drs|lek|wet|tech|inż|hab)\.\s+)+(?=\p{Lu})/iu;

/** A fresh person with only a name (cleaned of pronouns and credentials). */
export function newPerson(fullName: string, source: string): RawPerson | null {
  // "Dr. Katharina Reinecke" (JSON-LD, a logo, an h-card): the name without its form of address.
  const name = cleanName(stripCredentials(clip(fullName, 300))).replace(HONORIFIC, '');
  // A path or an address is a link's text, never a name (forum member links: "/members/nixe.235/").
  if (!name || !/\p{L}/u.test(name) || /^\/|https?:|www\./.test(name) || isPlaceholderName(name)) return null;
  return { fullName: name, emails: [], phones: [], links: [], sources: { fullName: source } };
}

/** A fresh company with only a name. */
export function newCompany(name: string, source: string): RawCompany | null {
  const clean = clip(name, 300)
    .replace(/[™®©℠]/g, '')
    .replace(/^[-–—|·•:\s]+|(?<![-–—|·•:\s])[-–—|·•:\s]+$/g, '');
  if (!clean || !/\p{L}|\p{N}/u.test(clean) || isPlaceholderName(clean)) return null;
  // A logo's alt text describing the logo ("Logo des Forschungsprojekts …") is no name.
  if (/^(logo|signet|emblem)\b/i.test(clean) && clean.split(/\s+/).length > 3) return null;
  return { name: clean, emails: [], phones: [], links: [], sources: { name: source } };
}

/** Folded name used to recognise the same person from two sources. */
export const nameKey = memo((name: string): string =>
  foldText(cleanName(name))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);

/** Merges `from` into `into` field by field (ranks decide), lists are unioned. */
export function mergeEntity<T extends Entity>(into: T, from: T): T {
  for (const [k, v] of Object.entries(from)) {
    if (k === 'sources' || Array.isArray(v) || typeof v !== 'string') continue;
    if (k === 'fullName' || k === 'name') {
      const src = from.sources[k] ?? 'page';
      const cur = into.sources[k] ?? 'page';
      if (rankOf(src) < rankOf(cur)) {
        (into as unknown as Record<string, unknown>)[k] = v;
        into.sources[k] = src;
      }
      continue;
    }
    setField(into, k as ScalarKey<T>, v, from.sources[k] ?? 'page');
  }
  for (const key of ['emails', 'phones', 'links', 'textPhones'] as const) {
    const values = from[key];
    if (values?.length) addList(into, key, values, from.sources[key === 'textPhones' ? 'phones' : key] ?? 'page');
  }
  return into;
}

/** True when two people are the same: same folded name, or a shared profile link or email. */
export function samePerson(a: RawPerson, b: RawPerson): boolean {
  if (nameKey(a.fullName) === nameKey(b.fullName)) return true;
  if (a.emails.some((e) => b.emails.includes(e))) return true;
  if (!a.links.length || !b.links.length) return false;
  // Pairwise over a few links each: cheaper than a Set per pair (a list compares every pair).
  return b.links.some((l) => {
    const key = profileKey(l);
    return key !== '' && a.links.some((m) => profileKey(m) === key);
  });
}

const profileKey = memo((link: string): string => {
  const c = classifyLink(link);
  return c && c.kind !== 'website' ? c.url : '';
});

/** Adds a person to a list, merging into an existing entry for the same person. */
export function upsertPerson(list: RawPerson[], person: RawPerson): RawPerson {
  const existing = list.find((p) => samePerson(p, person));
  if (existing) return mergeEntity(existing, person);
  list.push(person);
  return person;
}

/**
 * upsertPerson for each of `people` in turn, with the same result, without comparing every pair
 * (a list of hundreds of cards did): the entries that may be the same person are those sharing a
 * folded name, an email or a profile link with it, checked with samePerson in list order.
 */
export function upsertPeople(list: RawPerson[], people: RawPerson[]): void {
  // Every key each entry has now (entries only gain keys by merging; a stale one is checked away).
  const index = new Map<string, Set<number>>();
  const keysOf = (p: RawPerson): string[] => {
    const keys = [`n ${nameKey(p.fullName)}`];
    for (const e of p.emails) keys.push(`e ${e}`);
    for (const l of p.links) {
      const key = profileKey(l);
      if (key !== '') keys.push(`l ${key}`);
    }
    return keys;
  };
  const note = (i: number) => {
    for (const key of keysOf(list[i] as RawPerson)) {
      const at = index.get(key);
      if (at) at.add(i);
      else index.set(key, new Set([i]));
    }
  };
  for (let i = 0; i < list.length; i++) note(i);
  for (const person of people) {
    const near = new Set<number>();
    for (const key of keysOf(person)) for (const i of index.get(key) ?? []) near.add(i);
    const found = [...near].sort((a, b) => a - b).find((i) => samePerson(list[i] as RawPerson, person));
    if (found === undefined) {
      list.push(person);
      note(list.length - 1);
    } else {
      mergeEntity(list[found] as RawPerson, person);
      note(found);
    }
  }
}

/** An absolute http(s) URL string, or '' (relative links resolve against the page). */
export function absUrl(raw: unknown, base: string): string {
  if (typeof raw !== 'string') return '';
  return parseHttpUrl(raw, base)?.href ?? '';
}

/** Fills missing sources of an adapter's entity with "site:<name>" and caps its values. */
export function withSources<T extends RawPerson | RawCompany>(entity: T, source: string): T | null {
  if (!entity || typeof entity !== 'object') return null;
  const name = 'fullName' in entity ? entity.fullName : (entity as RawCompany).name;
  if (typeof name !== 'string' || !clip(name)) return null;
  const out = {
    ...entity,
    emails: [...(entity.emails ?? [])],
    phones: [...(entity.phones ?? [])],
    links: [...(entity.links ?? [])],
  };
  out.sources = { ...(entity.sources ?? {}) };
  for (const [k, v] of Object.entries(out)) {
    if (k !== 'sources' && v !== undefined && (typeof v === 'string' || (Array.isArray(v) && v.length)))
      out.sources[k] ??= source;
  }
  return out;
}
