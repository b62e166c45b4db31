import type { ProspectorDatabase } from './database';
import { indexedWords, type LeadRow, toWords, type WordsRow } from './rows';
import { ignore } from './tx';

/**
 * The `words` store (v10): each lead's search words, a record per lead beside its row, written in
 * the same transaction by every write that changes the row's words or update time, and deleted
 * with the row, so search reads ids straight off its `by-word-updated` index.
 *
 * A bulk write of new leads (a team sync first pull, BulkPutOptions.deferWords) may leave their
 * words for a pass after it: the rows are put with their small indexes only, their ids listed
 * under PENDING_PREFIX in `meta` in the same transaction, and a pass (scheduleWordIndexing, and any
 * search that finds a list) writes the words records, which costs only the words' own entries
 * (a row rewrite, the reverted 57cc093, rewrote every index entry of the row: 2.8x the work).
 * Meanwhile a search stays exact: it reads the listed rows and matches their words as the index
 * would (pendingWords). bench/README.md ("Search words in a store of their own") has the figures.
 */

/** Key prefix in `meta` of a list of lead ids whose words record is yet to be written. */
export const PENDING_PREFIX = 'wordsPending:';

/** Every pending list in `meta`. */
export function pendingKeys(): IDBKeyRange {
  return IDBKeyRange.bound(PENDING_PREFIX, `${PENDING_PREFIX}\uffff`);
}

interface Puts<T> {
  put(value: T): Promise<unknown>;
}

interface Deletes {
  delete(key: string): Promise<unknown>;
}

/** The words record of a row, or null when its lead is too damaged to have words (it is then found by no search, as before v10). */
export function wordsOf(row: LeadRow): WordsRow | null {
  try {
    return toWords(row);
  } catch {
    return null;
  }
}

/**
 * Puts a lead row and its words record in the caller's readwrite transaction (both stores in its
 * scope), so no search can see one without the other; resolves with the row's put.
 */
export function putRow(leads: Puts<LeadRow>, words: Puts<WordsRow> & Deletes, row: LeadRow): Promise<unknown> {
  const record = wordsOf(row);
  // A damaged row has no words: a record left from its earlier value would find it by stale ones.
  ignore(record ? words.put(record) : words.delete(row.id));
  return leads.put(row);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The indexed words of the rows whose words record is pending, by id, read in the caller's
 * transaction (raw stores); empty when nothing waits (one key-range read of `meta`).
 */
export async function pendingWords(leads: IDBObjectStore, meta: IDBObjectStore): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const lists = (await request(meta.getAll(pendingKeys()))) as unknown[];
  const ids = new Set(lists.flatMap((list) => (Array.isArray(list) ? (list as string[]) : [])));
  if (ids.size === 0) return out;
  const rows = await Promise.all([...ids].map((id) => request(leads.get(id) as IDBRequest<LeadRow | undefined>)));
  for (const row of rows) {
    if (!row) continue;
    try {
      out.set(row.id, indexedWords(row.lead));
    } catch {
      // A damaged row has no words to match (the pass writes none for it either).
    }
  }
  return out;
}

/**
 * Writes the words records of the pending lists, a list per transaction, from the rows as they
 * are then (a row removed meanwhile gets none); resolves to the records written.
 */
export async function indexPendingWords(db: ProspectorDatabase): Promise<number> {
  let written = 0;
  for (;;) {
    const tx = db.transaction(['leads', 'words', 'meta'], 'readwrite');
    const cursor = await tx.objectStore('meta').openCursor(pendingKeys());
    if (!cursor) {
      await tx.done;
      return written;
    }
    const ids = Array.isArray(cursor.value) ? (cursor.value as string[]) : [];
    const leads = tx.objectStore('leads');
    const words = tx.objectStore('words');
    const rows = await Promise.all(ids.map((id) => leads.get(id)));
    for (const row of rows) {
      const record = row && wordsOf(row);
      if (!record) continue;
      ignore(words.put(record));
      written++;
    }
    ignore(cursor.delete());
    await tx.done;
  }
}

/**
 * The pass starts after this long without another deferred write: a first pull writes a page
 * every few hundred ms, and the pass would only compete with it for the database.
 */
export const WORDS_DELAY_MS = 2000;

const timers = new WeakMap<ProspectorDatabase, ReturnType<typeof setTimeout>>();
const running = new WeakMap<ProspectorDatabase, Promise<void>>();

/** Runs indexPendingWords once deferred writes have paused for `delay` ms (restarted by each call meanwhile). */
export function scheduleWordIndexing(db: ProspectorDatabase, delay = WORDS_DELAY_MS): void {
  clearTimeout(timers.get(db));
  timers.set(
    db,
    setTimeout(() => {
      timers.delete(db);
      const previous = running.get(db) ?? Promise.resolve();
      // A pass that fails (the connection closing) leaves its lists for the next one.
      const pass = previous.then(() =>
        indexPendingWords(db).then(
          () => {},
          () => {},
        ),
      );
      running.set(db, pass);
    }, delay),
  );
}

/** Resolves once the pass scheduled or running on `db` is over (tests, benches). */
export async function wordsIndexed(db: ProspectorDatabase): Promise<void> {
  if (timers.has(db)) {
    clearTimeout(timers.get(db));
    timers.delete(db);
    running.set(
      db,
      (running.get(db) ?? Promise.resolve()).then(() =>
        indexPendingWords(db).then(
          () => {},
          () => {},
        ),
      ),
    );
  }
  await running.get(db);
}
