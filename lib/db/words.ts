import type { ProspectorDatabase } from './database';
import { indexedWords, type LeadRow, recentWords, searchWords } from './rows';

/**
 * Search words written after a bulk write (BulkPutOptions.deferWords, a first pull of the team's
 * list). Their multiEntry entries are the biggest part of writing a lead (bench/README.md: about
 * half of a bulk put), so a first pull stores rows without `recent`, and lists their ids under
 * PENDING_PREFIX in the `meta` store, in the same transaction. A pass after the bulk writes
 * (scheduleWordIndexing, and any search that finds pending ids) gives those rows their words.
 * Meanwhile a search stays exact: it matches the rows still without words by reading them
 * (pendingWords), on top of the index. A row written again by any other path gets its words
 * then, and the pass skips it.
 */

export const PENDING_PREFIX = 'wordsPending:';

/** Every pending list in `meta`. */
export function pendingKeys(): IDBKeyRange {
  return IDBKeyRange.bound(PENDING_PREFIX, `${PENDING_PREFIX}\uffff`);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The search words of the rows still waiting for theirs, by id, read in the caller's
 * transaction (raw stores); empty when nothing waits (one key read of `meta`).
 */
export async function pendingWords(leads: IDBObjectStore, meta: IDBObjectStore): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const lists = (await request(meta.getAll(pendingKeys()))) as unknown[];
  const ids = new Set(lists.flatMap((list) => (Array.isArray(list) ? list : [])));
  if (ids.size === 0) return out;
  const rows = await Promise.all([...ids].map((id) => request(leads.get(id) as IDBRequest<LeadRow | undefined>)));
  for (const row of rows) {
    if (!row || row.recent) continue;
    try {
      out.set(row.id, searchWords(row.lead));
    } catch {
      // A damaged row has no words to match (its repair writes them).
    }
  }
  return out;
}

/** Gives the rows of the pending lists their search words, a list per transaction; resolves to the rows written. */
export async function indexPendingWords(db: ProspectorDatabase): Promise<number> {
  let written = 0;
  for (;;) {
    const tx = db.transaction(['leads', 'meta'], 'readwrite');
    const cursor = await tx.objectStore('meta').openCursor(pendingKeys());
    if (!cursor) {
      await tx.done;
      return written;
    }
    const ids = Array.isArray(cursor.value) ? (cursor.value as string[]) : [];
    const leads = tx.objectStore('leads');
    const rows = await Promise.all(ids.map((id) => leads.get(id)));
    for (const row of rows) {
      if (!row || row.recent) continue;
      try {
        const recent = recentWords(indexedWords(row.lead), row.updated);
        void leads.put({ ...row, recent }).catch(() => {});
        written++;
      } catch {
        // A damaged row stays as it is.
      }
    }
    void cursor.delete().catch(() => {});
    await tx.done;
  }
}

/**
 * After this long without another deferred write the pass starts: a first pull writes a page
 * every few hundred ms, and the pass would only compete with it for the database.
 */
export const WORDS_DELAY_MS = 2000;

const timers = new WeakMap<ProspectorDatabase, ReturnType<typeof setTimeout>>();
const running = new WeakMap<ProspectorDatabase, Promise<void>>();

/** Runs indexPendingWords once writes have paused for `delay` ms (again if another write comes meanwhile). */
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
