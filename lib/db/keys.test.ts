import { describe, expect, it, vi } from 'vitest';
import { emptyDatabaseEachTest } from '@/test/db';
import { openDatabase } from '.';
import { storedKeys } from './keys';

emptyDatabaseEachTest();

/** Puts bare rows with these ids (storedKeys reads keys only). */
async function seed(ids: string[]) {
  const db = await openDatabase();
  const tx = db.transaction('leads', 'readwrite');
  for (const id of ids) void tx.store.put({ id } as never);
  await tx.done;
}

const ids = (from: number, to: number, prefix = 'lead-') =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${String(from + i).padStart(5, '0')}`);

describe('storedKeys', () => {
  it('finds the stored ids of a batch of neighbours with one key-range read', async () => {
    await seed(ids(0, 10));
    const db = await openDatabase();
    const store = db.transaction('leads').store;
    const getKey = vi.spyOn(store, 'getKey');

    const actual = await storedKeys(store, [...ids(5, 15), 42, ids(7, 8)[0]]);

    expect([...actual].sort()).toEqual(ids(5, 10));
    expect(getKey).not.toHaveBeenCalled();
  });

  it('asks id by id when the range holds many other keys, with the same answer', async () => {
    await seed([...ids(0, 100), 'z-stored']);
    const db = await openDatabase();
    const store = db.transaction('leads').store;
    const getKey = vi.spyOn(store, 'getKey');

    const actual = await storedKeys(store, ['a-new', 'lead-00050', 'z-stored', 'z-new']);

    expect([...actual].sort()).toEqual(['lead-00050', 'z-stored']);
    expect(getKey).toHaveBeenCalledTimes(4);
  });

  it('answers an empty set for no string ids', async () => {
    const db = await openDatabase();
    expect(await storedKeys(db.transaction('leads').store, [undefined, 3])).toEqual(new Set());
  });
});
