import { unwrap } from 'idb';
import { readLeadCount } from './counter';
import type { ProspectorDatabase } from './database';
import type { LeadRow } from './rows';

/** Rows per getAll: big enough to amortise a request, small enough to keep each task short. */
export const SCAN_PAGE = 1000;
/**
 * Pages a reader holds before the consumer takes them. A few keep IndexedDB busy while the
 * consumer works; an unbounded buffer kept thousands of rows alive long enough to be
 * promoted, and the export's longest stall went from ~150 ms to ~500 ms (npm run bench data).
 */
export const READ_AHEAD = 4;
/**
 * Keys that cut the store into `parts` ranges of about equal size (from the O(1) lead
 * counter and a key cursor's advance), or null below `atLeast` leads (not worth splitting).
 * Part i is [keys[i-1], keys[i]), the first open below and the last open above.
 */
export async function splitKeys(db: ProspectorDatabase, parts: number, atLeast: number): Promise<string[] | null> {
  const tx = db.transaction(['leads', 'meta']);
  const count = await readLeadCount(unwrap(tx.objectStore('leads')), unwrap(tx.objectStore('meta')));
  if (count < atLeast || parts < 2) return null;
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
 * consumer's awaits) while fewer than READ_AHEAD pages wait for the consumer.
 */
function pageReader(db: ProspectorDatabase, from: string | null, to: string | null) {
  const ready: LeadRow[][] = [];
  let waiting: (() => void) | null = null;
  let space: (() => void) | null = null;
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
        if (ready.length >= READ_AHEAD) {
          await new Promise<void>((resolve) => {
            space = resolve;
          });
          if (stopped) break;
        }
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
        if (page) {
          space?.();
          space = null;
          return page;
        }
        if (failure) throw failure;
        if (finished) return null;
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
      }
    },
    stop() {
      stopped = true;
      space?.();
      space = null;
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
 * Every stored row in key order, a page at a time, read ahead of the consumer (an export
 * renders one page while IndexedDB reads the next). Pages come from separate transactions,
 * so a write made during the scan may or may not be seen, as with any paged read. (Two
 * readers over the key halves were no faster once read-ahead is bounded: npm run bench data.)
 */
export function scanRows(db: ProspectorDatabase): AsyncGenerator<LeadRow[]> {
  return scanRange(db, null, null);
}
