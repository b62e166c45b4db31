import Papa from 'papaparse';
import { yieldToPage } from '@/lib/db/yield';
import { type ColumnMapping, detectFormat, type ImportFormat, suggestMapping } from './mapping';

/**
 * CSV reading with Papa Parse: a quick look at the head of the file (delimiter, line
 * ending, where the header row is: LinkedIn's export begins with note lines) and a
 * chunked full parse that yields to the page between chunks so a 20 MB file never
 * freezes it. Rows carry the physical line number they start on, for the report.
 */

export interface CsvRow {
  /** 1-based line in the file where the row starts (quoted line breaks counted). */
  line: number;
  cells: string[];
}

export interface CsvShape {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** Index of the header among all parsed rows (empty lines included). */
  headerIndex: number;
  header: string[];
  /** Line of the header row. */
  headerLine: number;
  format: ImportFormat;
  mapping: ColumnMapping;
  /** The first data rows, for the mapping preview. */
  preview: CsvRow[];
}

export class CsvShapeError extends Error {
  override readonly name = 'CsvShapeError';
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const HEAD_SIZE = 256 * 1024;

function nonEmpty(cells: string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
}

/** Picks the delimiter that gives the most rows with the same number (>1) of fields. */
export function guessDelimiter(head: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(head, { delimiter, preview: 50, skipEmptyLines: 'greedy' }).data;
    const counts = new Map<number, number>();
    for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    for (const [fields, times] of counts) {
      // More consistent rows win; among equals, more fields (a comma inside "; "-separated text splits less evenly).
      const score = times * 1000 + fields;
      if (score > best.score) best = { delimiter, score };
    }
  }
  return best.delimiter;
}

/** Most frequent line ending outside quotes is hard to tell cheaply; the first one found is what spreadsheets write throughout. */
export function guessNewline(head: string): '\r\n' | '\n' | '\r' {
  const i = head.search(/\r\n|\n|\r/);
  if (i < 0) return '\r\n';
  if (head[i] === '\r') return head[i + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** Counts line breaks inside a field (a quoted note across lines) so line numbers stay true. */
function breaksIn(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.indexOf('\n') === -1 && c.indexOf('\r') === -1) continue;
    n += c.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}

/** Numbers parsed rows by their starting line. */
function numberRows(rows: string[][], firstLine: number): { rows: CsvRow[]; nextLine: number } {
  const out: CsvRow[] = [];
  let line = firstLine;
  for (const cells of rows) {
    out.push({ line, cells });
    line += 1 + breaksIn(cells);
  }
  return { rows: out, nextLine: line };
}

/** Looks at the head of a CSV text: delimiter, header row, detected format, suggested mapping, preview rows. */
export function sniffCsv(text: string, previewRows = 5): CsvShape {
  if (text.trim() === '') throw new CsvShapeError('The file is empty.');
  const head = text.length > HEAD_SIZE ? text.slice(0, HEAD_SIZE) : text;
  const truncated = head.length < text.length;
  const delimiter = guessDelimiter(head);
  const newline = guessNewline(head);
  const parsed = Papa.parse<string[]>(head, { delimiter, newline, preview: 200 }).data;
  if (truncated && parsed.length > 1) parsed.pop(); // may be cut in the middle
  const { rows } = numberRows(parsed, 1);
  const widths = rows.map((r) => nonEmpty(r.cells)).filter((n) => n > 1);
  const widest = widths.length ? Math.max(...widths) : 1;
  // The header is the first row that is about as wide as the data: note lines above it
  // (LinkedIn writes two) have one cell.
  let headerIndex = rows.findIndex((r) => nonEmpty(r.cells) >= Math.max(2, Math.ceil(widest / 2)));
  if (headerIndex < 0) headerIndex = rows.findIndex((r) => nonEmpty(r.cells) > 0);
  const headerRow = rows[headerIndex];
  if (!headerRow) throw new CsvShapeError('The file is empty.');
  const header = headerRow.cells.map((h) => h.trim());
  const format = detectFormat(header);
  const preview = rows
    .slice(headerIndex + 1)
    .filter((r) => nonEmpty(r.cells) > 0)
    .slice(0, previewRows);
  return {
    delimiter,
    newline,
    headerIndex,
    header,
    headerLine: headerRow.line,
    format,
    mapping: suggestMapping(header, format),
    preview,
  };
}

export interface ParseProgress {
  /** Characters read so far, of `total`. */
  read: number;
  total: number;
}

export interface ParseIssue {
  line: number;
  message: string;
}

/**
 * Parses every data row after the header in chunks, calling `onRows` per chunk and
 * giving the event loop a turn between chunks (Papa's own worker mode would need a
 * blob: worker, which the extension's content security policy forbids).
 */
export function parseCsvRows(
  text: string,
  shape: Pick<CsvShape, 'delimiter' | 'newline' | 'headerIndex'>,
  onRows: (rows: CsvRow[]) => void,
  options: { onProgress?: (p: ParseProgress) => void; chunkSize?: number; signal?: AbortSignal } = {},
): Promise<{ issues: ParseIssue[] }> {
  const issues: ParseIssue[] = [];
  let index = 0;
  let line = 1;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter: shape.delimiter,
      newline: shape.newline,
      // ~128 KB is a few hundred rows: tens of milliseconds of checking between two turns of the page.
      chunkSize: options.chunkSize ?? 128 * 1024,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        const numbered = numberRows(results.data, line);
        line = numbered.nextLine;
        const rows: CsvRow[] = [];
        for (const row of numbered.rows) {
          if (index++ <= shape.headerIndex) continue;
          if (nonEmpty(row.cells) === 0) continue; // empty lines are skipped, not errors
          rows.push(row);
        }
        for (const e of results.errors) {
          // Papa's row index is per chunk; the message is what matters to the user.
          if (e.code === 'MissingQuotes')
            issues.push({ line, message: 'A quoted field is not closed before the end.' });
          else if (e.code === 'InvalidQuotes')
            issues.push({ line, message: 'A quote inside an unquoted field was read as text.' });
        }
        if (rows.length) onRows(rows);
        options.onProgress?.({ read: Math.min(results.meta.cursor, text.length), total: text.length });
        if (options.signal?.aborted) {
          parser.abort();
          reject(new DOMException('Import cancelled', 'AbortError'));
          return;
        }
        parser.pause();
        void yieldToPage().then(() => parser.resume());
      },
      complete: () => resolve({ issues }),
      error: (err: Error) => reject(err),
    });
  });
}
