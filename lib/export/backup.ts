import { z } from 'zod';
import { yieldToPage } from '@/lib/db/yield';
import { extrasProblem } from '@/lib/import/limits';
import { describeIssues } from '@/lib/lead/issues';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
import { type Recipe, validRecipes } from '@/lib/picker/schema';
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
  /** Valid leads, then any stored record that fails the schema, as it was stored. */
  leads: unknown[];
  settings: Settings;
  exportPrefs: ExportPrefs;
  /** Site recipes; absent from older backups. */
  siteRecipes?: Recipe[];
}

const BackupEnvelopeSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.string().optional(),
  leads: z.array(z.unknown()),
  settings: z.unknown().optional(),
  exportPrefs: z.unknown().optional(),
  siteRecipes: z.unknown().optional(),
});

/** What a backup carries besides leads and settings. */
export interface BackupExtras {
  /** Stored records that fail the schema: they go in as they are, so a backup loses nothing. */
  damaged?: readonly unknown[];
  siteRecipes?: Recipe[];
}

/** Builds the backup object. */
export function createBackup(
  leads: Lead[],
  settings: Settings,
  exportPrefs: ExportPrefs,
  now: Date = new Date(),
  { damaged = [], siteRecipes }: BackupExtras = {},
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    leads: damaged.length > 0 ? [...leads, ...damaged] : leads,
    settings,
    exportPrefs,
    ...(siteRecipes ? { siteRecipes } : {}),
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
  /** The backup's valid site recipes (an invalid one, e.g. with a scripted selector, is left out). */
  siteRecipes?: Recipe[];
}

/** True when a text looks like a JSON document rather than CSV (first non-space character). */
export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

type Envelope = z.infer<typeof BackupEnvelopeSchema>;

function readEnvelope(text: string): Envelope {
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
  return env.data;
}

function finish(env: Envelope, leads: Lead[], rejected: RejectedLead[]): ParsedBackup {
  return {
    version: env.version,
    exportedAt: env.exportedAt,
    leads,
    rejected,
    settings: env.settings === undefined ? undefined : normalizeSettings(env.settings),
    exportPrefs: env.exportPrefs === undefined ? undefined : normalizeExportPrefs(env.exportPrefs),
    ...(env.siteRecipes === undefined ? {} : { siteRecipes: validRecipes(env.siteRecipes) }),
  };
}

/** One backup lead: within the limits on unknown fields (lib/import/limits.ts), then valid per LeadSchema. */
function readLead(item: unknown): { lead: Lead } | { reason: string } {
  const extra = extrasProblem(item);
  if (extra) return { reason: extra };
  const parsed = LeadSchema.safeParse(item);
  return parsed.success ? { lead: parsed.data } : { reason: describeIssues(parsed.error) };
}

/** Reads and validates a backup; each lead is checked with LeadSchema and invalid ones are listed, not fatal. */
export function parseBackup(text: string): ParsedBackup {
  const env = readEnvelope(text);
  const leads: Lead[] = [];
  const rejected: RejectedLead[] = [];
  env.leads.forEach((item, i) => {
    const result = readLead(item);
    if ('lead' in result) leads.push(result.lead);
    else rejected.push({ index: i + 1, reason: result.reason });
  });
  return finish(env, leads, rejected);
}

/** parseBackup for big backups: validates 500 leads at a time and gives the page a turn in between. */
export async function parseBackupInSteps(text: string, onProgress?: (fraction: number) => void): Promise<ParsedBackup> {
  const env = readEnvelope(text);
  const leads: Lead[] = [];
  const rejected: RejectedLead[] = [];
  for (let i = 0; i < env.leads.length; i++) {
    const result = readLead(env.leads[i]);
    if ('lead' in result) leads.push(result.lead);
    else rejected.push({ index: i + 1, reason: result.reason });
    if ((i + 1) % 500 === 0) {
      onProgress?.((i + 1) / env.leads.length);
      await yieldToPage();
    }
  }
  return finish(env, leads, rejected);
}

export { describeIssues };
