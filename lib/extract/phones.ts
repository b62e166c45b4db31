import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { countryCodeOfName } from '@/lib/normalize/countries';
import { asCountry, type NormalizedPhone, type PhoneReading, readPhone } from '@/lib/normalize/phone';
import { strings } from './loose';
import { faxBefore, isPlaceholderPhone } from './page/contacts';

/**
 * Phone numbers in finalize (issue 17): which country a page's national numbers belong to, and
 * which candidates are kept. Expected phones are E.164, so a national number read with the wrong
 * default country is a wrong fact and a missed one: the country comes from the strongest evidence
 * the page gives, and a number that evidence cannot read is dropped rather than guessed.
 */

/** An ISO country from a code or a country name; undefined when unknown. */
export function countryOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const t = raw.trim();
  return asCountry(t) ?? asCountry(countryCodeOfName(t));
}

/** normalizePhone, remembered for one finalize call; `read` also gives the text parsed and the number's country. */
export interface Normalize {
  (raw: string, country?: string): NormalizedPhone | null;
  read(raw: string, country?: string): PhoneReading;
}

/**
 * normalizePhone, remembered for one finalize call: a page's numbers are parsed for its countries,
 * then again per entity and per candidate country, and libphonenumber is finalize's costliest step.
 */
export function phoneCache(): Normalize {
  const seen = new Map<string, PhoneReading>();
  const read = (raw: string, country?: string): PhoneReading => {
    const key = `${country ?? ''}\n${raw}`;
    let hit = seen.get(key);
    if (hit === undefined) {
      hit = readPhone(international(raw), country);
      seen.set(key, hit);
    }
    return hit;
  };
  return Object.assign((raw: string, country?: string) => read(raw, country).phone, { read });
}

// A bracketed country code, with or without the area code the brackets also hold ("(+381 11) …", "(0041) …").
const BRACKETED_PLUS = /^\((?:\+|00)([1-9]\d{0,2})(?:[\s-](\d{1,4}))?\)\s?(?=\d)/;
// The same without its "+" ("(506) 2221-4130", "(56 2) 2 347 8100": Chile's code and Santiago's area code).
const BRACKETED = /^\(([1-9]\d{0,2})(?:\s(\d{1,4}))?\)\s?(?=\d)/;

/**
 * "0041 44 668 18 00" as "+41 44 668 18 00": 00 is the international prefix of most of the world
 * and no national number starts with it, so the number carries its own country, as with "+".
 */
function international(raw: string): string {
  const t = raw.replace(/^tel:/i, '').replace(/%20/g, ' ').trim();
  if (/^00[1-9]/.test(t)) return `+${t.slice(2)}`;
  // "(+34) 963 516 309", "(0041) 44 …": the country code in brackets is still the number's own, and so
  // is the area code written with it ("(+381 11) 334-55-44").
  const bracketed = BRACKETED_PLUS.exec(t);
  return bracketed ? `+${bracketed[1]} ${bracketed[2] ?? ''} ${t.slice(bracketed[0].length)}` : raw;
}

/** True when `raw` is written with its country code ("+41 …", "0041 …"). */
export function isInternational(raw: string): boolean {
  return international(raw).replace(/^tel:/i, '').trim().startsWith('+');
}

/** Countries of the numbers on the page that carry their own country code. */
export function pageCountries(entities: Record<string, unknown>[], normalize: Normalize): string[] {
  const out: string[] = [];
  for (const e of entities) {
    for (const raw of [...strings(e.phones), ...strings(e.textPhones)]) {
      if (!isInternational(raw)) continue;
      const bare = international(raw).replace(/^tel:/i, '').trim();
      const r = normalize.read(raw);
      // The country of the number as written; normalize parsed that very text unless it cleaned it.
      const c = r.phone?.valid ? (r.text === bare ? r.country : parsePhoneNumberFromString(bare)?.country) : undefined;
      if (c && !out.includes(c)) out.push(c);
      if (out.length === 3) return out; // later numbers cannot change the first three
    }
  }
  return out;
}

// The country each language is the first language of, for a bare <html lang="ja">.
const FIRST_COUNTRY: Record<string, string> = {
  ja: 'JP',
  fr: 'FR',
  de: 'DE',
  it: 'IT',
  nl: 'NL',
  sv: 'SE',
  pl: 'PL',
  ko: 'KR',
};
// The last guess for a bare <html lang>: the first-language countries above, and the languages spoken
// as a first language in one country almost alone ("cs": Czechia, "nb": Norway), whose sites declare
// the language but rarely a region, on a .com or github.io address that names no country.
const LANG_COUNTRY: Record<string, string> = {
  ...FIRST_COUNTRY,
  cs: 'CZ',
  sk: 'SK',
  hu: 'HU',
  ro: 'RO',
  bg: 'BG',
  hr: 'HR',
  sl: 'SI',
  et: 'EE',
  lv: 'LV',
  lt: 'LT',
  fi: 'FI',
  da: 'DK',
  nb: 'NO',
  nn: 'NO',
  no: 'NO',
  is: 'IS',
  el: 'GR',
  tr: 'TR',
  he: 'IL',
  uk: 'UA',
  vi: 'VN',
  th: 'TH',
};
// A region that is its language's home ("de-DE", "en-US", "fr-FR") is what site builders and CMSs
// write by default (Hugo's "en-us", WordPress's "de-DE" on an Austrian or Swiss site): weak evidence,
// after the domain and the address. Any other region ("de-AT", "fr-CH", "nl-BE") was chosen.
const HOME: Record<string, string> = { ...FIRST_COUNTRY, en: 'US', es: 'ES', pt: 'PT' };
// Country-code domains sold as generic names (.io, .co, .me, .tv, .ai): no sign of a country.
const GENERIC_CC = new Set(['io', 'co', 'me', 'tv', 'ai', 'fm', 'ly', 'to', 'cc', 'ws', 'gg', 'sh', 'ac', 'so', 'im']);

/** The country of a country-code domain ("tec.mx": MX, "leeds.ac.uk": GB); undefined for .com, .io, .eu. */
function domainCountry(host: string): string | undefined {
  const tld = host.split('.').pop()?.toLowerCase() ?? '';
  return tld.length === 2 && !GENERIC_CC.has(tld) ? countryOf(tld === 'uk' ? 'GB' : tld) : undefined;
}

/**
 * Countries of the country-code domains of the page's e-mail addresses, most frequent first
 * ("rbustama@tec.mx" on a research group's github.io page: its tel: links are Mexican numbers).
 */
export function mailCountries(entities: Record<string, unknown>[]): string[] {
  const counts = new Map<string, number>();
  for (const e of entities) {
    for (const raw of strings(e.emails)) {
      const c = domainCountry(raw.split('@')[1] ?? '');
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

/**
 * The countries to try for national numbers, strongest evidence first: the entity's own address,
 * the page's numbers written with a country code, a chosen language region, the country-code
 * domain, an address on the page, the e-mail addresses' country-code domains, a default
 * language region, a bare language.
 */
export function phoneCountries(
  url: string,
  hints: { lang?: string; countries: string[]; explicit?: string[]; mailed?: string[] },
  own?: string,
): string[] {
  const out: string[] = [];
  const push = (c: string | undefined) => {
    if (c && !out.includes(c)) out.push(c);
  };
  push(countryOf(own));
  for (const c of hints.explicit ?? []) push(countryOf(c));
  const lang = hints.lang?.toLowerCase() ?? '';
  const base = lang.slice(0, 2);
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/.exec(lang)?.[1]?.toUpperCase();
  const chosen = region && region !== HOME[base];
  if (chosen) push(countryOf(region));
  try {
    push(domainCountry(new URL(url).hostname));
  } catch {
    // no URL, no TLD hint
  }
  for (const c of hints.countries) push(countryOf(c));
  for (const c of hints.mailed ?? []) push(c);
  if (!chosen) push(countryOf(region));
  push(countryOf(LANG_COUNTRY[base]));
  return out;
}

// Countries whose numbers are always written with their trunk prefix 0 at home ("030 …", "01 …",
// "020 …", "03-…"), mobiles included; not India's or Brazil's, whose mobiles are often written without it.
const TRUNK_ALWAYS = new Set(['DE', 'AT', 'CH', 'FR', 'BE', 'NL', 'LU', 'GB', 'IE', 'SE', 'FI', 'JP', 'AU', 'NZ']);

/**
 * True when a national number is written as its country writes it: with the trunk prefix where the
 * country has one ("030 1234567" in Germany, "01 23 45 67 89" in France). A run of digits without it
 * ("123 456 789" on a French page, a SIREN, a VAT or account number after a "t:" label) is no phone.
 */
function writtenNationally(text: string, country: string): boolean {
  if (!TRUNK_ALWAYS.has(country)) return true;
  const p = parsePhoneNumberFromString(text, asCountry(country));
  if (!p) return false;
  const digits = (s: string) => s.replace(/\D/g, '');
  return digits(p.formatNational()) === digits(text);
}

// Two years or two dates in brackets or apart ("(2019 – 2024)", "12.05.2019 - 03.06.2021"): a span, no number.
const SPAN =
  /^\(?\s{0,3}(?:\d{1,2}[./-]){0,2}(?:19|20)\d{2}\s{0,3}[-–—/.]\s{0,3}(?:\d{1,2}[./-]){0,2}(?:19|20)\d{2}\s{0,3}\)?$/;

/**
 * The E.164 numbers of an entity: `raw` from tel: links and markup, `text` found in its text.
 * A number with its country code stands on its own; a national one is read with the first of
 * `countries` (the strongest evidence) only, and dropped when that country cannot read it as
 * written: another country's reading would be a guess, and a raw national number is no E.164.
 * Only where the page names no country at all is a tel: link's number kept as written.
 */
export function phonesOf(raw: unknown, text: unknown, countries: string[], normalize: Normalize): string[] {
  const out: string[] = [];
  const tryParse = (value: string, keepInvalid: boolean) => {
    if (typeof value !== 'string' || isPlaceholderPhone(value) || (!keepInvalid && SPAN.test(value.trim()))) return;
    let best: string | null = null;
    if (isInternational(value)) {
      const n = normalize(value);
      if (!n) return;
      if (n.valid) best = n.value;
      // Written with its country code: its digits are the number's, even where libphonenumber's
      // ranges lag behind a new block (tel: links only; text is matched more loosely).
      else if (keepInvalid && n.value.replace(/\D/g, '').length >= 7) best = n.value;
    } else {
      const country = countries[0];
      // Nothing on the page names a country: the number is kept as written (not guessed), from
      // markup only (a tel: link, a JSON-LD telephone), as the user saw it.
      if (!country) {
        const n = normalize(value);
        if (keepInvalid && n && n.value.replace(/\D/g, '').length >= 7) best = n.value;
      } else {
        const r = normalize.read(value, country);
        if (r.phone?.valid && writtenNationally(r.text, country)) best = r.phone.value;
      }
      // "(506) 2221-4130", "(56 2) 2 347 8100": a country code (and area code) in brackets without its
      // "+", as much of Latin America writes it. Read so only where the page's country cannot read the
      // number as written (a US area code in brackets is read as such first), and kept only when that
      // country's plan accepts the rest.
      const code = best ? null : BRACKETED.exec(value.trim());
      const abroad = code ? normalize(`+${code[1]} ${code[2] ?? ''} ${value.trim().slice(code[0].length)}`) : null;
      if (abroad?.valid) best = abroad.value;
    }
    if (best && !out.includes(best)) out.push(best);
  };
  // Only the first 50 are kept: once they are found, later numbers cannot change the result.
  for (const v of strings(raw)) if (out.length < 50) tryParse(v, true);
  for (const v of strings(text)) if (out.length < 50) tryParse(v, false);
  return out.slice(0, 50);
}

// A bracketed code (a country's, an area's, or both) and the number after it: "(571) 6495352", "(+381 11) 334-55-44".
const PREFIXED = /\((\+?\d{1,4}(?:\s\d{1,4})?)\)\s?(\d[\d -]{4,12}\d)(?!\d)/g;
// The next number of a list after it: "– 7464706", "; 334-52-52".
const LISTED = /^\s{0,3}[;,/–—-]\s{0,3}(\d[\d -]{4,12}\d)(?![\d(])/;

/**
 * The numbers a contact line lists after a first one under its bracketed code, each written with that
 * code: "Teléfonos: (571) 6495352 – 7464706 – 7464707" gives "(571) 6495352", "(571) 7464706" and "(571) 7464707";
 * "(+381 11) 334-55-44" and a next line "; 334-52-52; 334-55-66" give both with "(+381 11)". The
 * brackets set the code apart because the numbers after it share it; a listed number is one only with
 * as many digits as the first (a postcode or a register number after it has its own length). Not a
 * fax's list. `lines`: the page's lines as the reader gave them (a block's lines may split the list).
 */
export function sharedCodeNumbers(lines: string[]): string[] {
  const out: string[] = [];
  const digits = (t: string) => t.replace(/\D/g, '').length;
  for (const [i, line] of lines.slice(0, 3000).entries()) {
    if (line.length > 300 || !line.includes('(')) continue;
    for (const m of line.matchAll(PREFIXED)) {
      if (faxBefore(line.slice(0, m.index))) continue;
      const [whole, code, first] = m as unknown as [string, string, string];
      // The list goes on after the number, on its line or (when the number ends it) on the next.
      let rest = line.slice((m.index ?? 0) + whole.length);
      if (!rest.trim()) rest = lines[i + 1] ?? '';
      const listed: string[] = [];
      for (let n = LISTED.exec(rest); n && listed.length < 10; n = LISTED.exec(rest)) {
        const number = n[1] as string;
        if (digits(number) !== digits(first)) break;
        listed.push(number);
        rest = rest.slice(n[0].length);
      }
      // The first too: the reader takes "(571) 6495352 – 7464706 – 7464707" for one number too long to be one.
      for (const number of listed.length ? [first, ...listed] : []) {
        const written = `(${code}) ${number.trim()}`;
        if (!out.includes(written)) out.push(written);
      }
    }
  }
  return out.slice(0, 20);
}
