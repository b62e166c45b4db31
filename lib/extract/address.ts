import { countryCodeOfName } from '@/lib/normalize/countries';
import { isCountryName } from './affiliation';
import { NOT_NAME } from './name-words';

/**
 * The town of a postal address as pages write it, in the shapes of the corpus's countries:
 * "68163 Mannheim", "A-1010 Wien", "16121 Genova (GE)", "1234 AB Amsterdam", "00-950 Warszawa",
 * "Köln, Germany, 50668", "San Francisco, CA 94107", "London EC1A 1BB". A company's location
 * is its town: a wrong town is worse than none, so each shape is strict, and a postcode
 * line found in running text counts only beside a street line (see addressTown).
 */

// A town's words: "Bad Bramstedt", "Frankfurt am Main", "St. Gallen" (a full stop only after the first word).
const TOWN = String.raw`\p{Lu}(?:[\p{L}'’-]{1,40}|\p{L}{1,2}\.)(?: (?:\p{Lu}[\p{L}'’-]{1,30}|am|an|der|im|in|de|del|di|la|le|sur|sul|upon|on))`;
// A postcode then its town (a year, "© 2025 Name", is not a postcode). The Dutch letters after the
// digits, the Polish "00-950", the Portuguese "1000-001" and Brazilian "01310-100" (CEP), and the
// Swedish, Czech, Slovak and Greek "671 91" (three digits, a space, two) are part of the code, also after
// a street's house number ("Kungsgatan 58 111 22 Stockholm"), but not as a phone number's last groups
// ("08-545 133 30 Fax": two digit groups before it).
// Codes of four digits from 1900 to 2099 (Antwerpen's 2000, Neuchâtel's 2000, IJmuiden's 1973 XT) read
// as years too: YEARISH tells them apart (townOf).
const CODE = String.raw`(?:\d{2}-\d{3}|\d{4,5}-\d{3}|\d{4} ?[A-Z]{2}(?= )|(?<!\d[\s./-]\d{1,4} )\d{3} \d{2}|\d{4,5})`;
const POSTAL = new RegExp(String.raw`(?:^|[\s,])((?:[A-Z]{1,2}-)?)(${CODE})[.,]? (${TOWN}{0,3})`, 'gu');
// A year-shaped code ("1973", "2000"): a postcode only after a country prefix ("B-2000"), with the Dutch
// letters ("1973 XT"), or on the line after a street line; else a year ("© 2024 Acme GmbH", "Seit 2001").
const YEARISH = /^(?:19|20)\d\d$/;
// "San Francisco, CA 94107" (a US state and ZIP after the town).
const US = new RegExp(String.raw`(?:^|,\s?)(${TOWN}{0,2}),? [A-Z]{2} \d{5}(?:-\d{4})?(?!\d)`, 'u');
// "Sorocaba - SP CEP: 18071-590", "Centro, Viamão – RS, 94435-000": a Brazilian town, its state's code
// and the CEP after them (the CEP makes the two capitals a state, not an abbreviation).
const BR = new RegExp(
  String.raw`(?:^|,\s?|\s[-–]\s)(${TOWN}{0,3}) ?[-–/] ?(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO),? (?:CEP:? ?)?\d{5}-?\d{3}(?!\d)`,
  'u',
);
// "London EC1A 1BB", "Manchester, M1 1AE" (a UK postcode after the town).
const UK = new RegExp(String.raw`(?:^|,\s?)(${TOWN}{0,2}),? [A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?![A-Za-z\d])`, 'u');
// "Köln, Germany, 50668", "Lyon, France": a town then its country (checked against the country list).
// Without the postcode ("MPI-SWS, Germany" names an institute) only right after a street line.
// "Providencia, Santiago, Chile.": a district, its town and the country, as an address's last line
// is written where there is no postcode; the town is the part before the country.
const TOWN_COUNTRY = new RegExp(
  String.raw`^(?:(${TOWN}{0,2}), )?(${TOWN}{0,2}), (\p{L}[\p{L} ]{1,30}?)(,? (?:[A-Z]{1,2}-)?\d{4,6})?\.?$`,
  'u',
);
// Words that make a capitalised run a street or a building, not a town ("1600 Amphitheatre Parkway").
const STREET_WORD =
  /(?:^|\s)(?:street|st\.?|avenue|ave\.?|road|rd\.?|drive|dr\.?|lane|ln\.?|boulevard|blvd\.?|way|court|ct\.?|place|pl\.?|parkway|pkwy\.?|highway|suite|floor|building|rue|chemin|all(?:é|e)e|quai|via|viale|piazza|corso|largo|calle|avenida|avda\.?|plaza|paseo|carrer|rua|travessa|straat|laan|plein|gracht|kade|ulica|ul\.?|postfach|bp|cs|cedex)(?=\s|$)/i;
// A street line with its house number: a German, Dutch or Nordic compound ("Heidjerweg 1", "Wundtstraße 40",
// "Kungsgatan 58", "Vesterbrogade 3", "Iso Roobertinkatu 41", "Mannerheimintie 5"),
// a street word first ("Via Roma 3", "Calle Mayor, 2", "ul. Długa 5") or the number first
// ("54 rue Gustave Eiffel", "1600 Amphitheatre Parkway"). A street named after a date keeps its day
// before the name ("ul. 3-go Maja 14c", "Rua 7 de Setembro, 100", "Via 4 Novembre 12").
const STREET =
  /\p{L} ?(?:str\.|stra(?:ß|ss)e|weg|gasse|platz|allee|ring|damm|wall|ufer|markt|steig|pfad|straat|laan|gracht|plein|kade|gatan|gata|v(?:ä|e)gen|v(?:ä|e)ien|gränd|torget|gade|vej|katu|tie)\s?\d{1,5}|(?:^|\s)(?:via|viale|piazza|corso|largo|calle|c\/|avenida|avda\.|av\.|plaza|paseo|carrer|rua|travessa|ulica|ul\.|rue|avenue|chemin|quai|straße|strasse)\s(?:\d{1,2}[\p{L}-]{0,4}\s)?[^\d\n]{1,40}?\d{1,5}|(?:^|\s)\d{1,5}[a-z]?,? (?:\p{L}[\p{L}.'-]{0,30} ){0,3}(?:street|st\.?|avenue|ave\.?|road|rd\.?|drive|dr\.?|lane|ln\.?|boulevard|blvd\.?|way|parkway|highway|hwy\.?|freeway|court|place|rue|chemin|all(?:é|e)e|quai|avenida|rua)(?=[\s,.]|$)/iu;

// The end of a street's compound name ("Barnenstraat", "Hauptstraße", "Dorfstr.").
const STREET_END = /(?:straat|laan|weg|gracht|plein|kade|singel|stra(?:ß|ss)e|str\.?|gasse|allee)$/i;
// A contact label run into the town when the line break between them was lost ("34260 Kaufungen Tel").
const LABEL_END = /\s(?:tel|telefon|phone|fon|fax|t[ée]l[ée]fono?|mobil|handy|e-?mail|mail|web)\.?$/i;

const clean = (town: string) =>
  town
    .replace(/\s?\([^)]*$/, '')
    .replace(LABEL_END, '')
    // "4081 Hartkirchen OÖ", "16121 Genova GE": a state's or province's code after the town.
    .replace(/(?<=\p{Ll}{2}) \p{Lu}{2,3}$/u, '')
    .replace(/(?<=\p{L}{3})\.$/u, '')
    .trim();

/**
 * The town a line gives with its postcode (or its country), or '' when the line holds no such
 * shape. `afterStreet`: the line follows a street line, so "Lyon, France" is an address too.
 */
export function townOf(line: string, afterStreet = false): string {
  if (line.length > 400) return '';
  for (const re of [US, UK]) {
    const m = re.exec(line);
    if (m?.[1] && !STREET_WORD.test(m[1])) return clean(m[1]);
  }
  // "〒547-0002 大阪府大阪市平野区…": the city (市) after the prefecture.
  const ja = /〒\s?\d{3}-\d{4}\s?(?:\p{sc=Han}{2,3}[都道府県])?(\p{sc=Han}{1,4}?市)/u.exec(line);
  if (ja?.[1]) return ja[1];
  // The first postcode and town that is not a year and its next word ("© 2024 Acme GmbH, 12345 Berlin").
  const p = [...line.matchAll(POSTAL)].find(
    (m) => m[3] && (!YEARISH.test(m[2] ?? '') || m[1] || afterStreet) && !STREET_WORD.test(m[3]),
  );
  let town = p?.[3];
  // "04001 Szlovákia, Kassa": the country after the postcode, then the town; a country is never the town.
  if (p && town && isCountryName(town))
    town = /^, (\p{Lu}[\p{L}'’-]{1,40}(?: \p{Lu}[\p{L}'’-]{1,30})?)\.?$/u.exec(
      line.slice((p.index ?? 0) + p[0].length),
    )?.[1];
  if (p && town) {
    // "4695BJ Rädda Barnenstraat 1, Sint-Maartensdijk": a street's compound and its house number
    // after the postcode; the town follows them.
    const rest = line.slice((p.index ?? 0) + p[0].length);
    if (STREET_END.test(town) && /^ \d{1,5}[a-z]?(?![\p{L}\d])/u.test(rest))
      return clean(/^ \d{1,5}[a-z]?, (\p{Lu}[\p{L}'’ -]{1,40})$/u.exec(rest)?.[1] ?? '');
    return clean(town);
  }
  const br = BR.exec(line);
  if (br?.[1] && !STREET_WORD.test(br[1])) return clean(br[1]);
  const c = TOWN_COUNTRY.exec(line);
  // (Any country's name in the three-part form: the form itself says it is an address's last line.)
  const country = c?.[3] && (countryCodeOfName(c[3]) || (c[1] && isCountryName(c[3])));
  if (c?.[2] && country && (c[4] || c[1] || afterStreet) && !STREET_WORD.test(c[2])) return clean(c[2]);
  return '';
}

// A town's name alone on its line: one to three capitalised words ("Venezia", "Sint-Maartensdijk", "Duga Resa").
const TOWN_ONLY = new RegExp(String.raw`^(${TOWN}{0,2})\.?$`, 'u');
// "Via Einaudi 82, Venezia", "ul. Wolska 81, Warszawa, Wola": the town after the street's house number.
const AFTER_NUMBER = new RegExp(String.raw`\d{1,5}[a-zA-Z]?, (${TOWN}{0,2})(?:, ${TOWN}{0,2})?\.?$`, 'u');
// Labels that stand alone on an address block's line after the street ("Telefon", "E-Mail").
const LABEL_LINE =
  /^(?:tel|telefon|telefono|teléfono|telephone|phone|fon|fax|mobil|mobile|handy|e-?mail|mail|web|website|internet)\.?$/i;

/**
 * The town of an address written without a postcode, as much of Italy's, Poland's, Latin America's
 * small businesses write it: after the street and its house number on the same line ("Via Einaudi
 * 82, Venezia") or alone on the next ("Via Einaudi 82" then "Venezia"). Never a country, a label
 * or a section's word. `line` must be a street line; `next` is the line after it.
 */
export function townAfterStreet(line: string, next: string): string {
  if (!streetLike(line)) return '';
  const same = AFTER_NUMBER.exec(line)?.[1];
  const alone = /\d[a-z]?\.?$/i.test(line.trim()) ? TOWN_ONLY.exec(next.trim())?.[1] : undefined;
  const town = clean(same ?? alone ?? '');
  if (!town || STREET_WORD.test(town) || LABEL_LINE.test(town) || town.split(' ').some((w) => NOT_NAME.test(w)))
    return '';
  return countryCodeOfName(town) || isCountryName(town) ? '' : town;
}

/** True for a street line with its house number ("Heidjerweg 1", "54 rue Gustave Eiffel", "Via Roma 3"). */
export function streetLike(line: string): boolean {
  return line.length <= 120 && STREET.test(line);
}

/**
 * The town of the first postal address in running text: a postcode line that is, or follows
 * within two lines, a street line. Lines after `stop` (a section naming someone else) are not read.
 */
export function addressTown(lines: string[], stop?: (line: string) => boolean): string {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (stop?.(line)) return '';
    const near = streetLike(lines[i - 1] ?? '') || streetLike(lines[i - 2] ?? '');
    const town = townOf(line, near);
    // The postal mark (〒) makes a line an address by itself.
    // So does a house number before the postcode ("Vorwerks Hof 9, 32130 Enger"), and a district,
    // town and country line ("Providencia, Santiago, Chile.").
    if (
      town &&
      (near || streetLike(line) || /〒|\d[a-z]?, (?:[A-Z]-)?\d{4,5} /.test(line) || TOWN_COUNTRY.exec(line)?.[1])
    )
      return town;
  }
  // No postcode anywhere: the town the first street line gives after its house number.
  return townAfterStreets(lines, stop);
}

/** The town the first street line of `lines` gives after its house number (an address with no postcode), up to `stop`. */
export function townAfterStreets(lines: string[], stop?: (line: string) => boolean): string {
  for (let i = 0; i < lines.length; i++) {
    if (stop?.(lines[i] as string)) return '';
    const town = townAfterStreet(lines[i] as string, lines[i + 1] ?? '');
    if (town) return town;
  }
  return '';
}
