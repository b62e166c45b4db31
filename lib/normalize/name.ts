/** Name helpers shared by extraction, dedupe and email-pattern inference. Pure string work. */

const HONORIFIC = /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|mme|mlle|m)\.?$/i;
const SUFFIX = /^(jr|sr|ii|iii|iv|phd|ph\.d|md|mba|cpa|esq|pmp|cfa)\.?,?$/i;

/** Collapses white space and strips pronoun and credential decorations: "Jane Doe (She/Her), PhD" → "Jane Doe". */
export function cleanName(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/\((?:she|he|they|ze|xe|her|him|them)[^)]*\)/gi, '')
    .replace(/,\s*(?:phd|ph\.d\.|md|mba|cpa|esq\.?|pmp|cfa)\b\.?/gi, '')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .trim()
    .replace(/[,;|·•\-–—]+$/, '')
    .trim();
}

/** Splits a full name into first and last (last = final token, honorifics and suffixes dropped). */
export function splitName(full: string): { firstName?: string; lastName?: string } {
  const tokens = cleanName(full)
    .split(' ')
    .filter((t) => t && !HONORIFIC.test(t) && !SUFFIX.test(t));
  if (tokens.length === 0) return {};
  if (tokens.length === 1) return { firstName: tokens[0] };
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
