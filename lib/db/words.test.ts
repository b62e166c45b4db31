import { describe, expect, it } from 'vitest';
import type { LeadQuery } from '@/lib/db/api';
import { emptyDatabaseEachTest, testRepository } from '@/test/db';
import { makeLead } from '@/test/factories';
import { openDatabase } from '.';
import { indexPendingWords, pendingKeys } from './words';

emptyDatabaseEachTest();

const COMPANIES = ['Danaher', 'Acme', 'Globex'];

/** Leads with distinct update times, names sharing prefixes, stages and tags. */
function leads(from: number, to: number) {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    return makeLead(i, {
      createdAt: at,
      updatedAt: at,
      fullName: `${i % 2 ? 'Dana' : 'Daniel'} Person${i}`,
      companyName: COMPANIES[i % 3],
      emails: [{ value: `person${i}@${(COMPANIES[i % 3] as string).toLowerCase()}.example` }],
      stage: i % 4 ? 'new' : 'contacted',
      tags: i % 5 ? [] : ['warm'],
    });
  });
}

const QUERIES: LeadQuery[] = [
  { text: 'dana' },
  { text: 'dan' },
  { text: 'person1' },
  { text: 'dan acme' },
  { text: 'danaher', stage: 'contacted' },
  { text: 'pers', tag: 'warm', sort: 'name' },
  { text: 'globex', limit: 5 },
  { text: 'nobody' },
];

describe('deferred search words', () => {
  it('finds leads written without their words, as the index does after the pass writes them', async () => {
    const store = testRepository();
    // Half indexed as usual, half by a first pull's deferred write.
    await store.bulkPut(leads(0, 40));
    await store.bulkPut(leads(40, 80), { deferWords: true });
    const db = await openDatabase();
    const deferred = await db.get('leads', makeLead(50).id);
    expect(deferred?.recent).toBeUndefined();
    expect(await db.count('meta', pendingKeys())).toBe(1);

    const meanwhile = [];
    for (const query of QUERIES) meanwhile.push(await store.query(query));
    const written = await indexPendingWords(db);
    const expected = [];
    for (const query of QUERIES) expected.push(await store.query(query));

    expect(written).toBe(40);
    expect((await db.get('leads', makeLead(50).id))?.recent?.length).toBeGreaterThan(0);
    expect(await db.count('meta', pendingKeys())).toBe(0);
    expect(meanwhile.map((p) => ({ ids: p.leads.map((l) => l.id), total: p.total }))).toEqual(
      expected.map((p) => ({ ids: p.leads.map((l) => l.id), total: p.total })),
    );
    // The deferred leads are among the matches (the comparison is not of two empty answers).
    expect(expected[0]?.leads.some((l) => l.id === makeLead(41).id)).toBe(true);
  });

  it('leaves a lead written again meanwhile with the words of that write', async () => {
    const store = testRepository();
    await store.bulkPut(leads(0, 3), { deferWords: true });
    const id = makeLead(1).id;
    await store.update(id, { fullName: 'Renamed Zed' });

    await indexPendingWords(await openDatabase());

    expect((await store.query({ text: 'zed' })).leads.map((l) => l.id)).toEqual([id]);
    // Its old first name is gone from the index (lead 0's company, Danaher, still matches "dana").
    expect((await store.query({ text: 'dana' })).leads.map((l) => l.id)).toEqual([makeLead(0).id]);
  });
});
