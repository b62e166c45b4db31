// Page script for bench/insights.bench.mjs: the insights passes against the browser's real
// IndexedDB on a 127.0.0.1 page. Exposes window.insightsBench with one function per step.
import { deleteDB } from 'idb';
import { closeDatabase, DB_NAME, leads, openDatabase } from '@/lib/db';
import { toRow } from '@/lib/db/rows';
import { computeDashboardAsync } from '@/lib/intel/dashboard';
import { PatternLearner } from '@/lib/intel/email-pattern';
import { createScorer } from '@/lib/intel/fit';
import { syncFitScores } from '@/lib/intel/fit-sync';
import { EMPTY_ICP, type Icp } from '@/lib/intel/icp';
import { dropStoredSnapshot, forgetSnapshotMemory, loadDashboardFast } from '@/lib/intel/snapshot-store';
import { forEachStoredLead, loadDashboard } from '@/lib/intel/source';
import { CHANNELS, DEFAULT_STAGES, type Lead } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const FIRST = ['Jane', 'José', 'Zoë', 'Łukasz', 'Ana', 'Noah', 'Émile', 'Søren', 'Raj', 'Wei', 'Aiko', 'Fatima'];
const LAST = ['Doe', 'Müller', 'García', 'Nguyen', 'Kowalski', 'Ñúñez-García', 'Dubois', 'Tanaka', 'Okafor', 'Patel'];
const TITLES = ['VP Sales', 'Head of Growth', 'Founder', 'Engineer', 'Intern', 'Director of Marketing', 'CTO'];
const INDUSTRIES = ['SaaS', 'Retail', 'Fintech', 'Healthcare', 'Logistics'];
const PLACES = ['Berlin, Germany', 'Paris, France', 'Vienna, Austria', 'Austin, TX', 'Madrid, Spain'];
const SIZES = ['11-50 employees', '51-200 employees', '1,001-5,000', '10,001+'];
const PATTERNS = [(f: string, l: string) => `${f}.${l}`, (f: string, l: string) => `${f[0]}${l}`];
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .toLowerCase();

// A small deterministic generator, so every run measures the same data.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Builds n leads with `touches` touches in all (spread 0..8 per lead). */
function makeLeads(n: number, touches: number): Lead[] {
  const r = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const year = Date.parse('2025-01-01T00:00:00Z');
  const now = Date.now();
  const perLead = touches / n;
  const out: Lead[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const domainNo = Math.floor(r() * 2000);
    const domain = `company${domainNo}.example`;
    const created = year + Math.floor(r() * 330) * 86_400_000;
    const k = Math.round(perLead * 2 * r());
    const list = [];
    let at = created;
    for (let j = 0; j < k; j++) {
      at += Math.floor(r() * 6 * 86_400_000);
      list.push({
        id: `t${i}-${j}`,
        at: new Date(at).toISOString(),
        channel: pick(CHANNELS),
        direction: r() < 0.25 ? ('in' as const) : ('out' as const),
      });
    }
    const hasEmail = r() < 0.6;
    const build = PATTERNS[domainNo % 2] as (f: string, l: string) => string;
    out.push({
      id: crypto.randomUUID(),
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(at).toISOString(),
      version: 1,
      fullName: `${first} ${last}`,
      firstName: first,
      lastName: last,
      title: pick(TITLES),
      industry: pick(INDUSTRIES),
      location: pick(PLACES),
      companySize: pick(SIZES),
      companyName: `Company ${domainNo}`,
      companyDomain: domain,
      emails: hasEmail
        ? [{ value: `${build(fold(first), fold(last))}@${domain}`, source: 'page', status: 'found' }]
        : [],
      phones: [],
      links: [],
      sources: [],
      origin: r() < 0.7 ? 'outbound' : 'inbound',
      stage: pick(DEFAULT_STAGES),
      touches: list,
      ...(r() < 0.3 ? { nextFollowUpAt: new Date(now + (r() - 0.5) * 60 * 86_400_000).toISOString() } : {}),
      tags: r() < 0.5 ? [`tag${Math.floor(r() * 10)}`] : [],
      edited: [],
    } as Lead);
  }
  return out;
}

const ICP: Icp = {
  ...EMPTY_ICP,
  titles: ['VP', 'Head of', 'Founder'],
  industries: ['SaaS'],
  locations: ['Germany', 'Austria'],
  companySizes: ['51-200'],
};

const time = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

const api = {
  async reset() {
    await closeDatabase();
    await deleteDB(DB_NAME);
  },
  /** Seeds with raw idb puts of the store's own rows (toRow), in chunks. Returns [leads, touches]. */
  async seed(n: number, touches: number) {
    const all = makeLeads(n, touches);
    const db = await openDatabase();
    for (let i = 0; i < all.length; i += 5000) {
      const tx = db.transaction('leads', 'readwrite');
      for (const lead of all.slice(i, i + 5000)) void tx.store.put(toRow(lead));
      await tx.done;
    }
    return [await db.count('leads'), all.reduce((s, l) => s + l.touches.length, 0)];
  },
  /** Baseline: one raw getAll of every stored record. */
  async rawGetAll(runs: number) {
    const db = await openDatabase();
    const out: number[] = [];
    for (let i = 0; i < runs; i++) out.push(await time(() => db.getAll('leads')));
    return out;
  },
  /** The dashboard as the page computes it: paged raw read + one-pass builder. */
  async dashboard(runs: number) {
    const out: number[] = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      out.push(
        await time(async () => {
          const d = await loadDashboard({ stages: DEFAULT_SETTINGS.stages, now: Date.now() });
          total = d.leads.total;
        }),
      );
    }
    return { samples: out, total };
  },
  /** Dashboard with no snapshot: reads every lead, snapshots them, stores the snapshot. */
  async dashboardCold() {
    await dropStoredSnapshot();
    let from = true;
    const ms = await time(async () => {
      from = (await loadDashboardFast({ stages: DEFAULT_SETTINGS.stages, now: Date.now() })).fromSnapshot;
    });
    return { ms, fromSnapshot: from };
  },
  /** Dashboard as a newly opened page sees it: the stored snapshot is checked and read (no memory copy). */
  async dashboardWarm(runs: number) {
    const out: number[] = [];
    let from = false;
    let total = 0;
    for (let i = 0; i < runs; i++) {
      forgetSnapshotMemory();
      out.push(
        await time(async () => {
          const d = await loadDashboardFast({ stages: DEFAULT_SETTINGS.stages, now: Date.now() });
          from = d.fromSnapshot;
          total = d.leads.total;
        }),
      );
    }
    return { samples: out, fromSnapshot: from, total };
  },
  /** A filter change on an open page (snapshot in memory): tag + date range. */
  async filterChange(runs: number) {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      out.push(
        await time(() =>
          loadDashboardFast({
            stages: DEFAULT_SETTINGS.stages,
            now: Date.now(),
            tag: `tag${i % 10}`,
            from: '2025-03-01',
            to: '2025-09-30',
          }),
        ),
      );
    }
    return out;
  },
  /** For comparison: the same dashboard over leads.all() (zod-validates every lead). */
  async dashboardViaAll() {
    return time(() => computeDashboardAsync(leads.all(), { stages: DEFAULT_SETTINGS.stages, now: Date.now() }));
  },
  /** The Email patterns panel's pass: learn every domain. */
  async learnAll(runs: number) {
    const out: number[] = [];
    let domains = 0;
    for (let i = 0; i < runs; i++) {
      out.push(
        await time(async () => {
          const learner = new PatternLearner();
          await forEachStoredLead((v) => learner.add(v as Lead));
          domains = learner.patterns().size;
        }),
      );
    }
    return { samples: out, domains };
  },
  /** The best-fit table's pass: score every lead on read. */
  async scoreAll(runs: number) {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      out.push(
        await time(async () => {
          const scorer = createScorer(ICP);
          await forEachStoredLead((v) => scorer(v as Lead));
        }),
      );
    }
    return out;
  },
  /**
   * IndexedDB's floor for storing every lead's fit: every row read and put back as it is, in
   * the same batches of 500 per readwrite transaction, with no scoring and no code of ours
   * (a put rewrites the row's entries in every index, changed or not).
   */
  async rawRewrite() {
    const db = await openDatabase();
    return time(async () => {
      let after: string | null = null;
      for (;;) {
        const tx = db.transaction('leads', 'readwrite');
        const rows = await tx.store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), 500);
        for (const row of rows) void tx.store.put(row);
        await tx.done;
        const last = rows.at(-1);
        if (rows.length < 500 || !last) return;
        after = last.id;
      }
    });
  },
  /** Stores every lead's fit (the profile was just saved), then the same again (nothing changes). */
  async syncAll() {
    let changed = 0;
    const first = await time(async () => {
      changed = await syncFitScores(ICP);
    });
    let again = 0;
    const second = await time(async () => {
      again = await syncFitScores(ICP);
    });
    return { first, changed, second, again };
  },
};

declare global {
  interface Window {
    insightsBench: typeof api;
  }
}
window.insightsBench = api;
