import { unwrap } from 'idb';
import { AppError, toAppError } from '@/lib/errors';
import { describeIssues } from '@/lib/lead/issues';
import { addTrim, type TrimReport } from '@/lib/lead/limits';
import { createLeadReport, markHandEdits, mergeLead, sortTouches } from '@/lib/lead/merge';
import { canonicalLinks, type PreparedDraft, prepareDraft } from '@/lib/lead/prepare';
import {
  EDITABLE_FIELDS,
  type Lead,
  type LeadDraft,
  LeadSchema,
  StageSchema,
  type Touch,
  TouchSchema,
} from '@/lib/lead/schema';
import { appendNotes } from '@/lib/lead/urls';
import { foldText } from '@/lib/normalize';
import type { ImportSummary, LeadRepository, NewTouch, SaveOptions, SaveResult, TrimSummary } from './api';
import { notifyLeadsChanged } from './changes';
import { readLeadCount, repairLeadCount, writeLeadCount } from './counter';
import { recordProblems } from './damaged';
import { LEAD_COUNT_KEY, type ProspectorDatabase } from './database';
import { readLead, runQuery } from './query';
import { aliasKey, dedupeKeys, type LeadRow, toRow } from './rows';
import { SCAN_PAGE, scanRows } from './scan';

/** How long removed leads can be restored (the trash is purged lazily after that). */
export const RESTORE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Drafts looked up per round of saveMany: their index lookups are issued together. */
const SAVE_CHUNK = 250;
/** Drafts merged and put between two checks of the slice time when no lookups are needed. */
const WRITE_CHUNK = 25;
/** Rows read by getAll in the time of one separate request (measured in Chromium at 50,000 leads). */
const SCAN_ROWS_PER_REQUEST = 0.5;
/** Up to this many rows, bulkPut checks which ids are new one by one; above, it recounts at the end. */
const BULK_KEY_CHECKS = 2000;
/** Main-thread work between two turns for the page: well under the 50 ms of a "long task". */
const SLICE_MS = 20;

/**
 * Turns for the page inside a readwrite transaction, where only the transaction's own
 * requests may be awaited. Each call is given the last put issued so far and awaits the
 * one of the PREVIOUS call when it is still pending, so IndexedDB always has a slice of
 * puts queued while the page has its turn; when that one is done it awaits the new one.
 * Awaiting a put rather than a read keeps reads out of the write batch.
 */
function transactionTurns(): (lastPut: Promise<unknown>) => Promise<void> {
  let previous: { done: boolean; promise: Promise<unknown> } | null = null;
  return async (lastPut) => {
    const probe = { done: false, promise: lastPut };
    lastPut.then(
      () => {
        probe.done = true;
      },
      () => {},
    );
    const wait = previous && !previous.done ? previous : probe;
    previous = probe;
    await wait.promise;
  };
}

export interface RepositoryDeps {
  now: () => string;
  uuid: () => string;
}

const defaultDeps: RepositoryDeps = {
  now: () => new Date().toISOString(),
  uuid: () => crypto.randomUUID(),
};

/**
 * The row of a lead by id or, when absent, of the lead team sync merged that id into (its
 * alias): links, reminders and open detail views keep working after a dedupe (issue 15).
 */
async function rowOrAlias(
  store: {
    get(id: string): Promise<LeadRow | undefined>;
    index(name: 'by-key'): { get(key: string): Promise<LeadRow | undefined> };
  },
  id: string,
): Promise<LeadRow | undefined> {
  return (await store.get(id)) ?? (await store.index('by-key').get(aliasKey(id)));
}

function corrupt(id: string): AppError {
  return new AppError(
    'corrupt',
    `The stored lead ${id} is damaged and cannot be shown. It was kept as it is; export a backup and contact support.`,
  );
}

/**
 * The last check before any put: the record as it will be stored must satisfy LeadSchema, or
 * the row would vanish from every list, export and backup (issue 13). Throws AppError('invalid').
 */
function checkRecord(lead: Lead, where: string): void {
  const parsed = LeadSchema.safeParse(lead);
  if (parsed.success) return;
  const e = toAppError(parsed.error);
  throw new AppError('invalid', `${where}${e.message}`, { cause: parsed.error });
}

function hasTrim(trimmed: TrimReport): boolean {
  return Object.keys(trimmed).length > 0;
}

/** The import report's line about values dropped over the list limits; undefined when none were. */
function trimSummary(results: SaveResult[]): TrimSummary | undefined {
  const fields: TrimReport = {};
  let leadsTrimmed = 0;
  for (const r of results) {
    if (!r.trimmed) continue;
    leadsTrimmed++;
    addTrim(fields, r.trimmed);
  }
  if (leadsTrimmed === 0) return undefined;
  const values = Object.values(fields).reduce((a, b) => a + (b ?? 0), 0);
  return { leads: leadsTrimmed, values, fields };
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

/**
 * Deletes trash entries removed longer than RESTORE_WINDOW_MS before `now`, in a transaction
 * of the trash alone (reads of leads are not held up). The transaction starts before the first
 * await, so any later transaction on the trash sees the purge done.
 */
export async function purgeTrash(db: ProspectorDatabase, now: string): Promise<number> {
  const tx = db.transaction('trash', 'readwrite');
  const cutoff = new Date(Date.parse(now) - RESTORE_WINDOW_MS).toISOString();
  const expired = await tx.store.index('by-removed').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
  for (const key of expired) ignore(tx.store.delete(key));
  await tx.done;
  return expired.length;
}

/** Aborts a transaction on purpose (nothing written); its done promise then rejects, which is expected. */
function abort(tx: { done: Promise<void>; abort(): void }): void {
  ignore(tx.done);
  tx.abort();
}

function ignore(promise: Promise<unknown>): void {
  // The transaction's own promise (tx.done) reports the failure; this avoids an unhandled rejection.
  promise.catch(() => {});
}

/** The LeadRepository on IndexedDB. `open` gives the (shared, cached) connection. */
export function createLeadRepository(
  openConnection: () => Promise<ProspectorDatabase>,
  deps: RepositoryDeps = defaultDeps,
): LeadRepository {
  const purged = new WeakSet<ProspectorDatabase>();
  /**
   * The connection; the first use of each connection also purges trash past the restore
   * window (issue 13). On open rather than on an alarm: every context that can undo opens
   * the database first, so expired trash never outlives the next use, with no service worker
   * to wake; and only entries older than RESTORE_WINDOW_MS go, so an undo in its window works.
   */
  async function open(): Promise<ProspectorDatabase> {
    const db = await openConnection();
    if (!purged.has(db)) {
      purged.add(db);
      ignore(purgeTrash(db, deps.now()));
    }
    return db;
  }

  /**
   * Saves drafts in ONE readwrite transaction (all or nothing). Each chunk of drafts is
   * prepared (validation, normalisation, dedupe keys, the row a new lead would get) inside
   * the transaction, just before its lookups, merges and puts: IndexedDB writes the earlier
   * chunks (its index work is most of an import's time) while this thread prepares the next,
   * instead of idling through a separate preparation pass. Puts are issued without awaiting
   * each, and the page gets a turn every SLICE_MS, so a 50,000-row import never blocks it
   * for long. An invalid draft aborts the transaction: nothing is written.
   * Progress: `onProgress(done)` goes from 0 to drafts.length as drafts are written.
   */
  async function writeDrafts(
    drafts: readonly LeadDraft[],
    options: SaveOptions & { onProgress?: (done: number) => void },
  ): Promise<SaveResult[]> {
    const now = deps.now();
    const by = options.by ?? 'capture';
    const total = drafts.length;
    const progress = (done: number) => options.onProgress?.(Math.floor(done));
    const where = (i: number) => (total > 1 ? `lead ${i + 1}: ` : '');
    const prepare = (d: LeadDraft, i: number) => {
      let draft: PreparedDraft;
      try {
        draft = prepareDraft(d);
      } catch (err) {
        const e = toAppError(err);
        throw total > 1 ? new AppError(e.code, `${where(i)}${e.message}`, { cause: err }) : e;
      }
      const keys = dedupeKeys(draft.draft);
      // The row this draft gets if it matches nothing stored (most drafts of an import).
      const { lead, trimmed } = createLeadReport(draft, { by, now, source: options.source, id: deps.uuid() });
      return { draft, keys, created: toRow(lead, true, keys), trimmed, index: i };
    };

    const db = await open();
    // `meta` is in the scope: the lead counter changes in this same transaction.
    const tx = db.transaction(['leads', 'meta'], 'readwrite');
    const store = tx.objectStore('leads');
    const meta = unwrap(tx.objectStore('meta'));
    const byKey = store.index('by-key');
    // Rows written earlier in this transaction, so duplicates inside one batch merge too.
    const written = new Map<string, LeadRow>();
    const keyOwner = new Map<string, string>();
    const results: SaveResult[] = [];
    try {
      // Lookup and write share ONE readwrite transaction: IndexedDB runs overlapping readwrite
      // transactions on a store one after another, so two contexts saving the same person
      // at once cannot both miss the other's record.
      // A big batch (an import) reads every stored row's dedupe keys once instead of one index
      // request per key: reading a row costs about two separate requests in Chromium, so
      // scanning wins when there are more keys than twice the stored rows (always when empty).
      const storedCount = await readLeadCount(unwrap(store), meta);
      const scanned = total * 3 * SCAN_ROWS_PER_REQUEST > storedCount ? new Map<string, string[]>() : null;
      if (scanned) {
        let after: string | null = null;
        for (;;) {
          const rows: LeadRow[] = await store.getAll(
            after === null ? null : IDBKeyRange.lowerBound(after, true),
            SCAN_PAGE,
          );
          for (const row of rows) {
            for (const k of row.keys) {
              const owners = scanned.get(k);
              if (owners) owners.push(row.id);
              else scanned.set(k, [row.id]);
            }
          }
          const last = rows.at(-1);
          if (rows.length < SCAN_PAGE || !last) break;
          after = last.id;
        }
      }
      const turn = transactionTurns();
      let lastPut: Promise<unknown> = Promise.resolve();
      let sliceStart = performance.now();
      // Without lookups to await, a chunk is only merges and puts (a put clones its row on
      // this thread): small chunks keep each slice near SLICE_MS on a slow machine.
      const chunkSize = scanned ? WRITE_CHUNK : SAVE_CHUNK;
      for (let start = 0; start < total; start += chunkSize) {
        const chunk = drafts.slice(start, start + chunkSize).map((d, j) => prepare(d, start + j));
        let found: string[][][];
        if (scanned) {
          found = chunk.map((p) => p.keys.map((k) => scanned.get(k) ?? []));
        } else {
          found = await Promise.all(
            chunk.map((p) => Promise.all(p.keys.map((k) => (keyOwner.has(k) ? [] : byKey.getAllKeys(k))))),
          );
          sliceStart = performance.now();
        }
        const missing = [...new Set(found.flat(2))].filter((id) => !written.has(id));
        const stored = new Map<string, LeadRow | undefined>(
          missing.length === 0 ? [] : await Promise.all(missing.map(async (id) => [id, await store.get(id)] as const)),
        );
        if (missing.length > 0) sliceStart = performance.now();
        chunk.forEach(({ draft, keys, created, trimmed, index }, i) => {
          const ids = new Set<string>(found[i]?.flat() ?? []);
          for (const k of keys) {
            const owner = keyOwner.get(k);
            if (owner) ids.add(owner);
          }
          // The merge target: the record sharing most keys, then the oldest; corrupt records are never rewritten.
          let target: { row: LeadRow; lead: Lead; shared: number } | null = null;
          for (const id of ids) {
            const row = written.get(id) ?? stored.get(id);
            // Rows written in this call were built from validated leads: no second parse.
            const lead = row && written.has(id) ? row.lead : readLead(row);
            if (!row || !lead) continue;
            const shared = keys.filter((k) => row.keys.includes(k)).length;
            if (!target || shared > target.shared || (shared === target.shared && row.created < target.row.created)) {
              target = { row, lead, shared };
            }
          }
          let row: LeadRow;
          if (target) {
            const merged = mergeLead(target.lead, draft, { by, now, source: options.source });
            const result: SaveResult = { lead: merged.lead, outcome: merged.changed ? 'merged' : 'unchanged' };
            if (hasTrim(merged.trimmed)) result.trimmed = merged.trimmed;
            if (!merged.changed) {
              results.push(result);
              return;
            }
            checkRecord(merged.lead, where(index));
            results.push(result);
            row = toRow(merged.lead);
          } else {
            checkRecord(created.lead, where(index));
            row = created;
            results.push({ lead: created.lead, outcome: 'created', ...(hasTrim(trimmed) ? { trimmed } : {}) });
          }
          // A put that throws (e.g. a value that cannot be cloned) is caught below: the
          // transaction is aborted, so the puts already issued are undone.
          lastPut = store.put(row);
          ignore(lastPut);
          written.set(row.id, row);
          for (const k of row.keys) keyOwner.set(k, row.id);
        });
        progress(Math.min(total, start + chunk.length));
        if (performance.now() - sliceStart > SLICE_MS && start + chunkSize < total) {
          // Only when this slice wrote something (a slice of lookups has already yielded).
          if (written.size > 0) await turn(lastPut);
          sliceStart = performance.now();
        }
      }
      // A created lead has a fresh id (never stored); a merge rewrites a stored one.
      const created = results.filter((r) => r.outcome === 'created').length;
      if (created > 0) ignore(writeLeadCount(meta, storedCount + created));
    } catch (err) {
      abort(tx);
      throw err;
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
    const row = await rowOrAlias(tx.store, id);
    if (!row) {
      abort(tx);
      throw notFound(id);
    }
    const lead = readLead(row);
    if (!lead) {
      abort(tx);
      throw corrupt(id);
    }
    let next: Lead;
    try {
      const changed = change(lead);
      if (changed.stage !== lead.stage) {
        // Keep when each stage was reached (insights); capped like the schema says.
        changed.stageHistory = [...(lead.stageHistory ?? []), { stage: changed.stage, at: changed.updatedAt }].slice(
          -1000,
        );
      }
      next = LeadSchema.parse(changed);
    } catch (err) {
      abort(tx);
      throw err;
    }
    ignore(tx.store.put(toRow(next)));
    await tx.done;
    notifyLeadsChanged({ type: 'updated', ids: [next.id] });
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

  const repository: LeadRepository = {
    save: (draft, options = {}) =>
      guard(async () => {
        const [result] = await writeDrafts([draft], options);
        if (!result) throw new AppError('internal', 'save returned nothing');
        return result;
      }),

    saveMany: (drafts, options = {}) =>
      guard(async () => {
        const results = await writeDrafts(drafts, options);
        const summary: ImportSummary = { created: 0, merged: 0, unchanged: 0, results };
        for (const r of results) summary[r.outcome]++;
        const trimmed = trimSummary(results);
        if (trimmed) summary.trimmed = trimmed;
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
        const row = await rowOrAlias(db.transaction('leads', 'readonly').store, id);
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
          const { draft, keptAsText } = prepareDraft(next as LeadDraft);
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
          const notes = appendNotes(updated.notes, keptAsText);
          if (notes !== undefined) updated.notes = notes;
          if (Object.keys(captured).length > 0) updated.captured = captured;
          else delete updated.captured;
          return patch.tags || patch.links ? markHandEdits(lead, updated) : updated;
        });
      }),

    remove: (ids) =>
      guard(async () => {
        const db = await open();
        const token = deps.uuid();
        const now = deps.now();
        const tx = db.transaction(['leads', 'trash', 'meta'], 'readwrite');
        const leadsStore = tx.objectStore('leads');
        const trash = tx.objectStore('trash');
        const meta = unwrap(tx.objectStore('meta'));
        const [before, rows] = await Promise.all([
          readLeadCount(unwrap(leadsStore), meta),
          Promise.all([...new Set(ids)].map((id) => leadsStore.get(id))),
        ]);
        let removed = 0;
        for (const row of rows) {
          if (!row) continue;
          ignore(trash.put({ id: row.id, token, removedAt: now, row }));
          ignore(leadsStore.delete(row.id));
          removed++;
        }
        if (removed > 0) ignore(writeLeadCount(meta, before - removed));
        // Trash past the restore window also goes here (and on each context's first open).
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
        const tx = db.transaction(['leads', 'trash', 'meta'], 'readwrite');
        const meta = unwrap(tx.objectStore('meta'));
        const entries = (await tx.objectStore('trash').index('by-token').getAll(token)).filter(
          (e) => e.removedAt >= cutoff,
        );
        if (entries.length === 0) {
          abort(tx);
          throw new AppError('not-found', 'Nothing to restore: the undo window has passed.');
        }
        // Only ids not stored again since (e.g. by a backup restore) add to the count.
        const [before, present] = await Promise.all([
          readLeadCount(unwrap(tx.objectStore('leads')), meta),
          Promise.all(entries.map((e) => tx.objectStore('leads').getKey(e.id))),
        ]);
        const added = present.filter((key) => key === undefined).length;
        if (added > 0) ignore(writeLeadCount(meta, before + added));
        // A lead stored again since its removal (a backup restore, say) and newer than the
        // removed copy stays as it is: undo must not overwrite a later edit.
        const stored = await Promise.all(
          entries.map((e, i) => (present[i] === undefined ? undefined : tx.objectStore('leads').get(e.id))),
        );
        entries.forEach((entry, i) => {
          const current = stored[i];
          // `updated` is -updatedAt: a smaller one is newer.
          const keepCurrent = current && readLead(current) && current.updated <= entry.row.updated;
          if (!keepCurrent) {
            const lead = readLead(entry.row);
            ignore(tx.objectStore('leads').put(lead ? toRow(lead) : entry.row));
          }
          ignore(tx.objectStore('trash').delete(entry.id));
        });
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

    query: (query) => guard(async () => runQuery(await open(), query)),

    count: () =>
      guard(async () => {
        const db = await open();
        const tx = unwrap(db.transaction(['leads', 'meta'], 'readonly'));
        return readLeadCount(tx.objectStore('leads'), tx.objectStore('meta'), () => void repairLeadCount(db));
      }),

    bulkPut: (leads, options = {}) =>
      guard(async () => {
        // Validation and row building happen inside the transaction, between puts: IndexedDB
        // writes the rows already put (its index work is most of a bulk insert's time) while
        // this thread validates the next ones, instead of waiting for all of them first.
        // An invalid lead aborts the transaction, so nothing is written unless all are valid;
        // the page gets a turn every SLICE_MS.
        const db = await open();
        const tx = db.transaction(['leads', 'meta'], 'readwrite');
        const leadsStore = tx.objectStore('leads');
        const meta = unwrap(tx.objectStore('meta'));
        const ids: string[] = [];
        let kept = 0;
        try {
          // The counter: a small batch asks, before each put, whether its id is new (requests
          // run in order); a big restore recounts at the end (one walk, cheaper than a lookup
          // per row). Both inside this transaction.
          const checkKeys = leads.length <= BULK_KEY_CHECKS;
          const before = checkKeys ? readLeadCount(unwrap(leadsStore), meta) : null;
          // An abort (invalid lead) rejects these requests: the error thrown below is the answer.
          if (before) ignore(before);
          // keepNewer reads the stored record of ids already stored only (one key walk says
          // which), so a restore into an empty or unrelated profile reads nothing more.
          const stored = options.keepNewer ? new Set(await leadsStore.getAllKeys()) : null;
          const present: Promise<string | undefined>[] = [];
          const turn = transactionTurns();
          let sliceStart = performance.now();
          let lastPut: Promise<unknown> = Promise.resolve();
          for (let start = 0; start < leads.length; start += SAVE_CHUNK) {
            const rows = leads.slice(start, start + SAVE_CHUNK).map((lead, j) => {
              const parsed = LeadSchema.safeParse(lead);
              if (!parsed.success) {
                const e = toAppError(parsed.error);
                throw new AppError('invalid', `lead ${start + j + 1}: ${e.message}`, { cause: parsed.error });
              }
              return toRow(parsed.data);
            });
            const current = stored
              ? await Promise.all(rows.map((row) => (stored.has(row.id) ? leadsStore.get(row.id) : undefined)))
              : [];
            rows.forEach((row, j) => {
              const old = current[j];
              // `updated` is -updatedAt: a smaller one is newer. A damaged stored record is replaced.
              if (old && old.updated < row.updated && readLead(old)) {
                kept++;
                return;
              }
              ids.push(row.id);
              if (checkKeys) {
                const key = leadsStore.getKey(row.id);
                ignore(key);
                present.push(key);
              }
              lastPut = leadsStore.put(row);
              ignore(lastPut);
            });
            const done = Math.min(leads.length, start + SAVE_CHUNK);
            if (done < leads.length && performance.now() - sliceStart > SLICE_MS) {
              options.onProgress?.(done);
              await turn(lastPut);
              sliceStart = performance.now();
            }
          }
          options.onProgress?.(leads.length);
          if (before) {
            // A repeated id is new once at most: its second getKey already sees the first put.
            const added = (await Promise.all(present)).filter((key) => key === undefined).length;
            if (added > 0) ignore(writeLeadCount(meta, (await before) + added));
          } else if (ids.length > 0) {
            ignore(writeLeadCount(meta, await leadsStore.count()));
          }
        } catch (err) {
          abort(tx);
          throw err;
        }
        await tx.done;
        if (ids.length > 0)
          notifyLeadsChanged({ type: 'saved', ids: [...new Set(ids)], ...(options.by ? { by: options.by } : {}) });
        return { written: ids.length, kept };
      }),

    all: (options = {}) => ({
      async *[Symbol.asyncIterator]() {
        for await (const rows of scanRows(await open())) {
          for (const row of rows) {
            const lead = readLead(row);
            if (lead) yield lead;
            else options.onDamaged?.(row.lead);
          }
        }
      },
    }),

    inspect: (id) =>
      guard(async () => {
        const row = await (await open()).get('leads', id);
        return row ? { record: row.lead, problems: recordProblems(row.lead) } : undefined;
      }),

    repair: (id, record) =>
      guard(async () => {
        const parsed = LeadSchema.safeParse(record);
        if (!parsed.success) throw new AppError('invalid', describeIssues(parsed.error), { cause: parsed.error });
        if (parsed.data.id !== id) throw new AppError('invalid', `id: must stay ${id}`);
        const db = await open();
        const tx = db.transaction('leads', 'readwrite');
        if ((await tx.store.getKey(id)) === undefined) {
          abort(tx);
          throw notFound(id);
        }
        ignore(tx.store.put(toRow(parsed.data)));
        await tx.done;
        notifyLeadsChanged({ type: 'updated', ids: [id] });
        return parsed.data;
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

    setFitScores: (entries) =>
      guard(async () => {
        const scores = entries.map(({ id, fitScore }) => {
          if (fitScore !== undefined && !(Number.isFinite(fitScore) && fitScore >= 0 && fitScore <= 100)) {
            throw new AppError('invalid', `fitScore of ${id} must be 0..100`);
          }
          return { id, fitScore: fitScore === undefined ? undefined : Math.round(fitScore * 100) / 100 };
        });
        const db = await open();
        const tx = db.transaction('leads', 'readwrite');
        const rows = await Promise.all(scores.map(({ id }) => tx.store.get(id)));
        const ids: string[] = [];
        try {
          scores.forEach(({ id, fitScore }, i) => {
            const lead = readLead(rows[i]);
            if (!lead || lead.fitScore === fitScore) return;
            const next: Lead = { ...lead };
            if (fitScore === undefined) delete next.fitScore;
            else next.fitScore = fitScore;
            checkRecord(next, `${id}: `);
            ignore(tx.store.put(toRow(next)));
            ids.push(id);
          });
        } catch (err) {
          abort(tx);
          throw err;
        }
        await tx.done;
        if (ids.length > 0) notifyLeadsChanged({ type: 'updated', ids });
        return ids.length;
      }),

    clear: () =>
      guard(async () => {
        const db = await open();
        const tx = db.transaction(['leads', 'trash', 'meta'], 'readwrite');
        const [leadCount, trashCount] = await Promise.all([
          tx.objectStore('leads').count(),
          tx.objectStore('trash').count(),
          tx.objectStore('leads').clear(),
          tx.objectStore('trash').clear(),
          tx.objectStore('meta').put(0, LEAD_COUNT_KEY),
          tx.done,
        ]);
        notifyLeadsChanged({ type: 'cleared', ids: [] });
        return { leads: leadCount, trash: trashCount };
      }),
  };
  return repository;
}
