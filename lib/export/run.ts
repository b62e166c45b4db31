import type { LeadRepository } from '@/lib/db/api';
import type { Lead } from '@/lib/lead/schema';
import { getSettings, type Settings, settingsItem } from '@/lib/settings';
import { backupToJson, createBackup, type ParsedBackup } from './backup';
import { collectLeads, type ExportScope } from './collect';
import { resolveColumns } from './columns';
import { leadsToCsvPartsAsync } from './csv';
import { downloadText, type ExportFormat, exportFileName } from './files';
import { type ExportPrefs, exportPrefsItem, getExportPrefs } from './prefs';
import { leadsToVcard } from './vcard';

export { collectLeads, type ExportScope } from './collect';

/** The file of an export in the given format (as text parts), with the user's column prefs for CSV. */
export function renderExport(
  format: ExportFormat,
  leads: Lead[],
  prefs: ExportPrefs,
  settings: Settings,
  now: Date = new Date(),
): Promise<string[]> {
  if (format === 'vcf') return Promise.resolve([leadsToVcard(leads)]);
  if (format === 'json') return Promise.resolve([backupToJson(createBackup(leads, settings, prefs, now))]);
  const stageLabels = Object.fromEntries(settings.stages.map((s) => [s.id, s.label]));
  return leadsToCsvPartsAsync(leads, resolveColumns(prefs.preset, prefs.columns), {
    stageLabels,
    includeGuessed: prefs.includeGuessed,
    deriveNames: prefs.preset !== 'prospector',
  });
}

/** Reads, renders and downloads an export; returns how many leads it holds. */
export async function exportAndDownload(
  repo: Pick<LeadRepository, 'get' | 'query' | 'all'>,
  format: ExportFormat,
  scope: ExportScope,
): Promise<number> {
  const [leads, prefs, settings] = await Promise.all([collectLeads(repo, scope), getExportPrefs(), getSettings()]);
  downloadText(await renderExport(format, leads, prefs, settings), format, exportFileName(format));
  return leads.length;
}

/** Downloads a full JSON backup (every lead, settings, pipeline, export prefs); returns the number of leads. */
export function downloadBackup(repo: Pick<LeadRepository, 'get' | 'query' | 'all'>): Promise<number> {
  return exportAndDownload(repo, 'json', {});
}

/**
 * Restores a backup: every valid lead in ONE bulkPut (one transaction, replacing by
 * id), then, only if that succeeded, the settings and export prefs when asked.
 */
export async function restoreBackup(
  repo: Pick<LeadRepository, 'bulkPut'>,
  backup: ParsedBackup,
  options: { settings: boolean },
): Promise<{ leads: number; settings: boolean }> {
  await repo.bulkPut(backup.leads);
  let restoredSettings = false;
  if (options.settings && backup.settings) {
    await settingsItem.setValue(backup.settings);
    restoredSettings = true;
  }
  if (options.settings && backup.exportPrefs) await exportPrefsItem.setValue(backup.exportPrefs);
  return { leads: backup.leads.length, settings: restoredSettings };
}
