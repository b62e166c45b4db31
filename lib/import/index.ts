import { looksLikeJson, type ParsedBackup, parseBackupInSteps } from '@/lib/export/backup';
import { type CsvShape, sniffCsv } from './csv';
import { decodeBytes, type TextEncodingName } from './decode';
import { fileSizeProblem } from './limits';

export { type CsvShape, CsvShapeError, sniffCsv } from './csv';
export { decodeBytes } from './decode';
export * from './mapping';
export { type RowContext, rowToDraft } from './rows';
export * from './run';

/**
 * The import flow, UI-free: read a file (encoding, JSON backup or CSV shape), then
 * ./run.ts turns the rows into validated drafts and writes them in one transaction.
 */

export type PreparedImport =
  | { kind: 'json'; fileName: string; encoding: TextEncodingName; note?: string; backup: ParsedBackup }
  | { kind: 'csv'; fileName: string; encoding: TextEncodingName; note?: string; text: string; shape: CsvShape };

/** Reads a chosen file: decodes it, then recognises a JSON backup or sniffs the CSV. Throws a clear message for empty or too big files. */
export async function prepareImport(
  file: Blob,
  fileName: string,
  onProgress?: (fraction: number) => void,
): Promise<PreparedImport> {
  if (file.size === 0) throw new Error('The file is empty.');
  const tooBig = fileSizeProblem(file.size);
  if (tooBig) throw new Error(tooBig);
  const decoded = decodeBytes(await file.arrayBuffer());
  const base = { fileName, encoding: decoded.encoding, ...(decoded.note ? { note: decoded.note } : {}) };
  if (/\.json$/i.test(fileName) || looksLikeJson(decoded.text)) {
    return { kind: 'json', ...base, backup: await parseBackupInSteps(decoded.text, onProgress) };
  }
  return { kind: 'csv', ...base, text: decoded.text, shape: sniffCsv(decoded.text) };
}
