import { z } from 'zod';
import { browser, storage } from '#imports';
import { CHANNELS, DEFAULT_STAGES, ORIGINS } from '@/lib/lead/schema';

/**
 * User settings in extension storage (storage.defineItem, versioned with migrations).
 * Read them through `getSettings()`; values are validated on read so a corrupt or
 * foreign value falls back to defaults instead of breaking the UI.
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

/** Columns the workspace table can show (the user picks which). */
export const LEAD_COLUMNS = [
  'name',
  'title',
  'company',
  'stage',
  'followUp',
  'tags',
  'origin',
  'email',
  'phone',
  'updated',
  'created',
  'fit',
] as const;
export type LeadColumn = (typeof LEAD_COLUMNS)[number];
export const DEFAULT_COLUMNS: LeadColumn[] = ['name', 'title', 'company', 'stage', 'followUp', 'tags', 'updated'];

export const DATE_FORMATS = ['system', 'iso', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** At most this many pipeline stages (live and archived): a settings value or backup cannot grow the pickers without end. */
export const MAX_STAGES = 50;

/**
 * Pipeline stages made usable: invalid entries dropped, each id once (the first wins), and at
 * most MAX_STAGES, live stages kept before archived ones, in their order.
 */
export function cleanStages(raw: unknown): StageDef[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const stages: StageDef[] = [];
  for (const item of raw) {
    const parsed = StageDefSchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    stages.push(parsed.data);
  }
  if (stages.length <= MAX_STAGES) return stages;
  const live = stages.filter((s) => !s.archived).slice(0, MAX_STAGES);
  const keep = new Set([...live, ...stages.filter((s) => s.archived)].slice(0, MAX_STAGES));
  return stages.filter((s) => keep.has(s));
}

export const SettingsSchema = z.object({
  stages: z.array(StageDefSchema).min(1).max(MAX_STAGES),
  defaultOrigin: z.enum(ORIGINS),
  defaultStage: z.string().min(1),
  defaultChannel: z.enum(CHANNELS).optional(),
  /** ISO 3166 alpha-2, used to read national phone numbers. */
  defaultCountry: z.string().length(2).optional(),
  dateFormat: z.enum(DATE_FORMATS),
  theme: z.enum(THEMES),
  /** v2: the workspace table's visible columns, in order. */
  columns: z.array(z.enum(LEAD_COLUMNS)).min(1).default(DEFAULT_COLUMNS),
  /** v2: follow-up notifications on or off (the badge count is always kept). */
  reminders: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  stages: DEFAULT_STAGES.map((id) => ({ id, label: STAGE_LABELS[id] ?? id, archived: false })),
  defaultOrigin: 'outbound',
  defaultStage: 'new',
  dateFormat: 'system',
  theme: 'system',
  columns: DEFAULT_COLUMNS,
  reminders: true,
};

export const SETTINGS_VERSION = 2;

/**
 * v1 → v2: adds `columns` and `reminders`; drops duplicate stage ids (a v1 editor
 * bug could write them) and makes sure the default stage is a live stage, so
 * nothing that reads settings has to handle those cases.
 */
export function migrateV1toV2(old: unknown): Settings {
  const v1 = (old && typeof old === 'object' ? old : {}) as Record<string, unknown>;
  const seen = new Set<string>();
  const stages = (Array.isArray(v1.stages) ? v1.stages : DEFAULT_SETTINGS.stages)
    .map((s) => StageDefSchema.safeParse(s))
    .flatMap((r) => (r.success ? [r.data] : []))
    .filter((s) => !seen.has(s.id) && seen.add(s.id));
  return normalizeSettings({
    ...v1,
    stages: stages.length > 0 ? stages : DEFAULT_SETTINGS.stages,
    columns: DEFAULT_COLUMNS,
    reminders: true,
  });
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateV1toV2 },
});

/** Repairs a settings object: defaults for invalid fields, a default stage that exists and is not archived. */
export function normalizeSettings(raw: unknown): Settings {
  const base = { ...DEFAULT_SETTINGS, ...(raw && typeof raw === 'object' ? raw : {}) };
  const stages = cleanStages(base.stages);
  base.stages = stages.length > 0 ? stages : DEFAULT_SETTINGS.stages;
  const parsed = SettingsSchema.safeParse(base);
  let settings: Settings;
  if (parsed.success) settings = parsed.data;
  else {
    // Keep each valid field; replace only the broken ones.
    const fixed: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
      const field = SettingsSchema.shape[key].safeParse((base as Record<string, unknown>)[key]);
      if (field.success && field.data !== undefined) fixed[key] = field.data;
    }
    settings = SettingsSchema.parse(fixed);
  }
  const live = settings.stages.filter((s) => !s.archived);
  if (live.length === 0)
    settings = { ...settings, stages: settings.stages.map((s, i) => (i ? s : { ...s, archived: false })) };
  if (!settings.stages.some((s) => s.id === settings.defaultStage && !s.archived)) {
    settings = { ...settings, defaultStage: settings.stages.find((s) => !s.archived)?.id ?? 'new' };
  }
  return settings;
}

/** The current settings, validated; defaults for anything missing or invalid. */
export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

// The changes of this page, one after the other: each reads what the one before it wrote. Two
// read-modify-writes side by side (the theme picked, then a stage renamed before the first write
// landed) would each write its own change over the other's old value, and one change would be lost.
let updates: Promise<unknown> = Promise.resolve();

/** Applies a change to the stored settings (validated) after this page's earlier changes, and returns the result. */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const run = updates.then(async () => {
    const next = normalizeSettings(change(await getSettings()));
    await settingsItem.setValue(next);
    return next;
  });
  updates = run.catch(() => undefined);
  return run;
}

/** Calls `cb` with validated settings whenever they change in any extension page. */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => cb(normalizeSettings(value)));
}

// ---- Pipeline stages. Stage ids are what leads store; only labels and order change,
// and stages are archived rather than deleted, so a lead never points at nothing.

/** The display label of a stage id; unknown ids (from an import or a newer version) show as they are. */
export function stageLabel(settings: Settings, id: string): string {
  return settings.stages.find((s) => s.id === id)?.label ?? id;
}

/** Stages offered for choosing: live ones in order, plus `current` when it is archived or unknown. */
export function selectableStages(settings: Settings, current?: string): StageDef[] {
  const live = settings.stages.filter((s) => !s.archived);
  if (current && !live.some((s) => s.id === current)) {
    const known = settings.stages.find((s) => s.id === current);
    return [...live, known ?? { id: current, label: current, archived: true }];
  }
  return live;
}

/** Renames a stage (its id, which leads store, stays). */
export function renameStage(settings: Settings, id: string, label: string): Settings {
  const clean = label.trim().slice(0, 60);
  if (!clean) return settings;
  return { ...settings, stages: settings.stages.map((s) => (s.id === id ? { ...s, label: clean } : s)) };
}

/** Moves a stage up (-1) or down (+1) in the pipeline. */
export function moveStage(settings: Settings, id: string, delta: -1 | 1): Settings {
  const stages = [...settings.stages];
  const from = stages.findIndex((s) => s.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= stages.length) return settings;
  const [moved] = stages.splice(from, 1);
  if (moved) stages.splice(to, 0, moved);
  return { ...settings, stages };
}

/** Adds a stage at the end; its id is a slug of the label, made unique. */
export function addStage(settings: Settings, label: string): Settings {
  const clean = label.trim().slice(0, 60);
  if (!clean || settings.stages.length >= MAX_STAGES) return settings;
  const base =
    clean
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'stage';
  let id = base;
  for (let n = 2; settings.stages.some((s) => s.id === id); n++) id = `${base}-${n}`;
  return { ...settings, stages: [...settings.stages, { id, label: clean, archived: false }] };
}

/**
 * Archives or restores a stage. Archived stages disappear from pickers but leads on
 * them keep their stage and stay listed. The last live stage cannot be archived;
 * archiving the default stage moves the default to the first live stage.
 */
export function setStageArchived(settings: Settings, id: string, archived: boolean): Settings {
  const liveOthers = settings.stages.filter((s) => !s.archived && s.id !== id);
  if (archived && liveOthers.length === 0) return settings;
  const next = { ...settings, stages: settings.stages.map((s) => (s.id === id ? { ...s, archived } : s)) };
  return normalizeSettings(next);
}

// ---- Theme and dates.

/** Applies the theme to a document: "system" follows prefers-color-scheme, else <html data-theme>. */
export function applyTheme(theme: Theme, doc: Document = document): void {
  if (theme === 'system') delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
}

const pad = (n: number) => String(n).padStart(2, '0');

// toLocaleDateString builds a new Intl.DateTimeFormat per call (~0.1 ms); a table draws dozens per frame.
let cachedDate: Intl.DateTimeFormat | undefined;
let cachedDateTime: Intl.DateTimeFormat | undefined;
const dateFormat = () => {
  cachedDate ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return cachedDate;
};
const dateTimeFormat = () => {
  cachedDateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return cachedDateTime;
};

/** Formats an ISO time as a date in the user's format; `withTime` adds hours and minutes. */
export function formatDate(iso: string | undefined, format: DateFormat, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const day = pad(d.getDate());
  const month = pad(d.getMonth() + 1);
  const time = withTime ? ` ${pad(d.getHours())}:${pad(d.getMinutes())}` : '';
  switch (format) {
    case 'iso':
      return `${d.getFullYear()}-${month}-${day}${time}`;
    case 'dmy':
      return `${day}/${month}/${d.getFullYear()}${time}`;
    case 'mdy':
      return `${month}/${day}/${d.getFullYear()}${time}`;
    default:
      return (withTime ? dateTimeFormat() : dateFormat()).format(d);
  }
}

// ---- Per-site detection permissions (optional host permissions granted at runtime).

/** Host patterns the user granted at runtime (the manifest's own host_permissions cannot be revoked, so they are left out). */
export async function grantedSites(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  return (all.origins ?? []).filter((o) => !required.has(o)).sort();
}

/** Revokes a granted site; true when the browser removed it. */
export async function revokeSite(origin: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [origin] });
}
