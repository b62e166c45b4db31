import Papa from 'papaparse';
import { yieldToPage } from '@/lib/db/yield';
import type { Lead } from '@/lib/lead/schema';
import { type ColumnContext, cellValue, type ExportColumn, type RowMemo } from './columns';

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

/** Header row and one row of cell texts per lead (neutralised), before CSV quoting. */
export function leadsToRows(leads: Iterable<Lead>, columns: ExportColumn[], ctx: ColumnContext = {}): string[][] {
  const rows: string[][] = [columns.map((c) => neutralizeCell(c.header))];
  for (const lead of leads) {
    const memo: RowMemo = {};
    rows.push(columns.map((c) => neutralizeCell(cellValue(lead, c.id, ctx, memo))));
  }
  return rows;
}

/** Rows per Papa.unparse call: the file is built from parts, never one 50 MB concatenation. */
const PART_ROWS = 1000;

/**
 * The CSV file as parts (join them, or hand them to a Blob): UTF-8 BOM (so Excel reads
 * the accents), RFC 4180 quoting by Papa Parse (fields with a comma, quote, CR or LF
 * are quoted, quotes doubled), CRLF after every row. Line breaks inside a note are kept
 * as they are, inside quotes.
 */
export function leadsToCsvParts(
  leads: Iterable<Lead>,
  columns: ExportColumn[],
  ctx: ColumnContext = {},
  /** false for the later slices of a file written in steps (no BOM, no header). */
  start = true,
): string[] {
  const parts = start ? [UTF8_BOM] : [];
  let rows: string[][] = start ? [columns.map((c) => neutralizeCell(c.header))] : [];
  const flush = () => {
    parts.push(`${Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`);
    rows = [];
  };
  for (const lead of leads) {
    const memo: RowMemo = {};
    rows.push(columns.map((c) => neutralizeCell(cellValue(lead, c.id, ctx, memo))));
    if (rows.length >= PART_ROWS) flush();
  }
  if (rows.length > 0) flush();
  return parts;
}

/** Like leadsToCsvParts, giving the page a turn every 1000 leads so a 50,000-lead export does not freeze it. */
export async function leadsToCsvPartsAsync(
  leads: Lead[],
  columns: ExportColumn[],
  ctx: ColumnContext = {},
): Promise<string[]> {
  const parts: string[] = [];
  for (let i = 0; i === 0 || i < leads.length; i += PART_ROWS) {
    parts.push(...leadsToCsvParts(leads.slice(i, i + PART_ROWS), columns, ctx, i === 0));
    if (i + PART_ROWS < leads.length) await yieldToPage();
  }
  return parts;
}

/** The CSV text (see leadsToCsvParts). */
export function leadsToCsv(leads: Iterable<Lead>, columns: ExportColumn[], ctx: ColumnContext = {}): string {
  return leadsToCsvParts(leads, columns, ctx).join('');
}
