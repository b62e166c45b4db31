/**
 * Legal forms written after a company's name, as registries and legal notices write them: the one list
 * of the judges that ask whether a line names an entity (a legal notice's entity line, a contact page's
 * entity beside its brand, a list record that names an organisation, not a person).
 *
 * The injected reader keeps its own shorter pattern (page/company.ts LEGAL): its size is budgeted. That
 * pattern also trims a form off a site name, so the site-name judges (site-name.ts, own-site.ts), which
 * compare names as the reader read them, use it too; moving them here would change what they match
 * ("Co", "Company", "Limited" are in it, not here).
 */
const WRITTEN = [
  // German, Austrian, Swiss
  'GmbH & Co. KG',
  'GmbH',
  'gGmbH',
  'UG (haftungsbeschränkt)',
  'UG (haftungsbeschraenkt)',
  'UG',
  'AG',
  'KG',
  'OHG',
  'e.K.',
  'e.V.',
  'eG',
  'GbR',
  'PartG',
  'PartGmbB',
  // French, Belgian, Luxembourgish
  'SARL',
  'S.A.R.L.',
  'SAS',
  'S.A.S.',
  'SASU',
  'EURL',
  'SCI',
  'SA',
  'S.A.',
  // Italian
  'S.r.l.',
  'Srl',
  'SRL',
  'S.r.l.s.',
  'Srls',
  'S.p.A.',
  'SpA',
  'Spa',
  'S.n.c.',
  'Snc',
  // Spanish
  'S.L.',
  'SL',
  'S.L.U.',
  'SLU',
  // English
  'Ltd',
  'LLC',
  'LLP',
  'Inc',
  'PLC',
  'Corp',
  // Dutch, Flemish
  'B.V.',
  'BV',
  'N.V.',
  'NV',
  'VOF',
  'BVBA',
  'CVBA',
  'VZW',
  // Polish, Czech, Slovak, Hungarian, former Yugoslav
  'sp. z o.o.',
  'sp.k.',
  'sp. k.',
  'sp.j.',
  'sp. j.',
  's.r.o.',
  'spol. s r.o.',
  'a.s.',
  'Kft',
  'd.o.o.',
  // Nordic (a Finnish registered association writes "ry")
  'AB',
  'Oy',
  'OY',
  'ApS',
  'AS',
  'ASA',
  'ry',
  // Portuguese, Brazilian
  'Lda',
  'Ltda',
  'EIRELI',
] as const;

// Forms that are also words, given names or surnames ("Ab", "As", "Sa", "Sas", "Spa", "Ag", "Eg"): they
// count only as registries write them, whatever the caller's case rule.
const WORDS = new Set(['AB', 'AS', 'SA', 'SL', 'SAS', 'Spa', 'SpA', 'AG', 'eG', 'ry', 'Lda']);

// A form's pattern: its dots literal, its spaces optional ("sp.k." and "sp. k."), a final full stop
// optional where the form has none ("Ltd." and "Ltd").
const pattern = (form: string) =>
  form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s?') + (form.endsWith('.') ? '' : '\\.?');

const alternation = (forms: readonly string[]) => forms.map(pattern).join('|');
const exactForms = WRITTEN.filter((f) => WORDS.has(f));
const looseForms = WRITTEN.filter((f) => !WORDS.has(f));
// Built once from the list: plain alternations of literals anchored at the end, linear in the text.
const EXACT_END = new RegExp(`(?:^|\\s)(?:${alternation(exactForms)})$`);
const LOOSE_END = new RegExp(`(?:^|\\s)(?:${alternation(looseForms)})$`, 'i');
const WRITTEN_END = new RegExp(`\\s(?:${alternation(WRITTEN)})$`);
const KEYS = new Set(WRITTEN.map((f) => key(f)));

/** A form without its dots, spaces and commas, lower-cased: "S.r.l." is srl, "sp. z o.o." spzoo. */
function key(text: string): string {
  return text.replace(/[\s.,]/g, '').toLowerCase();
}

/**
 * Does `text` end in a legal form? `asWritten`: only in a registry's own spelling and after a word ("Om DKA
 * Byggtjänst AB", not "Jan Ab"), for a text that may as well be a person's name; otherwise any case,
 * the word-like forms excepted ("ACME SARL", "Atelier Roux sarl").
 */
export function endsInLegalForm(text: string, asWritten = false): boolean {
  const t = text.trimEnd();
  return asWritten ? WRITTEN_END.test(t) : EXACT_END.test(t) || LOOSE_END.test(t);
}

/** `text` without the legal form it ends in ("Atelier Roux SARL" → "Atelier Roux"). */
export function withoutLegalForm(text: string): string {
  const t = text.trimEnd();
  const m = EXACT_END.exec(t) ?? LOOSE_END.exec(t);
  return m ? t.slice(0, m.index) : text;
}

/** Is `rest`, once its dots, spaces and commas are gone, nothing but a legal form (", S.r.l.", " sp. z o.o.")? */
export function isLegalFormOnly(rest: string): boolean {
  return KEYS.has(key(rest));
}
