import type { ImportSummary, LeadRepository } from '@/lib/db/api';
import { looksLikeJson, type ParsedBackup, parseBackup } from '@/lib/export/backup';
import type { LeadDraft, Source } from '@/lib/lead/schema';
import { type CsvShape, type ParseIssue, parseCsvRows, sniffCsv } from './csv';
import { decodeBytes, type TextEncodingName } from './decode';
import type { ColumnMapping } from './mapping';
import { type RowContext, rowToDraft } from './rows';

export { type CsvShape, CsvShapeError, sniffCsv } from './csv';
export { decodeBytes } from './decode';
export * from './mapping';
export { type RowContext, rowToDraft } from './rows';

/**
 * The import flow, UI-free: read a file (encoding, JSON backup or CSV shape), turn
 * the rows into validated drafts with a report, then write everything in ONE
 * repository call (saveMany or bulkPut: one IndexedDB transaction), so a failure
 * midway leaves the database as it was.
 */

export type PreparedImport =
  | { kind: 'json'; fileName: string; encoding: TextEncodingName; note?: string; backup: ParsedBackup }
  | { kind: 'csv'; fileName: string; encoding: TextEncodingName; note?: string; text: string; shape: CsvShape };

/** Reads a chosen file: decodes it, then recognises a JSON backup or sniffs the CSV. Throws a clear message for empty files. */
export async function prepareImport(file: Blob, fileName: string): Promise<PreparedImport> {
  if (file.size === 0) throw new Error('The file is empty.');
  const decoded = decodeBytes(await file.arrayBuffer());
  const base = { fileName, encoding: decoded.encoding, ...(decoded.note ? { note: decoded.note } : {}) };
  if (/\.json$/i.test(fileName) || looksLikeJson(decoded.text)) {
    return { kind: 'json', ...base, backup: parseBackup(decoded.text) };
  }
  return { kind: 'csv', ...base, text: decoded.text, shape: sniffCsv(decoded.text) };
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface DraftBatch {
  drafts: LeadDraft[];
  rejected: RejectedRow[];
  issues: ParseIssue[];
  /** Data rows seen (valid + rejected). */
  rows: number;
}

/** Parses every row and validates it; rejected rows are listed with their line and reason. */
export async function buildDrafts(
  text: string,
  shape: CsvShape,
  mapping: ColumnMapping,
  ctx: RowContext,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal; chunkSize?: number } = {},
): Promise<DraftBatch> {
  if (!mapping.some(Boolean)) throw new Error('Map at least one column to a lead field.');
  const drafts: LeadDraft[] = [];
  const rejected: RejectedRow[] = [];
  let rows = 0;
  const { issues } = await parseCsvRows(
    text,
    shape,
    (batch) => {
      for (const row of batch) {
        rows++;
        const result = rowToDraft(row.cells, mapping, ctx);
        if (result.ok) drafts.push(result.draft);
        else rejected.push({ line: row.line, reason: result.reason });
      }
    },
    {
      onProgress: (p) => options.onProgress?.(p.total ? p.read / p.total : 1),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
    },
  );
  if (rows === 0) throw new Error('The file has a header row but no data rows.');
  return { drafts, rejected, issues, rows };
}

/** The provenance appended to every imported lead. */
export function importSource(fileName: string, format: string, now: string): Source {
  return { url: `file:${fileName}`, capturedAt: now, extractor: `import:${format}` };
}

/** Writes the valid drafts in one transaction; the store merges duplicates and counts created / merged / unchanged. */
export async function commitDrafts(
  repo: Pick<LeadRepository, 'saveMany'>,
  drafts: LeadDraft[],
  source: Source,
  onProgress?: (done: number) => void,
): Promise<ImportSummary> {
  return repo.saveMany(drafts, { by: 'import', source, ...(onProgress ? { onProgress } : {}) });
}
