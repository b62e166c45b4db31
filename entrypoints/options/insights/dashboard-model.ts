import { computed, effect, signal } from '@preact/signals';
import { costRows, type DashboardOptions, type Dashboard as Figures } from '@/lib/intel/dashboard';
import { DEFAULT_INSIGHTS_PREFS, type InsightsPrefs } from '@/lib/intel/prefs';
import { dashboardTables } from '@/lib/intel/tables';
import type { Channel, Origin } from '@/lib/lead/schema';
import { type PacedPasses, pacedPasses } from './paced';

/**
 * The dashboard's model (signals + actions): filters, saved preferences and the figures
 * they give. Store, settings and preference access come in through DashboardDeps, so the
 * flow is tested with fakes; ./dashboard-deps.ts wires the real ones.
 */

/** The figures as the store computes them, with what it had to skip. */
export type DashboardFigures = Figures & { skipped: number; fromSnapshot: boolean };

export interface DashboardFilters {
  from: string;
  to: string;
  tag: string;
}

export interface DashboardDeps {
  /** Computes the figures (from the kept snapshot when it is current), reporting progress. */
  load(options: DashboardOptions, onProgress: (done: number, total: number) => void): Promise<DashboardFigures>;
  /** The pipeline's stages in order. */
  stages(): Promise<DashboardOptions['stages']>;
  tags(): Promise<string[]>;
  getPrefs(): Promise<InsightsPrefs>;
  setPrefs(prefs: InsightsPrefs): Promise<void>;
  /** Calls back after any change to the leads; returns the unsubscribe. */
  onLeadsChanged(cb: () => void): () => void;
  /** Calls back after the settings change (renamed stages change the funnel). */
  onSettingsChanged(cb: () => void): () => void;
  now(): number;
}

export const filters = signal<DashboardFilters>({ from: '', to: '', tag: '' });
export const prefs = signal<InsightsPrefs>(DEFAULT_INSIGHTS_PREFS);
export const figures = signal<DashboardFigures | null>(null);
/** Milliseconds the last computation took. */
export const elapsed = signal(0);
export const busy = signal(true);
export const progress = signal<{ done: number; total: number } | null>(null);
export const error = signal('');
/** Every tag, sorted, for the tag filter. */
export const tags = signal<string[]>([]);
/** Bumped when the leads or the settings change: the figures are computed again. */
const version = signal(0);
const prefsLoaded = signal(false);
// Only the reply window, of all preferences, changes the figures (costs change one table).
const replyWindowDays = computed(() => prefs.value.replyWindowDays);

/** The figures with the cost table from the entered costs (no new pass over the store). */
export const withCosts = computed(() => {
  const f = figures.value;
  return f ? { ...f, costs: costRows(f.channels, prefs.value.costs) } : null;
});
/** The dashboard as tables (charts' text alternative and the CSV export). */
export const tables = computed(() => (withCosts.value ? dashboardTables(withCosts.value, prefs.value.currency) : []));

let deps: DashboardDeps | null = null;
let run = 0;
/** When passes run again after changes (./paced.ts); set while the dashboard is started. */
let paced: PacedPasses | null = null;

/** A burst of writes (an import) recomputes once, this long after the first one. */
export const CHANGE_DELAY_MS = 500;
/** After a change the next pass waits at least this many times the last pass (./paced.ts says why). */
export const PASS_SPACING = 4;

/** Starts the dashboard: loads preferences and tags, computes, and recomputes on changes. Returns the stop. */
export function startDashboard(d: DashboardDeps): () => void {
  deps = d;
  run = 0;
  busy.value = true;
  void d.getPrefs().then((p) => {
    prefs.value = p;
    prefsLoaded.value = true;
  });
  void d.tags().then((list) => {
    tags.value = [...list].sort((a, b) => a.localeCompare(b));
  });
  const pace = pacedPasses(CHANGE_DELAY_MS, PASS_SPACING, () => version.value++);
  paced = pace;
  const offLeads = d.onLeadsChanged(() => pace.changed());
  const offSettings = d.onSettingsChanged(() => version.value++);
  const offCompute = effect(() => {
    // What the figures depend on: the filters, the reply window, and every change.
    const query = { ...filters.value, replyWindowDays: replyWindowDays.value, version: version.value };
    if (prefsLoaded.value) void compute(query);
  });
  return () => {
    pace.stop();
    paced = null;
    offLeads();
    offSettings();
    offCompute();
    deps = null;
    prefsLoaded.value = false;
  };
}

async function compute(query: DashboardFilters & { replyWindowDays: number }): Promise<void> {
  const d = deps;
  if (!d) return;
  const id = ++run;
  busy.value = true;
  const started = performance.now();
  const startedAt = paced?.began() ?? 0;
  try {
    const result = await d.load(
      {
        stages: await d.stages(),
        now: d.now(),
        from: query.from || undefined,
        to: query.to || undefined,
        tag: query.tag || undefined,
        replyWindowDays: query.replyWindowDays,
      },
      (done, total) => {
        if (id === run) progress.value = { done, total };
      },
    );
    // A newer computation started meanwhile: its answer is the one to show.
    if (id !== run) return;
    paced?.finished(startedAt);
    figures.value = result;
    elapsed.value = performance.now() - started;
    error.value = '';
  } catch (err) {
    if (id === run) error.value = err instanceof Error ? err.message : String(err);
  } finally {
    if (id === run) {
      busy.value = false;
      paced?.idle();
    }
  }
}

/** Changes one filter (dates, tag). */
export function setFilter(change: Partial<DashboardFilters>): void {
  filters.value = { ...filters.value, ...change };
}

/** Saves the preferences (reply window, currency, costs) on this device. */
export function savePrefs(next: InsightsPrefs): void {
  prefs.value = next;
  void deps?.setPrefs(next).catch((err: unknown) => {
    error.value = String(err);
  });
}

/** Enters one channel's cost for an origin; empty, negative or not a number removes it. */
export function setCost(origin: Origin, channel: Channel, text: string): void {
  const value = text.trim() === '' ? undefined : Number(text);
  const current = prefs.value;
  const byChannel = { ...current.costs[origin] };
  if (value === undefined || !Number.isFinite(value) || value < 0) delete byChannel[channel];
  else byChannel[channel] = value;
  savePrefs({ ...current, costs: { ...current.costs, [origin]: byChannel } });
}

/** Sets the reply window when it is a whole number of days from 1 to 365. */
export function setReplyWindow(text: string): void {
  const n = Math.round(Number(text));
  if (n >= 1 && n <= 365) savePrefs({ ...prefs.value, replyWindowDays: n });
}
