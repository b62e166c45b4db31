import { describe, expect, it } from 'vitest';
import type { Lead, LeadDraft } from '@/lib/lead/schema';
import { emptyDatabaseEachTest, otherContext, testRepository } from '@/test/db';
import { makeLead } from '@/test/factories';
import { openDatabase } from '.';
import type { LeadRepository } from './api';
import { LEAD_COUNT_KEY } from './database';

const repo = testRepository;

emptyDatabaseEachTest();

/** The counter as stored, and the real number of records. */
async function counter(): Promise<{ stored: number | undefined; actual: number }> {
  const db = await openDatabase();
  const [stored, actual] = await Promise.all([db.get('meta', LEAD_COUNT_KEY), db.count('leads')]);
  return { stored, actual };
}

/** Asserts the stored counter, count() and the unfiltered total all equal the records. */
async function expectExact(store: LeadRepository, expected: number): Promise<void> {
  const { stored, actual } = await counter();
  expect(actual).toBe(expected);
  expect(stored).toBe(expected);
  expect(await store.count()).toBe(expected);
  expect((await store.query({})).total).toBe(expected);
}

const person = (i: number): LeadDraft => ({ fullName: `Person ${i}`, emails: [{ value: `p${i}@example.com` }] });

function asLead(i: number): Lead {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
  return makeLead(i, { createdAt: at, updatedAt: at, fullName: `Restored ${i}` });
}

describe('lead counter', () => {
  it('follows save, saveMany (with merges and in-batch duplicates), remove, restore and clear', async () => {
    const store = repo();
    await expectExact(store, 0);
    await store.save(person(1));
    await expectExact(store, 1);
    // Same person again: a merge, not a new lead.
    expect((await store.save({ ...person(1), title: 'CTO' })).outcome).toBe('merged');
    await expectExact(store, 1);
    const batch = [person(2), person(3), person(2), person(1), person(4)];
    const summary = await store.saveMany(batch);
    expect(summary.created).toBe(3);
    await expectExact(store, 4);
    const ids = summary.results.map((r) => r.lead.id);
    const { restoreToken, removed } = await store.remove([ids[0] ?? '', ids[1] ?? '', ids[0] ?? '', 'missing']);
    expect(removed).toBe(2);
    await expectExact(store, 2);
    expect(await store.restore(restoreToken)).toBe(2);
    await expectExact(store, 4);
    await store.clear();
    await expectExact(store, 0);
  });

  it('bulkPut counts only new ids, small (checked one by one) and big (recounted)', async () => {
    const store = repo();
    await store.bulkPut([asLead(1), asLead(2)]);
    await expectExact(store, 2);
    // One overwrite, one new, one duplicated inside the call.
    await store.bulkPut([asLead(2), asLead(3), asLead(3)]);
    await expectExact(store, 3);
    const big = Array.from({ length: 2100 }, (_, i) => asLead(i));
    await store.bulkPut(big);
    await expectExact(store, 2100);
  });

  it('restore of a lead stored again meanwhile does not count it twice', async () => {
    const store = repo();
    await store.bulkPut([asLead(1), asLead(2)]);
    const { restoreToken } = await store.remove([asLead(1).id, asLead(2).id]);
    await expectExact(store, 0);
    await store.bulkPut([asLead(1)]); // e.g. a backup restored before the undo
    await expectExact(store, 1);
    expect(await store.restore(restoreToken)).toBe(2);
    await expectExact(store, 2);
  });

  it('stays exact when two contexts saveMany at once (overlapping people)', async () => {
    const a = repo();
    const b = await otherContext();
    const first = Array.from({ length: 300 }, (_, i) => person(i));
    const second = Array.from({ length: 300 }, (_, i) => person(i + 150));
    const [ra, rb] = await Promise.all([a.saveMany(first), b.saveMany(second)]);
    expect(ra.created + rb.created).toBe(450);
    await expectExact(a, 450);
    expect(await b.count()).toBe(450);
    // And removals racing saves.
    const ids = ra.results.slice(0, 100).map((r) => r.lead.id);
    await Promise.all([a.remove(ids), b.saveMany(Array.from({ length: 50 }, (_, i) => person(i + 1000)))]);
    await expectExact(a, 400);
  });

  it('recounts once when the counter is missing (e.g. a failed migration) and stores the repair', async () => {
    const store = repo();
    await store.saveMany([person(1), person(2), person(3)]);
    const db = await openDatabase();
    await db.delete('meta', LEAD_COUNT_KEY);
    expect(await store.count()).toBe(3);
    // The readonly reader asked for a repair in a transaction of its own.
    await expect.poll(async () => (await counter()).stored).toBe(3);
    await expectExact(store, 3);
  });

  it('recounts a counter that contradicts the store (cleared by hand, impossible values)', async () => {
    const store = repo();
    await store.saveMany([person(1), person(2)]);
    const db = await openDatabase();
    // A test or tool clearing the leads store directly leaves the counter at 2.
    await db.clear('leads');
    expect(await store.count()).toBe(0);
    await store.save(person(3)); // a write fixes the counter in its own transaction
    await expectExact(store, 1);
    await db.put('meta', -4, LEAD_COUNT_KEY);
    expect(await store.count()).toBe(1);
    await db.put('meta', 1.5, LEAD_COUNT_KEY);
    expect((await store.query({})).total).toBe(1);
    // A plausible wrong value is caught by the unfiltered first page when it sees every row.
    await db.put('meta', 7, LEAD_COUNT_KEY);
    expect((await store.query({})).total).toBe(1);
    await expect.poll(async () => (await counter()).stored).toBe(1);
  });
});
