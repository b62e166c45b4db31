import { signal } from '@preact/signals';
import { store } from '@/components/store';
import type { ImportSummary } from '@/lib/db/api';
import { restoreBackup } from '@/lib/export/run';
import {
  buildDrafts,
  type ColumnMapping,
  commitDrafts,
  type DraftBatch,
  importSource,
  type PreparedImport,
  prepareImport,
} from '@/lib/import';
import type { Origin } from '@/lib/lead/schema';
import { getSettings } from '@/lib/settings';

/**
 * The import screen's state and actions (signals): choose a file → map columns
 * (CSV) or review the backup (JSON) → check every row → the user imports the valid
 * rows or nothing → one transaction → report.
 */

export type ImportPhase = 'idle' | 'reading' | 'mapping' | 'checking' | 'review' | 'writing' | 'done';

export const phase = signal<ImportPhase>('idle');
export const prepared = signal<PreparedImport | null>(null);
export const mapping = signal<ColumnMapping>([]);
export const fileOrigin = signal<Origin>('outbound');
/** Restore: also replace the settings and pipeline with the backup's (off by default: a backup is mostly for leads). */
export const restoreSettings = signal(false);
/** Restore: also replace stored leads changed since the backup (off: they are kept). */
export const replaceNewer = signal(false);
export const batch = signal<DraftBatch | null>(null);
/** 0..1 for the progress bar; null when the length of the work is unknown. */
export const progress = signal<number | null>(null);
export const summary = signal<(ImportSummary & { rejected: number }) | null>(null);
export const restored = signal<{ leads: number; kept: number; rejected: number; settings: boolean } | null>(null);
export const error = signal('');

let abort: AbortController | null = null;

/** Back to the start (also "Import nothing"). */
export function resetImport(): void {
  abort?.abort();
  abort = null;
  phase.value = 'idle';
  prepared.value = null;
  mapping.value = [];
  batch.value = null;
  progress.value = null;
  summary.value = null;
  restored.value = null;
  replaceNewer.value = false;
  restoreSettings.value = false;
  error.value = '';
}

/** Reads the chosen file and suggests a mapping. */
export async function chooseFile(file: File): Promise<void> {
  resetImport();
  phase.value = 'reading';
  try {
    const settings = await getSettings();
    fileOrigin.value = settings.defaultOrigin;
    const result = await prepareImport(file, file.name, (f) => (progress.value = f));
    prepared.value = result;
    if (result.kind === 'csv') mapping.value = result.shape.mapping;
    phase.value = 'mapping';
  } catch (err) {
    phase.value = 'idle';
    error.value = err instanceof Error ? err.message : String(err);
  } finally {
    progress.value = null;
  }
}

/** Parses and validates every row with the current mapping, with progress. */
export async function checkRows(): Promise<void> {
  const file = prepared.value;
  if (file?.kind !== 'csv') return;
  phase.value = 'checking';
  progress.value = 0;
  error.value = '';
  abort = new AbortController();
  try {
    const settings = await getSettings();
    let n = 0;
    batch.value = await buildDrafts(
      file.text,
      file.shape,
      mapping.value,
      {
        format: file.shape.format,
        origin: fileOrigin.value,
        stages: settings.stages,
        ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
        now: new Date().toISOString(),
        newId: () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `import-${Date.now()}-${++n}`),
      },
      { onProgress: (f) => (progress.value = f), signal: abort.signal },
    );
    phase.value = 'review';
  } catch (err) {
    if ((err as Error).name === 'AbortError') return;
    phase.value = 'mapping';
    error.value = err instanceof Error ? err.message : String(err);
  } finally {
    progress.value = null;
  }
}

/** Writes the valid rows (CSV) or the backup's leads (JSON) in one transaction. */
export async function commitImport(): Promise<void> {
  const file = prepared.value;
  if (!file) return;
  phase.value = 'writing';
  error.value = '';
  try {
    if (file.kind === 'json') {
      const total = file.backup.leads.length;
      progress.value = 0;
      const result = await restoreBackup(store, file.backup, {
        settings: restoreSettings.value,
        replaceNewer: replaceNewer.value,
        onProgress: (done) => (progress.value = total ? done / total : 1),
      });
      restored.value = { ...result, rejected: file.backup.rejected.length };
    } else {
      const drafts = batch.value?.drafts ?? [];
      progress.value = 0;
      const result = await commitDrafts(
        store,
        drafts,
        importSource(file.fileName, file.shape.format, new Date().toISOString()),
        (done) => (progress.value = drafts.length ? done / drafts.length : 1),
      );
      summary.value = { ...result, results: [], rejected: batch.value?.rejected.length ?? 0 };
    }
    phase.value = 'done';
  } catch (err) {
    // saveMany / bulkPut run in one transaction: nothing was written.
    phase.value = file.kind === 'json' ? 'mapping' : 'review';
    error.value = `Nothing was imported: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    progress.value = null;
  }
}
