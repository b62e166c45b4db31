import { z } from 'zod';
import type { LeadRepository } from '@/lib/db/api';
import { rangesOf } from '@/lib/db/scan';
import { AppError, AppErrorSchema } from '@/lib/errors';
import { COLUMN_IDS, type ColumnContext, type ExportColumn } from './columns';
import { headerRecord, leadsToCsvParts, UTF8_BOM } from './csv';
import { MIME_TYPES } from './files';

/**
 * A CSV export of every lead rendered by dedicated workers, each over one key range of the
 * store: reading (IndexedDB serves the ranges in parallel), record decoding, validation and
 * rendering leave the page's thread, which stays free, and run on several cores. The page
 * joins the workers' Blobs behind the BOM and header, in key order, without copying them.
 *
 * Measured by `npm run bench data` (50,000 leads, 47 MB of CSV): on the page's thread the
 * export waited on reads and decoding about 70% of its time; see the bench for the ratio.
 */

/** Below this many leads the page renders the file itself (a worker's start-up is not worth it). */
export const WORKER_FROM = 2000;

/** What the page asks a worker: the key range [from, to) (null: open end), the columns and their context. */
export const CsvJobSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  columns: z.array(z.object({ id: z.enum(COLUMN_IDS), header: z.string() })).min(1),
  ctx: z.object({
    stageLabels: z.record(z.string(), z.string()).optional(),
    includeGuessed: z.boolean().optional(),
    deriveNames: z.boolean().optional(),
  }),
});
export type CsvJob = z.infer<typeof CsvJobSchema>;

/** What a worker answers: progress (rows so far), its part of the file, or a typed error. */
export const CsvReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), rows: z.number().int().nonnegative() }),
  z.object({ type: z.literal('done'), rows: z.number().int().nonnegative(), file: z.instanceof(Blob) }),
  z.object({ type: z.literal('error'), error: AppErrorSchema }),
]);
export type CsvReply = z.infer<typeof CsvReplySchema>;

/**
 * The CSV records (no BOM, no header) of the valid leads in one key range, as a Blob;
 * corrupt records are skipped as in every list. What a worker runs; tested directly.
 */
export async function renderCsvRange(
  repo: Pick<LeadRepository, 'range'>,
  job: CsvJob,
  onProgress: (rows: number) => void = () => {},
): Promise<{ rows: number; file: Blob }> {
  let rows = 0;
  // Parts are encoded to UTF-8 as they are written: here, in the worker, not on the page.
  const parts = await leadsToCsvParts(repo.range(job.from, job.to), job.columns, job.ctx, {
    header: false,
    onProgress: (n) => {
      rows = n;
      onProgress(n);
    },
  });
  return { rows, file: new Blob(parts, { type: MIME_TYPES.csv }) };
}

/** How many workers: one per core up to four, at least two (reads of two ranges overlap even on one core). */
function workerCount(): number {
  const cores = typeof navigator === 'object' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(2, Math.min(4, cores - 1));
}

/** Runs one job in a worker; rejects with the worker's typed error, or when it cannot start. */
function runJob(
  worker: Worker,
  job: CsvJob,
  onProgress: (rows: number) => void,
): Promise<{ rows: number; file: Blob }> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent) => {
      const reply = CsvReplySchema.safeParse(event.data);
      if (!reply.success) return reject(new Error('The export worker sent an unexpected message.'));
      if (reply.data.type === 'progress') onProgress(reply.data.rows);
      else if (reply.data.type === 'done') resolve(reply.data);
      else reject(new AppError(reply.data.error.code, reply.data.error.message));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      reject(new Error(event.message || 'The export worker could not start.'));
    };
    worker.postMessage(job);
  });
}

/**
 * The CSV file of every lead, rendered by workers (see the top of this file): parts for a
 * Blob and the number of leads, or null when the store is small enough to render here.
 * Any failure rejects; the caller may render on the page instead.
 */
export async function renderCsvInWorkers(
  repo: Pick<LeadRepository, 'split'>,
  createWorker: () => Worker,
  columns: ExportColumn[],
  ctx: ColumnContext,
  onProgress: (rows: number) => void = () => {},
): Promise<{ parts: BlobPart[]; count: number } | null> {
  const keys = await repo.split(workerCount(), WORKER_FROM);
  if (!keys) return null;
  const ranges = rangesOf(keys);
  const workers: Worker[] = [];
  const done = ranges.map(() => 0);
  try {
    for (let i = 0; i < ranges.length; i++) workers.push(createWorker());
    const results = await Promise.all(
      ranges.map(([from, to], i) =>
        runJob(workers[i] as Worker, { from, to, columns, ctx }, (rows) => {
          done[i] = rows;
          onProgress(done.reduce((a, b) => a + b, 0));
        }),
      ),
    );
    const count = results.reduce((sum, r) => sum + r.rows, 0);
    onProgress(count);
    return { parts: [UTF8_BOM, headerRecord(columns), ...results.map((r) => r.file)], count };
  } finally {
    for (const worker of workers) worker.terminate();
  }
}
