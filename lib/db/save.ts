import { unwrap } from 'idb';
import { AppError, toAppError } from '@/lib/errors';
import { addTrim, type TrimReport } from '@/lib/lead/limits';
import { createLeadReport, mergeLead } from '@/lib/lead/merge';
import { type PreparedDraft, prepareDraft } from '@/lib/lead/prepare';
import type { Lead, LeadDraft } from '@/lib/lead/schema';
import type { ImportSummary, SaveOptions, SaveResult, TrimSummary } from './api';
import { notifyLeadsChanged } from './changes';
import { readLeadCount, writeLeadCount } from './counter';
import { readLead } from './query';
import { dedupeKeys, type LeadRow, toRow, type WordsRow } from './rows';
import { SCAN_PAGE } from './scan';
import { abort, checkRecord, ignore, SAVE_CHUNK, SLICE_MS, type StoreContext, transactionTurns } from './tx';
import { DEFER_WORDS_AT, listPending, putRow, putRowLater, scheduleWordIndexing } from './words';

/**
 * Saving drafts (capture, import): each draft merges into the stored lead it duplicates
 * (same canonical link, email, or name + company domain) or becomes a new lead, in one
 * transaction per call.
 */

/** Drafts merged and put between two checks of the slice time when no lookups are needed. */
const WRITE_CHUNK = 25;
/** Rows read by getAll in the time of one separate request (measured in Chromium at 50,000 leads). */
const SCAN_ROWS_PER_REQUEST = 0.5;

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

/** The summary of a batch save: how many drafts were created, merged or unchanged, and what was trimmed. */
export function summarize(results: SaveResult[]): ImportSummary {
  const summary: ImportSummary = { created: 0, merged: 0, unchanged: 0, results };
  for (const r of results) summary[r.outcome]++;
  const trimmed = trimSummary(results);
  if (trimmed) summary.trimmed = trimmed;
  return summary;
}

/** Stored leads that the draft would merge into (damaged records left out). */
export async function findDuplicates(ctx: StoreContext, draft: LeadDraft): Promise<Lead[]> {
  const keys = dedupeKeys(prepareDraft(draft).draft);
  const db = await ctx.open();
  const tx = db.transaction('leads', 'readonly');
  const ids = new Set((await Promise.all(keys.map((k) => tx.store.index('by-key').getAllKeys(k)))).flat());
  const rows = await Promise.all([...ids].map((id) => tx.store.get(id)));
  return rows.map(readLead).filter((l): l is Lead => l !== null);
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
export async function writeDrafts(
  ctx: StoreContext,
  drafts: readonly LeadDraft[],
  options: SaveOptions & { onProgress?: (done: number) => void },
): Promise<SaveResult[]> {
  const now = ctx.deps.now();
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
    const { lead, trimmed } = createLeadReport(draft, { by, now, source: options.source, id: ctx.deps.uuid() });
    return { draft, keys, created: toRow(lead, keys), trimmed, index: i };
  };

  const db = await ctx.open();
  // `meta` is in the scope: the lead counter changes in this same transaction.
  const tx = db.transaction(['leads', 'words', 'meta'], 'readwrite');
  const store = tx.objectStore('leads');
  const wordsStore = tx.objectStore('words');
  const meta = unwrap(tx.objectStore('meta'));
  const byKey = store.index('by-key');
  // Rows written earlier in this transaction, so duplicates inside one batch merge too.
  const written = new Map<string, LeadRow>();
  const keyOwner = new Map<string, string>();
  const results: SaveResult[] = [];
  // An import's new leads get their words from the pass after it (./words.ts), as a first pull's
  // do: their rows go with the small indexes only. A merge rewrites a stored lead, whose words
  // must change now.
  const deferred: WordsRow[] | null = total >= DEFER_WORDS_AT ? [] : null;
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
        lastPut = deferred && !target ? putRowLater(store, deferred, row) : putRow(store, wordsStore, row);
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
    if (deferred?.length) listPending(tx.objectStore('meta'), deferred, ctx.deps.uuid());
  } catch (err) {
    abort(tx);
    throw err;
  }
  await tx.done;
  if (deferred?.length) scheduleWordIndexing(db);
  const ids = results.filter((r) => r.outcome !== 'unchanged').map((r) => r.lead.id);
  if (ids.length > 0) notifyLeadsChanged({ type: 'saved', ids: [...new Set(ids)] });
  return results;
}
