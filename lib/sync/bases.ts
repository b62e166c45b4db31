import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';

/**
 * Which mirror revision each stored lead was last synced with (its base: what tells this
 * browser's own edits from stale values, lib/sync/resolve). Team sync's own bookkeeping, in
 * its own small IndexedDB database beside PouchDB's mirror, like the mirror itself:
 * - a push records the revisions it wrote without rewriting the leads, whose rows carry a
 *   dozen index entries each (at 5,000 leads that rewrite was a third of a first push);
 * - Disconnect forgets it with the mirror; lib/db's schema and its migrations are untouched.
 */

interface BasesSchema extends DBSchema {
  bases: { key: string; value: string };
}

/** The bases of a mirror: read and written in one transaction per batch. */
export interface SyncBases {
  /** The base revision of each id that has one. */
  read(ids: readonly string[]): Promise<Map<string, string>>;
  /** Records base revisions (id → rev). */
  write(entries: readonly (readonly [string, string])[]): Promise<void>;
  /** Forgets every base (Disconnect). */
  destroy(): Promise<void>;
}

/** The IndexedDB database name of the bases. */
export const BASES_DB = 'prospector-sync-bases';

/** Bases kept in IndexedDB (the extension's origin). */
export function idbBases(name = BASES_DB): SyncBases {
  let db: Promise<IDBPDatabase<BasesSchema>> | null = null;
  const open = () => {
    db ??= openDB<BasesSchema>(name, 1, {
      upgrade: (d) => {
        d.createObjectStore('bases');
      },
    });
    return db;
  };
  return {
    async read(ids) {
      const tx = (await open()).transaction('bases', 'readonly');
      const out = new Map<string, string>();
      if (ids.length >= 50) {
        // A batch's ids are mostly neighbours (lib/sync/bridge readRows): one range read.
        const sorted = [...ids].sort();
        const range = IDBKeyRange.bound(sorted[0] as string, sorted[sorted.length - 1] as string);
        // Capped, not counted: a count walks the whole range, which for spread ids is the store.
        if ((await tx.store.getAllKeys(range, ids.length * 2 + 1)).length <= ids.length * 2) {
          const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
          const wanted = new Set(ids);
          keys.forEach((key, i) => {
            const rev = values[i];
            if (wanted.has(key) && rev) out.set(key, rev);
          });
          return out;
        }
      }
      const revs = await Promise.all(ids.map((id) => tx.store.get(id)));
      ids.forEach((id, i) => {
        const rev = revs[i];
        if (rev) out.set(id, rev);
      });
      return out;
    },
    async write(entries) {
      if (entries.length === 0) return;
      const tx = (await open()).transaction('bases', 'readwrite');
      for (const [id, rev] of entries) void tx.store.put(rev, id).catch(() => {});
      await tx.done;
    },
    async destroy() {
      if (db) (await db).close();
      db = null;
      await deleteDB(name);
    },
  };
}

/** Bases in memory (unit tests). */
export function memoryBases(): SyncBases {
  const map = new Map<string, string>();
  return {
    read: async (ids) => new Map(ids.flatMap((id) => (map.has(id) ? [[id, map.get(id) as string] as const] : []))),
    write: async (entries) => {
      for (const [id, rev] of entries) map.set(id, rev);
    },
    destroy: async () => map.clear(),
  };
}
