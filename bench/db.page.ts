// Page script for bench/db.bench.mjs: runs lib/db against the browser's real IndexedDB
// on a 127.0.0.1 page. Exposes window.dbBench with one function per measured step.
import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import {
  type BulkPutOptions,
  closeDatabase,
  DB_NAME,
  type LeadQuery,
  type LeadSort,
  leads,
  openDatabase,
} from '@/lib/db';
import { DB_VERSION, type ProspectorDB, upgradeDatabase } from '@/lib/db/database';
import { type LeadRow, toRow, toWords, type WordsRow } from '@/lib/db/rows';
import { scanRows } from '@/lib/db/scan';
import { indexPendingWords } from '@/lib/db/words';
import type { Lead, LeadDraft } from '@/lib/lead/schema';
import { rng } from './rng';

const FIRST = [
  'Jane',
  'John',
  'José',
  'Zoë',
  'Łukasz',
  'Ana',
  'Mia',
  'Noah',
  'Liam',
  'Olivia',
  'Émile',
  'Søren',
  'Chloé',
  'Raj',
  'Wei',
  'Aiko',
  'Fatima',
  'Omar',
  'Ingrid',
  'Mateo',
  'Priya',
  'Hannah',
  'Björn',
  'Lucía',
  'Kofi',
  'Yuki',
  'Sven',
  'Amélie',
  'Dmitri',
  'Nora',
];
const LAST = [
  'Doe',
  'Smith',
  'Müller',
  'García',
  'Nguyen',
  'Kowalski',
  'Rossi',
  'Dubois',
  'Jensen',
  'Tanaka',
  'Okafor',
  'Patel',
  'Schmidt',
  'López',
  'Novák',
  'Andersson',
  'Haddad',
  'Kim',
  'Brown',
  'Fernández',
  'Ivanova',
  "O'Brien",
  'van der Berg',
  'Søndergaard',
  'Chen',
  'Silva',
  'Costa',
  'Weber',
  'Moreau',
  'Lindqvist',
];
const COMPANY_A = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Aperture',
  'Wonka',
  'Gringotts',
  'Nakatomi',
  'Oscorp',
  'Pied Piper',
  'Dunder',
  'Massive',
  'Monarch',
];
const COMPANY_B = [
  'Labs',
  'Systems',
  'Industries',
  'Analytics',
  'Cloud',
  'Health',
  'Logistics',
  'Robotics',
  'Foods',
  'Energy',
  'Média',
  'Bank',
  'Software',
  'Studio',
  'Group',
];
const TITLES = [
  'Head of Sales',
  'VP Engineering',
  'Chief Technology Officer',
  'Marketing Manager',
  'Directeur Commercial',
  'Geschäftsführer',
  'Account Executive',
  'Founder & CEO',
  'Product Manager',
  'Data Scientist',
  'Procurement Lead',
  'Head of Growth',
  'Responsable Achats',
  'Operations Director',
  'Software Engineer',
];
const TAGS = [
  'saas',
  'fintech',
  'priority',
  'conference-2026',
  'warm',
  'cold',
  'europe',
  'us',
  'enterprise',
  'smb',
  'réunion',
  'partner',
];
const STAGES = ['new', 'new', 'new', 'researching', 'contacted', 'nurturing', 'replied', 'meeting', 'won', 'lost'];
const TLDS = ['com', 'io', 'co.uk', 'de', 'fr', 'com.au'];

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** n varied drafts: names with accents, companies on several TLDs, emails, LinkedIn links, tags, stages. */
export function drafts(n: number): LeadDraft[] {
  const r = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const out: LeadDraft[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const company = `${pick(COMPANY_A)} ${pick(COMPANY_B)}`;
    const domain = `${slug(company)}${i % 97}.${pick(TLDS)}`;
    const tags = r() < 0.6 ? [pick(TAGS), ...(r() < 0.3 ? [pick(TAGS)] : [])] : [];
    const draft: LeadDraft = {
      fullName: `${first} ${last}`,
      title: pick(TITLES),
      companyName: company,
      companyWebsite: `https://www.${domain}`,
      emails: [{ value: `${slug(first)}.${slug(last)}${i}@${domain}` }],
      links: [`https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${i.toString(36)}`],
      stage: pick(STAGES),
      // One lead in five came in on its own (the origin filter has two values).
      origin: i % 5 === 0 ? 'inbound' : 'outbound',
      // A team of 10 (team sync): each rep owns a tenth; every 20th lead has no owner yet.
      ...(i % 20 === 0 ? {} : { owner: `Rep ${i % 10}` }),
      tags,
      location: r() < 0.5 ? 'Berlin, Germany' : 'London, United Kingdom',
      sources: [
        {
          url: `https://www.linkedin.com/in/${slug(first)}-${i}`,
          capturedAt: new Date(1.7e12 + i * 60000).toISOString(),
          extractor: 'linkedin-profile',
        },
      ],
    };
    if (r() < 0.3) draft.nextFollowUpAt = new Date(1.78e12 + Math.floor(r() * 90) * 86400000).toISOString();
    if (r() < 0.4) draft.fitScore = Math.floor(r() * 100);
    if (r() < 0.2) draft.phones = [{ value: `+4930${String(1000000 + i)}` }];
    out.push(draft);
  }
  return out;
}

/** The same drafts as complete records (what bulkPut and the raw baseline write). */
export function records(n: number): Lead[] {
  const base = Date.parse('2026-01-01T00:00:00Z');
  return drafts(n).map((d, i) => {
    const at = new Date(base + i * 37_000).toISOString();
    return {
      ...(d as Lead),
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      createdAt: at,
      updatedAt: at,
      version: 1,
      phones: d.phones ?? [],
      touches: [],
      edited: [],
      tags: d.tags ?? [],
      emails: (d.emails ?? []).map((e) => ({ ...e, value: e.value.toLowerCase(), source: 'page', status: 'found' })),
    } as Lead;
  });
}

async function reset() {
  await closeDatabase();
  await deleteDB(DB_NAME);
  await deleteDB('bench-raw');
}

const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/** Time to put `rows` into `store` in one raw idb transaction, each put unawaited. */
function timedPut(db: IDBPDatabase<unknown> | IDBPDatabase<ProspectorDB>, store: 'rows' | 'leads', rows: unknown[]) {
  return time(async () => {
    const tx = (db as IDBPDatabase).transaction(store, 'readwrite');
    for (const row of rows) tx.store.put(row).catch(() => {});
    await tx.done;
  });
}

/**
 * Time to put rows and their words records (v10: `words` beside `leads`) in one raw idb
 * transaction, each put unawaited; `words` null puts the rows alone (what a deferred write puts).
 */
export function timedRowsAndWords(db: IDBPDatabase<ProspectorDB>, rows: LeadRow[], words: WordsRow[] | null) {
  return time(async () => {
    const tx = db.transaction(['leads', 'words'], 'readwrite');
    rows.forEach((row, i) => {
      const record = words?.[i];
      if (record)
        tx.objectStore('words')
          .put(record)
          .catch(() => {});
      tx.objectStore('leads')
        .put(row)
        .catch(() => {});
    });
    await tx.done;
  });
}

/** Raw idb: put the records into a plain store in one transaction (the insert baseline). */
async function rawPut(n: number) {
  const rows = records(n);
  await deleteDB('bench-raw');
  const db = await openDB('bench-raw', 1, {
    upgrade(d) {
      const s = d.createObjectStore('rows', { keyPath: 'id' });
      s.createIndex('updatedAt', 'updatedAt');
    },
  });
  const ms = await timedPut(db, 'rows', rows);
  db.close();
  return ms;
}

/**
 * Raw idb: the rows lib/db would store (lead + derived keys) put into a store with the same
 * indexes, in one transaction: what IndexedDB itself costs for our indexes, without our code.
 */
async function rawIndexedPut(n: number, drop: string[] = []) {
  const rows = records(n).map((lead) => toRow(lead));
  // `drop` may name the words' index (the `words` store's): then the rows go without their words.
  const words = drop.includes('by-word-updated') ? null : rows.map(toWords);
  await deleteDB('bench-raw-indexed');
  const db = await openDB<ProspectorDB>('bench-raw-indexed', DB_VERSION, {
    upgrade(d, oldVersion, newVersion, tx) {
      // `drop`: indexes removed after creation, to see what each one costs a bulk insert.
      void upgradeDatabase(d, oldVersion, newVersion ?? DB_VERSION, tx).then(() => {
        for (const name of drop) if (name !== 'by-word-updated') tx.objectStore('leads').deleteIndex(name as never);
      });
    },
  });
  const ms = await timedRowsAndWords(db, rows, words);
  db.close();
  await deleteDB('bench-raw-indexed');
  return ms;
}

/**
 * Raw idb: the rows put into a store with ONLY the indexes the first store design listed (updatedAt, stage,
 * nextFollowUpAt, companyDomain, tags multiEntry, dedupe keys multiEntry) plus the search
 * words (multiEntry), in one transaction: the floor of any design with that index list.
 */
async function rawListedPut(n: number) {
  const rows = records(n).map((lead) => {
    const row = toRow(lead);
    return { ...row, recent: toWords(row).recent };
  });
  await deleteDB('bench-raw-listed');
  const db = await openDB('bench-raw-listed', 1, {
    upgrade(d) {
      const s = d.createObjectStore('rows', { keyPath: 'id' });
      s.createIndex('updatedAt', 'updated');
      s.createIndex('stage', 'lead.stage');
      s.createIndex('nextFollowUpAt', 'lead.nextFollowUpAt');
      s.createIndex('companyDomain', 'lead.companyDomain');
      s.createIndex('tags', 'tags', { multiEntry: true });
      s.createIndex('keys', 'keys', { multiEntry: true });
      s.createIndex('words', 'recent', { multiEntry: true });
    },
  });
  const ms = await timedPut(db, 'rows', rows);
  db.close();
  await deleteDB('bench-raw-listed');
  return ms;
}

/** Raw idb: getAll on an index with a count (the read baseline), median of `runs`. */
async function rawGetAll(runs: number, limit: number) {
  const db = await openDB('bench-raw', 1);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    out.push(await time(() => db.getAllFromIndex('rows', 'updatedAt', null, limit)));
  }
  db.close();
  return out;
}

async function bulkPut(n: number) {
  const rows = records(n);
  await closeDatabase();
  await deleteDB(DB_NAME);
  await leads.count(); // open (and create) the database outside the timing
  return time(() => leads.bulkPut(rows));
}

/**
 * A first pull's store write (bench/store-write): `n` records into an empty store in bulkPuts of
 * `batch`, one after another, with `options` (parsed again, or validated). Baseline: rawPut.
 */
async function bulkPutBatches(n: number, batch: number, options: BulkPutOptions) {
  const rows = records(n);
  await closeDatabase();
  await deleteDB(DB_NAME);
  await leads.count();
  const ms = await time(async () => {
    for (let i = 0; i < rows.length; i += batch)
      await leads.bulkPut(rows.slice(i, i + batch), { by: 'sync', quiet: true, ...options });
  });
  if (!options.deferWords) return ms;
  // The words pass after a deferred write, timed on its own (the pull is over by then).
  const pass = await time(async () => indexPendingWords(await openDatabase()));
  return [ms, pass];
}

/**
 * store-write's breakdown: the time to derive the rows of `n` records (toRow: dedupe keys, search
 * words, sort keys; no IndexedDB), and the raw put of those rows into a store with the store's own
 * indexes in transactions of `batch` (IndexedDB's floor for the rows and entries bulkPut writes).
 */
async function deriveRows(n: number) {
  const rows = records(n);
  return time(async () => {
    for (const lead of rows) toRow(lead);
  });
}

async function rawIndexedBatches(n: number, batch: number, withWords = true) {
  const rows = records(n).map((lead) => toRow(lead));
  return rawIndexedRows(rows, batch, withWords ? rows.map(toWords) : null);
}

/** An empty scratch database built by the app's own upgrade code: the store's exact stores and indexes. */
export async function openIndexedScratch() {
  await deleteDB('bench-raw-indexed');
  return openDB<ProspectorDB>('bench-raw-indexed', DB_VERSION, {
    upgrade(d, oldVersion, newVersion, tx) {
      void upgradeDatabase(d, oldVersion, newVersion ?? DB_VERSION, tx);
    },
  });
}

/**
 * Raw idb: `rows` (and their `words` records, unless null) put into a scratch database built by
 * the app's own upgrade (the store's exact indexes), in transactions of `batch`; the time of the puts.
 */
export async function rawIndexedRows(rows: LeadRow[], batch: number, words: WordsRow[] | null) {
  const db = await openIndexedScratch();
  let ms = 0;
  for (let i = 0; i < rows.length; i += batch) {
    ms += await timedRowsAndWords(db, rows.slice(i, i + batch), words?.slice(i, i + batch) ?? null);
  }
  db.close();
  await deleteDB('bench-raw-indexed');
  return ms;
}

/** Raw idb: `rows` put into a plain store (keyPath id, no index) in transactions of `batch`; the time of the puts. */
export async function rawPlainRows(rows: unknown[], batch: number) {
  await deleteDB('bench-raw-plain');
  const db = await openDB('bench-raw-plain', 1, {
    upgrade(d) {
      d.createObjectStore('rows', { keyPath: 'id' });
    },
  });
  let ms = 0;
  for (let i = 0; i < rows.length; i += batch) ms += await timedPut(db, 'rows', rows.slice(i, i + batch));
  db.close();
  await deleteDB('bench-raw-plain');
  return ms;
}

async function saveMany(n: number) {
  const list = drafts(n);
  await closeDatabase();
  await deleteDB(DB_NAME);
  await leads.count();
  return time(() => leads.saveMany(list, { by: 'import' }));
}

/** saveMany of `n` drafts that all duplicate stored leads (re-import): dedupe lookups hit. */
async function reimport(n: number) {
  const list = drafts(n);
  return time(() => leads.saveMany(list, { by: 'import' }));
}

async function firstPage(runs: number, sort: LeadSort, limit: number) {
  const out: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    out.push(
      await time(async () => {
        total = (await leads.query({ sort, limit })).total;
      }),
    );
  }
  return { samples: out, total };
}

const QUERIES = [
  'jane',
  'mül',
  'muller',
  'jose garcia',
  'acme',
  'head sales',
  'cto',
  'priority',
  'reunion',
  'zoe',
  'lukasz',
  'soren',
  'gesch',
  'tyrell ana',
  'pied',
  'wonka foods',
  'fintech',
  'dire',
  'olivia brown',
  'chen',
];

async function search(limit: number) {
  const out: { q: string; ms: number; total: number; shown: number }[] = [];
  for (const q of QUERIES) {
    let total = 0;
    let shown = 0;
    const ms = await time(async () => {
      const page = await leads.query({ text: q, limit });
      total = page.total;
      shown = page.leads.length;
    });
    out.push({ q, ms, total, shown });
  }
  return out;
}

/**
 * What a screen pays without an index: every row read (the paged scan lists and exports use)
 * and tested, which is the only other way to an exact total. Median of `runs`.
 */
async function scanFilter(runs: number) {
  const db = await openDatabase();
  const out: number[] = [];
  let matched = 0;
  for (let i = 0; i < runs; i++) {
    out.push(
      await time(async () => {
        matched = 0;
        for await (const rows of scanRows(db)) for (const row of rows) if (row.lead.origin === 'inbound') matched++;
      }),
    );
  }
  return { samples: out, total: matched };
}

/**
 * IndexedDB's own floor for a filter's exact total: the raw getAllKeys requests of its index
 * ranges (and their intersection), nothing else of ours. Median of `runs`.
 */
async function floor(runs: number, ranges: [string, IDBValidKey | { lower: IDBValidKey; upper: IDBValidKey }][]) {
  const db = await openDatabase();
  // Ranges come from Node as { lower, upper } (an IDBKeyRange does not cross page.evaluate).
  const keyOf = (key: IDBValidKey | { lower: IDBValidKey; upper: IDBValidKey }) =>
    typeof key === 'object' && 'lower' in key ? IDBKeyRange.bound(key.lower, key.upper) : key;
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    out.push(
      await time(async () => {
        const tx = db.transaction(['leads', 'words']);
        // The search words' index is the `words` store's (v10), the others the leads'.
        const store = (name: string) => tx.objectStore(name === 'by-word-updated' ? 'words' : 'leads');
        const lists = await Promise.all(
          ranges.map(([name, key]) =>
            store(name)
              .index(name as never)
              .getAllKeys(keyOf(key) as never),
          ),
        );
        const sets = lists.map((ids) => new Set(ids));
        const [first, ...rest] = sets;
        let n = 0;
        for (const id of first ?? []) if (rest.every((s) => s.has(id))) n++;
        return n;
      }),
    );
  }
  return out;
}

/** Index entries per stored row, per index (multiEntry indexes hold one per value). */
async function entriesPerIndex() {
  const db = await openDatabase();
  const tx = db.transaction(['leads', 'words']);
  const leadsStore = tx.objectStore('leads');
  const rows = await leadsStore.count();
  const out: Record<string, number> = {};
  for (const name of leadsStore.indexNames) out[name] = (await leadsStore.index(name).count()) / Math.max(1, rows);
  // The search words' entries live in their own store since v10, one record per lead.
  out['by-word-updated'] = (await tx.objectStore('words').index('by-word-updated').count()) / Math.max(1, rows);
  return out;
}

async function filtered(runs: number, limit: number, query: LeadQuery) {
  const out: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    out.push(
      await time(async () => {
        total = (await leads.query({ ...query, limit })).total;
      }),
    );
  }
  return { samples: out, total };
}

Object.assign(window, {
  dbBench: {
    reset,
    rawPut,
    rawIndexedPut,
    rawListedPut,
    rawGetAll,
    bulkPut,
    bulkPutBatches,
    deriveRows,
    rawIndexedBatches,
    saveMany,
    reimport,
    firstPage,
    search,
    filtered,
    scanFilter,
    floor,
    entriesPerIndex,
    indexNames: async () => [...(await openDatabase()).transaction('leads').store.indexNames, 'by-word-updated'],
    count: () => leads.count(),
  },
});
