import { deleteDB, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, DB_NAME, derived, leads } from '@/lib/db';
import { toRow } from '@/lib/db/rows';
import type { Lead } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { LEADS, options } from '@/test/dashboard.fixture';
import { computeDashboard, type DashboardOptions } from './dashboard';
import { dashboardFromSnapshot, encodeSnapshot, isSnapshot } from './snapshot';
import { currentSnapshot, forgetSnapshotMemory, loadDashboardFast } from './snapshot-store';

describe('dashboard snapshot', () => {
  it.each<[string, Partial<DashboardOptions>]>([
    ['no filter', {}],
    ['a tag', { tag: 'q1' }],
    ['a tag spelt otherwise', { tag: 'Q1' }],
    ['an unknown tag', { tag: 'nope' }],
    ['a date range', { from: '2026-03-05', to: '2026-03-06' }],
    ['a wider reply window', { replyWindowDays: 30 }],
  ])('gives the same figures as the leads themselves (%s)', (_name, extra) => {
    const expected = computeDashboard(LEADS, { ...options, ...extra });
    const actual = dashboardFromSnapshot(encodeSnapshot(LEADS), { ...options, ...extra });
    expect(actual).toEqual(expected);
  });

  it('survives a structured clone and rejects other shapes', () => {
    const snapshot = structuredClone(encodeSnapshot(LEADS));
    expect(isSnapshot(snapshot)).toBe(true);
    expect(isSnapshot({ ...snapshot, at: [1, 2] })).toBe(false);
    expect(isSnapshot({ ...snapshot, version: 99 })).toBe(false);
    expect(isSnapshot(null)).toBe(false);
  });
});

describe('snapshot store', () => {
  beforeEach(async () => {
    await closeDatabase();
    forgetSnapshotMemory();
    await deleteDB(DB_NAME);
  });
  afterEach(async () => {
    await closeDatabase();
    forgetSnapshotMemory();
  });
  const opts: DashboardOptions = { stages: DEFAULT_SETTINGS.stages, now: Date.now() };

  it('is built on the first load, used on the next, and dropped when leads change', async () => {
    await leads.saveMany([
      { fullName: 'A', origin: 'outbound', stage: 'won' },
      { fullName: 'B', origin: 'inbound', stage: 'meeting' },
    ]);
    const first = await loadDashboardFast(opts);
    expect(first.fromSnapshot).toBe(false);
    expect(first.leads.total).toBe(2);
    const second = await loadDashboardFast(opts);
    expect(second.fromSnapshot).toBe(true);
    expect(second).toEqual({ ...first, fromSnapshot: true });

    await leads.save({ fullName: 'C', origin: 'inbound', stage: 'won' });
    const third = await loadDashboardFast(opts);
    expect(third.fromSnapshot).toBe(false);
    expect(third.leads).toEqual({ outbound: 1, inbound: 2, total: 3 });
  });

  it('is kept in the lead database, so erasing the leads erases it (no second database)', async () => {
    await leads.save({ fullName: 'A', tags: ['secret-deal'] });
    await loadDashboardFast(opts);
    const kept = await derived.read('dashboard');
    const databases = (await indexedDB.databases()).map((d) => d.name);

    await leads.clear();

    expect(isSnapshot(kept)).toBe(true);
    expect(databases).toEqual([DB_NAME]);
    expect(await derived.read('dashboard')).toBeUndefined();
  });

  it('is not used after a write it was not told about (newer updatedAt, or another count)', async () => {
    const { results } = await leads.saveMany([{ fullName: 'A' }, { fullName: 'B' }]);
    await loadDashboardFast(opts);
    forgetSnapshotMemory(); // as a newly opened page
    expect(await currentSnapshot()).not.toBeNull();

    // A write straight into the store, without a change notice: a newer updatedAt.
    const lead = (await leads.get(results[0]?.lead.id ?? '')) as Lead;
    const db = await openDB(DB_NAME);
    await db.put('leads', toRow({ ...lead, stage: 'won', updatedAt: new Date(Date.now() + 60_000).toISOString() }));
    db.close();
    forgetSnapshotMemory();
    expect(await currentSnapshot()).toBeNull();
    const actual = await loadDashboardFast(opts);
    expect(actual.fromSnapshot).toBe(false);
    expect(actual.funnel.at(-1)?.reached.outbound).toBe(1);
  });
});
