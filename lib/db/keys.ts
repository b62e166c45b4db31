/**
 * Which of some ids are stored, read inside the caller's transaction. A batch's ids are
 * mostly neighbours (a first pull reads `_all_docs` in key order; a push lists ids in key
 * order), so one capped getAllKeys over their [smallest, largest] range answers for all of
 * them, where a getKey per id queued one request per lead ahead of the batch's puts (500 per
 * batch of a first pull). When the range holds many other keys (ids spread over a big store),
 * the read stops at its cap and each id is asked for on its own, as before.
 */

interface KeyStore {
  getKey(id: string): Promise<IDBValidKey | undefined>;
  getAllKeys(range: IDBKeyRange, count: number): Promise<IDBValidKey[]>;
}

/** The stored ones of `ids` (strings only; others are never stored). */
export async function storedKeys(store: KeyStore, ids: readonly unknown[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))].sort();
  const first = wanted[0];
  const last = wanted[wanted.length - 1];
  if (first === undefined || last === undefined) return new Set();
  // Capped: an uncapped read of a range spanning the whole store would read every key.
  const cap = wanted.length * 2;
  const inRange = await store.getAllKeys(IDBKeyRange.bound(first, last), cap + 1);
  if (inRange.length <= cap) {
    const set = new Set(wanted);
    return new Set(inRange.filter((key): key is string => typeof key === 'string' && set.has(key)));
  }
  const found = await Promise.all(wanted.map((id) => store.getKey(id)));
  return new Set(wanted.filter((_, i) => found[i] !== undefined));
}
