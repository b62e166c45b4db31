import { AppError } from '@/lib/errors';
import { describeIssues } from '@/lib/lead/issues';
import { markHandEdits, sortTouches } from '@/lib/lead/merge';
import { canonicalLinks, prepareDraft } from '@/lib/lead/prepare';
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
import type { NewTouch } from './api';
import { notifyLeadsChanged } from './changes';
import { readLead } from './query';
import { type LeadRow, toRow } from './rows';
import { abort, checkRecord, corrupt, ignore, notFound, rowOrAlias, type StoreContext } from './tx';
import { putRow } from './words';

/**
 * Changes to stored leads by id: hand edits, stage changes and touches (one lead, read and
 * rewritten in one transaction), the repair view's replacement, and the fit-score cache.
 */

/** Runs a read-modify-write of one lead in one readwrite transaction. */
async function modify(ctx: StoreContext, id: string, change: (lead: Lead) => Lead): Promise<Lead> {
  const db = await ctx.open();
  const tx = db.transaction(['leads', 'words'], 'readwrite');
  const leads = tx.objectStore('leads');
  const row = await rowOrAlias(leads, id);
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
  ignore(putRow(leads, tx.objectStore('words'), toRow(next)));
  await tx.done;
  notifyLeadsChanged({ type: 'updated', ids: [next.id] });
  return next;
}

function toTouch(ctx: StoreContext, touch: NewTouch): Touch {
  return TouchSchema.parse({ ...touch, id: touch.id ?? ctx.deps.uuid() });
}

function withTouch(lead: Lead, touch: Touch, now: string): Lead {
  const touches = sortTouches([...lead.touches.filter((t) => t.id !== touch.id), touch]);
  const last = touches.at(-1);
  return { ...lead, touches, channel: last?.channel ?? lead.channel, updatedAt: now };
}

/** A user edit: the patched scalar fields are marked edited (protected from later captures). */
export function updateLead(ctx: StoreContext, id: string, patch: Partial<LeadDraft>): Promise<Lead> {
  const now = ctx.deps.now();
  return modify(ctx, id, (lead) => {
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
}

/** Moves a lead to a stage (its history keeps when), with the touch that did it if any. */
export function setStage(ctx: StoreContext, id: string, stage: string, touch?: NewTouch): Promise<Lead> {
  const now = ctx.deps.now();
  const parsedStage = StageSchema.parse(stage);
  const parsedTouch = touch ? toTouch(ctx, touch) : undefined;
  return modify(ctx, id, (lead) => {
    const next = { ...lead, stage: parsedStage, updatedAt: now };
    return parsedTouch ? withTouch(next, parsedTouch, now) : next;
  });
}

/** Adds (or replaces by id) a touch; the lead's channel becomes the latest touch's. */
export function addTouch(ctx: StoreContext, id: string, touch: NewTouch): Promise<Lead> {
  const now = ctx.deps.now();
  const parsed = toTouch(ctx, touch);
  return modify(ctx, id, (lead) => withTouch(lead, parsed, now));
}

/** Replaces a stored record by a corrected one (the repair view); it must satisfy the schema and keep its id. */
export async function repairLead(ctx: StoreContext, id: string, record: unknown): Promise<Lead> {
  const parsed = LeadSchema.safeParse(record);
  if (!parsed.success) throw new AppError('invalid', describeIssues(parsed.error), { cause: parsed.error });
  if (parsed.data.id !== id) throw new AppError('invalid', `id: must stay ${id}`);
  const db = await ctx.open();
  const tx = db.transaction(['leads', 'words'], 'readwrite');
  if ((await tx.objectStore('leads').getKey(id)) === undefined) {
    abort(tx);
    throw notFound(id);
  }
  ignore(putRow(tx.objectStore('leads'), tx.objectStore('words'), toRow(parsed.data)));
  await tx.done;
  notifyLeadsChanged({ type: 'updated', ids: [id] });
  return parsed.data;
}

/** A fit score as stored: 0..100 with two decimals, or undefined (none); throws on anything else. */
function storedFitScore(id: string, fitScore: number | undefined): number | undefined {
  if (fitScore === undefined) return undefined;
  if (!(Number.isFinite(fitScore) && fitScore >= 0 && fitScore <= 100)) {
    throw new AppError('invalid', `fitScore of ${id} must be 0..100`);
  }
  return Math.round(fitScore * 100) / 100;
}

/**
 * Stores computed fit scores (a cache for sort 'fit'; undefined removes it) in one
 * transaction without touching updatedAt or edited; returns how many leads changed.
 */
export async function setFitScores(
  ctx: StoreContext,
  entries: { id: string; fitScore: number | undefined }[],
): Promise<number> {
  const scores = entries.map(({ id, fitScore }) => ({ id, fitScore: storedFitScore(id, fitScore) }));
  const db = await ctx.open();
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
      // The row only: a fit is no search word and updatedAt stays, so its words record holds (v10).
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
}

/** Leads rescored per readwrite transaction by refreshFitScores. */
const RESCORE_BATCH = 500;

/**
 * Re-computes the stored fit scores with `score` (of the given leads, or of every lead) and
 * stores those that changed, batch by batch: each batch's rows are read and rewritten in
 * one readwrite transaction, so an edit made meanwhile is never overwritten, and nothing
 * but fitScore changes (not updatedAt, not edited). A record is validated before it is
 * rewritten (damaged ones are left as they are); a score is computed on the stored value
 * first, so the unchanged majority costs no validation. Each batch sends its change notice;
 * returns how many scores changed.
 */
export async function refreshFitScores(
  ctx: StoreContext,
  score: (lead: Lead) => number | undefined,
  ids?: readonly string[],
): Promise<number> {
  const db = await ctx.open();
  let total = 0;
  const rescore = (row: LeadRow | undefined, put: (row: LeadRow) => Promise<unknown>): string | null => {
    if (!row) return null;
    let next: number | undefined;
    try {
      // The stored value is read as a lead only by the scorer, which reads optional fields;
      // a record it cannot read is left for the repair view.
      next = storedFitScore(row.id, score(row.lead));
    } catch {
      return null;
    }
    if (row.lead.fitScore === next) return null;
    const lead = readLead(row);
    if (!lead) return null;
    const updated: Lead = { ...lead };
    if (next === undefined) delete updated.fitScore;
    else updated.fitScore = next;
    // The row only: a fit is no search word and updatedAt stays, so its words record holds (v10).
    ignore(put(toRow(updated)));
    return row.id;
  };
  const flush = (changed: string[]) => {
    if (changed.length > 0) notifyLeadsChanged({ type: 'updated', ids: changed });
    total += changed.length;
  };
  if (ids) {
    for (let i = 0; i < ids.length; i += RESCORE_BATCH) {
      const tx = db.transaction('leads', 'readwrite');
      const rows = await Promise.all(ids.slice(i, i + RESCORE_BATCH).map((id) => tx.store.get(id)));
      const changed = rows.map((row) => rescore(row, (r) => tx.store.put(r))).filter((id) => id !== null);
      await tx.done;
      flush(changed);
    }
    return total;
  }
  // Every lead: one getAll and the changed puts per readwrite transaction (a cursor costs a
  // round trip per record, several times slower in Chromium).
  let after: string | null = null;
  for (;;) {
    const tx = db.transaction('leads', 'readwrite');
    const rows: LeadRow[] = await tx.store.getAll(
      after === null ? null : IDBKeyRange.lowerBound(after, true),
      RESCORE_BATCH,
    );
    const changed = rows.map((row) => rescore(row, (r) => tx.store.put(r))).filter((id) => id !== null);
    await tx.done;
    flush(changed);
    const last = rows.at(-1);
    if (rows.length < RESCORE_BATCH || !last) return total;
    after = last.id;
  }
}

/**
 * Removes the stored fit score of those of `ids` (every lead when omitted) that have one: what
 * refreshFitScores does for a profile that scores no lead, but reading the keys of the scored
 * leads only (`by-fit` below 1, the unscored value), not every changed lead. A team sync first
 * pull announces 50,000 leads; with no profile set, rescoring them read all 50,000 rows in
 * readwrite transactions on the store the pull was writing, to change none.
 */
export async function clearFitScores(ctx: StoreContext, ids?: readonly string[]): Promise<number> {
  const db = await ctx.open();
  const scored = (await db.getAllKeysFromIndex('leads', 'by-fit', IDBKeyRange.upperBound([1], true))) as string[];
  if (scored.length === 0) return 0;
  const wanted = ids ? new Set(ids) : null;
  const targets = wanted ? scored.filter((id) => wanted.has(id)) : scored;
  // Read again in refreshFitScores' own transactions: a lead scored meanwhile is cleared too.
  return targets.length > 0 ? refreshFitScores(ctx, () => undefined, targets) : 0;
}
