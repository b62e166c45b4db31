import { unwrap } from 'idb';
import { AppError } from '@/lib/errors';
import { type Lead, LeadSchema, OriginSchema } from '@/lib/lead/schema';
import { foldText } from '@/lib/normalize';
import type { LeadPage, LeadQuery, LeadSort } from './api';
import { readLeadCount, repairLeadCount } from './counter';
import { compareKeys, decodeCursor, encodeCursor, type SortKey } from './cursor';
import { repairStub } from './damaged';
import type { ProspectorDatabase, ProspectorDB } from './database';
import { type LeadRow, NO_VALUE, queryWords, WORD_END } from './rows';
import { pendingWords, scheduleWordIndexing } from './words';

/**
 * One page of leads for a LeadQuery, read with indexes only, so the first page stays
 * well under a frame at 50,000 leads:
 * - every filter (each search word as a prefix range over the `words` store's `by-word-updated`
 *   multiEntry index of word + recency entries, stage, tag, origin, follow-up due) yields the matching ids with ONE
 *   getAllKeys (keys only, no records read); their intersection is the total;
 * - few matches: read them and sort in memory; many: walk the sort index's primary
 *   keys (again keys only) from the page cursor until the page is full, then read
 *   just those records.
 *
 * Why an IndexedDB word index and not MiniSearch kept in memory: the popup and the MV3
 * service worker live for seconds, so an in-memory index would be rebuilt from all
 * 50,000 records (hundreds of ms) on almost every open, and kept in sync in every
 * context. Whole folded words (not every prefix) are indexed and a prefix is a key
 * range: ~10 entries per lead instead of ~60, which keeps bulk inserts affordable.
 */

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
/**
 * Reading one record by id costs about as much as reading ~6 index keys (measured in
 * Chromium), so with M matches out of N leads, reading all M records (M gets) beats
 * walking the sort index (about page·N/M keys) when M² · 30 < page · N.
 */
const GET_COST_IN_KEYS = 6;
/** A single filter matching up to this many leads reads them all and sorts in memory. */
const DIRECT_ROWS = 300;
/**
 * A record costs ~8 index keys to read, so walking the sort index's rows for a single filter
 * beats reading the filter's ids when it matches at least ~8% of the leads.
 */
const ROW_WALK_SHARE = 0.08;

type SortField = 'updated' | 'created' | 'name' | 'company' | 'follow' | 'fit';
/** An index of `leads`, or the search words' index of the `words` store (v10). */
type IndexName = keyof ProspectorDB['leads']['indexes'] | 'by-word-updated';

/** Each sort's index and default direction; the index is built so the default direction is ascending. */
const SORTS: Record<LeadSort, { index: IndexName; field: SortField; direction: 'asc' | 'desc' }> = {
  updated: { index: 'by-updated', field: 'updated', direction: 'desc' },
  created: { index: 'by-created', field: 'created', direction: 'desc' },
  name: { index: 'by-name', field: 'name', direction: 'asc' },
  company: { index: 'by-company', field: 'company', direction: 'asc' },
  followUp: { index: 'by-follow', field: 'follow', direction: 'asc' },
  fit: { index: 'by-fit', field: 'fit', direction: 'desc' },
};

/** Parses a stored lead; null when the record does not satisfy LeadSchema (corrupt: skipped in lists). */
export function readLead(row: LeadRow | undefined): Lead | null {
  if (!row) return null;
  const parsed = LeadSchema.safeParse(row.lead);
  return parsed.success ? parsed.data : null;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function intersect(sets: Set<string>[]): Set<string> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  if (rest.length === 0) return smallest;
  const out = new Set<string>();
  for (const id of smallest) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

/**
 * Primary keys of a sort index in order from `after`, keeping those in `matches`, until
 * `need` are found. Forwards uses getAllKeys in growing batches (continuing from the
 * last key, read from its row); backwards (a non-default direction) a key cursor.
 */
async function walkKeys(
  store: IDBObjectStore,
  index: IDBIndex,
  field: SortField,
  forwards: boolean,
  after: SortKey | null,
  matches: Set<string> | null,
  need: number,
  share: number,
): Promise<string[]> {
  const out: string[] = [];
  if (!forwards) {
    return new Promise((resolve, reject) => {
      const req = index.openKeyCursor(after ? IDBKeyRange.upperBound(after, true) : null, 'prev');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return resolve(out);
        const id = cursor.primaryKey as string;
        if (!matches || matches.has(id)) out.push(id);
        if (out.length >= need) return resolve(out);
        cursor.continue();
      };
    });
  }
  let position = after;
  let batch = Math.min(20_000, Math.ceil((need / Math.max(share, 0.001)) * 1.25));
  for (;;) {
    const range = position ? IDBKeyRange.lowerBound(position, true) : null;
    const ids = (await request(index.getAllKeys(range, batch))) as string[];
    for (const id of ids) {
      if (!matches || matches.has(id)) {
        out.push(id);
        if (out.length >= need) return out;
      }
    }
    const lastId = ids.at(-1);
    if (ids.length < batch || lastId === undefined) return out;
    const last = (await request(store.get(lastId))) as LeadRow | undefined;
    if (!last) return out;
    position = [last[field], last.id];
    batch = Math.min(20_000, batch * 2);
  }
}

/** Up to `count` rows of an index range in reverse order (getAll reads forwards only). */
function readBackwards(index: IDBIndex, range: IDBKeyRange | null, count: number): Promise<LeadRow[]> {
  return new Promise((resolve, reject) => {
    const rows: LeadRow[] = [];
    const req = index.openCursor(range, 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || rows.length >= count) return resolve(rows);
      rows.push(cursor.value as LeadRow);
      cursor.continue();
    };
  });
}

/**
 * Rows of a sort index in order from `after` that satisfy `keep`, until `need` are found:
 * getAll in batches sized from the expected share of matches (forwards), a cursor backwards.
 */
async function walkRows(
  index: IDBIndex,
  field: SortField,
  forwards: boolean,
  after: SortKey | null,
  keep: (row: LeadRow) => boolean,
  need: number,
  share: number,
): Promise<LeadRow[]> {
  const out: LeadRow[] = [];
  let position = after;
  let batch = Math.min(2000, Math.ceil((need / Math.max(share, 0.01)) * 1.3));
  for (;;) {
    const range = position
      ? forwards
        ? IDBKeyRange.lowerBound(position, true)
        : IDBKeyRange.upperBound(position, true)
      : null;
    const rows = forwards
      ? ((await request(index.getAll(range, batch))) as LeadRow[])
      : await readBackwards(index, range, batch);
    for (const row of rows) {
      if (keep(row)) {
        out.push(row);
        if (out.length >= need) return out;
      }
    }
    const last = rows.at(-1);
    if (rows.length < batch || !last) return out;
    position = [last[field], last.id];
    batch = Math.min(2000, batch * 2);
  }
}

/**
 * Ids of the leads `owner` owns: the `by-owner` entries (v9) under that name, and when it is
 * `me`, also every lead without an entry (nobody named: this browser's, lib/lead/owner). Index
 * keys only; no row is read.
 */
async function ownedIds(store: IDBObjectStore, owner: string, me: string | undefined): Promise<Set<string>> {
  const byOwner = store.index('by-owner');
  const out = new Set((await request(byOwner.getAllKeys(owner))) as string[]);
  if (owner !== me) return out;
  const [all, named] = await Promise.all([request(store.getAllKeys()), request(byOwner.getAllKeys())]);
  const someone = new Set(named as string[]);
  for (const id of all as string[]) if (!someone.has(id)) out.add(id);
  return out;
}

/** Runs a query in one readonly transaction. */
export async function runQuery(db: ProspectorDatabase, query: LeadQuery): Promise<LeadPage> {
  const sort = query.sort ?? 'updated';
  const spec = SORTS[sort];
  if (!spec) throw new AppError('invalid', `Unknown sort ${String(sort)}`);
  const direction = query.direction ?? spec.direction;
  const forwards = direction === spec.direction;
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit ?? DEFAULT_LIMIT)));
  const after = decodeCursor(query.cursor, sort, direction);
  const terms = [...new Set(queryWords(query.text ?? ''))];
  const origin = query.origin === undefined ? undefined : OriginSchema.parse(query.origin);
  const tag = query.tag?.trim() ? foldText(query.tag.trim()) : undefined;
  const due = query.dueBefore ? new Date(query.dueBefore) : undefined;
  if (due && Number.isNaN(due.getTime())) throw new AppError('invalid', 'dueBefore is not a date');

  const tx = unwrap(db.transaction(['leads', 'words', 'meta'], 'readonly'));
  const store = tx.objectStore('leads');
  // The lead counter (v5): O(1), where IDBObjectStore.count walks every record in Chromium.
  let counted: Promise<number> | null = null;
  const leadCount = () => {
    counted ??= readLeadCount(store, tx.objectStore('meta'), () => void repairLeadCount(db));
    return counted;
  };
  const index = (name: IndexName) =>
    name === 'by-word-updated' ? tx.objectStore('words').index(name) : store.index(name);
  const filters: [IndexName, IDBValidKey | IDBKeyRange][] = [];
  /** The search term of each word filter, by its place in `filters`. */
  const termAt = new Map<number, string>();
  // A term that is a prefix of another (“jo jose”) adds nothing; skip it.
  for (const term of terms) {
    if (!terms.some((t) => t !== term && t.startsWith(term))) {
      termAt.set(filters.length, term);
      filters.push(['by-word-updated', IDBKeyRange.bound(term, `${term}${NO_VALUE}`)]);
    }
  }
  // Leads a bulk write left without their words record until its pass (./words.ts) are in no
  // word range yet: a search matches them by their words read here, and asks for the pass.
  const unindexed =
    termAt.size > 0 ? await pendingWords(tx.objectStore('words'), tx.objectStore('meta')) : new Map<string, string[]>();
  if (unindexed.size > 0) scheduleWordIndexing(db);
  // A stage is the [stage] prefix of by-stage-updated ([] sorts after every number and string).
  if (query.stage) filters.push(['by-stage-updated', IDBKeyRange.bound([query.stage], [query.stage, []])]);
  if (tag) filters.push(['by-tag', tag]);
  // Origin has two values and only inbound leads are in by-inbound (v8): "outbound" is every
  // lead not in it, so it excludes ids rather than listing them.
  if (origin === 'inbound') filters.push(['by-inbound', 1]);
  const outbound = origin === 'outbound';
  if (due) filters.push(['by-follow', IDBKeyRange.upperBound([due.toISOString(), NO_VALUE])]);
  const owned = query.owner ? await ownedIds(store, query.owner, query.me) : null;

  const sortIndex = index(spec.index);
  const keyOf = (row: LeadRow): SortKey => [row[spec.field], row.id];
  // Index order is the default direction; the other direction is its reverse.
  const inOrder = (a: LeadRow, b: LeadRow) => (forwards ? 1 : -1) * compareKeys(keyOf(a), keyOf(b));
  const isAfter = (row: LeadRow) => !after || (forwards ? 1 : -1) * compareKeys(keyOf(row), after) > 0;
  const getRows = async (ids: Iterable<string>) =>
    (await Promise.all([...ids].map((id) => request(store.get(id) as IDBRequest<LeadRow | undefined>)))).filter(
      (r): r is LeadRow => r !== undefined,
    );

  let total = 0;
  let rows: LeadRow[] = [];

  /**
   * The first page of a one-term search, newest first, when every index entry in the term's
   * prefix range belongs to ONE word (the first and last entries say so): each lead holds a
   * word once, so the range's count is the exact total and its first entries (word, then
   * recency, then id, like by-updated) are the page. Several words ("dire" → directeur,
   * director) can match one lead twice: false, and the general path counts distinct ids.
   * The entries' primary keys are the leads' ids (the `words` store is keyed by lead id).
   */
  async function oneWordPage(range: IDBKeyRange): Promise<boolean> {
    const words = index('by-word-updated');
    const [first, last] = await Promise.all([
      request(words.openKeyCursor(range)),
      request(words.openKeyCursor(range, 'prev')),
    ]);
    if (!first || !last) return true; // nothing matches: total 0, no rows
    const wordOf = (key: IDBValidKey) => String(key).slice(0, String(key).indexOf(WORD_END));
    if (wordOf(first.key) !== wordOf(last.key)) return false;
    const [count, ids] = await Promise.all([
      request(words.count(range)),
      request(words.getAllKeys(range, limit + 1) as IDBRequest<string[]>),
    ]);
    total = count;
    rows = await getRows(ids);
    return true;
  }

  if (owned) {
    ({ total, rows } = await byKeys());
  } else if (filters.length === 0 && !outbound) {
    const range = after ? (forwards ? IDBKeyRange.lowerBound(after, true) : IDBKeyRange.upperBound(after, true)) : null;
    const read = forwards
      ? request(sortIndex.getAll(range, limit + 1) as IDBRequest<LeadRow[]>)
      : getRows(await walkKeys(store, sortIndex, spec.field, false, after, null, limit + 1, 1));
    [total, rows] = await Promise.all([leadCount(), read]);
    if (rows.length > total || (!after && rows.length <= limit && rows.length !== total)) {
      // The counter disagrees with what this read saw: count for real and have it repaired.
      total = await request(store.count());
      void repairLeadCount(db);
    }
  } else if (filters.length === 0) {
    // Outbound alone: the lead count minus the inbound ones; a share this large is found by
    // walking the sort index's rows (a small one by the ids, like any other filter).
    const [stored, inbound] = await Promise.all([leadCount(), request(index('by-inbound').count())]);
    total = Math.max(0, stored - inbound);
    if (total / Math.max(stored, 1) >= ROW_WALK_SHARE) {
      const keep = (row: LeadRow) => row.inbound !== 1;
      rows = await walkRows(sortIndex, spec.field, forwards, after, keep, limit + 1, total / Math.max(stored, 1));
    } else ({ total, rows } = await byKeys());
  } else if (
    !outbound &&
    unindexed.size === 0 &&
    terms.length === 1 &&
    filters.length === 1 &&
    filters[0] &&
    sort === 'updated' &&
    forwards &&
    !after &&
    (await oneWordPage(filters[0][1] as IDBKeyRange))
  ) {
    // Set by oneWordPage: the first page of a search whose prefix matches a single word.
  } else if (!outbound && terms.length === 0 && filters.length === 1 && filters[0]) {
    // One filter (a stage tab, a tag, "follow-up due"): its count is exact (tags are unique
    // per lead), so no id set is needed; the page comes from an index walk over rows.
    const [name, key] = filters[0];
    const predicate = (row: LeadRow) =>
      (!query.stage || row.lead.stage === query.stage) &&
      (!tag || row.tags.includes(tag)) &&
      (origin !== 'inbound' || row.inbound === 1) &&
      (!due || row.follow <= due.toISOString());
    const counting = request(index(name).count(key));
    if (name === 'by-stage-updated' && sort === 'updated' && query.stage) {
      // The stage pipeline view: one compound index gives the page in one request (v3).
      const stage = query.stage;
      const stageIndex = index('by-stage-updated');
      const bound = (k: SortKey | null, edge: number) => (k ? [stage, k[0], k[1]] : [stage, edge]);
      const range = forwards
        ? IDBKeyRange.bound(bound(after, -Infinity), [stage, Infinity], Boolean(after), false)
        : IDBKeyRange.bound([stage, -Infinity], bound(after, Infinity), false, Boolean(after));
      const read = forwards
        ? request(stageIndex.getAll(range, limit + 1) as IDBRequest<LeadRow[]>)
        : readBackwards(stageIndex, range, limit + 1);
      [total, rows] = await Promise.all([counting, read]);
    } else if (name === 'by-follow' && sort === 'followUp' && due) {
      // "Follow-up due" by follow-up date: the filter's index is the sort's, so its range
      // holds the page in order (one getAll) instead of reading every due lead.
      const top = [due.toISOString(), NO_VALUE];
      const range = forwards
        ? IDBKeyRange.bound(after ?? [''], top, Boolean(after), false)
        : IDBKeyRange.upperBound(after ?? top, Boolean(after));
      const followIndex = index('by-follow');
      const read = forwards
        ? request(followIndex.getAll(range, limit + 1) as IDBRequest<LeadRow[]>)
        : readBackwards(followIndex, range, limit + 1);
      [total, rows] = await Promise.all([counting, read]);
    } else {
      const [matching, stored] = await Promise.all([counting, leadCount()]);
      total = matching;
      const all = Math.max(stored, matching, 1);
      if (total <= DIRECT_ROWS) {
        rows = ((await request(index(name).getAll(key))) as LeadRow[])
          .filter(isAfter)
          .sort(inOrder)
          .slice(0, limit + 1);
      } else if (total / all >= ROW_WALK_SHARE) {
        rows = await walkRows(sortIndex, spec.field, forwards, after, predicate, limit + 1, total / all);
      } else {
        rows = (await byKeys()).rows;
      }
    }
  } else {
    ({ total, rows } = await byKeys());
  }

  /**
   * The general path: ids of every filter by getAllKeys, intersected (less the inbound ids for
   * "outbound"); then the page in order: from the stage's ids when the sort is by update (its
   * index keys are [stage, updated, id], so its ids come in that order), else by reading the
   * matches or walking the sort index's keys, whichever reads less.
   */
  async function byKeys(): Promise<{ total: number; rows: LeadRow[] }> {
    const [lists, excluded] = await Promise.all([
      Promise.all(
        filters.length > 0
          ? filters.map(async ([name, key], i) => {
              const ids = (await request(index(name).getAllKeys(key))) as string[];
              const term = termAt.get(i);
              if (term !== undefined) {
                for (const [id, words] of unindexed) if (words.some((w) => w.startsWith(term))) ids.push(id);
              }
              return ids;
            })
          : owned
            ? []
            : [request(store.getAllKeys()) as Promise<string[]>],
      ),
      outbound ? request(index('by-inbound').getAllKeys()) : null,
    ]);
    const matches = intersect([...lists.map((ids) => new Set(ids)), ...(owned ? [owned] : [])]);
    if (excluded) for (const id of excluded as string[]) matches.delete(id);
    const count = matches.size;
    const stageAt = filters.findIndex(([name]) => name === 'by-stage-updated');
    const stageIds = lists[stageAt];
    if (sort === 'updated' && query.stage && stageIds && count > limit + 1) {
      return { total: count, rows: await getRows(await inStageOrder(query.stage, stageIds, matches)) };
    }
    const all = Math.max(count, await leadCount());
    if (count * count * GET_COST_IN_KEYS <= (limit + 1) * all || count <= limit + 1) {
      const found = (await getRows(matches))
        .filter(isAfter)
        .sort(inOrder)
        .slice(0, limit + 1);
      return { total: count, rows: found };
    }
    const ids = await walkKeys(store, sortIndex, spec.field, forwards, after, matches, limit + 1, count / all);
    return { total: count, rows: await getRows(ids) };
  }

  /**
   * The first limit + 1 of `matches` in update order, from the stage's ids (`stageIds`, the
   * whole stage in index order): after a page cursor, the stage's ids past it, in one more read.
   */
  async function inStageOrder(stage: string, stageIds: string[], matches: Set<string>): Promise<string[]> {
    let ordered = stageIds;
    if (after) {
      const range = forwards
        ? IDBKeyRange.bound([stage, after[0], after[1]], [stage, []], true, false)
        : IDBKeyRange.bound([stage], [stage, after[0], after[1]], false, true);
      ordered = (await request(index('by-stage-updated').getAllKeys(range))) as string[];
    }
    const out: string[] = [];
    for (let i = 0; i < ordered.length && out.length <= limit; i++) {
      const id = ordered[forwards ? i : ordered.length - 1 - i] as string;
      if (matches.has(id)) out.push(id);
    }
    return out;
  }

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    // A damaged row stays in the page (and the total) as a "needs repair" placeholder.
    leads: page.map((row) => readLead(row) ?? repairStub(row)),
    total,
    cursor: rows.length > limit && last ? encodeCursor(sort, direction, keyOf(last)) : null,
  };
}
