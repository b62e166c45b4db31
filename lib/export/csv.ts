import { yieldToPage } from '@/lib/db/yield';
import type { Lead } from '@/lib/lead/schema';
import { type ColumnContext, cellValue, type ExportColumn, type RowMemo } from './columns';
import { MIME_TYPES } from './files';

/**
 * Blanks a spreadsheet may skip before a formula: spaces, non-breaking and typographic spaces,
 * zero-width characters and a byte-order mark. Tab, CR and LF are not here: they are separators.
 */
const BLANKS = ' \\v\\f\\u00a0\\u1680\\u2000-\\u200d\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff';
/**
 * Characters that make Excel, Sheets or LibreOffice read a cell as a formula (OWASP "CSV
 * injection"), with the full-width = + - @ that Excel in East Asian locales reads as the ASCII ones.
 */
const TRIGGERS = '=+\\-@\\t\\r\\uff1d\\uff0b\\uff0d\\uff20';
/** Where a spreadsheet may start a cell inside one of our values: after `,` `;` a tab (the list separators of the world's locales) or a line break. */
const SEPARATORS = ',;\\t\\r\\n';
const STARTS_FORMULA = new RegExp(`^[${BLANKS}']*[${TRIGGERS}]`);
const INNER_FORMULA = new RegExp(`[${SEPARATORS}](?=[${BLANKS}']*[${TRIGGERS}])`, 'g');
const HAS_INNER_FORMULA = new RegExp(`[${SEPARATORS}][${BLANKS}']*[${TRIGGERS}]`);
const RESTORE_START = new RegExp(`^'(?=[${BLANKS}']*[${TRIGGERS}])`);
const RESTORE_INNER = new RegExp(`([${SEPARATORS}])'(?=[${BLANKS}']*[${TRIGGERS}])`, 'g');
const LEADING_BLANKS = new RegExp(`^[${BLANKS}]+`);
/** A plain signed number: "-12", "+3.5", "-0,75". Spreadsheets read it as that number, which is what it is. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
/**
 * A phone number in international form: "+" then a digit, then only digits, spaces,
 * dots, hyphens and parentheses, 7 to 15 digits in all (E.164 has at most 15). No
 * letters, so it cannot call a function; it stays readable ("+1 415 555 0132").
 */
const PHONE = /^\+\d[\d ().-]*\d$/;
/** Longer than any number or phone the exemption keeps: a longer cell part is checked no further. */
const MAX_EXEMPT = 64;

function isPhone(value: string): boolean {
  if (!PHONE.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** True for a plain number or an international phone number (after blanks): data, not a formula. */
function isNumberLike(part: string): boolean {
  const text = part.length > MAX_EXEMPT + 8 ? '' : part.replace(LEADING_BLANKS, '');
  return PLAIN_NUMBER.test(text) || isPhone(text);
}

/**
 * True when the part of `value` after the separator at `at` is a number or a phone that a
 * spreadsheet reading with that separator puts in a cell of its own: it must end at the
 * same separator or a line break inside the value. A part that runs to the value's end is
 * never exempt (a reader whose cells do not line up with ours reads on into the next
 * cell), nor is one after a line break (every reader starts a row there, whatever its
 * separator). Only the first MAX_EXEMPT characters are looked at, so a long note costs no
 * more than a short one.
 */
function isNumberAfter(value: string, at: number): boolean {
  const sep = value[at] as string;
  if (sep === '\r' || sep === '\n') return false;
  const window = value.slice(at + 1, at + 2 + MAX_EXEMPT);
  for (let i = 0; i < window.length; i++) {
    const c = window[i];
    if (c === sep || c === '\r' || c === '\n') return isNumberLike(window.slice(0, i));
  }
  return false;
}

/**
 * Neutralises a cell so no spreadsheet runs any part of it as a formula, whatever its list
 * separator (`,` in en-US, `;` in de-DE and fr-FR, a tab on paste). The exact rule, applied to
 * the cell's start and to the text after every `,` `;` tab, CR or LF inside the value:
 * 1. Text that is a plain signed number (/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/, e.g. "-12.5") or
 *    an international phone number ("+digit", then only digits, spaces, . - ( ), 7 to 15
 *    digits, e.g. "+1 415 555 0132"), after any blanks, is left as it is: the whole value,
 *    or a part after `,` `;` or a tab that ends at the same separator or a line break
 *    (isNumberAfter says why no other).
 * 2. Other text that begins with =, +, -, @, a tab, a CR or a full-width ＝ ＋ － ＠, possibly
 *    after blanks (spaces, no-break and zero-width spaces, a BOM) and apostrophes, gets one
 *    apostrophe in front: "=HYPERLINK(...)" → "'=HYPERLINK(...)", "CEO;=cmd" → "CEO;'=cmd",
 *    "\u00a0=1" → "'\u00a0=1", "'=x" → "''=x".
 * 3. Everything else is written as it is.
 * Rule 2 also covers text that already starts with apostrophes, so `restoreCell` (one
 * apostrophe off wherever apostrophes precede a trigger) restores the exact value.
 */
export function neutralizeCell(value: string): string {
  let out = value;
  if (HAS_INNER_FORMULA.test(value)) {
    out = value.replace(INNER_FORMULA, (sep, at: number) => (isNumberAfter(value, at) ? sep : `${sep}'`));
  }
  return STARTS_FORMULA.test(value) && !isNumberLike(value) ? `'${out}` : out;
}

/** Undoes `neutralizeCell` on import: removes the one apostrophe it added before each trigger. */
export function restoreCell(value: string): string {
  return value.replace(RESTORE_INNER, '$1').replace(RESTORE_START, '');
}

export const UTF8_BOM = '\uFEFF';

/** Rows per part: the file is built from parts, never one 50 MB concatenation. */
const PART_ROWS = 1000;

/**
 * Quoting is needed for a comma, quote, CR or LF, and for a leading or trailing space (kept by
 * spreadsheets only when quoted); and for a `;`, so that Excel in locales whose list separator
 * is `;` (de-DE, fr-FR, …) keeps the cell whole. Only these cells are quoted, not all: quoting
 * every cell does not make a `;` reader safe (it sees our `,` as text and its cells no longer
 * start where ours do), neutralizeCell does; and the file stays the size and bytes it was.
 */
const NEEDS_QUOTES = /[",;\r\n]|^ | $/;

/**
 * One CSV record, RFC 4180, ended by CRLF: fields joined by commas, a field quoted (its
 * quotes doubled) when NEEDS_QUOTES. The same bytes Papa.unparse writes when told to quote
 * the same fields (a test compares them); written by hand because export is a hot loop (50,000 leads ×
 * 24 columns) where Papa's per-call setup and per-field checks cost 2.4× this
 * (`npm run bench data`). Papa Parse still does all the parsing.
 */
export function csvRecord(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\r\n`;
}

/** The file's first record: the column headers. */
export function headerRecord(columns: ExportColumn[]): string {
  return csvRecord(columns.map((c) => neutralizeCell(c.header)));
}

/** One lead's record: its neutralised cells. */
function leadRecord(lead: Lead, columns: ExportColumn[], ctx: ColumnContext): string {
  const memo: RowMemo = {};
  return csvRecord(columns.map((c) => neutralizeCell(cellValue(lead, c.id, ctx, memo))));
}

/**
 * The CSV file as one text: UTF-8 BOM (so Excel reads the accents), the header, then one
 * RFC 4180 record per lead (csvRecord), CRLF after every record. Line breaks inside a note
 * are kept as they are, inside quotes.
 */
export function leadsToCsv(leads: Iterable<Lead>, columns: ExportColumn[], ctx: ColumnContext = {}): string {
  let text = UTF8_BOM + headerRecord(columns);
  for (const lead of leads) text += leadRecord(lead, columns, ctx);
  return text;
}

/**
 * The same file (see leadsToCsv) as Blob parts of 1000 records, for a list or a stream of
 * leads (an export reads them from the database page by page while this renders, so
 * reading and rendering overlap). Each part is encoded to UTF-8 as soon as it is written,
 * so the file's final Blob only joins them (one 47 MB encoding at the end froze the page
 * for 0.7 s). A list gives the page a turn every 1000 leads; a stream waits for each
 * database page anyway. `onProgress` gets the records written so far; `header: false`
 * writes records only (one worker's range of a file).
 */
export async function leadsToCsvParts(
  leads: Iterable<Lead> | AsyncIterable<Lead>,
  columns: ExportColumn[],
  ctx: ColumnContext = {},
  options: { onProgress?: (rows: number) => void; header?: boolean } = {},
): Promise<Blob[]> {
  const { onProgress, header = true } = options;
  const parts: Blob[] = [];
  let part = header ? UTF8_BOM + headerRecord(columns) : '';
  let rows = 0;
  const stream = Symbol.asyncIterator in leads;
  for await (const lead of leads) {
    part += leadRecord(lead, columns, ctx);
    if (++rows % PART_ROWS === 0) {
      parts.push(new Blob([part], { type: MIME_TYPES.csv }));
      part = '';
      onProgress?.(rows);
      if (!stream) await yieldToPage();
    }
  }
  if (part) parts.push(new Blob([part], { type: MIME_TYPES.csv }));
  onProgress?.(rows);
  return parts;
}
