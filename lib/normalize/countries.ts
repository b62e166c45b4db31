/**
 * Country names as pages and addresses write them (several languages), by ISO code:
 * hints for national phone numbers and for not repeating a country a location already
 * names. Page-safe: plain data, no dependencies (it ships in the injected extractor).
 */
const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  DE: ['germany', 'deutschland'],
  FR: ['france'],
  GB: ['united kingdom', 'uk', 'england', 'scotland', 'wales'],
  US: ['united states', 'united states of america', 'usa'],
  IN: ['india'],
  JP: ['japan', '日本'],
  CH: ['switzerland', 'schweiz', 'suisse', 'svizzera'],
  AT: ['austria', 'österreich'],
  ES: ['spain', 'españa'],
  IT: ['italy', 'italia'],
  NL: ['netherlands', 'nederland'],
  BE: ['belgium', 'belgique', 'belgië'],
  CA: ['canada'],
  AU: ['australia'],
  IE: ['ireland'],
  SE: ['sweden', 'sverige'],
};

const CODE_BY_NAME = new Map(Object.entries(COUNTRY_NAMES).flatMap(([code, names]) => names.map((n) => [n, code])));

// Latin names must stand as whole words ("india" not in "Indiana"); \b would not do, it
// knows no "ö" or "ë". Japanese text has no spaces between words, so 日本 matches anywhere.
const wordOf = (name: string) =>
  /^[\p{Script=Latin}\s]+$/u.test(name) ? `(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])` : name;
const MENTIONS: [string, RegExp][] = Object.entries(COUNTRY_NAMES).map(([code, names]) => [
  code,
  new RegExp(names.map(wordOf).join('|'), 'iu'),
]);

/** The ISO code of a country written out in full ("Deutschland" → "DE"), or undefined. */
export function countryCodeOfName(name: string): string | undefined {
  return CODE_BY_NAME.get(name.trim().toLowerCase());
}

/** The codes of the countries a text names, in the list's order ("Zürich, Schweiz" → ["CH"]). */
export function countriesIn(text: string): string[] {
  return MENTIONS.filter(([, re]) => re.test(text)).map(([code]) => code);
}

/** True when a location already names the country a two-letter code stands for ("Hamburg, Deutschland" + "DE"). */
export function namesCountry(location: string, code: string): boolean {
  const re = MENTIONS.find(([c]) => c === code.toUpperCase())?.[1];
  return re ? re.test(location) : false;
}
