import { unwrap } from 'idb';
import { AppError, toAppError } from '@/lib/errors';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
import type { BulkPutOptions } from './api';
import { notifyLeadsChanged } from './changes';
import { readLeadCount, writeLeadCount } from './counter';
import { storedKeys } from './keys';
import { readLead } from './query';
import { toRow, type WordsRow } from './rows';
import { abort, ignore, SAVE_CHUNK, SLICE_MS, type StoreContext, transactionTurns } from './tx';
import { listPending, putRow, putRowLater, scheduleWordIndexing } from './words';

/** Up to this many rows, bulkPut checks which ids are new one by one; above, it recounts at the end. */
const BULK_KEY_CHECKS = 2000;

/**
 * Writes whole records (restore of a backup) in one transaction, replacing by id. With
 * `keepNewer`, a stored lead updated after the record's updatedAt is kept as it is (a
 * damaged stored record is always replaced). Resolves to how many records were written and kept.
 */
export async function bulkPut(
  ctx: StoreContext,
  leads: Lead[],
  options: BulkPutOptions = {},
): Promise<{ written: number; kept: number }> {
  // Validation and row building happen inside the transaction, between puts: IndexedDB
  // writes the rows already put (its index work is most of a bulk insert's time) while
  // this thread validates the next ones, instead of waiting for all of them first.
  // An invalid lead aborts the transaction, so nothing is written unless all are valid;
  // the page gets a turn every SLICE_MS.
  const db = await ctx.open();
  const tx = db.transaction(['leads', 'words', 'meta'], 'readwrite');
  const leadsStore = tx.objectStore('leads');
  const wordsStore = tx.objectStore('words');
  const meta = unwrap(tx.objectStore('meta'));
  const ids: string[] = [];
  const deferred: WordsRow[] = [];
  let kept = 0;
  try {
    // The counter and keepNewer need to know which ids are stored already. A batch up to
    // BULK_KEY_CHECKS reads that before its puts (./keys: one key-range read for neighbouring
    // ids); a big restore recounts at the end (one walk, cheaper than a lookup per row), and
    // for keepNewer reads every key once. All inside this transaction, so nothing changes between.
    const checkKeys = leads.length <= BULK_KEY_CHECKS;
    const before = checkKeys ? readLeadCount(unwrap(leadsStore), meta) : null;
    // An abort (invalid lead) rejects these requests: the error thrown below is the answer.
    if (before) ignore(before);
    // Awaited before any put: the answer must be the store as it was before this batch.
    const storedBefore = checkKeys
      ? await storedKeys(
          leadsStore,
          leads.map((lead) => lead.id),
        )
      : null;
    const stored = !options.keepNewer ? null : (storedBefore ?? new Set(await leadsStore.getAllKeys()));
    // Deferred words (./words.ts) for the leads not stored before this batch only: a stored one
    // may have a words record, which its new words must replace now or a search would find it
    // by stale ones. Without the check (a big restore) every lead gets its words now.
    const defer = options.deferWords && storedBefore ? storedBefore : null;
    const turn = transactionTurns();
    let sliceStart = performance.now();
    let lastPut: Promise<unknown> = Promise.resolve();
    for (let start = 0; start < leads.length; start += SAVE_CHUNK) {
      const rows = leads.slice(start, start + SAVE_CHUNK).map((lead, j) => {
        // Validated where it crossed the trust boundary (team sync's documents): not again.
        if (options.validated) return toRow(lead);
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
        lastPut =
          defer && !defer.has(row.id) ? putRowLater(leadsStore, deferred, row) : putRow(leadsStore, wordsStore, row);
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
    if (deferred.length > 0) listPending(tx.objectStore('meta'), deferred, ctx.deps.uuid());
    if (before && storedBefore) {
      // A repeated id is new once at most.
      const added = new Set(ids.filter((id) => !storedBefore.has(id))).size;
      if (added > 0) ignore(writeLeadCount(meta, (await before) + added));
    } else if (ids.length > 0) {
      ignore(writeLeadCount(meta, await leadsStore.count()));
    }
  } catch (err) {
    abort(tx);
    throw err;
  }
  await tx.done;
  if (deferred.length > 0) scheduleWordIndexing(db);
  if (ids.length > 0 && !options.quiet)
    notifyLeadsChanged({ type: 'saved', ids: [...new Set(ids)], ...(options.by ? { by: options.by } : {}) });
  return { written: ids.length, kept };
}
