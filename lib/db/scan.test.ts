import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testRepository } from '@/test/db';
import { makeLead } from '@/test/factories';
import { closeDatabase, DB_NAME, openDatabase } from '.';
import { SCAN_PAGE, scanRows } from './scan';

beforeEach(async () => {
  await closeDatabase();
  await deleteDB(DB_NAME);
});
afterEach(async () => {
  await closeDatabase();
});

async function seed(n: number): Promise<string[]> {
  const leads = Array.from({ length: n }, (_, i) => makeLead(i));
  await testRepository().bulkPut(leads);
  return leads.map((l) => l.id).sort();
}

async function scannedIds(): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  for await (const rows of scanRows(await openDatabase())) {
    pages.push(rows.length);
    ids.push(...rows.map((r) => r.id));
  }
  return { ids, pages };
}

describe('scanRows', () => {
  it('gives nothing for an empty store', async () => {
    expect(await scannedIds()).toEqual({ ids: [], pages: [] });
  });

  it('reads a small store with one reader, in key order, in pages', async () => {
    const expected = await seed(2 * SCAN_PAGE + 5);
    const { ids, pages } = await scannedIds();
    expect(ids).toEqual(expected);
    expect(pages).toEqual([SCAN_PAGE, SCAN_PAGE, 5]);
  });

  it('reads a big store as two halves: every row once, in key order', async () => {
    const expected = await seed(4 * SCAN_PAGE + 321);
    const { ids, pages } = await scannedIds();
    expect(ids).toEqual(expected);
    // Two readers: the first half ends in a short page before the second half starts.
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(expected.length);
  });

  it('stops reading when the consumer stops early', async () => {
    await seed(4 * SCAN_PAGE + 1);
    const db = await openDatabase();
    let seen = 0;
    for await (const rows of scanRows(db)) {
      seen += rows.length;
      break;
    }
    expect(seen).toBe(SCAN_PAGE);
    // The store is still usable (no reader left holding anything open).
    expect(await db.count('leads')).toBe(4 * SCAN_PAGE + 1);
  });
});
