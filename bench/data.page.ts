// Page script for bench/data.bench.mjs: export and import of many leads through the
// real code paths (lib/db on the browser's IndexedDB, lib/export, lib/import) and raw
// idb baselines on the same records. Exposes window.dataBench.
import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import { closeDatabase, DB_NAME, leads } from '@/lib/db';
import { collectLeads } from '@/lib/export/collect';
import { DEFAULT_COLUMN_IDS, resolveColumns } from '@/lib/export/columns';
import { leadsToCsvPartsAsync } from '@/lib/export/csv';
import { sampleLeads } from '@/lib/export/sample-leads';
import { sniffCsv } from '@/lib/import/csv';
import { buildDrafts, commitDrafts, importSource } from '@/lib/import/run';
import { DEFAULT_STAGES, type Lead } from '@/lib/lead/schema';

const RAW_DB = 'data-bench-raw';
const stageLabels = Object.fromEntries(DEFAULT_STAGES.map((s) => [s, s[0]?.toUpperCase() + s.slice(1)]));
const stages = DEFAULT_STAGES.map((id) => ({ id, label: stageLabels[id] ?? id }));

let records: Lead[] = [];
let raw: IDBPDatabase | null = null;
let csvText = '';

async function openRaw(): Promise<IDBPDatabase> {
  raw ??= await openDB(RAW_DB, 1, {
    upgrade(db) {
      db.createObjectStore('leads', { keyPath: 'id' });
    },
  });
  return raw;
}

/** Longest gap between 10 ms timer ticks while `work` runs: how long the page could not respond. */
async function withStallMeter<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; maxStall: number }> {
  let last = performance.now();
  let maxStall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - last);
    last = now;
  }, 10);
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  maxStall = Math.max(maxStall, performance.now() - last);
  return { result, ms, maxStall };
}

const api = {
  async reset() {
    raw?.close();
    raw = null;
    await closeDatabase();
    await deleteDB(DB_NAME);
    await deleteDB(RAW_DB);
  },
  generate(n: number) {
    records = sampleLeads(n);
    return records.length;
  },
  /** Baseline: one raw idb transaction putting the same records (into an emptied store). */
  async rawPut() {
    const db = await openRaw();
    await db.clear('leads');
    const t0 = performance.now();
    const tx = db.transaction('leads', 'readwrite');
    for (const r of records) void tx.store.put(r);
    await tx.done;
    return performance.now() - t0;
  },
  /** Baseline: raw getAll of the same records. */
  async rawGetAll() {
    const db = await openRaw();
    const t0 = performance.now();
    const all = await db.getAll('leads');
    return { ms: performance.now() - t0, count: all.length };
  },
  async seedStore() {
    await leads.bulkPut(records);
    return leads.count();
  },
  /** Export CSV: read every lead from the store, render the default columns, make the Blob. */
  async exportCsv() {
    const t0 = performance.now();
    const all = await collectLeads(leads, {});
    const t1 = performance.now();
    const parts = await leadsToCsvPartsAsync(all, resolveColumns('prospector', DEFAULT_COLUMN_IDS), { stageLabels });
    const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
    const t2 = performance.now();
    // What the import step reads back (as a file's text would be), outside the timing.
    csvText = parts.join('');
    return { ms: t2 - t0, read: t1 - t0, render: t2 - t1, count: all.length, bytes: blob.size };
  },
  /** Import CSV into an empty store: sniff, parse + validate in chunks, one saveMany. */
  async importCsv() {
    await closeDatabase();
    await deleteDB(DB_NAME);
    const text = csvText.replace(/^\uFEFF/, '');
    let parseMs = 0;
    const measured = await withStallMeter(async () => {
      const t0 = performance.now();
      const shape = sniffCsv(text);
      let n = 0;
      const batch = await buildDrafts(text, shape, shape.mapping, {
        format: shape.format,
        origin: 'outbound',
        stages,
        now: new Date().toISOString(),
        newId: () => `touch-${++n}`,
      });
      parseMs = performance.now() - t0;
      const summary = await commitDrafts(
        leads,
        batch.drafts,
        importSource('bench.csv', shape.format, new Date().toISOString()),
      );
      return { rejected: batch.rejected.length, created: summary.created, merged: summary.merged };
    });
    return { ...measured.result, ms: measured.ms, parseMs, saveMs: measured.ms - parseMs, maxStall: measured.maxStall };
  },
};

(window as unknown as { dataBench: typeof api }).dataBench = api;
