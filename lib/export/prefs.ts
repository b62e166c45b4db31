import { z } from 'zod';
import { storage } from '#imports';
import { COLUMN_IDS, type ColumnId, DEFAULT_COLUMN_IDS, PRESET_IDS, type PresetId } from './columns';

/** The user's export choices, remembered between exports (storage.defineItem, versioned). */

export const ExportPrefsSchema = z.object({
  /** Columns of the "prospector" preset, in order. */
  columns: z.array(z.enum(COLUMN_IDS)).min(1),
  preset: z.enum(PRESET_IDS),
  /** Put guessed emails into Email / Other emails (they always have their own column otherwise). */
  includeGuessed: z.boolean(),
});
export type ExportPrefs = z.infer<typeof ExportPrefsSchema>;

export const DEFAULT_EXPORT_PREFS: ExportPrefs = {
  columns: DEFAULT_COLUMN_IDS,
  preset: 'prospector',
  includeGuessed: false,
};

export const EXPORT_PREFS_VERSION = 1;

export const exportPrefsItem = storage.defineItem<ExportPrefs>('local:exportPrefs', {
  fallback: DEFAULT_EXPORT_PREFS,
  version: EXPORT_PREFS_VERSION,
});

/** Repairs stored prefs field by field: an unknown column id (from a newer version) is dropped, not fatal. */
export function normalizeExportPrefs(raw: unknown): ExportPrefs {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const known = new Set<string>(COLUMN_IDS);
  const columns = Array.isArray(obj.columns)
    ? [...new Set(obj.columns.filter((c): c is ColumnId => typeof c === 'string' && known.has(c)))]
    : [];
  const preset = PRESET_IDS.includes(obj.preset as PresetId) ? (obj.preset as PresetId) : 'prospector';
  return {
    columns: columns.length > 0 ? columns : DEFAULT_EXPORT_PREFS.columns,
    preset,
    includeGuessed: obj.includeGuessed === true,
  };
}

/** The stored export prefs, repaired. */
export async function getExportPrefs(): Promise<ExportPrefs> {
  return normalizeExportPrefs(await exportPrefsItem.getValue());
}

/** Remembers the export prefs. */
export async function setExportPrefs(prefs: ExportPrefs): Promise<void> {
  await exportPrefsItem.setValue(normalizeExportPrefs(prefs));
}
