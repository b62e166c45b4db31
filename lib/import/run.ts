import type { ImportSummary, LeadRepository } from '@/lib/db/api';
import type { LeadDraft, Source } from '@/lib/lead/schema';
import { type CsvShape, type ParseIssue, parseCsvRows } from './csv';
import type { ColumnMapping } from './mapping';
import { type RowContext, rowToDraft } from './rows';

/**
 * Rows → validated drafts with a report, then ONE repository call (saveMany: one
 * IndexedDB transaction), so a failure midway leaves the database as it was.
 * Free of extension APIs so the benchmark can bundle it for a plain page.
 */

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

/** The provenance appended to every imported lead: the file's name (no URL: only web addresses are stored as one). */
export function importSource(fileName: string, format: string, now: string): Source {
  return { file: fileName.slice(0, 300), capturedAt: now, extractor: `import:${format}` };
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
