import { LEAD_COUNT_KEY, type ProspectorDatabase } from './database';

/**
 * The lead counter (DB v5 `meta` store). Every write that adds or removes leads reads it and
 * writes it back in its OWN readwrite transaction, whose scope includes `meta`, so
 * IndexedDB runs such writes one after another and the counter cannot drift. A reader checks
 * it cheaply against the store (0 ⇔ no first key); a missing or impossible value (a failed
 * migration, a store cleared by hand) is recounted once with IDBObjectStore.count.
 */

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A stored counter that passes the cheap checks, or null. */
async function trustedCount(leads: IDBObjectStore, meta: IDBObjectStore): Promise<number | null> {
  const [stored, firstKeys] = await Promise.all([
    request(meta.get(LEAD_COUNT_KEY) as IDBRequest<unknown>),
    request(leads.getAllKeys(null, 1)),
  ]);
  if (typeof stored !== 'number' || !Number.isSafeInteger(stored) || stored < 0) return null;
  if ((stored === 0) !== (firstKeys.length === 0)) return null;
  return stored;
}

/**
 * The number of leads, read in the caller's transaction (raw stores of one transaction).
 * In a readwrite transaction a bad counter is recounted and fixed right there; in a
 * readonly one it is recounted and `repair` is asked to fix it in a transaction of its own.
 */
export async function readLeadCount(leads: IDBObjectStore, meta: IDBObjectStore, repair?: () => void): Promise<number> {
  const trusted = await trustedCount(leads, meta);
  if (trusted !== null) return trusted;
  const counted = await request(leads.count());
  if (meta.transaction.mode === 'readwrite') await request(meta.put(counted, LEAD_COUNT_KEY));
  else repair?.();
  return counted;
}

/** Writes the counter in the caller's readwrite transaction (the one that added or removed the leads). */
export function writeLeadCount(meta: IDBObjectStore, count: number): Promise<IDBValidKey> {
  return request(meta.put(Math.max(0, count), LEAD_COUNT_KEY));
}

const repairing = new WeakMap<object, Promise<void>>();

/**
 * Recounts the leads and stores the counter in one readwrite transaction (serialised with
 * every write): for a reader that found the counter missing or wrong. Readers that find it
 * wrong while a repair is pending share that repair, so it is recounted once.
 */
export function repairLeadCount(db: ProspectorDatabase): Promise<void> {
  const pending = repairing.get(db);
  if (pending) return pending;
  const tx = db.transaction(['leads', 'meta'], 'readwrite');
  const leads = tx.objectStore('leads');
  const meta = tx.objectStore('meta');
  const done = (async () => {
    const counted = await leads.count();
    await meta.put(counted, LEAD_COUNT_KEY);
    await tx.done;
  })();
  // A failed repair (e.g. the connection closing) is left to the next reader or write.
  const settled = done
    .catch(() => {})
    .finally(() => {
      repairing.delete(db);
    });
  repairing.set(db, settled);
  return settled;
}
