import type { ProspectorDatabase } from './database';
import { type LeadRow, toWords, WORD_END, type WordsRow } from './rows';
import { ignore } from './tx';

/**
 * The `words` store (v10): each lead's search words, a record per lead beside its row, written in
 * the same transaction by every write that changes the row's words or update time, and deleted
 * with the row, so search reads ids straight off its `by-word-updated` index.
 *
 * A bulk write of new leads (a team sync first pull, BulkPutOptions.deferWords) may leave their
 * words for a pass after it: the rows are put with their small indexes only, and their words
 * records go, as one value per write, under PENDING_PREFIX in `meta` in the same transaction. A
 * pass (scheduleWordIndexing, and any search that finds a list) puts them into `words`, which
 * costs only the words' own entries (a row rewrite, the reverted 57cc093, rewrote every index
 * entry of the row: 2.8x the work). Neither the pass nor a search reads the rows: a listed lead
 * that has a words record was written again since (that write's words are the current ones), and
 * a removed lead leaves the lists (removeLeads). Meanwhile a search stays exact: it matches the
 * listed words as the index would (pendingWords). bench/README.md has the figures.
 */

/** Key prefix in `meta` of a list of words records yet to be put into `words`. */
export const PENDING_PREFIX = 'wordsPending:';

/** Records per pending list: the pass puts a list per transaction, so other writes wait for one list at most. */
const PENDING_LIST = 500;

/**
 * A batch of drafts this big (an import) leaves its new leads' words to the pass: a capture of a
 * few leads writes them at once, so its leads never wait for a pass.
 */
export const DEFER_WORDS_AT = 500;

/** Lists `records` as pending under keys of `id` (unique per write), in the caller's readwrite transaction. */
export function listPending(meta: KeyedPuts, records: readonly WordsRow[], id: string): void {
  for (let i = 0; i < records.length; i += PENDING_LIST) {
    ignore(meta.put(records.slice(i, i + PENDING_LIST), `${PENDING_PREFIX}${id}:${i / PENDING_LIST}`));
  }
}

interface KeyedPuts {
  put(value: unknown, key: string): Promise<unknown>;
}

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

/**
 * Puts a new lead's row with its small indexes only and lists its words record in `pending`, for
 * the caller to list in `meta` (listPending) in the same transaction; resolves with the row's put.
 * Only for a lead not stored before: a stored one's words record must change with its row (putRow).
 */
export function putRowLater(leads: Puts<LeadRow>, pending: WordsRow[], row: LeadRow): Promise<unknown> {
  // A validated lead always has words; a damaged one gets none, as putRow gives it.
  const record = wordsOf(row);
  if (record) pending.push(record);
  return leads.put(row);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The records of a pending list (any other value: none). */
function listed(value: unknown): WordsRow[] {
  return Array.isArray(value) ? (value as WordsRow[]) : [];
}

/**
 * Above this many listed leads, a search reads every key of `words` once rather than asking for
 * each listed id's key (a first pull of 50,000 leads lists them all until its pass).
 */
const PENDING_KEY_READS = 1000;

/**
 * The search words (indexedWords, unstamped) of the listed leads without a words record yet, by
 * id, read in the caller's transaction (raw stores): what a search matches besides the index.
 * Empty when nothing waits (one key-range read of `meta`).
 */
export async function pendingWords(words: IDBObjectStore, meta: IDBObjectStore): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const records = ((await request(meta.getAll(pendingKeys()))) as unknown[]).flatMap(listed);
  if (records.length === 0) return out;
  // A listed lead written again since has a record: the index holds its current words.
  const indexed =
    records.length > PENDING_KEY_READS
      ? new Set((await request(words.getAllKeys())) as string[])
      : await recordIds(words, records);
  for (const { id, recent } of records) {
    if (indexed.has(id)) continue;
    out.set(
      id,
      recent.map((entry) => entry.slice(0, entry.indexOf(WORD_END))),
    );
  }
  return out;
}

/** The ids of `records` that have a words record, one key read each. */
async function recordIds(words: IDBObjectStore, records: readonly WordsRow[]): Promise<Set<string>> {
  const found = await Promise.all(records.map((r) => request(words.getKey(r.id))));
  return new Set(records.filter((_, i) => found[i] !== undefined).map((r) => r.id));
}

/**
 * Takes the removed ids out of the pending lists, in the removal's transaction: a lead removed and
 * then stored again must not get the words of its removed value from an old list.
 */
export function dropPending(meta: IDBObjectStore, ids: ReadonlySet<string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = meta.openCursor(pendingKeys());
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve();
      const records = listed(cursor.value);
      const kept = records.filter((r) => !ids.has(r.id));
      // A failed request aborts the transaction: the removal's own promise reports it.
      if (kept.length === 0) cursor.delete();
      else if (kept.length < records.length) cursor.update(kept);
      cursor.continue();
    };
  });
}

/**
 * Puts the pending lists' words records into `words`, a list per transaction, skipping a lead
 * that has one already (written again since); resolves to the records put.
 */
export async function indexPendingWords(db: ProspectorDatabase): Promise<number> {
  let written = 0;
  for (;;) {
    const tx = db.transaction(['words', 'meta'], 'readwrite');
    const cursor = await tx.objectStore('meta').openCursor(pendingKeys());
    if (!cursor) {
      await tx.done;
      return written;
    }
    const records = listed(cursor.value);
    const words = tx.objectStore('words');
    const have = await Promise.all(records.map((r) => words.getKey(r.id)));
    records.forEach((record, i) => {
      if (have[i] !== undefined) return;
      ignore(words.put(record));
      written++;
    });
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
      queuePass(db);
    }, delay),
  );
}

/** Runs a pass on `db` after the one running, if any. */
function queuePass(db: ProspectorDatabase): void {
  // A pass that fails (the connection closing) leaves its lists for the next one.
  const previous = running.get(db) ?? Promise.resolve();
  running.set(
    db,
    previous.then(() =>
      indexPendingWords(db).then(
        () => {},
        () => {},
      ),
    ),
  );
}

/**
 * Schedules the pass when lists are waiting (a context stopped before its pass ran: an MV3
 * service worker is stopped when idle); one readonly count of `meta` otherwise.
 */
export async function resumeWordIndexing(db: ProspectorDatabase): Promise<void> {
  if ((await db.count('meta', pendingKeys())) > 0) scheduleWordIndexing(db);
}

/** Resolves once the pass scheduled or running on `db` is over (tests, benches). */
export async function wordsIndexed(db: ProspectorDatabase): Promise<void> {
  if (timers.has(db)) {
    clearTimeout(timers.get(db));
    timers.delete(db);
    queuePass(db);
  }
  await running.get(db);
}
