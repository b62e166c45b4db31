import { unwrap } from 'idb';
import type { Lead } from '@/lib/lead/schema';
import { foldText } from '@/lib/normalize';
import type { LeadPage, LeadQuery, StoreStamp } from './api';
import { readLeadCount, repairLeadCount } from './counter';
import { recordProblems } from './damaged';
import { readLead, runQuery } from './query';
import { scanRange, scanRows, splitKeys } from './scan';
import { corrupt, rowOrAlias, type StoreContext } from './tx';

/**
 * Reading leads: one by id, a page of a query, every lead (export, backup), the raw
 * records of a statistics pass, a key range (an export worker's share), and the small
 * facts other modules check (count, stamp, tags). Every lead handed out satisfies
 * LeadSchema (row -> memory is validated here); only `records` hands out stored values
 * unchecked, to readers that check the fields they use.
 */

/** A stored lead; undefined when absent; throws AppError('corrupt') when the record fails the schema. */
export async function getLead(ctx: StoreContext, id: string): Promise<Lead | undefined> {
  const db = await ctx.open();
  const row = await rowOrAlias(db.transaction('leads', 'readonly').store, id);
  if (!row) return undefined;
  const lead = readLead(row);
  if (!lead) throw corrupt(id);
  return lead;
}

/** One page of leads matching a query, with the total. */
export async function queryLeads(ctx: StoreContext, query: LeadQuery): Promise<LeadPage> {
  return runQuery(await ctx.open(), query);
}

/** The number of leads, from the O(1) counter (recounted and repaired when it looks wrong). */
export async function countLeads(ctx: StoreContext): Promise<number> {
  const db = await ctx.open();
  const tx = unwrap(db.transaction(['leads', 'meta'], 'readonly'));
  return readLeadCount(tx.objectStore('leads'), tx.objectStore('meta'), () => void repairLeadCount(db));
}

/**
 * The number of leads and the newest updatedAt (ms; 0 when empty) in one read, without
 * reading a record: what a cache of the whole store (the dashboard snapshot) checks.
 */
export async function storeStamp(ctx: StoreContext): Promise<StoreStamp> {
  const db = await ctx.open();
  const tx = db.transaction(['leads', 'meta'], 'readonly');
  const [count, newest] = await Promise.all([
    readLeadCount(unwrap(tx.objectStore('leads')), unwrap(tx.objectStore('meta')), () => void repairLeadCount(db)),
    // 'by-updated' keys are [-updatedAt ms, id]: the first is the newest.
    tx.objectStore('leads').index('by-updated').openKeyCursor(),
  ]);
  return { count, newestUpdatedAt: newest ? -newest.key[0] : 0 };
}

/** Every valid lead, page by page; `onDamaged` gets each record that fails the schema, as stored. */
export async function* allLeads(ctx: StoreContext, onDamaged?: (record: unknown) => void): AsyncGenerator<Lead> {
  for await (const rows of scanRows(await ctx.open())) {
    for (const row of rows) {
      const lead = readLead(row);
      if (lead) yield lead;
      else onDamaged?.(row.lead);
    }
  }
}

/** The valid leads of the key range [from, to) (null: open end), in key order; damaged records skipped. */
export async function* leadsInRange(ctx: StoreContext, from: string | null, to: string | null): AsyncGenerator<Lead> {
  for await (const rows of scanRange(await ctx.open(), from, to)) {
    for (const row of rows) {
      const lead = readLead(row);
      if (lead) yield lead;
    }
  }
}

/** Keys that cut the store into `parts` ranges of about equal size, or null below `atLeast` leads. */
export async function splitStore(ctx: StoreContext, parts: number, atLeast: number): Promise<string[] | null> {
  return splitKeys(await ctx.open(), parts, atLeast);
}

/**
 * Every stored record as it is (not validated), a page at a time, with progress against
 * the count when the pass began. For statistics over every lead, where validating 50,000
 * records would cost more than the statistics: the reader checks the fields it reads.
 */
export async function forEachRecord(
  ctx: StoreContext,
  visit: (record: unknown) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = onProgress ? await countLeads(ctx) : 0;
  let done = 0;
  for await (const rows of scanRows(await ctx.open())) {
    for (const row of rows) visit(row.lead);
    done += rows.length;
    onProgress?.(done, Math.max(total, done));
  }
}

/** The valid leads whose company domain is `domain` (the store's domain index: a few rows, not a scan). */
export async function leadsOfDomain(ctx: StoreContext, domain: string): Promise<Lead[]> {
  const db = await ctx.open();
  const rows = await db.getAllFromIndex('leads', 'by-domain', domain);
  return rows.map(readLead).filter((l): l is Lead => l !== null);
}

/** A stored record as it is, with what is wrong with it ('' when valid); undefined when absent. */
export async function inspectLead(
  ctx: StoreContext,
  id: string,
): Promise<{ record: unknown; problems: string } | undefined> {
  const row = await (await ctx.open()).get('leads', id);
  return row ? { record: row.lead, problems: recordProblems(row.lead) } : undefined;
}

/** Every tag in use, for autocomplete (as first written, one per folded form). */
export async function allTags(ctx: StoreContext): Promise<string[]> {
  const db = await ctx.open();
  const out: string[] = [];
  let cursor = await db.transaction('leads').store.index('by-tag').openCursor(null, 'nextunique');
  while (cursor) {
    const folded = cursor.key;
    out.push(cursor.value.lead.tags.find((t) => foldText(t) === folded) ?? folded);
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * Which of `stages` each lead is on (id -> stage), from the stage index's keys: one
 * getAllKeys per stage, no record read. What a screen counting leads per stage loads once,
 * to keep its counts by the change notices afterwards (entrypoints/options/settings/stage-counts.ts).
 */
export async function stageMap(ctx: StoreContext, stages: readonly string[]): Promise<Map<string, string>> {
  const db = await ctx.open();
  const index = db.transaction('leads').store.index('by-stage-updated');
  const lists = await Promise.all(stages.map((stage) => index.getAllKeys(IDBKeyRange.bound([stage], [stage, []]))));
  const map = new Map<string, string>();
  stages.forEach((stage, i) => {
    for (const id of lists[i] ?? []) map.set(id, stage);
  });
  return map;
}

/** The stage of each of `ids` that is stored (absent ids are left out): the leads a change notice names. */
export async function stagesOf(ctx: StoreContext, ids: readonly string[]): Promise<Map<string, string>> {
  const db = await ctx.open();
  const store = db.transaction('leads').store;
  const rows = await Promise.all(ids.map((id) => store.get(id)));
  const map = new Map<string, string>();
  for (const row of rows) {
    // A damaged record's stage is whatever it stored, as the stage index sees it.
    const stage = (row?.lead as { stage?: unknown } | undefined)?.stage;
    if (row && typeof stage === 'string') map.set(row.id, stage);
  }
  return map;
}
