/** Name helpers shared by extraction, dedupe and email-pattern inference. Pure string work. */

// English, German, French, Italian and Spanish forms of address and academic titles.
const HONORIFIC =
  /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|mme|mlle|m|ing|dipl\.?-ing|mag|dott|dott\.ssa|avv|arch|sig|sig\.ra|sra|srta|don|doña)\.?$/i;
const SUFFIX = /^(jr|sr|ii|iii|iv|phd|ph\.d|md|mba|cpa|esq|pmp|cfa)\.?,?$/i;

/** Collapses white space and strips pronoun and credential decorations: "Jane Doe (She/Her), PhD" → "Jane Doe". */
export function cleanName(raw: string): string {
  return (
    raw
      .replace(/\s+/g, ' ')
      .replace(/\((?:she|he|they|ze|xe|her|him|them)[^()]*\)/gi, '')
      // A lookahead, not \b: "Ph.D." ends in a dot, after which \b never matches.
      .replace(/,\s*(?:ph\.?\s?d\.?|m\.d\.|md|mba|cpa|esq\.?|pmp|cfa)(?=$|[\s,;])/gi, '')
      .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
      .trim()
      .replace(/(?<![,;|·•\-–—])[,;|·•\-–—]+$/, '')
      .trim()
  );
}

const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/** Splits a full name into first and last (last = final token, or the first for CJK names; honorifics and suffixes dropped). */
export function splitName(full: string): { firstName?: string; lastName?: string } {
  const tokens = cleanName(full)
    .split(' ')
    .filter((t) => t && !HONORIFIC.test(t) && !SUFFIX.test(t));
  if (tokens.length === 0) return {};
  if (tokens.length === 1) return { firstName: tokens[0] };
  // Chinese, Japanese and Korean names are written family name first (佐藤 健一).
  if (CJK_NAME.test(tokens.join(''))) return { firstName: tokens.slice(1).join(' '), lastName: tokens[0] };
  return { firstName: tokens.slice(0, -1).join(' '), lastName: tokens[tokens.length - 1] };
}

/** Lower-case ASCII fold for matching: "José Ñúñez" → "jose nunez". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .replace(/[œ]/gi, 'oe')
    .replace(/[ł]/gi, 'l')
    .replace(/[đð]/gi, 'd')
    .toLowerCase();
}
