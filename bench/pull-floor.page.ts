// Page script for bench/pull-floor.bench.mjs: a team database's `_all_docs` pages fetched and
// written the ways a first pull could write them, against the browser's real IndexedDB on a
// 127.0.0.1 page. Exposes window.pullFloor.
import { deleteDB } from 'idb';
import { closeDatabase, DB_NAME, leads, openDatabase } from '@/lib/db';
import { toRow } from '@/lib/db/rows';
import { indexPendingWords } from '@/lib/db/words';
import { fromDoc, type LeadDoc, type StoredLead } from '@/lib/sync/docs';
import { ahead, allDocsPages } from './all-docs.mjs';
import { openIndexedScratch, rawIndexedRows, rawPlainRows, timedRowsAndWords } from './db.page';

const BATCH = 500;

/** The pages of the last fetch (each row 3-5 writes them). */
let pages: LeadDoc[][] = [];

const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/** A page's documents as lib/sync/first-pull hands them to bulkPut: fromDoc, with the revision. */
function storedLeads(docs: LeadDoc[]): StoredLead[] {
  const out: StoredLead[] = [];
  for (const doc of docs) {
    const rev = doc._id.startsWith('_') || !doc._rev ? null : fromDoc(doc);
    if (rev) out.push({ ...rev.lead, syncRev: doc._rev });
  }
  return out;
}

/** bulkPut's derivation of each row (validated: toRow of the lead as it is). */
const toRows = (list: StoredLead[]) => list.map((lead) => toRow(lead));

/** Row 2: the pages fetched and parsed in this page, kept for the writes. */
async function fetchPages(dbUrl: string, auth: string): Promise<{ ms: number; docs: number }> {
  const next: LeadDoc[][] = [];
  const ms = await time(async () => {
    for await (const docs of allDocsPages(dbUrl, { authorization: auth }, BATCH)) next.push(docs as LeadDoc[]);
  });
  pages = next;
  return { ms, docs: pages.flat().length };
}

/** The kept pages' conversion alone (fromDoc: zod's parse; toRow: keys and sort keys), no IndexedDB. */
function convert(): number {
  const t0 = performance.now();
  for (const docs of pages) toRows(storedLeads(docs));
  return performance.now() - t0;
}

/** Row 3: the rows put by raw idb into the store's exact schema, a transaction per page, no words records. */
function rawIndexed(): Promise<number> {
  return rawIndexedRows(toRows(pages.flatMap(storedLeads)), BATCH, null);
}

/** Row 4: the same rows into a plain keyPath store. */
function rawPlain(): Promise<number> {
  return rawPlainRows(toRows(pages.flatMap(storedLeads)), BATCH);
}

/** An empty app store, opened outside the timing. */
async function emptyStore() {
  await closeDatabase();
  await deleteDB(DB_NAME);
  await leads.count();
}

/** The first pull's write of one page (lib/sync/first-pull). */
const pullWrite = (list: StoredLead[]) =>
  leads.bulkPut(list, { by: 'sync', quiet: true, validated: true, deferWords: true });

/**
 * Runs the words pass the deferred writes scheduled (untimed), so it does not run inside the
 * next measurement, and closes the store.
 */
async function settle() {
  await indexPendingWords(await openDatabase());
  await closeDatabase();
  await deleteDB(DB_NAME);
}

/** Row 5: the app's bulkPut of each page's leads (the first pull's write: validated, words deferred). */
async function appWrite(): Promise<number> {
  const lists = pages.map(storedLeads);
  await emptyStore();
  const ms = await time(async () => {
    for (const list of lists) await pullWrite(list);
  });
  if ((await leads.count()) !== pages.flat().length) throw new Error(`bulkPut stored ${await leads.count()}`);
  await settle();
  return ms;
}

/** (2)+(3) pipelined: each page converted and raw-put while the next one is fetched. */
async function pipedRaw(dbUrl: string, auth: string): Promise<number> {
  const db = await openIndexedScratch();
  const ms = await time(async () => {
    for await (const docs of ahead(allDocsPages(dbUrl, { authorization: auth }, BATCH)))
      await timedRowsAndWords(db, toRows(storedLeads(docs as LeadDoc[])), null);
  });
  db.close();
  await deleteDB('bench-raw-indexed');
  return ms;
}

/** (2)+(5) pipelined: the first pull's store step without PouchDB's HTTP client. */
async function pipedApp(dbUrl: string, auth: string): Promise<number> {
  await emptyStore();
  const ms = await time(async () => {
    for await (const docs of ahead(allDocsPages(dbUrl, { authorization: auth }, BATCH)))
      await pullWrite(storedLeads(docs as LeadDoc[]));
  });
  await settle();
  return ms;
}

/** Rows per page as the conversion leaves them (a check that every document became a row). */
const rowCount = () => pages.reduce((n, docs) => n + storedLeads(docs).length, 0);

Object.assign(window, {
  pullFloor: { fetchPages, convert, rawIndexed, rawPlain, appWrite, pipedRaw, pipedApp, rowCount },
});
