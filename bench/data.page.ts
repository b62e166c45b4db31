// Page script for bench/data.bench.mjs: export and import of many leads through the
// real code paths (lib/db on the browser's IndexedDB, lib/export, lib/import) and raw
// idb baselines on the same records. Exposes window.dataBench.
import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import { closeDatabase, DB_NAME, DB_VERSION, leads, openDatabase } from '@/lib/db';
import { type ProspectorDB, upgradeDatabase } from '@/lib/db/database';
import { toRow } from '@/lib/db/rows';
import { MIME_TYPES } from '@/lib/export/files';
import { DEFAULT_EXPORT_PREFS } from '@/lib/export/prefs';
import { renderScope } from '@/lib/export/render';
import { sniffCsv } from '@/lib/import/csv';
import { buildDrafts, commitDrafts, importSource } from '@/lib/import/run';
import { DEFAULT_STAGES, type Lead } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { sampleLeads } from '@/test/sample-leads';

const RAW_DB = 'data-bench-raw';
/** A store built by Prospector's own upgrade steps (same indexes), for the floor baselines. */
const ROWS_DB = 'data-bench-rows';
const stageLabels = Object.fromEntries(DEFAULT_STAGES.map((s) => [s, s[0]?.toUpperCase() + s.slice(1)]));
const stages = DEFAULT_STAGES.map((id) => ({ id, label: stageLabels[id] ?? id }));
const settings = { ...DEFAULT_SETTINGS, stages: stages.map((s) => ({ ...s, archived: false })) };
const prefs = DEFAULT_EXPORT_PREFS;

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

/**
 * Longest gap between 10 ms timer ticks, per phase (how long the page could not respond),
 * and the longest "long task" (PerformanceObserver 'longtask': tasks over 50 ms) per phase.
 */
function stallMeter() {
  let last = performance.now();
  let phase = 'parse';
  const max: Record<string, number> = {};
  const longest: Record<string, number> = {};
  const longCount: Record<string, number> = {};
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      entries.push(entry);
      longest[phase] = Math.max(longest[phase] ?? 0, entry.duration);
      longCount[phase] = (longCount[phase] ?? 0) + 1;
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  const tick = () => {
    const now = performance.now();
    max[phase] = Math.max(max[phase] ?? 0, now - last);
    last = now;
  };
  const timer = setInterval(tick, 10);
  return {
    phase(name: string) {
      tick();
      phase = name;
    },
    phaseSync(name: string) {
      // Long-task entries are delivered after the task: flush them to the phase they belong to.
      for (const entry of observer.takeRecords()) {
        longest[phase] = Math.max(longest[phase] ?? 0, entry.duration);
        longCount[phase] = (longCount[phase] ?? 0) + 1;
      }
      this.phase(name);
    },
    stop() {
      tick();
      clearInterval(timer);
      for (const entry of observer.takeRecords()) {
        longest[phase] = Math.max(longest[phase] ?? 0, entry.duration);
        longCount[phase] = (longCount[phase] ?? 0) + 1;
      }
      observer.disconnect();
      return { max, longest, longCount, entries };
    },
  };
}

const api = {
  async reset() {
    raw?.close();
    raw = null;
    await closeDatabase();
    await deleteDB(DB_NAME);
    await deleteDB(RAW_DB);
    await deleteDB(ROWS_DB);
  },
  /** `notes: 'short'` keeps each note to one short line (typical records; the samples carry long notes). */
  generate(n: number, notes: 'long' | 'short' = 'long') {
    records = sampleLeads(n);
    if (notes === 'short') for (const r of records) if (r.notes) r.notes = r.notes.split('\n')[0]?.slice(0, 60) ?? '';
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
  /**
   * Floor of an import: one raw idb transaction putting the rows Prospector would store for
   * the same records (toRow, built before the clock starts) into a store with Prospector's
   * indexes: what IndexedDB alone costs, with no parsing, validation, merging or code of ours.
   */
  async rawRowsPut() {
    await deleteDB(ROWS_DB);
    const db = await openDB<ProspectorDB>(ROWS_DB, DB_VERSION, {
      upgrade: (d, oldVersion, _newVersion, tx) => {
        void upgradeDatabase(d, oldVersion, DB_VERSION, tx);
      },
    });
    const rows = records.map((r) => toRow(r));
    const t0 = performance.now();
    const tx = db.transaction('leads', 'readwrite');
    for (const r of rows) void tx.store.put(r);
    await tx.done;
    const ms = performance.now() - t0;
    db.close();
    await deleteDB(ROWS_DB);
    return ms;
  },
  /** Floor of an export: raw getAll of Prospector's stored rows (the lead and its index fields), no code of ours. */
  async rawRowsGetAll() {
    const db = await openDatabase();
    const t0 = performance.now();
    const all = await db.getAll('leads');
    return { ms: performance.now() - t0, count: all.length };
  },
  async seedStore() {
    await leads.bulkPut(records);
    return leads.count();
  },
  /**
   * Export CSV as the Export button does (exportAndDownload without the download): at this
   * size, workers over key ranges (lib/export/parallel.ts), then the Blob. `onPage: true`
   * renders on the page instead, streaming from the store (what smaller exports do).
   */
  async exportCsv(onPage = false) {
    const meter = stallMeter();
    const t0 = performance.now();
    const file = await renderScope(leads, {}, 'csv', prefs, settings, {
      ...(onPage ? {} : { workers: { create: () => new Worker('/csv-worker.js') } }),
    });
    const blob = new Blob(file.parts, { type: MIME_TYPES.csv });
    const ms = performance.now() - t0;
    const stalls = meter.stop();
    // What the import step reads back (as a file's text would be), outside the timing.
    csvText = await blob.text();
    return { ms, count: file.count, bytes: blob.size, stall: stalls.max.parse ?? 0 };
  },
  /** Import CSV into an empty store: sniff, parse + validate in chunks, one saveMany. */
  async importCsv() {
    await closeDatabase();
    await deleteDB(DB_NAME);
    const text = csvText.replace(/^\uFEFF/, '');
    const meter = stallMeter();
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
    const t1 = performance.now();
    // Let the observer deliver the parse phase's entries before the phase changes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    meter.phaseSync('save');
    const timeline: [number, number][] = [];
    const summary = await commitDrafts(
      leads,
      batch.drafts,
      importSource('bench.csv', shape.format, new Date().toISOString()),
      (done) => {
        timeline.push([performance.now(), done]);
      },
    );
    const t2 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { max: stalls, longest, longCount, entries } = meter.stop();
    // Where each long task fell: the saveMany progress reported just before it (or the phase).
    const longTasksAt = entries.map((e) => {
      const before = timeline.filter(([t]) => t <= e.startTime).at(-1);
      const where = e.startTime < t1 ? 'parse' : before ? `save@${before[1]}` : 'save@start';
      return `${Math.round(e.duration)}ms ${where}${e.startTime > t2 ? ' (after)' : ''}`;
    });
    return {
      rejected: batch.rejected.length,
      created: summary.created,
      merged: summary.merged,
      ms: t2 - t0,
      parseMs: t1 - t0,
      saveMs: t2 - t1,
      parseStall: stalls.parse ?? 0,
      saveStall: stalls.save ?? 0,
      parseLongTask: longest.parse ?? 0,
      saveLongTask: longest.save ?? 0,
      longTasks: (longCount.parse ?? 0) + (longCount.save ?? 0),
      longTasksAt: longTasksAt.join(', '),
    };
  },
};

(window as unknown as { dataBench: typeof api }).dataBench = api;
