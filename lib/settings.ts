import { z } from 'zod';
import { storage } from '#imports';
import { CHANNELS, DEFAULT_STAGES, ORIGINS } from '@/lib/lead/schema';

/**
 * User settings in extension storage (storage.defineItem, versioned with migrations).
 * Read them through `settingsItem.getValue()`; values are validated on read so a
 * corrupt or foreign value falls back to defaults instead of breaking the UI.
 */

export const StageDefSchema = z.object({
  id: z.string().min(1).max(60),
  label: z.string().min(1).max(60),
  archived: z.boolean().default(false),
});
export type StageDef = z.infer<typeof StageDefSchema>;

const STAGE_LABELS: Record<string, string> = {
  new: 'New',
  researching: 'Researching',
  contacted: 'Contacted',
  nurturing: 'Nurturing',
  replied: 'Replied',
  meeting: 'Meeting',
  won: 'Won',
  lost: 'Lost',
};

export const SettingsSchema = z.object({
  stages: z.array(StageDefSchema).min(1),
  defaultOrigin: z.enum(ORIGINS),
  defaultStage: z.string().min(1),
  defaultChannel: z.enum(CHANNELS).optional(),
  /** ISO 3166 alpha-2, used to read national phone numbers. */
  defaultCountry: z.string().length(2).optional(),
  dateFormat: z.enum(['system', 'iso', 'dmy', 'mdy']),
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  stages: DEFAULT_STAGES.map((id) => ({ id, label: STAGE_LABELS[id] ?? id, archived: false })),
  defaultOrigin: 'outbound',
  defaultStage: 'new',
  dateFormat: 'system',
  theme: 'system',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The current settings, validated; defaults for anything missing or invalid. */
export async function getSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(raw as object) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
