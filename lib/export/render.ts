import type { LeadRepository } from '@/lib/db/api';
import type { Lead } from '@/lib/lead/schema';
import type { Recipe } from '@/lib/picker/schema';
import type { Settings } from '@/lib/settings';
import { type BackupExtras, backupToJson, createBackup } from './backup';
import { type ExportScope, leadsInScope } from './collect';
import { resolveColumns } from './columns';
import { leadsToCsvParts } from './csv';
import type { ExportFormat } from './files';
import { renderCsvInWorkers } from './parallel';
import type { ExportPrefs } from './prefs';
import { leadsToVcard } from './vcard';

// Rendering only (no storage, no download), so benchmarks and tests can run it as the Export button does.

/** The CSV column context of the user's export prefs and pipeline. */
function csvContext(prefs: ExportPrefs, settings: Settings) {
  return {
    stageLabels: Object.fromEntries(settings.stages.map((s) => [s.id, s.label])),
    includeGuessed: prefs.includeGuessed,
    deriveNames: prefs.preset !== 'prospector',
  };
}

/**
 * The file of an export in the given format (as text parts) and how many leads it holds,
 * with the user's column prefs for CSV. CSV renders the leads as they arrive (a stream
 * from the database overlaps reading with rendering); JSON and vCard need the whole list.
 */
export async function renderExport(
  format: ExportFormat,
  leads: Lead[] | AsyncIterable<Lead>,
  prefs: ExportPrefs,
  settings: Settings,
  options: { now?: Date; onProgress?: (leads: number) => void } & BackupExtras = {},
): Promise<{ parts: BlobPart[]; count: number }> {
  if (format === 'csv') {
    let count = 0;
    const parts = await leadsToCsvParts(
      leads,
      resolveColumns(prefs.preset, prefs.columns),
      csvContext(prefs, settings),
      {
        onProgress: (rows) => {
          count = rows;
          options.onProgress?.(rows);
        },
      },
    );
    return { parts, count };
  }
  const list: Lead[] = [];
  for await (const lead of leads) list.push(lead);
  options.onProgress?.(list.length);
  const parts =
    format === 'vcf'
      ? [leadsToVcard(list)]
      : [backupToJson(createBackup(list, settings, prefs, options.now ?? new Date(), options))];
  return { parts, count: list.length };
}

/** Workers for a big CSV export: how to start one (each reads its key range through lib/db). */
export interface ExportWorkers {
  create: () => Worker;
}

/**
 * The file of an export of `scope`: a CSV of every lead is rendered by workers when there
 * are many (lib/export/parallel.ts), and on this page when there are few, when the scope is
 * a filter or a selection, or when the workers fail (the page's path is always there).
 */
export async function renderScope(
  repo: Pick<LeadRepository, 'get' | 'query' | 'all' | 'split'>,
  scope: ExportScope,
  format: ExportFormat,
  prefs: ExportPrefs,
  settings: Settings,
  options: { onProgress?: (leads: number) => void; workers?: ExportWorkers; siteRecipes?: Recipe[] } = {},
): Promise<{ parts: BlobPart[]; count: number }> {
  const { workers, onProgress, siteRecipes } = options;
  if (format === 'csv' && workers && !scope.ids && !scope.query) {
    try {
      const columns = resolveColumns(prefs.preset, prefs.columns);
      const file = await renderCsvInWorkers(repo, workers.create, columns, csvContext(prefs, settings), onProgress);
      if (file) return file;
    } catch (err) {
      // Workers unavailable or failed: render on the page below (a real database error shows
      // there). Logged as an error so a broken worker build fails the e2e runs, which watch the console.
      console.error('Prospector: the export workers failed; rendering on the page instead.', err);
    }
  }
  const extras = { ...(onProgress ? { onProgress } : {}), ...(siteRecipes ? { siteRecipes } : {}) };
  if (format === 'json' && !scope.ids && !scope.query) {
    // A backup of everything carries damaged rows as they are stored: read in the same
    // pass, collected before renderExport builds the file.
    const damaged: unknown[] = [];
    const all = repo.all({ onDamaged: (record) => damaged.push(record) });
    return renderExport(format, all, prefs, settings, { ...extras, damaged });
  }
  return renderExport(format, leadsInScope(repo, scope), prefs, settings, extras);
}
