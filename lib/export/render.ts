import type { Lead } from '@/lib/lead/schema';
import type { Settings } from '@/lib/settings';
import { backupToJson, createBackup } from './backup';
import { resolveColumns } from './columns';
import { leadsToCsvPartsAsync } from './csv';
import type { ExportFormat } from './files';
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
  options: { now?: Date; onProgress?: (leads: number) => void } = {},
): Promise<{ parts: string[]; count: number }> {
  if (format === 'csv') {
    let count = 0;
    const parts = await leadsToCsvPartsAsync(
      leads,
      resolveColumns(prefs.preset, prefs.columns),
      csvContext(prefs, settings),
      (rows) => {
        count = rows;
        options.onProgress?.(rows);
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
      : [backupToJson(createBackup(list, settings, prefs, options.now ?? new Date()))];
  return { parts, count: list.length };
}
