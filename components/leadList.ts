import { batch, computed, signal } from '@preact/signals';
import type { LeadQuery, LeadRepository, LeadSort } from '@/lib/db/api';
import type { Lead, Origin } from '@/lib/lead/schema';

/** The filters a user sets on a lead list (popup and workspace share the shape). */
export interface LeadFilters {
  text: string;
  stage: string;
  tag: string;
  origin: '' | Origin;
  due: boolean;
  sort: LeadSort;
}

export const EMPTY_FILTERS: LeadFilters = { text: '', stage: '', tag: '', origin: '', due: false, sort: 'updated' };

/** End of the local day: "follow-up due" means due today or earlier. */
export function endOfToday(now = new Date()): string {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.toISOString();
}

/** The store query for a set of filters (without paging). */
export function toQuery(filters: LeadFilters, now = new Date()): LeadQuery {
  const query: LeadQuery = { sort: filters.sort };
  const text = filters.text.trim();
  if (text) query.text = text;
  if (filters.stage) query.stage = filters.stage;
  if (filters.tag) query.tag = filters.tag;
  if (filters.origin) query.origin = filters.origin;
  if (filters.due) query.dueBefore = endOfToday(now);
  // Follow-up date: soonest first is the useful order; names A→Z and dates newest first are the store defaults.
  if (filters.sort === 'followUp') query.direction = 'asc';
  return query;
}

export type LeadListModel = ReturnType<typeof createLeadListModel>;

/**
 * A windowed, paged lead list over `repo.query`: rows hold only the pages that were
 * asked for (the visible window plus some ahead), so 50,000 leads cost what 50 do.
 * Every filter change starts a new generation; replies of older generations are dropped,
 * so fast typing never shows stale rows.
 */
export function createLeadListModel(repo: Pick<LeadRepository, 'query'>, pageSize = 100) {
  const filters = signal<LeadFilters>(EMPTY_FILTERS);
  const rows = signal<(Lead | undefined)[]>([]);
  const total = signal<number | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  /** Incremented whenever rows change in place (a refresh), for views that key on it. */
  const version = signal(0);

  let generation = 0;
  // cursors[p] opens page p; pages are fetched in order since the store's cursors are opaque.
  let cursors: (string | null)[] = [null];
  let loadedPages = 0;
  let wantedRows = pageSize;
  let pump: Promise<void> | null = null;

  async function loadUntilWanted(gen: number): Promise<void> {
    while (gen === generation && loadedPages * pageSize < wantedRows) {
      const cursor = cursors[loadedPages];
      if (cursor === undefined || (loadedPages > 0 && cursor === null)) return;
      loading.value = true;
      try {
        const page = await repo.query({ ...toQuery(filters.value), limit: pageSize, cursor });
        if (gen !== generation) return;
        const next = rows.value.slice(0, loadedPages * pageSize);
        next.push(...page.leads);
        batch(() => {
          rows.value = next;
          total.value = page.total;
          error.value = null;
        });
        cursors[loadedPages + 1] = page.cursor;
        loadedPages++;
        if (page.cursor === null) return;
      } catch (err) {
        if (gen === generation) error.value = err instanceof Error ? err.message : String(err);
        return;
      } finally {
        if (gen === generation) loading.value = false;
      }
    }
  }

  function run(gen: number): Promise<void> {
    const p = loadUntilWanted(gen).finally(() => {
      if (pump === p) pump = null;
    });
    pump = p;
    return p;
  }

  /** Starts over with the current filters (first page only). */
  function reload(keepRows = false): Promise<void> {
    generation++;
    cursors = [null];
    loadedPages = 0;
    wantedRows = Math.max(pageSize, keepRows ? wantedRows : pageSize);
    if (!keepRows) rows.value = [];
    return run(generation);
  }

  return {
    filters,
    rows,
    total,
    loading,
    error,
    version,
    /** True when the store has no lead at all matching and nothing is filtered (first-run empty state). */
    isFiltered: computed(() => {
      const f = filters.value;
      return Boolean(f.text.trim() || f.stage || f.tag || f.origin || f.due);
    }),
    /** Changes some filters and reloads. */
    setFilters(change: Partial<LeadFilters>): Promise<void> {
      filters.value = { ...filters.value, ...change };
      return reload();
    },
    reload,
    /** Re-reads the rows already shown (after an edit elsewhere), without emptying the list first. */
    refresh(): Promise<void> {
      return reload(true).then(() => {
        version.value++;
      });
    },
    /** Asks for rows up to `end` (exclusive) to be loaded; pages are fetched in order. */
    ensure(end: number): Promise<void> {
      // A running loop re-reads wantedRows before each page, so raising it is enough.
      wantedRows = Math.max(wantedRows, Math.ceil(end / pageSize) * pageSize);
      return pump ?? run(generation);
    },
    /** Replaces one loaded lead (after an edit) without a reload. */
    patch(lead: Lead): void {
      const index = rows.value.findIndex((l) => l?.id === lead.id);
      if (index < 0) return;
      const next = rows.value.slice();
      next[index] = lead;
      rows.value = next;
    },
  };
}
