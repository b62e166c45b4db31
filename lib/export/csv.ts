import { yieldToPage } from '@/lib/db/yield';
import type { Lead } from '@/lib/lead/schema';
import { type ColumnContext, cellValue, type ExportColumn, type RowMemo } from './columns';
import { MIME_TYPES } from './files';

/** Characters that make Excel, Sheets or LibreOffice read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;
/** A plain signed number: "-12", "+3.5", "-0,75". Spreadsheets read it as that number, which is what it is. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
/**
 * A phone number in international form: "+" then a digit, then only digits, spaces,
 * dots, hyphens and parentheses, 7 to 15 digits in all (E.164 has at most 15). No
 * letters, so it cannot call a function; it stays readable ("+1 415 555 0132").
 */
const PHONE = /^\+\d[\d ().-]*\d$/;

function isPhone(value: string): boolean {
  if (!PHONE.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/**
 * Neutralises a cell so no spreadsheet runs it as a formula. The exact rule:
 * 1. A value that is a plain signed number (/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/, e.g. "-12.5")
 *    or an international phone number (starts with "+digit", then only digits, spaces,
 *    . - ( ), 7 to 15 digits, e.g. "+1 415 555 0132") is written as it is.
 * 2. Any other value that begins with =, +, -, @, a tab or a carriage return, possibly after
 *    apostrophes, gets one more leading apostrophe: "=HYPERLINK(...)" → "'=HYPERLINK(...)",
 *    "-2+3" → "'-2+3", "\t=1" → "'\t=1", "'=x" → "''=x".
 * 3. Everything else is written as it is.
 * Rule 2 also covers values that already start with apostrophes, so `restoreCell`
 * (one apostrophe off when apostrophes precede a trigger character) restores the exact value.
 */
export function neutralizeCell(value: string): string {
  if (!FORMULA_TRIGGER.test(value)) return value;
  if (PLAIN_NUMBER.test(value) || isPhone(value)) return value;
  return `'${value}`;
}

/** Undoes `neutralizeCell` on import: removes the one apostrophe it added (only before a trigger character). */
export function restoreCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export const UTF8_BOM = '\uFEFF';

/** Rows per part: the file is built from parts, never one 50 MB concatenation. */
const PART_ROWS = 1000;

/** Quoting is needed for a comma, quote, CR or LF, and for a leading or trailing space (kept by spreadsheets only when quoted). */
const NEEDS_QUOTES = /[",\r\n]|^ | $/;

/**
 * One CSV record, RFC 4180, ended by CRLF: fields joined by commas, a field quoted (its
 * quotes doubled) when NEEDS_QUOTES. The same bytes Papa.unparse writes with `quotes: false`
 * (a test compares them); written by hand because export is a hot loop (50,000 leads ×
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
