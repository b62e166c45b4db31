// Dedicated worker of a CSV export (lib/export/parallel.ts): renders one key range of the
// leads store and answers with a Blob. Only the page that created it can message it; every
// message is still validated.
// First: no module may build a zod schema before this runs (lib/jitless.ts says why).
import '@/lib/jitless';
import { openDatabase } from '@/lib/db/database';
import { createLeadRepository } from '@/lib/db/repository';
import { toAppError } from '@/lib/errors';
import { CsvJobSchema, type CsvReply, renderCsvRange } from './parallel';

// Its own repository rather than lib/db's `leads`: that one relays change notices through the
// extension's messaging ('#imports'), which a worker bundle cannot load; this worker only reads.
const leads = createLeadRepository(openDatabase);

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: CsvReply): void;
};

scope.onmessage = async (event) => {
  try {
    const job = CsvJobSchema.parse(event.data);
    const { rows, file } = await renderCsvRange(leads, job, (n) => scope.postMessage({ type: 'progress', rows: n }));
    scope.postMessage({ type: 'done', rows, file });
  } catch (err) {
    const { code, message } = toAppError(err);
    scope.postMessage({ type: 'error', error: { code, message } });
  }
};
