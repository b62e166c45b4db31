import { describe, expect, it } from 'vitest';
import { leads } from '@/lib/db';
import { emptyDatabaseEachTest } from '@/test/db';
import { syncFitScores } from './fit-sync';
import { EMPTY_ICP } from './icp';

emptyDatabaseEachTest();

describe('syncFitScores', () => {
  it('stores scores without touching updatedAt or edited, sorts by fit, and is idempotent', async () => {
    const { results } = await leads.saveMany([
      { fullName: 'Vera VP', title: 'VP Sales', industry: 'SaaS' },
      { fullName: 'Ian Intern', title: 'Intern', industry: 'Retail' },
      { fullName: 'Hana Head', title: 'Head of Growth', industry: 'Retail' },
    ]);
    const before = await Promise.all(results.map((r) => leads.get(r.lead.id)));
    const icp = { ...EMPTY_ICP, titles: ['VP', 'Head of'], industries: ['SaaS'] };

    expect(await syncFitScores(icp)).toBe(3);
    expect(await syncFitScores(icp)).toBe(0);

    const after = await Promise.all(results.map((r) => leads.get(r.lead.id)));
    // Title weight 35, industry 20: VP 55/55, intern 0, head of 35/55.
    expect(after.map((l) => l?.fitScore)).toEqual([100, 0, Math.round((35 / 55) * 100)]);
    expect(after.map((l) => l?.updatedAt)).toEqual(before.map((l) => l?.updatedAt));
    expect(after.map((l) => l?.edited)).toEqual(before.map((l) => l?.edited));
    const page = await leads.query({ sort: 'fit' });
    expect(page.leads.map((l) => l.fullName)).toEqual(['Vera VP', 'Hana Head', 'Ian Intern']);

    // One lead changes: only its id is rescored.
    const ian = results[1]?.lead.id ?? '';
    await leads.update(ian, { title: 'VP Engineering' });
    expect(await syncFitScores(icp, [ian])).toBe(1);
    expect((await leads.get(ian))?.fitScore).toBe(Math.round((35 / 55) * 100));

    // An empty profile removes the stored scores.
    expect(await syncFitScores(EMPTY_ICP)).toBe(3);
    expect((await leads.get(ian))?.fitScore).toBeUndefined();
  });
});
