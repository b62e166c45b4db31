import type { LeadRepository } from '@/lib/db/api';
import { listRecipes, restoreRecipes } from '@/lib/picker/recipes';
import { getSettings, settingsItem } from '@/lib/settings';
import type { ParsedBackup } from './backup';
import type { ExportScope } from './collect';
// Vite's `?worker` import bundles csv.worker.ts as its own file; `new Worker(new URL(...,
// import.meta.url))` is not bundled under WXT, which defines import.meta.url as
// self.location.href (wxt-dev/wxt#2032).
import CsvWorker from './csv.worker.ts?worker';
import { downloadText, type ExportFormat, exportFileName } from './files';
import { exportPrefsItem, getExportPrefs } from './prefs';
import { renderScope } from './render';

export { collectLeads, type ExportScope, leadsInScope } from './collect';
export { renderExport, renderScope } from './render';

/** Reads, renders and downloads an export; returns how many leads it holds. `onProgress` gets the leads read so far. */
export async function exportAndDownload(
  repo: Pick<LeadRepository, 'get' | 'query' | 'all' | 'split'>,
  format: ExportFormat,
  scope: ExportScope,
  onProgress?: (leads: number) => void,
): Promise<number> {
  const [prefs, settings, siteRecipes] = await Promise.all([
    getExportPrefs(),
    getSettings(),
    format === 'json' ? listRecipes() : undefined,
  ]);
  const file = await renderScope(repo, scope, format, prefs, settings, {
    ...(onProgress ? { onProgress } : {}),
    ...(siteRecipes ? { siteRecipes } : {}),
    workers: { create: () => new CsvWorker() },
  });
  downloadText(file.parts, format, exportFileName(format));
  return file.count;
}

/**
 * Restores a backup: every valid lead in ONE bulkPut (one transaction, replacing by id,
 * except, unless `replaceNewer`, a stored lead changed since the backup: restoring an old
 * backup to get deleted leads back loses no later edit), then, only if that succeeded,
 * the settings and export prefs when asked.
 */
export async function restoreBackup(
  repo: Pick<LeadRepository, 'bulkPut'>,
  backup: ParsedBackup,
  options: { settings: boolean; replaceNewer?: boolean; onProgress?: (done: number) => void },
): Promise<{ leads: number; kept: number; settings: boolean }> {
  const { written, kept } = await repo.bulkPut(backup.leads, {
    keepNewer: !options.replaceNewer,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  let restoredSettings = false;
  if (options.settings && backup.settings) {
    await settingsItem.setValue(backup.settings);
    restoredSettings = true;
  }
  if (options.settings && backup.exportPrefs) await exportPrefsItem.setValue(backup.exportPrefs);
  // Site recipes travel with the settings (validated when the backup was parsed).
  if (options.settings && backup.siteRecipes?.length) await restoreRecipes(backup.siteRecipes);
  return { leads: written, kept, settings: restoredSettings };
}
