import { batch, computed, signal } from '@preact/signals';
import type { LeadQuery, LeadRepository, LeadSort } from '@/lib/db/api';
import { searchWords, words } from '@/lib/db/rows';
import type { Lead, Origin } from '@/lib/lead/schema';
import { LeadRows } from './leadRows';

/** The filters a user sets on a lead list (popup and workspace share the shape). */
export interface LeadFilters {
  text: string;
  stage: string;
  tag: string;
  origin: '' | Origin;
  due: boolean;
  sort: LeadSort;
  /** Team sync: only the leads this teammate owns ('' for anyone). */
  owner?: string;
  /** Team sync: this browser's teammate name (its leads that nobody owns yet count as its). */
  me?: string;
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
  if (filters.owner) query.owner = filters.owner;
  if (filters.owner && filters.me) query.me = filters.me;
  // Follow-up date: soonest first is the useful order; names A→Z and dates newest first are the store defaults.
  if (filters.sort === 'followUp') query.direction = 'asc';
  return query;
}

/** True when a lead matches every search term as a word prefix (the store's own rule, lib/db rows). */
export function matchesTerms(lead: Lead, terms: string[]): boolean {
  if (terms.length === 0) return true;
  const own = searchWords(lead);
  return terms.every((t) => own.some((w) => w.startsWith(t)));
}

/**
 * True when every lead matching `next` also matches `prev` (only the search text changed and
 * each earlier term is a prefix of a new term): then the loaded rows, a sorted prefix of the
 * earlier result, filtered by the new terms are exactly a sorted prefix of the new result.
 */
export function narrows(prev: LeadFilters, next: LeadFilters): boolean {
  if (prev.stage !== next.stage || prev.tag !== next.tag || prev.origin !== next.origin) return false;
  if (prev.due !== next.due || prev.sort !== next.sort) return false;
  if ((prev.owner ?? '') !== (next.owner ?? '')) return false;
  const before = words(prev.text);
  const after = words(next.text);
  return before.every((old) => after.some((t) => t.startsWith(old)));
}

export type LeadListModel = ReturnType<typeof createLeadListModel>;

/** Pages kept loaded on each side of the wanted rows; farther pages are dropped (re-read by cursor when needed). */
const KEEP_PAGES = 10;

/**
 * A windowed, paged lead list over `repo.query`: rows hold only the pages near the rows
 * asked for (the visible window plus some each side); pages scrolled far away are dropped
 * again, so a table scrolled through 50,000 leads holds what a few screens do, and the
 * heap (and the garbage collector's pauses) stay small.
 * Every filter change starts a new generation; replies of older generations are dropped,
 * so fast typing never shows stale rows.
 */
export function createLeadListModel(repo: Pick<LeadRepository, 'query'>, pageSize = 100) {
  const filters = signal<LeadFilters>(EMPTY_FILTERS);
  const rows = signal(LeadRows.empty(pageSize));
  const total = signal<number | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  /** Incremented whenever rows change in place (a refresh), for views that key on it. */
  const version = signal(0);
  /** The search text the current rows answer (lags `filters` while a query runs); views expose it for tests and benches. */
  const resultsFor = signal<string | null>(null);
  /** Set while the rows are the loaded rows filtered locally for this text, before the store answers. */
  const previewFor = signal<string | null>(null);
  /** False while a preview shows only part of the result, so `total` is a lower bound. */
  const totalKnown = signal(true);

  let generation = 0;
  // cursors[p] opens page p. The store's cursors are opaque, so page p's cursor is known only
  // once page p-1 was read: a jump far down reads the pages between (and drops them again).
  let cursors: (string | null)[] = [null];
  /** Pages whose rows are in `rows` for this generation. */
  let loaded = new Set<number>();
  /** Index of the last page, once a page came back without a next cursor. */
  let lastPage = Number.POSITIVE_INFINITY;
  let wanted = { start: 0, end: pageSize };
  let pump: Promise<void> | null = null;

  /** The next page to read for the wanted rows, or -1 when they are all loaded. */
  function nextPage(): number {
    const first = Math.floor(wanted.start / pageSize);
    const last = Math.min(Math.ceil(wanted.end / pageSize) - 1, lastPage);
    for (let p = first; p <= last; p++) if (!loaded.has(p)) return Math.min(p, cursors.length - 1);
    return -1;
  }

  /** Puts page p's leads in place and drops the pages far from the wanted rows (O(pages kept), not O(rows)). */
  function place(p: number, leads: Lead[], pageTotal: number): LeadRows {
    const keepFrom = Math.floor(wanted.start / pageSize) - KEEP_PAGES;
    const keepTo = Math.ceil(wanted.end / pageSize) + KEEP_PAGES;
    loaded.add(p);
    for (const q of loaded) if (q < keepFrom || q > keepTo) loaded.delete(q);
    // By range, not by page: rows kept from an earlier generation (a refresh, a preview) go too.
    return rows.value.withPage(p, leads, pageTotal, keepFrom, keepTo);
  }

  async function loadUntilWanted(gen: number): Promise<void> {
    for (;;) {
      if (gen !== generation) return;
      const p = nextPage();
      if (p < 0) return;
      loading.value = true;
      try {
        const page = await repo.query({ ...toQuery(filters.value), limit: pageSize, cursor: cursors[p] ?? null });
        if (gen !== generation) return;
        if (page.cursor === null) lastPage = p;
        else cursors[p + 1] = page.cursor;
        const next = place(p, page.leads, page.total);
        batch(() => {
          rows.value = next;
          total.value = page.total;
          error.value = null;
          resultsFor.value = filters.value.text;
          previewFor.value = null;
          totalKnown.value = true;
        });
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

  /** Starts over with the current filters (first page only); `preview` rows show until the store answers. */
  function reload(keepRows = false, preview?: { rows: Lead[]; exact: boolean }): Promise<void> {
    generation++;
    cursors = [null];
    loaded = new Set();
    lastPage = Number.POSITIVE_INFINITY;
    // A refresh re-reads the rows in view (from the first page, as cursors are opaque); a new query starts at the top.
    if (!keepRows) wanted = { start: 0, end: pageSize };
    if (preview) {
      batch(() => {
        rows.value = LeadRows.of(preview.rows, pageSize);
        // A fully loaded earlier result filters to the exact new one; otherwise the count waits for the store.
        total.value = preview.rows.length;
        totalKnown.value = preview.exact;
        previewFor.value = filters.value.text;
      });
    } else if (!keepRows) rows.value = LeadRows.empty(pageSize);
    return run(generation);
  }

  return {
    filters,
    rows,
    total,
    loading,
    error,
    version,
    resultsFor,
    previewFor,
    totalKnown,
    /** True when the store has no lead at all matching and nothing is filtered (first-run empty state). */
    isFiltered: computed(() => {
      const f = filters.value;
      return Boolean(f.text.trim() || f.stage || f.tag || f.origin || f.due || f.owner);
    }),
    /**
     * Changes some filters and reloads. When the change only narrows the search, the loaded
     * rows are filtered at once (same frame), and the store's answer replaces them.
     */
    setFilters(change: Partial<LeadFilters>): Promise<void> {
      const prev = filters.value;
      const next = { ...prev, ...change };
      filters.value = next;
      const loaded = rows.value;
      if (total.value !== null && narrows(prev, next)) {
        const terms = [...new Set(words(next.text))];
        // A preview of a preview stays a sorted prefix; it is complete only if its source was.
        const prefix = loaded.prefix();
        const exact = totalKnown.value && prefix.length >= total.value;
        const local = prefix.filter((l) => matchesTerms(l, terms));
        return reload(false, { rows: local, exact });
      }
      return reload();
    },
    reload,
    /**
     * First load with rows to show until the store answers (the popup's snapshot of its last
     * first page); like a search preview, they are marked and replaced by the store's page.
     */
    loadWithPlaceholder(snapshot: Lead[]): Promise<void> {
      if (!snapshot.length) return reload();
      generation++;
      const gen = generation;
      batch(() => {
        rows.value = LeadRows.of(snapshot, pageSize);
        total.value = snapshot.length;
        totalKnown.value = false;
        previewFor.value = filters.value.text;
      });
      // Let the snapshot paint before asking the store: on a busy machine the store's count of
      // every lead competes with the popup's first frame.
      return new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0))).then(() =>
        gen === generation ? reload(false, { rows: snapshot, exact: false }) : undefined,
      );
    },
    /** Re-reads the rows already shown (after an edit elsewhere), without emptying the list first. */
    refresh(): Promise<void> {
      return reload(true).then(() => {
        version.value++;
      });
    },
    /**
     * Asks for rows [start, end) to be loaded; pages far from them are dropped. A running
     * loop re-reads the wanted rows before each page, so updating them is enough.
     */
    ensure(end: number, start = 0): Promise<void> {
      wanted = { start: Math.max(0, Math.min(start, end)), end: Math.max(end, pageSize) };
      return pump ?? run(generation);
    },
    /** Replaces one loaded lead (after an edit) without a reload. */
    patch(lead: Lead): void {
      rows.value = rows.value.patched(lead);
    },
  };
}
