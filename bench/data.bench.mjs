// `npm run bench data`: export and import of 50,000 leads in headless Chromium (real
// IndexedDB), each as a ratio to raw idb on the same records in the same run:
// - export CSV as the Export button does (workers over key ranges at this size; also on the
//   page alone, for comparison), Blob included, vs a raw getAll;
// - import CSV (sniff, chunked Papa Parse, zod validation per row, one leads.saveMany
//   transaction) vs a raw put of the same records in one transaction.
// Targets: export under 2 s; import under 3x raw put.
// Floors, also same-run: raw idb getAll / put of the rows Prospector stores (lead + index
// fields) in a store with its indexes: IndexedDB's own cost, which no code of ours can beat
// (`overFloor` is what our code adds on top).
import { benchPage, bundle, EXTENSION_CSP, report, stats } from './lib.mjs';

const N = Number(process.env.BENCH_DATA_N || 50_000);
// Export and its baseline alternate RUNS times (the machine is shared, so medians); the
// import runs once, since one saveMany of 50,000 drafts is long.
const RUNS = Number(process.env.BENCH_DATA_RUNS || 3);
// BENCH_DATA_NOTES=short: typical records (one short note line) instead of the samples' long notes.
const NOTES = process.env.BENCH_DATA_NOTES === 'short' ? 'short' : 'long';

// The export's worker, built from the same entry the extension ships (lib/export/csv.worker.ts).
const worker = await bundle('lib/export/csv.worker.ts');
const { call, close } = await benchPage('bench/data.page.ts', 'dataBench', {
  '/csv-worker.js': { type: 'text/javascript', body: worker, headers: EXTENSION_CSP },
});
try {
  await call('reset');
  await call('generate', N, NOTES);
  const puts = [];
  const rowPuts = [];
  for (let i = 0; i < RUNS; i++) {
    puts.push(await call('rawPut'));
    rowPuts.push(await call('rawRowsPut'));
  }
  const stored = await call('seedStore');
  const gets = [];
  const exports = [];
  const onPage = [];
  const rowGets = [];
  for (let i = 0; i < RUNS; i++) {
    gets.push(await call('rawGetAll'));
    rowGets.push(await call('rawRowsGetAll'));
    exports.push(await call('exportCsv'));
    onPage.push(await call('exportCsv', true));
  }
  const rawPut = stats(puts).median;
  const rawGet = { ms: stats(gets.map((g) => g.ms)).median, count: gets[0].count };
  // Floors: raw idb on Prospector's own rows and indexes (what IndexedDB alone costs for them).
  const rowsPut = stats(rowPuts).median;
  const rowsGet = stats(rowGets.map((g) => g.ms)).median;
  const summary = (runs) => ({
    ms: stats(runs.map((e) => e.ms)).median,
    max: stats(runs.map((e) => e.ms)).max,
    stall: stats(runs.map((e) => e.stall)).max,
    count: runs[0].count,
    bytes: runs[0].bytes,
  });
  const exp = summary(exports);
  const alone = summary(onPage);
  const imp = await call('importCsv');
  await call('reset');

  const rows = [
    {
      case: `export CSV, ${exp.count} leads, ${NOTES} notes (${(exp.bytes / 1e6).toFixed(1)} MB), workers`,
      median: exp.ms,
      p95: exp.max,
      baseline: rawGet.ms,
      ratio: exp.ms / rawGet.ms,
      target: '2000ms',
      pass: exp.ms < 2000,
      longestStall: exp.stall,
      floor: rowsGet,
      overFloor: exp.ms / rowsGet,
    },
    {
      case: `export CSV, ${alone.count} leads, on the page alone (filtered exports, or no workers)`,
      median: alone.ms,
      p95: alone.max,
      baseline: rawGet.ms,
      ratio: alone.ms / rawGet.ms,
      target: 'info',
      pass: true,
      longestStall: alone.stall,
    },
    {
      case: `import CSV, ${imp.created} created, ${imp.rejected} rejected`,
      median: imp.ms,
      baseline: rawPut,
      ratio: imp.ms / rawPut,
      target: '3x',
      pass: imp.ms / rawPut <= 3,
      floor: rowsPut,
      overFloor: imp.ms / rowsPut,
      parse: imp.parseMs,
      save: imp.saveMs,
      parseStall: imp.parseStall,
      saveStall: imp.saveStall,
      longestTask: Math.max(imp.parseLongTask, imp.saveLongTask),
    },
  ];
  console.log(
    `${N} leads (${stored} stored); raw put ${rawPut.toFixed(0)} ms, raw getAll ${rawGet.ms.toFixed(0)} ms (${rawGet.count}). ` +
      `Floors (raw idb on Prospector's rows and indexes): put ${rowsPut.toFixed(0)} ms (${(rowsPut / rawPut).toFixed(2)}x raw put), ` +
      `getAll ${rowsGet.toFixed(0)} ms (${(rowsGet / rawGet.ms).toFixed(2)}x raw getAll). ` +
      `Import: parse+validate ${imp.parseMs.toFixed(0)} ms (longest main-thread stall ${imp.parseStall.toFixed(0)} ms), ` +
      `saveMany ${imp.saveMs.toFixed(0)} ms (longest stall ${imp.saveStall.toFixed(0)} ms). ` +
      `Long tasks (>50 ms, PerformanceObserver): ${imp.longTasks}, longest ${imp.parseLongTask.toFixed(0)} ms parsing, ` +
      `${imp.saveLongTask.toFixed(0)} ms saving${imp.longTasksAt ? ` [${imp.longTasksAt}]` : ''}.`,
  );
  report('data', rows);
  if (!rows.every((r) => r.pass)) process.exitCode = 1;
} finally {
  await close();
}
