import { z } from 'zod';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
import { normalizeSettings, type Settings } from '@/lib/settings';
import { type ExportPrefs, normalizeExportPrefs } from './prefs';

/**
 * The JSON backup: every lead as stored (touches, sources and fields unknown to this
 * version included, since leads are loose objects), the settings with the pipeline,
 * and the export prefs. Versioned so a later Prospector can read an older backup.
 */

export const BACKUP_FORMAT = 'prospector-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  leads: Lead[];
  settings: Settings;
  exportPrefs: ExportPrefs;
}

const BackupEnvelopeSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.string().optional(),
  leads: z.array(z.unknown()),
  settings: z.unknown().optional(),
  exportPrefs: z.unknown().optional(),
});

/** Builds the backup object. */
export function createBackup(
  leads: Lead[],
  settings: Settings,
  exportPrefs: ExportPrefs,
  now: Date = new Date(),
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    leads,
    settings,
    exportPrefs,
  };
}

/** The backup as pretty-enough JSON text (one lead per line would not diff better; keep it compact). */
export function backupToJson(backup: Backup): string {
  return JSON.stringify(backup);
}

export interface RejectedLead {
  /** 1-based position in the backup's leads array. */
  index: number;
  reason: string;
}

export interface ParsedBackup {
  version: number;
  exportedAt?: string;
  leads: Lead[];
  rejected: RejectedLead[];
  settings?: Settings;
  exportPrefs?: ExportPrefs;
}

/** True when a text looks like a JSON document rather than CSV (first non-space character). */
export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

/** Reads and validates a backup; each lead is checked with LeadSchema and invalid ones are listed, not fatal. */
export function parseBackup(text: string): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`This is not valid JSON (${(err as Error).message}).`);
  }
  const env = BackupEnvelopeSchema.safeParse(raw);
  if (!env.success) throw new Error('This JSON file is not a Prospector backup (no "format": "prospector-backup").');
  if (env.data.version > BACKUP_VERSION) {
    throw new Error(
      `This backup was made by a newer Prospector (format version ${env.data.version}); update to restore it.`,
    );
  }
  const leads: Lead[] = [];
  const rejected: RejectedLead[] = [];
  env.data.leads.forEach((item, i) => {
    const parsed = LeadSchema.safeParse(item);
    if (parsed.success) leads.push(parsed.data);
    else rejected.push({ index: i + 1, reason: describeIssues(parsed.error) });
  });
  return {
    version: env.data.version,
    exportedAt: env.data.exportedAt,
    leads,
    rejected,
    settings: env.data.settings === undefined ? undefined : normalizeSettings(env.data.settings),
    exportPrefs: env.data.exportPrefs === undefined ? undefined : normalizeExportPrefs(env.data.exportPrefs),
  };
}

/** A short human reason from a zod error: "emails.0.value: not an email address". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
