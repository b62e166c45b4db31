import { unwrap } from 'idb';
import { AppError, toAppError } from '@/lib/errors';
import { createLead, mergeLead, sortTouches } from '@/lib/lead/merge';
import { canonicalLinks, type PreparedDraft, prepareDraft } from '@/lib/lead/prepare';
import {
  EDITABLE_FIELDS,
  type Lead,
  type LeadDraft,
  LeadSchema,
  OriginSchema,
  StageSchema,
  type Touch,
  TouchSchema,
} from '@/lib/lead/schema';
import { foldText } from '@/lib/normalize';
import type {
  ImportSummary,
  LeadPage,
  LeadQuery,
  LeadRepository,
  LeadSort,
  NewTouch,
  SaveOptions,
  SaveResult,
} from './api';
import { notifyLeadsChanged } from './changes';
import type { ProspectorDatabase, ProspectorDB } from './database';
import { dedupeKeys, type LeadRow, NO_VALUE, toRow, words } from './rows';

/** How long removed leads can be restored (the trash is purged lazily after that). */
export const RESTORE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Drafts looked up per round of saveMany: their index lookups are issued together. */
const SAVE_CHUNK = 250;
/** Up to this many matches, a filtered or searched query sorts the matches in memory. */
const SMALL_SET = 600;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export interface RepositoryDeps {
  now: () => string;
  uuid: () => string;
}

const defaultDeps: RepositoryDeps = {
  now: () => new Date().toISOString(),
  uuid: () => crypto.randomUUID(),
};

type SortField = 'updated' | 'created' | 'name' | 'company' | 'follow' | 'fit';
type SortIndex = 'by-updated' | 'by-created' | 'by-name' | 'by-company' | 'by-follow' | 'by-fit';
const SORTS: Record<LeadSort, { index: SortIndex; field: SortField; direction: 'asc' | 'desc' }> = {
  updated: { index: 'by-updated', field: 'updated', direction: 'desc' },
  created: { index: 'by-created', field: 'created', direction: 'desc' },
  name: { index: 'by-name', field: 'name', direction: 'asc' },
  company: { index: 'by-company', field: 'company', direction: 'asc' },
  followUp: { index: 'by-follow', field: 'follow', direction: 'asc' },
  fit: { index: 'by-fit', field: 'fit', direction: 'desc' },
};

type SortKey = [string | number, string];

/** Parses a stored lead; null when the record does not satisfy LeadSchema (corrupt). */
export function readLead(row: LeadRow | undefined): Lead | null {
  if (!row) return null;
  const parsed = LeadSchema.safeParse(row.lead);
  return parsed.success ? parsed.data : null;
}

function corrupt(id: string): AppError {
  return new AppError(
    'corrupt',
    `The stored lead ${id} is damaged and cannot be shown. It was kept as it is; export a backup and contact support.`,
  );
}

function notFound(id: string): AppError {
  return new AppError('not-found', `No lead with id ${id}`);
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toAppError(err);
  }
}

function ignore(promise: Promise<unknown>): void {
  // The transaction's own promise (tx.done) reports the failure; this avoids an unhandled rejection.
  promise.catch(() => {});
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

function sortKeyOf(row: LeadRow, field: SortField): SortKey {
  return [row[field], row.id];
}

function encodeCursor(sort: LeadSort, direction: string, key: SortKey): string {
  return JSON.stringify([sort, direction, key[0], key[1]]);
}

function decodeCursor(cursor: string | null | undefined, sort: LeadSort, direction: string): SortKey | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(cursor);
    if (
      Array.isArray(value) &&
      value.length === 4 &&
      value[0] === sort &&
      value[1] === direction &&
      (typeof value[2] === 'string' || typeof value[2] === 'number') &&
      typeof value[3] === 'string'
    ) {
      return [value[2], value[3]];
    }
  } catch {
    // fall through
  }
  throw new AppError('invalid', 'This page cursor belongs to another query; start from the first page.');
}

function intersect(sets: Set<string>[]): Set<string> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  const out = new Set<string>();
  for (const id of smallest) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

type NativeIndexWithRecords = IDBIndex & {
  getAllRecords?: (options: {
    query?: IDBKeyRange | null;
    count?: number;
    direction?: IDBCursorDirection;
  }) => IDBRequest<{ key: IDBValidKey; primaryKey: IDBValidKey; value: LeadRow }[]>;
};

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Reads up to `count` rows of a sort index after `after`, in index order. Chromium 141+
 * has getAllRecords with a direction (one request); elsewhere ascending pages use getAll
 * and descending ones a cursor.
 */
async function readSorted(
  index: IDBIndex,
  direction: 'asc' | 'desc',
  after: SortKey | null,
  count: number,
): Promise<LeadRow[]> {
  const range = after
    ? direction === 'asc'
      ? IDBKeyRange.lowerBound(after, true)
      : IDBKeyRange.upperBound(after, true)
    : null;
  const native = index as NativeIndexWithRecords;
  if (typeof native.getAllRecords === 'function') {
    const records = await request(
      native.getAllRecords({ query: range, count, direction: direction === 'asc' ? 'next' : 'prev' }),
    );
    return records.map((r) => r.value);
  }
  if (direction === 'asc') return request(index.getAll(range, count) as IDBRequest<LeadRow[]>);
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

/** The LeadRepository on IndexedDB. `open` gives the (shared, cached) connection. */
export function createLeadRepository(
  open: () => Promise<ProspectorDatabase>,
  deps: RepositoryDeps = defaultDeps,
): LeadRepository {
  async function writeDrafts(
    prepared: PreparedDraft[],
    options: SaveOptions & { onProgress?: (done: number) => void },
  ): Promise<SaveResult[]> {
    const db = await open();
    const now = deps.now();
    const by = options.by ?? 'capture';
    const tx = db.transaction('leads', 'readwrite');
    const store = tx.objectStore('leads');
    const byKey = store.index('by-key');
    // Rows written earlier in this transaction, so duplicates inside one batch merge too.
    const written = new Map<string, LeadRow>();
    const keyOwner = new Map<string, string>();
    const results: SaveResult[] = [];
    // Lookup and write share ONE readwrite transaction: IndexedDB runs overlapping readwrite
    // transactions on a store one after another, so two contexts saving the same person
    // at once cannot both miss the other's record.
    for (let start = 0; start < prepared.length; start += SAVE_CHUNK) {
      const chunk = prepared.slice(start, start + SAVE_CHUNK);
      const chunkKeys = chunk.map((p) => dedupeKeys(p.draft));
      const found = await Promise.all(
        chunkKeys.map((keys) => Promise.all(keys.map((k) => (keyOwner.has(k) ? [] : byKey.getAllKeys(k))))),
      );
      const missing = [...new Set(found.flat(2))].filter((id) => !written.has(id));
      const stored = new Map<string, LeadRow | undefined>(
        await Promise.all(missing.map(async (id) => [id, await store.get(id)] as const)),
      );
      chunk.forEach((draft, i) => {
        const keys = chunkKeys[i] ?? [];
        const ids = new Set<string>(found[i]?.flat() ?? []);
        for (const k of keys) {
          const owner = keyOwner.get(k);
          if (owner) ids.add(owner);
        }
        // The merge target: the record sharing most keys, then the oldest; corrupt records are never rewritten.
        let target: { row: LeadRow; lead: Lead; shared: number } | null = null;
        for (const id of ids) {
          const row = written.get(id) ?? stored.get(id);
          const lead = readLead(row);
          if (!row || !lead) continue;
          const shared = keys.filter((k) => row.keys.includes(k)).length;
          if (!target || shared > target.shared || (shared === target.shared && row.created < target.row.created)) {
            target = { row, lead, shared };
          }
        }
        let result: SaveResult;
        if (target) {
          const merged = mergeLead(target.lead, draft, { by, now, source: options.source });
          result = { lead: merged.lead, outcome: merged.changed ? 'merged' : 'unchanged' };
          if (!merged.changed) {
            results.push(result);
            return;
          }
        } else {
          result = {
            lead: createLead(draft, { by, now, source: options.source, id: deps.uuid() }),
            outcome: 'created',
          };
        }
        const row = toRow(result.lead);
        ignore(store.put(row));
        written.set(row.id, row);
        for (const k of row.keys) keyOwner.set(k, row.id);
        results.push(result);
      });
      options.onProgress?.(Math.min(prepared.length, start + chunk.length));
    }
    await tx.done;
    const ids = results.filter((r) => r.outcome !== 'unchanged').map((r) => r.lead.id);
    if (ids.length > 0) notifyLeadsChanged({ type: 'saved', ids: [...new Set(ids)] });
    return results;
  }

  /** Runs a read-modify-write of one lead in one readwrite transaction. */
  async function modify(id: string, change: (lead: Lead) => Lead): Promise<Lead> {
    const db = await open();
    const tx = db.transaction('leads', 'readwrite');
    const row = await tx.store.get(id);
    if (!row) {
      tx.abort();
      throw notFound(id);
    }
    const lead = readLead(row);
    if (!lead) {
      tx.abort();
      throw corrupt(id);
    }
    let next: Lead;
    try {
      next = LeadSchema.parse(change(lead));
    } catch (err) {
      tx.abort();
      throw err;
    }
    ignore(tx.store.put(toRow(next)));
    await tx.done;
    notifyLeadsChanged({ type: 'updated', ids: [id] });
    return next;
  }

  function toTouch(touch: NewTouch): Touch {
    return TouchSchema.parse({ ...touch, id: touch.id ?? deps.uuid() });
  }

  function withTouch(lead: Lead, touch: Touch, now: string): Lead {
    const touches = sortTouches([...lead.touches.filter((t) => t.id !== touch.id), touch]);
    const last = touches.at(-1);
    return { ...lead, touches, channel: last?.channel ?? lead.channel, updatedAt: now };
  }

  async function idsFor(index: IDBIndex, query: IDBValidKey | IDBKeyRange): Promise<Set<string>> {
    return new Set((await request(index.getAllKeys(query))) as string[]);
  }

  async function runQuery(query: LeadQuery): Promise<LeadPage> {
    const sort = query.sort ?? 'updated';
    const spec = SORTS[sort];
    if (!spec) throw new AppError('invalid', `Unknown sort ${String(sort)}`);
    const direction = query.direction ?? spec.direction;
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit ?? DEFAULT_LIMIT)));
    const after = decodeCursor(query.cursor, sort, direction);
    const terms = [...new Set(words(query.text ?? ''))];
    const origin = query.origin === undefined ? undefined : OriginSchema.parse(query.origin);
    const tag = query.tag ? foldText(query.tag.trim()) : undefined;
    const due = query.dueBefore ? new Date(query.dueBefore) : undefined;
    if (due && Number.isNaN(due.getTime())) throw new AppError('invalid', 'dueBefore is not a date');
    const dueIso = due?.toISOString();

    const db = await open();
    const tx = db.transaction('leads', 'readonly');
    const store = unwrap(tx.objectStore('leads'));
    const index = (name: keyof ProspectorDB['leads']['indexes']) => store.index(name);

    // Filters as [index, key] pairs: each gives the ids it matches, in one request.
    const filters: [IDBIndex, IDBValidKey | IDBKeyRange][] = [];
    for (const term of terms) filters.push([index('by-word'), IDBKeyRange.bound(term, `${term}${NO_VALUE}`)]);
    if (query.stage) filters.push([index('by-stage'), query.stage]);
    if (tag) filters.push([index('by-tag'), tag]);
    if (origin) filters.push([index('by-origin'), origin]);
    if (dueIso) filters.push([index('by-follow'), IDBKeyRange.upperBound([dueIso, NO_VALUE])]);

    const sortIndex = index(spec.index);
    const inOrder = (a: LeadRow, b: LeadRow) => {
      const c = compareKeys(sortKeyOf(a, spec.field), sortKeyOf(b, spec.field));
      return direction === 'asc' ? c : -c;
    };
    const isAfter = (row: LeadRow) => {
      if (!after) return true;
      const c = compareKeys(sortKeyOf(row, spec.field), after);
      return direction === 'asc' ? c > 0 : c < 0;
    };

    let total: number;
    let rows: LeadRow[];
    if (filters.length === 0) {
      [total, rows] = await Promise.all([request(store.count()), readSorted(sortIndex, direction, after, limit + 1)]);
    } else {
      let matches: Set<string> | null = null;
      const [first] = filters;
      if (filters.length === 1 && first && terms.length === 0) {
        total = await request(first[0].count(first[1]));
        if (total <= SMALL_SET) {
          const all = (await request(first[0].getAll(first[1]))) as LeadRow[];
          rows = all
            .filter(isAfter)
            .sort(inOrder)
            .slice(0, limit + 1);
          return finish(rows, total);
        }
      } else {
        matches = intersect(await Promise.all(filters.map(([i, k]) => idsFor(i, k))));
        total = matches.size;
        if (total <= SMALL_SET) {
          const all = await Promise.all([...matches].map((id) => request(store.get(id) as IDBRequest<LeadRow>)));
          rows = all
            .filter((r): r is LeadRow => Boolean(r))
            .filter(isAfter)
            .sort(inOrder)
            .slice(0, limit + 1);
          return finish(rows, total);
        }
      }
      // Many matches: walk the sort index from the cursor, keeping matching rows, in growing batches.
      const keep = matches
        ? (row: LeadRow) => matches.has(row.id)
        : (row: LeadRow) =>
            (!query.stage || row.lead.stage === query.stage) &&
            (!tag || row.tags.includes(tag)) &&
            (!origin || row.lead.origin === origin) &&
            (!dueIso || row.follow <= dueIso);
      const allCount = await request(store.count());
      const share = Math.max(total / Math.max(allCount, 1), 0.01);
      let batch = Math.min(5000, Math.ceil(((limit + 1) / share) * 1.3));
      let position = after;
      rows = [];
      for (;;) {
        const chunk = await readSorted(sortIndex, direction, position, batch);
        for (const row of chunk) if (keep(row)) rows.push(row);
        const last = chunk.at(-1);
        if (rows.length > limit || chunk.length < batch || !last) break;
        position = sortKeyOf(last, spec.field);
        batch = Math.min(5000, batch * 2);
      }
      rows = rows.slice(0, limit + 1);
    }
    return finish(rows, total);

    function finish(found: LeadRow[], count: number): LeadPage {
      const page = found.slice(0, limit);
      const last = page.at(-1);
      const leads = page.map(readLead).filter((l): l is Lead => l !== null);
      return {
        leads,
        total: count,
        cursor: found.length > limit && last ? encodeCursor(sort, direction, sortKeyOf(last, spec.field)) : null,
      };
    }
  }

  const repository: LeadRepository = {
    save: (draft, options = {}) =>
      guard(async () => {
        const [result] = await writeDrafts([prepareDraft(draft)], options);
        if (!result) throw new AppError('internal', 'save returned nothing');
        return result;
      }),

    saveMany: (drafts, options = {}) =>
      guard(async () => {
        const prepared = drafts.map((d, i) => {
          try {
            return prepareDraft(d);
          } catch (err) {
            const e = toAppError(err);
            throw new AppError(e.code, `lead ${i + 1}: ${e.message}`, { cause: err });
          }
        });
        const results = await writeDrafts(prepared, options);
        const summary: ImportSummary = { created: 0, merged: 0, unchanged: 0, results };
        for (const r of results) summary[r.outcome]++;
        return summary;
      }),

    findDuplicates: (draft) =>
      guard(async () => {
        const keys = dedupeKeys(prepareDraft(draft).draft);
        const db = await open();
        const tx = db.transaction('leads', 'readonly');
        const ids = new Set((await Promise.all(keys.map((k) => tx.store.index('by-key').getAllKeys(k)))).flat());
        const rows = await Promise.all([...ids].map((id) => tx.store.get(id)));
        return rows.map(readLead).filter((l): l is Lead => l !== null);
      }),

    get: (id) =>
      guard(async () => {
        const db = await open();
        const row = await db.get('leads', id);
        if (!row) return undefined;
        const lead = readLead(row);
        if (!lead) throw corrupt(id);
        return lead;
      }),

    update: (id, patch) =>
      guard(async () => {
        const now = deps.now();
        return modify(id, (lead) => {
          const next: Record<string, unknown> = { ...lead, ...patch, id: lead.id, createdAt: lead.createdAt };
          // An empty field in a form means "clear it".
          for (const [k, v] of Object.entries(patch)) if (v === '' || v === null || v === undefined) delete next[k];
          if (patch.links) next.links = canonicalLinks(patch.links);
          const { draft } = prepareDraft(next as LeadDraft);
          const patched = EDITABLE_FIELDS.filter((f) => Object.hasOwn(patch, f));
          const captured = { ...(lead.captured ?? {}) };
          for (const f of patched) delete captured[f];
          const updated: Lead = {
            ...(draft as Lead),
            id: lead.id,
            createdAt: lead.createdAt,
            version: lead.version,
            updatedAt: now,
            edited: [...new Set([...lead.edited, ...patched])],
          };
          if (Object.keys(captured).length > 0) updated.captured = captured;
          else delete updated.captured;
          return updated;
        });
      }),

    remove: (ids) =>
      guard(async () => {
        const db = await open();
        const token = deps.uuid();
        const now = deps.now();
        const tx = db.transaction(['leads', 'trash'], 'readwrite');
        const leadsStore = tx.objectStore('leads');
        const trash = tx.objectStore('trash');
        const rows = await Promise.all([...new Set(ids)].map((id) => leadsStore.get(id)));
        let removed = 0;
        for (const row of rows) {
          if (!row) continue;
          ignore(trash.put({ id: row.id, token, removedAt: now, row }));
          ignore(leadsStore.delete(row.id));
          removed++;
        }
        // Lazy purge: trash older than the restore window goes when something new is removed.
        const cutoff = new Date(Date.parse(now) - RESTORE_WINDOW_MS).toISOString();
        const expired = await trash.index('by-removed').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
        for (const key of expired) ignore(trash.delete(key));
        await tx.done;
        if (removed > 0)
          notifyLeadsChanged({ type: 'removed', ids: rows.filter((r): r is LeadRow => !!r).map((r) => r.id) });
        return { restoreToken: token, removed };
      }),

    restore: (token) =>
      guard(async () => {
        const db = await open();
        const cutoff = new Date(Date.parse(deps.now()) - RESTORE_WINDOW_MS).toISOString();
        const tx = db.transaction(['leads', 'trash'], 'readwrite');
        const entries = (await tx.objectStore('trash').index('by-token').getAll(token)).filter(
          (e) => e.removedAt >= cutoff,
        );
        if (entries.length === 0) {
          tx.abort();
          throw new AppError('not-found', 'Nothing to restore: the undo window has passed.');
        }
        for (const entry of entries) {
          const lead = readLead(entry.row);
          ignore(tx.objectStore('leads').put(lead ? toRow(lead) : entry.row));
          ignore(tx.objectStore('trash').delete(entry.id));
        }
        await tx.done;
        notifyLeadsChanged({ type: 'restored', ids: entries.map((e) => e.id) });
        return entries.length;
      }),

    setStage: (id, stage, touch) =>
      guard(async () => {
        const now = deps.now();
        const parsedStage = StageSchema.parse(stage);
        const parsedTouch = touch ? toTouch(touch) : undefined;
        return modify(id, (lead) => {
          const next = { ...lead, stage: parsedStage, updatedAt: now };
          return parsedTouch ? withTouch(next, parsedTouch, now) : next;
        });
      }),

    addTouch: (id, touch) =>
      guard(async () => {
        const now = deps.now();
        const parsed = toTouch(touch);
        return modify(id, (lead) => withTouch(lead, parsed, now));
      }),

    query: (query) => guard(() => runQuery(query)),

    count: () => guard(async () => (await open()).count('leads')),

    bulkPut: (leads) =>
      guard(async () => {
        const rows = leads.map((lead, i) => {
          const parsed = LeadSchema.safeParse(lead);
          if (!parsed.success) {
            const e = toAppError(parsed.error);
            throw new AppError('invalid', `lead ${i + 1}: ${e.message}`, { cause: parsed.error });
          }
          return toRow(parsed.data);
        });
        const db = await open();
        const tx = db.transaction('leads', 'readwrite');
        for (const row of rows) ignore(tx.store.put(row));
        await tx.done;
        notifyLeadsChanged({ type: 'saved', ids: rows.map((r) => r.id) });
      }),

    all: () => ({
      async *[Symbol.asyncIterator]() {
        let after: string | null = null;
        for (;;) {
          const db = await open();
          const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
          // One short transaction per page: a transaction cannot stay open across a consumer's awaits.
          const rows: LeadRow[] = await db.getAll('leads', range, 500);
          for (const row of rows) {
            const lead = readLead(row);
            if (lead) yield lead;
          }
          const last = rows.at(-1);
          if (rows.length < 500 || !last) return;
          after = last.id;
        }
      },
    }),

    tags: () =>
      guard(async () => {
        const db = await open();
        const out: string[] = [];
        let cursor = await db.transaction('leads').store.index('by-tag').openCursor(null, 'nextunique');
        while (cursor) {
          const folded = cursor.key;
          out.push(cursor.value.lead.tags.find((t) => foldText(t) === folded) ?? folded);
          cursor = await cursor.continue();
        }
        return out;
      }),

    clear: () =>
      guard(async () => {
        const db = await open();
        const tx = db.transaction(['leads', 'trash'], 'readwrite');
        await Promise.all([tx.objectStore('leads').clear(), tx.objectStore('trash').clear(), tx.done]);
        notifyLeadsChanged({ type: 'cleared', ids: [] });
      }),
  };
  return repository;
}
