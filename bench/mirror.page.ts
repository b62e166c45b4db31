// Page script for bench/mirror-write.bench.mjs: the team-sync mirror's write (lib/sync/pouch)
// against the browser's real IndexedDB on a 127.0.0.1 page. Exposes window.mirrorBench.
import IndexeddbAdapter from 'pouchdb-adapter-indexeddb';
import { toDoc } from '@/lib/sync/docs';
import { PouchDB } from '@/lib/sync/pouch';
import { records } from './db.page';
import { rng } from './rng';

// The mirror's own adapter is registered by lib/sync/pouch; the other one here.
if (!('indexeddb' in (PouchDB as unknown as { adapters: object }).adapters)) PouchDB.plugin(IndexeddbAdapter);

type Doc = ReturnType<typeof toDoc>;

/** The docs of the last raw fetch, written by each adapter in turn. */
let pages: Doc[][] = [];

const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/** N lead documents as the team database serves them, in `_all_docs` pages of `size` (JSON). */
function allDocsPages(n: number, size: number): string[] {
  const r = rng(7);
  const hex = () =>
    Math.floor(r() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  const docs = records(n).map((lead) => toDoc({ lead, at: {} }, `1-${hex()}${hex()}${hex()}${hex()}`));
  const out: string[] = [];
  for (let i = 0; i < docs.length; i += size) {
    const rows = docs.slice(i, i + size).map((doc) => ({ id: doc._id, key: doc._id, value: { rev: doc._rev }, doc }));
    out.push(JSON.stringify({ total_rows: n, offset: i, rows }));
  }
  return out;
}

/** The raw transfer: fetches and parses the `count` pages from `origin`, keeping their docs. */
async function rawFetch(origin: string, count: number): Promise<number> {
  pages = [];
  return time(async () => {
    for (let i = 0; i < count; i++) {
      const res = (await (await fetch(`${origin}/page/${i}`)).json()) as { rows: { doc: Doc }[] };
      pages.push(res.rows.map((row) => row.doc));
    }
  });
}

/** The mirror write of the fetched docs into a new mirror with `adapter`, one bulkDocs per page. */
async function mirrorWrite(adapter: 'idb' | 'indexeddb'): Promise<number> {
  const name = `bench-mirror-${adapter}`;
  await new PouchDB(name, { adapter }).destroy();
  const db = new PouchDB(name, { adapter, auto_compaction: false });
  await db.info(); // Opened before the clock starts.
  // As lib/sync/first-pull writes each page: the server's revisions as they are.
  const ms = await time(async () => {
    for (const docs of pages) await db.bulkDocs(docs as PouchDB.Core.PutDocument<object>[], { new_edits: false });
  });
  const info = await db.info();
  if (info.doc_count !== pages.flat().length) throw new Error(`${adapter}: ${info.doc_count} docs written`);
  await db.destroy();
  return ms;
}

Object.assign(window, { mirrorBench: { allDocsPages, rawFetch, mirrorWrite } });
