import { describe, expect, it } from 'vitest';
import { emptyDatabaseEachTest, testRepository } from '@/test/db';
import { makeLead } from '@/test/factories';
import { openDatabase } from '.';
import type { ProspectorDatabase } from './database';
import { READ_AHEAD, rangesOf, SCAN_PAGE, scanRange, scanRows, splitKeys } from './scan';

emptyDatabaseEachTest();

async function seed(n: number): Promise<string[]> {
  const leads = Array.from({ length: n }, (_, i) => makeLead(i));
  await testRepository().bulkPut(leads);
  return leads.map((l) => l.id).sort();
}

async function ids(pages: AsyncIterable<{ id: string }[]>): Promise<{ ids: string[]; pages: number[] }> {
  const out: string[] = [];
  const sizes: number[] = [];
  for await (const rows of pages) {
    sizes.push(rows.length);
    out.push(...rows.map((r) => r.id));
  }
  return { ids: out, pages: sizes };
}

/** The database with its getAll calls counted. */
function counting(db: ProspectorDatabase): { db: ProspectorDatabase; calls: () => number } {
  let calls = 0;
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'getAll') {
        return (...args: Parameters<ProspectorDatabase['getAll']>) => {
          calls++;
          return target.getAll(...args);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: wrapped, calls: () => calls };
}

describe('scanRows', () => {
  it('gives nothing for an empty store', async () => {
    expect(await ids(scanRows(await openDatabase()))).toEqual({ ids: [], pages: [] });
  });

  it('reads every row once, in key order, in pages', async () => {
    const expected = await seed(2 * SCAN_PAGE + 5);
    expect(await ids(scanRows(await openDatabase()))).toEqual({ ids: expected, pages: [SCAN_PAGE, SCAN_PAGE, 5] });
  });

  it(`reads at most ${READ_AHEAD} pages ahead of its consumer, and stops when the consumer stops`, async () => {
    await seed((READ_AHEAD + 4) * SCAN_PAGE);
    const { db, calls } = counting(await openDatabase());
    let seen = 0;
    for await (const rows of scanRows(db)) {
      seen += rows.length;
      // Time enough for the reader to run ahead as far as it may.
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
      expect(calls()).toBeLessThanOrEqual(1 + READ_AHEAD + 1);
      break;
    }
    expect(seen).toBe(SCAN_PAGE);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls()).toBeLessThanOrEqual(1 + READ_AHEAD + 1);
    expect(await db.count('leads')).toBe((READ_AHEAD + 4) * SCAN_PAGE);
  });
});

describe('splitKeys and scanRange', () => {
  it('leaves a store below the threshold whole', async () => {
    await seed(10);
    expect(await splitKeys(await openDatabase(), 3, 11)).toBeNull();
    expect(rangesOf(null)).toEqual([[null, null]]);
  });

  it('cuts the store into ranges that hold every row once, in order', async () => {
    const expected = await seed(2345);
    const db = await openDatabase();
    const keys = await splitKeys(db, 3, 100);
    expect(keys).toHaveLength(2);
    const ranges = rangesOf(keys);
    expect(ranges).toHaveLength(3);
    const parts = [];
    for (const [from, to] of ranges) parts.push((await ids(scanRange(db, from, to))).ids);
    expect(parts.map((p) => p.length).every((n) => n > 700 && n < 900)).toBe(true);
    expect(parts.flat()).toEqual(expected);
  });
});
