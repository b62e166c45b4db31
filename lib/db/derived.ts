import type { ProspectorDatabase } from './database';

/**
 * Values derived from the leads (the insights dashboard's snapshot), kept in the lead
 * database's `meta` store under DERIVED_PREFIX: one database for everything Prospector
 * stores, so "Erase all data" and the store's own transactions cover them. What a value
 * means, and when it is still current, is its owner's business (lib/intel/snapshot-store.ts
 * checks a snapshot against the store's stamp); this module only keeps it.
 */

export const DERIVED_PREFIX = 'derived:';
/** The separate database older versions kept the dashboard snapshot in; deleted on first use. */
const LEGACY_INSIGHTS_DB = 'prospector-insights';

/** Every derived key: a range for clearing them all. */
export function derivedKeys(): IDBKeyRange {
  return IDBKeyRange.bound(DERIVED_PREFIX, `${DERIVED_PREFIX}\uffff`);
}

/** A cache of values derived from the leads, by name. */
export interface DerivedStore {
  read(name: string): Promise<unknown>;
  write(name: string, value: unknown): Promise<void>;
  drop(name: string): Promise<void>;
}

/** The derived values of the database `open` gives. */
export function createDerivedStore(open: () => Promise<ProspectorDatabase>): DerivedStore {
  let legacyDropped = false;
  const db = async () => {
    if (!legacyDropped && typeof indexedDB !== 'undefined') {
      legacyDropped = true;
      // Nothing waits on it: an absent database is deleted at once, an open one when it closes.
      indexedDB.deleteDatabase(LEGACY_INSIGHTS_DB);
    }
    return open();
  };
  return {
    read: async (name) => (await db()).get('meta', DERIVED_PREFIX + name),
    write: async (name, value) => {
      await (await db()).put('meta', value, DERIVED_PREFIX + name);
    },
    drop: async (name) => {
      await (await db()).delete('meta', DERIVED_PREFIX + name);
    },
  };
}
