import { unwrap } from 'idb';
import { readLeadCount } from './counter';
import type { ProspectorDatabase } from './database';
import type { LeadRow } from './rows';

/** Rows per getAll: big enough to amortise a request, small enough to keep each task short. */
export const SCAN_PAGE = 1000;
/** Below this many leads one reader is enough; above, the store is read in parts at once. */
export const SPLIT_FROM = 4 * SCAN_PAGE;

/**
 * Keys that cut the store into `parts` ranges of about equal size (from the O(1) lead
 * counter and a key cursor's advance), or null when the store is too small to be worth it.
 * Part i is [keys[i-1], keys[i]), the first open below and the last open above.
 */
export async function splitKeys(db: ProspectorDatabase, parts: number, from = SPLIT_FROM): Promise<string[] | null> {
  const tx = db.transaction(['leads', 'meta']);
  const count = await readLeadCount(unwrap(tx.objectStore('leads')), unwrap(tx.objectStore('meta')));
  if (count < from || parts < 2) return null;
  const keys: string[] = [];
  let cursor = await tx.objectStore('leads').openKeyCursor();
  const step = Math.floor(count / parts);
  for (let i = 1; i < parts && cursor; i++) {
    cursor = await cursor.advance(step);
    if (cursor) keys.push(cursor.key);
  }
  return keys.length > 0 ? keys : null;
}

/**
 * Reads the rows of [from, to) page after page, each page requested as soon as the last one
 * arrives (one short transaction per page: a transaction cannot stay open across a
 * consumer's awaits), whether or not the consumer has taken the earlier pages yet.
 */
function pageReader(db: ProspectorDatabase, from: string | null, to: string | null) {
  const ready: LeadRow[][] = [];
  let waiting: (() => void) | null = null;
  let finished = false;
  let failure: unknown = null;
  let stopped = false;
  const range = (after: string | null) => {
    if (after === null && from === null) return to === null ? null : IDBKeyRange.upperBound(to, true);
    const lower = after ?? (from as string);
    const open = after !== null;
    return to === null ? IDBKeyRange.lowerBound(lower, open) : IDBKeyRange.bound(lower, to, open, true);
  };
  const wake = () => {
    waiting?.();
    waiting = null;
  };
  void (async () => {
    try {
      let after: string | null = null;
      while (!stopped) {
        const rows: LeadRow[] = await db.getAll('leads', range(after), SCAN_PAGE);
        if (rows.length > 0) ready.push(rows);
        wake();
        const last = rows.at(-1);
        if (rows.length < SCAN_PAGE || !last) break;
        after = last.id;
      }
    } catch (err) {
      failure = err;
    }
    finished = true;
    wake();
  })();
  return {
    /** The next page, or null at the end. */
    async next(): Promise<LeadRow[] | null> {
      for (;;) {
        const page = ready.shift();
        if (page) return page;
        if (failure) throw failure;
        if (finished) return null;
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
      }
    },
    stop() {
      stopped = true;
    },
  };
}

/** The rows of [from, to) in key order, a page at a time (null: open end). */
export async function* scanRange(
  db: ProspectorDatabase,
  from: string | null,
  to: string | null,
): AsyncGenerator<LeadRow[]> {
  const reader = pageReader(db, from, to);
  try {
    for (let page = await reader.next(); page; page = await reader.next()) yield page;
  } finally {
    reader.stop();
  }
}

/** The ranges [from, to) that `keys` (from splitKeys) cut the store into. */
export function rangesOf(keys: readonly string[] | null): [string | null, string | null][] {
  const bounds = [null, ...(keys ?? []), null];
  return bounds.slice(1).map((to, i) => [bounds[i] ?? null, to]);
}

/**
 * Every stored row in key order, a page at a time. A big store is read as two halves at
 * once, the second buffered while the first is consumed: IndexedDB reads them in parallel
 * (two readers finish 50,000 leads ~20% sooner than one in Chromium, `npm run bench data`),
 * and the export renders while the reads go on. Pages come from separate transactions, so
 * a write made during the scan may or may not be seen, as with any paged read.
 */
export async function* scanRows(db: ProspectorDatabase): AsyncGenerator<LeadRow[]> {
  const readers = rangesOf(await splitKeys(db, 2)).map(([from, to]) => pageReader(db, from, to));
  try {
    for (const reader of readers) {
      for (let page = await reader.next(); page; page = await reader.next()) yield page;
    }
  } finally {
    for (const reader of readers) reader.stop();
  }
}
