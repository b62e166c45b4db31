import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/lib/db';
import { toRow } from '@/lib/db/rows';
import type { Lead } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { emptyDatabaseEachTest, testRepository } from '@/test/db';
import { fileText } from '@/test/files';
import { sampleLeads } from '@/test/sample-leads';
import { DEFAULT_COLUMN_IDS, resolveColumns } from './columns';
import { leadsToCsv } from './csv';
import { type CsvJob, CsvJobSchema, type CsvReply, renderCsvInWorkers, renderCsvRange, WORKER_FROM } from './parallel';
import { DEFAULT_EXPORT_PREFS } from './prefs';
import { renderScope } from './render';

const columns = resolveColumns('prospector', DEFAULT_COLUMN_IDS);

emptyDatabaseEachTest();

async function seed(n: number): Promise<Lead[]> {
  const leads = sampleLeads(n);
  await testRepository().bulkPut(leads);
  return [...leads].sort((a, b) => (a.id < b.id ? -1 : 1));
}

const text = fileText;

/**
 * A Worker that runs the worker's code in this thread (vitest has no workers): messages go
 * through structuredClone both ways, as postMessage does, and it records terminate().
 */
class InThreadWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly fail?: string) {}
  postMessage(message: unknown) {
    // Blobs pass as they are (Node's structuredClone does not know happy-dom's Blob).
    const reply = (data: CsvReply) =>
      queueMicrotask(() =>
        this.onmessage?.({ data: data.type === 'done' ? { ...data } : structuredClone(data) } as MessageEvent),
      );
    void (async () => {
      try {
        if (this.fail) throw new Error(this.fail);
        const job = CsvJobSchema.parse(structuredClone(message));
        const result = await renderCsvRange(await openDatabase(), job, (rows) => reply({ type: 'progress', rows }));
        reply({ type: 'done', ...result });
      } catch (err) {
        reply({ type: 'error', error: { code: 'internal', message: (err as Error).message } });
      }
    })();
  }
  terminate() {
    this.terminated = true;
  }
}

describe('renderCsvRange', () => {
  it('writes the rows of its key range only, the same bytes as the page renders, corrupt records skipped', async () => {
    const sorted = await seed(30);
    const db = await openDatabase();
    const broken = { ...toRow(sorted[0] as Lead), id: (sorted[10] as Lead).id.replace(/.$/, 'x') };
    await db.put('leads', { ...broken, lead: { ...broken.lead, id: broken.id, emails: 'bad' } as unknown as Lead });
    const job: CsvJob = { from: (sorted[10] as Lead).id, to: (sorted[20] as Lead).id, columns, ctx: {} };
    const progress: number[] = [];
    const { rows, file } = await renderCsvRange(db, job, (n) => progress.push(n));
    expect(rows).toBe(10);
    expect(progress.at(-1)).toBe(10);
    const expected = leadsToCsv(sorted.slice(10, 20), columns);
    // leadsToCsv adds the BOM and header; a range is rows only.
    expect(await fileText([file])).toBe(expected.slice(expected.indexOf('\r\n') + 2));
  });
});

describe('renderCsvInWorkers', () => {
  it('leaves a small store to the page', async () => {
    await seed(5);
    const made: InThreadWorker[] = [];
    const file = await renderCsvInWorkers(
      await openDatabase(),
      () => made[made.push(new InThreadWorker()) - 1] as unknown as Worker,
      columns,
      {},
    );
    expect(file).toBeNull();
    expect(made).toHaveLength(0);
  });

  it('joins the workers’ parts in key order behind one BOM and header: the page’s file, byte for byte', async () => {
    const sorted = await seed(WORKER_FROM + 345);
    const made: InThreadWorker[] = [];
    const progress: number[] = [];
    const file = await renderCsvInWorkers(
      await openDatabase(),
      () => made[made.push(new InThreadWorker()) - 1] as unknown as Worker,
      columns,
      { stageLabels: { new: 'New lead' } },
      (n) => progress.push(n),
    );
    expect(file?.count).toBe(sorted.length);
    expect(made.length).toBeGreaterThanOrEqual(2);
    expect(made.every((w) => w.terminated)).toBe(true);
    expect(progress.at(-1)).toBe(sorted.length);
    const csv = await text(file?.parts ?? []);
    expect(csv).toBe(leadsToCsv(sorted, columns, { stageLabels: { new: 'New lead' } }));
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(sorted.length + 1);
  });

  it('rejects with the worker’s error and stops every worker', async () => {
    await seed(WORKER_FROM + 1);
    const made: InThreadWorker[] = [];
    const create = () => made[made.push(new InThreadWorker(made.length === 1 ? 'disk on fire' : undefined)) - 1];
    await expect(
      renderCsvInWorkers(await openDatabase(), create as unknown as () => Worker, columns, {}),
    ).rejects.toThrow('disk on fire');
    expect(made.every((w) => w.terminated)).toBe(true);
  });
});

describe('renderScope', () => {
  const settings = DEFAULT_SETTINGS;
  const prefs = DEFAULT_EXPORT_PREFS;

  it('renders on the page when workers cannot start, with the same file, and says so in the console', async () => {
    const sorted = await seed(WORKER_FROM + 10);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const repo = testRepository();
    const file = await renderScope(repo, {}, 'csv', prefs, settings, {
      workers: {
        open: openDatabase,
        create: () => {
          throw new Error('Worker is not defined');
        },
      },
    });
    expect(file.count).toBe(sorted.length);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    let started = 0;
    const viaWorkers = await renderScope(repo, {}, 'csv', prefs, settings, {
      workers: {
        open: openDatabase,
        create: () => {
          started++;
          return new InThreadWorker() as unknown as Worker;
        },
      },
    });
    expect(started).toBeGreaterThanOrEqual(2);
    expect(viaWorkers.parts.some((p) => p instanceof Blob)).toBe(true);
    expect(await text(viaWorkers.parts)).toBe(await text(file.parts));
  });

  it('uses the page for a filter, whatever the size', async () => {
    await seed(WORKER_FROM + 10);
    let started = 0;
    const file = await renderScope(testRepository(), { query: { stage: 'won' } }, 'csv', prefs, settings, {
      workers: {
        open: openDatabase,
        create: () => {
          started++;
          return new InThreadWorker() as unknown as Worker;
        },
      },
    });
    expect(started).toBe(0);
    const rows = Papa.parse<string[]>((await text(file.parts)).slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(rows.data.length - 1).toBe(file.count);
  });
});
