import { getGender } from 'gender-detection-from-name';
import { cleanName } from '@/lib/normalize/name';
import { NOT_NAME, SURNAME_WORD } from './name-words';

/**
 * Is this text a person's name? One pure judgement shared by the extractor's finalize
 * (records found by structure) and the element picker. Two halves:
 * - shape rules: 2–4 name tokens (particles such as "van der", "de la", "von", "di" and
 *   initials aside), each capitalised, no digits or symbols, no product or action words;
 * - a given-names dataset (gender-detection-from-name: ~88,000 first names from English,
 *   German, French, Italian, Spanish and Turkish lists, which also carry many Arabic,
 *   Indian, African and East Asian names): a first token it knows is strong evidence.
 * Too large for the script injected into pages, so it runs in the extension (finalize).
 */

const PARTICLE =
  /^(van|von|de|der|den|del|della|da|das|di|do|dos|du|la|le|lo|bin|ibn|al|el|y|e|i|ten|ter|zu|zum|af|av|st\.?|mac|mc|ap|ben|bat|['‘’]t)$/i;
const INITIAL = /^\p{Lu}\.?$/u;
const TOKEN = /^\p{Lu}[\p{Ll}\p{Lu}'’.-]*$/u;
// Hyphenated and apostrophe names: Jean-Luc, O'Neil, Peña-Castellanos.
// Not one character each side: layouts space out two-character words ("大 阪", "千 葉").
const FAMILY_GIVEN =
  /^\p{Script=Han}{2,3}[ \u3000]\p{Script=Han}{1,3}$|^\p{Script=Han}[ \u3000]\p{Script=Han}{2,3}$|^\p{Script=Han}{1,3}[ \u3000]\p{Script=Hiragana}{2,4}$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}・\s]{2,14}$/u;

/** The tokens of a candidate name after the shared clean-up ("Dr." and credentials dropped). */
function tokensOf(text: string): string[] {
  return cleanName(text)
    .replace(/(?<!\s)\s*\([^)]{1,30}\)\s*/g, ' ')
    .replace(
      /^(dr|prof|mr|mrs|ms|mx|herr|frau|mme|m|dott|sig|sra|sr)\.?\s+|^(dra|profa|lic|licda|dir|arq|ir|drs)\.\s+/i,
      '',
    )
    .split(/\s+/)
    .filter(Boolean);
}

// The dataset spells many names without their accents ("Luis", "Lukasz", "Soren"): "Luís", "Łukasz",
// "Søren" are looked up that way too.
const folded = (t: string) =>
  t.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O');

/** True when the first name token is in the given-names dataset (any of its languages). */
export function isKnownGivenName(token: string): boolean {
  const t = token.replace(/(?<![.’'])[.’']+$/, '');
  if (t.length < 2) return false;
  if (getGender(t) !== 'unknown' || getGender(folded(t)) !== 'unknown') return true;
  // Compound given names: Jean-Luc, Anna-Lena.
  const head = t.split('-')[0] ?? '';
  return head !== t && head.length >= 2 && getGender(head) !== 'unknown';
}

/**
 * How much a text looks like a person's name, 0–1: 0 when its shape rules it out; 0.5 for
 * the right shape alone; 0.8 and more when its first token is a known given name.
 */
export function personNameScore(text: string): number {
  const raw = text.replace(/\s+/g, ' ').trim();
  if (raw.length < 2 || raw.length > 70) return 0;
  // Japanese lists write the family name in kanji, a space, then the given name ("中條 拓伯", "金子 美津子").
  if (FAMILY_GIVEN.test(raw)) return 0.8;
  if (CJK.test(raw)) return /\s|・/.test(raw) || raw.length <= 5 ? 0.6 : 0.4;
  if (/[\d@|:/&<>{}[\]_#=+*!?;"“”«»]/.test(raw)) return 0;
  const tokens = tokensOf(raw);
  // A capitalised first or last token is a name even when it is also a particle ("Ben Barad",
  // "Van Morrison", "Dou Du"): particles stand between the given and the family name.
  const edge = (t: string, i: number) => (i === 0 || i === tokens.length - 1) && /^\p{Lu}/u.test(t);
  const core = tokens.filter((t, i) => edge(t, i) || !PARTICLE.test(t));
  const named = core.filter((t) => !INITIAL.test(t));
  if (named.length < 2 || core.length > 4 || tokens.length > 6) return 0;
  if (!core.every((t) => TOKEN.test(t) || INITIAL.test(t))) return 0;
  const last = named.length - 1;
  const notName = (t: string, i: number) => NOT_NAME.test(t) && !(i > 0 && i === last && SURNAME_WORD.test(t));
  if (named.some((t, i) => notName(t.replace(/(?<![.’'])[.’']+$/, ''), i))) return 0;
  // ALL-CAPS words of 4+ letters read as an acronym or a shout, unless the whole name is capitals
  // or the capitals are the family name after a known given name ("Serge BARRY", "Hai NGUYEN":
  // French and academic lists write surnames so; "NASA Apollo" stays a shout).
  const isCaps = (t: string) => t.length >= 2 && t === t.toUpperCase();
  const caps = named.filter((t) => t.length >= 4 && isCaps(t)).length;
  if (caps && caps !== named.length) {
    const given = named[0] as string;
    const surname = !isCaps(given) && named.slice(1).every(isCaps);
    return surname && isKnownGivenName(given) ? 0.8 : 0.2;
  }
  const first = named[0] as string;
  const given = isKnownGivenName(first.charAt(0) + first.slice(1).toLowerCase());
  return given ? (named.length <= 3 ? 0.9 : 0.8) : 0.5;
}

/** True for text that reads as a person's name ("Jane van Doe", "Zoë O'Neil", "山田 太郎"). */
export function looksLikePersonName(text: string): boolean {
  return personNameScore(text) >= 0.8;
}
