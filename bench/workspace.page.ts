// Seeder for bench/workspace.bench.mjs, evaluated inside the extension's own page so it
// writes the extension origin's real IndexedDB through lib/db (bulkPut, the restore path).
import { DB_NAME, leads } from '@/lib/db';
import { queryWords } from '@/lib/db/rows';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
import { rng } from './rng';

// The bench sets zod's shared config to jitless before evaluating this bundle: evaluated
// through DevTools, zod's eval probe passes but its compiled parsers then hit the extension
// page's CSP (script-src 'self'). The built extension itself never evaluates strings.

const FIRST = ['Jane', 'John', 'José', 'Zoë', 'Łukasz', 'Ana', 'Mia', 'Noah', 'Olivia', 'Émile', 'Raj', 'Wei', 'Aiko'];
const LAST = ['Doe', 'Smith', 'Müller', 'García', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Tanaka', 'Kowalski', 'Chen'];
const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Tyrell',
  'Wonka',
  'Oscorp',
  'Monarch',
];
const TITLES = ['Head of Sales', 'VP Engineering', 'CTO', 'Marketing Manager', 'Founder & CEO', 'Data Scientist'];
const STAGES = ['new', 'new', 'researching', 'contacted', 'nurturing', 'replied', 'meeting', 'won', 'lost'];
const TAGS = ['saas', 'fintech', 'priority', 'warm', 'cold', 'europe', 'enterprise'];

function makeLeads(n: number, offset: number): Lead[] {
  const r = rng(offset + 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const now = Date.now();
  const out: Lead[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const company = pick(COMPANIES);
    const at = new Date(now - Math.floor(r() * 365 * 86_400_000)).toISOString();
    const follow = r() < 0.3 ? new Date(now + Math.floor((r() - 0.3) * 30 * 86_400_000)).toISOString() : undefined;
    out.push({
      id: crypto.randomUUID(),
      createdAt: at,
      updatedAt: at,
      version: 1,
      fullName: `${first} ${last} ${offset + i}`,
      firstName: first,
      lastName: last,
      title: pick(TITLES),
      companyName: `${company} ${(offset + i) % 500}`,
      companyDomain: `${company.toLowerCase()}${(offset + i) % 500}.example`,
      emails: [
        {
          value: `${first
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[^a-z]/g, '')}.${offset + i}@example.com`,
          source: 'page',
          status: 'found',
        },
      ],
      phones: [],
      links: [],
      sources: [],
      origin: r() < 0.8 ? 'outbound' : 'inbound',
      stage: pick(STAGES),
      touches: [],
      tags: r() < 0.5 ? [pick(TAGS)] : [],
      edited: [],
      ...(follow ? { nextFollowUpAt: follow } : {}),
    });
  }
  return out;
}

declare global {
  interface Window {
    wsBench: { seed(n: number): Promise<number>; clear(): Promise<void>; count(): Promise<number> };
  }
}

window.wsBench = {
  /** Adds n leads in batches of 5,000 (one transaction each); returns the stored count. */
  async seed(n: number) {
    const start = await leads.count();
    for (let done = 0; done < n; done += 5000) await leads.bulkPut(makeLeads(Math.min(5000, n - done), start + done));
    return leads.count();
  },
  clear: async () => {
    await leads.clear();
  },
  count: () => leads.count(),
};

/** Times one store call in this page (bench diagnostics). */
export async function timeCall(name: 'query' | 'tags' | 'count' | 'search', arg = ''): Promise<number> {
  const t0 = performance.now();
  if (name === 'query') await leads.query({ sort: 'updated', limit: 50 });
  else if (name === 'tags') await leads.tags();
  else if (name === 'count') await leads.count();
  else await leads.query({ text: arg, sort: 'updated', limit: 50 });
  return performance.now() - t0;
}
(window as unknown as { wsTime: typeof timeCall }).wsTime = timeCall;

/** The parts of one search, timed apart in this page (bench diagnostics): the store's query and IndexedDB's floor. */
export async function searchParts(text: string) {
  const t0 = performance.now();
  const page = await leads.query({ text, sort: 'updated', limit: 50 });
  const store = performance.now() - t0;
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open(DB_NAME);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  const ask = <T>(req: IDBRequest<T>) =>
    new Promise<T>((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  // The search words' index is the `words` store's since v10 (its primary keys are lead ids).
  const index = () => db.transaction('words').objectStore('words').index('by-word-updated');
  const [term] = queryWords(text);
  const range = IDBKeyRange.bound(term, `${term}\uffff`);
  // IndexedDB's own cost of the answer: the range's entry count, and its keys (the distinct
  // ids an exact total needs when a prefix spans several words).
  let t = performance.now();
  const entries = await ask(index().count(range));
  const count = performance.now() - t;
  t = performance.now();
  const ids = new Set(await ask(index().getAllKeys(range)));
  const keys = performance.now() - t;
  t = performance.now();
  const tx = db.transaction(['words', 'leads']);
  const firstIds = await ask(tx.objectStore('words').index('by-word-updated').getAllKeys(range, 51));
  const rows = (await Promise.all(firstIds.map((id) => ask(tx.objectStore('leads').get(id))))) as { lead: unknown }[];
  const getAll = performance.now() - t;
  t = performance.now();
  for (const row of rows) LeadSchema.safeParse(row.lead);
  const parse = performance.now() - t;
  db.close();
  return { text, total: page.total, entries, distinct: ids.size, store, count, keys, getAll, parse };
}
(window as unknown as { wsSearchParts: typeof searchParts }).wsSearchParts = searchParts;
