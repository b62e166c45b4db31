import { describe, expect, it } from 'vitest';
import type { Lead } from '@/lib/lead/schema';
import { emptyDatabaseEachTest, testRepository } from '@/test/db';
import { openDatabase } from './database';
import { derivedKeys } from './derived';
import { toRow } from './rows';

// The reads and writes other modules used to make around the repository (issue 14): each is
// a repository method now, and each keeps the store's rules (validation, counter, notices).

emptyDatabaseEachTest();

/** Stores a record that fails the schema, as an older build or a crash could have left it. */
async function putDamaged(like: Lead, id: string): Promise<void> {
  const db = await openDatabase();
  const row = { ...toRow(like), id };
  row.lead = { ...row.lead, id, emails: 'not a list' } as unknown as Lead;
  await db.put('leads', row);
}

describe('refreshFitScores', () => {
  it('stores changed scores only, validated, leaving damaged records and updatedAt as they are', async () => {
    const store = testRepository();
    const { results } = await store.saveMany([
      { fullName: 'Ada Byron', title: 'CTO' },
      { fullName: 'Grace Hopper', title: 'Admiral' },
    ]);
    const [ada, grace] = results.map((r) => r.lead) as [Lead, Lead];
    const damagedId = '6f1c1a1e-0000-4000-8000-000000000009';
    await putDamaged(ada, damagedId);
    const score = (lead: Lead) => (lead.title === 'CTO' ? 90 : undefined);

    const changed = await store.refreshFitScores(score);
    const again = await store.refreshFitScores(score);

    expect(changed).toBe(1);
    expect(again).toBe(0);
    expect(await store.get(ada.id)).toEqual({ ...ada, fitScore: 90 });
    expect((await store.get(grace.id))?.fitScore).toBeUndefined();
    expect((await store.inspect(damagedId))?.record).toMatchObject({ emails: 'not a list' });
    expect((await store.inspect(damagedId))?.record).not.toHaveProperty('fitScore');
    expect((await store.query({ sort: 'fit', limit: 1 })).leads[0]?.id).toBe(ada.id);
  });

  it('refuses a score outside 0..100 for the ids it is given, writing nothing', async () => {
    const store = testRepository();
    const { lead } = await store.save({ fullName: 'Ada Byron' });

    const changed = await store.refreshFitScores(() => 250, [lead.id]);

    expect(changed).toBe(0);
    expect((await store.get(lead.id))?.fitScore).toBeUndefined();
  });
});

describe('reads for statistics and export workers', () => {
  it('stamps the store with its count and newest update, without reading records', async () => {
    const store = testRepository();
    const empty = await store.stamp();
    await store.save({ fullName: 'Ada Byron' });
    const { lead } = await store.save({ fullName: 'Grace Hopper' });

    const stamp = await store.stamp();

    expect(empty).toEqual({ count: 0, newestUpdatedAt: 0 });
    expect(stamp).toEqual({ count: 2, newestUpdatedAt: Date.parse(lead.updatedAt) });
  });

  it('hands statistics every stored record as it is, with progress against the count', async () => {
    const store = testRepository();
    const { lead } = await store.save({ fullName: 'Ada Byron' });
    await putDamaged(lead, '6f1c1a1e-0000-4000-8000-000000000009');
    const seen: unknown[] = [];
    const progress: [number, number][] = [];

    await store.forEachRecord(
      (record) => seen.push(record),
      (done, total) => progress.push([done, total]),
    );

    expect(seen).toHaveLength(2);
    expect(seen).toContainEqual(expect.objectContaining({ emails: 'not a list' }));
    expect(progress.at(-1)).toEqual([2, 2]);
  });

  it('reads a key range of valid leads and the leads of one company domain', async () => {
    const store = testRepository();
    const { results } = await store.saveMany(
      Array.from({ length: 6 }, (_, i) => ({
        fullName: `Person ${i}`,
        companyDomain: i < 2 ? 'acme.com' : 'other.org',
      })),
    );
    const ids = results.map((r) => r.lead.id).sort();
    const inRange: string[] = [];

    for await (const lead of store.range(ids[1] ?? null, ids[4] ?? null)) inRange.push(lead.id);
    const ofAcme = (await store.ofDomain('acme.com')).map((l) => l.fullName).sort();

    expect(inRange).toEqual(ids.slice(1, 4));
    expect(ofAcme).toEqual(['Person 0', 'Person 1']);
    expect(await store.split(2, 100)).toBeNull();
    expect(await store.split(3, 6)).toHaveLength(2);
  });

  it('erases derived values (the dashboard snapshot) with the leads', async () => {
    const store = testRepository();
    await store.save({ fullName: 'Ada Byron' });
    const db = await openDatabase();
    await db.put('meta', { kept: true }, 'derived:dashboard');

    await store.clear();

    expect(await db.getAllKeys('meta', derivedKeys())).toEqual([]);
  });
});
