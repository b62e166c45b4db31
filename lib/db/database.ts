import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { AppError, toAppError } from '@/lib/errors';
import { webAddressRow } from './migrate-urls';
import { indexedWords, type LeadRow, recentWords, rowOwner, searchWords, toWords, type WordsRow } from './rows';

/**
 * The one IndexedDB database of Prospector, in the extension's origin (background,
 * popup and options share it; content scripts never open it).
 *
 * Versions (cumulative upgrades, so a user on any old version reaches the newest):
 * - v1: `leads` (rows by id; indexes for sorting, filters and dedupe keys) and `trash`
 *   (removed rows kept for undo).
 * - v2: `by-word` multiEntry index over folded search words; the upgrade computes the
 *   words of every existing row.
 * - v3: `by-stage-updated` [stage, -updatedAt, id], so one stage's newest leads are one read.
 * - v4: `by-word-updated` replaces `by-word`: multiEntry over "word\0recency" (row.recent),
 *   so one word's matches come newest first; same prefix ranges, so the same searches.
 * - v5: `meta` store with the lead counter (key LEAD_COUNT_KEY), kept by every write that
 *   adds or removes leads in its own transaction, so count() and unfiltered totals are O(1)
 *   (Chromium's IDBObjectStore.count walks every record); the upgrade counts existing rows.
 * - v6: `by-stage` dropped: a stage filter is the [stage] prefix of `by-stage-updated`, so the
 *   second index only cost every write one more entry (each index entry is ~5 µs of a bulk
 *   insert, measured by `BENCH_DB_INDEXES=1 npm run bench db`). Rows stop carrying `words`
 *   (the same words as `recent`, never indexed since v4); old rows lose it when next written.
 * - v7: URL fields hold only http(s) web addresses. Stored rows, and rows in the
 *   trash, move other values (`javascript:`, `data:`, ...) to their notes as "Kept as text"
 *   lines (./migrate-urls.ts); a row damaged for another reason is left as it is.
 * - v8: `by-origin` (an entry on every lead for a filter with two values) is replaced by the
 *   sparse `by-inbound` over `row.inbound`, set on inbound leads only: "outbound" is the lead
 *   count minus the inbound ones, and an outbound lead costs a write no entry (bench/README.md
 *   has what each index costs and earns). The upgrade marks the stored inbound rows.
 * - v9: sparse `by-owner` over `row.owner` (team sync: the teammate a lead's owner or capturedBy
 *   names), so the workspace's owner filter reads index keys instead of every row; a lead
 *   nobody named (this browser's) has no entry. The upgrade sets `owner` on the rows that name one.
 * - v10: the search words leave the lead rows for a `words` store ({id, recent}, index
 *   `by-word-updated` as on `leads` before): a bulk write (a first pull, an import) puts the rows
 *   with their small indexes and the words beside them or in a pass after (./words.ts), and a
 *   rewrite that changes no word nor the update time (a stored fit) leaves them alone. The upgrade
 *   copies each row's `recent` (computed for a row without it) and drops the index; the rows keep
 *   `recent`, unread, until next written (rewriting every row would cost what a bulk insert does).
 */

export const DB_NAME = 'prospector';
export const DB_VERSION = 10;
/** Key of the lead counter in the `meta` store (v5). */
export const LEAD_COUNT_KEY = 'leadCount';

/** A removed lead, kept for the restore window. */
export interface TrashRow {
  id: string;
  token: string;
  removedAt: string;
  row: LeadRow;
}

export interface ProspectorDB extends DBSchema {
  leads: {
    key: string;
    value: LeadRow;
    indexes: {
      'by-updated': [number, string];
      'by-created': [number, string];
      'by-name': [string, string];
      'by-company': [string, string];
      'by-follow': [string, string];
      'by-fit': [number, string];
      'by-stage-updated': [string, number, string];
      'by-inbound': number;
      'by-owner': string;
      'by-tag': string;
      'by-domain': string;
      'by-key': string;
    };
  };
  /** Each lead's search words (v10): `recent` as ./rows.ts toWords builds it. */
  words: {
    key: string;
    value: WordsRow;
    indexes: { 'by-word-updated': string };
  };
  trash: {
    key: string;
    value: TrashRow;
    indexes: { 'by-token': string; 'by-removed': string };
  };
  /**
   * Bookkeeping values by name (v5): LEAD_COUNT_KEY → number of records in `leads`; keys
   * under DERIVED_PREFIX → caches derived from the leads (./derived.ts).
   */
  meta: {
    key: string;
    value: unknown;
  };
}

export type ProspectorDatabase = IDBPDatabase<ProspectorDB>;
/** The v4–v9 words index of `leads` (typed out of the schema since v10 moved it to `words`). */
const BY_WORD_UPDATED = 'by-word-updated' as 'by-key';
type UpgradeTx = IDBPTransaction<ProspectorDB, ('leads' | 'trash' | 'meta' | 'words')[], 'versionchange'>;

/**
 * Runs the upgrade steps from `oldVersion` up to `newVersion`. Exported so tests can build
 * a database exactly as an older version left it. Only the transaction's own requests
 * are awaited (awaiting anything else would let the versionchange transaction commit).
 */
export async function upgradeDatabase(
  db: IDBPDatabase<ProspectorDB>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
): Promise<void> {
  if (oldVersion < 1 && newVersion >= 1) {
    const leads = db.createObjectStore('leads', { keyPath: 'id' });
    // Compound [sortKey, id] keys are unique, so a page cursor is just the last row's key.
    leads.createIndex('by-updated', ['updated', 'id']);
    leads.createIndex('by-created', ['created', 'id']);
    leads.createIndex('by-name', ['name', 'id']);
    leads.createIndex('by-company', ['company', 'id']);
    leads.createIndex('by-follow', ['follow', 'id']);
    leads.createIndex('by-fit', ['fit', 'id']);
    leads.createIndex('by-stage' as 'by-stage-updated', 'lead.stage');
    // Typed out of the schema since v8 replaced it with by-inbound; created here as it shipped.
    leads.createIndex('by-origin' as 'by-inbound', 'lead.origin');
    leads.createIndex('by-tag', 'tags', { multiEntry: true });
    leads.createIndex('by-domain', 'lead.companyDomain');
    leads.createIndex('by-key', 'keys', { multiEntry: true });
    const trash = db.createObjectStore('trash', { keyPath: 'id' });
    trash.createIndex('by-token', 'token');
    trash.createIndex('by-removed', 'removedAt');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    const leads = tx.objectStore('leads');
    // Typed out of the schema since v4 dropped it (as the dedupe keys' name); created here so each step stays as it shipped.
    leads.createIndex('by-word' as 'by-key', 'words', { multiEntry: true });
    let cursor = await leads.openCursor();
    while (cursor) {
      const row = cursor.value;
      try {
        row.words = searchWords(row.lead);
        await cursor.update(row);
      } catch {
        // A corrupt row stays as it is (never deleted); get() reports it, lists skip it.
      }
      cursor = await cursor.continue();
    }
  }
  if (oldVersion < 3 && newVersion >= 3) {
    // The pipeline view (one stage, newest first) in one getAll; IndexedDB fills the new
    // index from the existing rows, which already hold both fields.
    tx.objectStore('leads').createIndex('by-stage-updated', ['lead.stage', 'updated', 'id']);
  }
  if (oldVersion < 4 && newVersion >= 4) {
    const leads = tx.objectStore('leads');
    if (leads.indexNames.contains('by-word' as 'by-key')) leads.deleteIndex('by-word' as 'by-key');
    leads.createIndex(BY_WORD_UPDATED, 'recent', { multiEntry: true });
    let cursor = await leads.openCursor();
    while (cursor) {
      const row = cursor.value;
      try {
        // `words` go (v6 rows do not carry them; the index reads `recent`).
        row.recent = recentWords(indexedWords(row.lead), row.updated);
        delete row.words;
        await cursor.update(row);
      } catch {
        // A corrupt row stays as it is (never deleted); get() reports it, lists skip it.
      }
      cursor = await cursor.continue();
    }
  }
  if (oldVersion < 5 && newVersion >= 5) {
    // The counter starts as the exact count of the rows this transaction sees (nothing else
    // can write during a versionchange transaction).
    const meta = db.createObjectStore('meta');
    await meta.put(await tx.objectStore('leads').count(), LEAD_COUNT_KEY);
  }
  if (oldVersion < 6 && newVersion >= 6) {
    const leads = tx.objectStore('leads');
    if (leads.indexNames.contains('by-stage' as 'by-stage-updated'))
      leads.deleteIndex('by-stage' as 'by-stage-updated');
  }
  if (oldVersion < 7 && newVersion >= 7) {
    let cursor = await tx.objectStore('leads').openCursor();
    while (cursor) {
      const next = webAddressRow(cursor.value);
      if (next) await cursor.update(next);
      cursor = await cursor.continue();
    }
    let trashed = await tx.objectStore('trash').openCursor();
    while (trashed) {
      const next = webAddressRow(trashed.value.row);
      if (next) await trashed.update({ ...trashed.value, row: next });
      trashed = await trashed.continue();
    }
  }
  if (oldVersion < 8 && newVersion >= 8) {
    const leads = tx.objectStore('leads');
    const byOrigin = 'by-origin' as 'by-inbound';
    // The old index lists the inbound rows: only they change (the new index reads their new
    // field), so the upgrade reads those, not the whole store. A damaged row is marked when its
    // origin says inbound; the rest of it is left as it is.
    let cursor = leads.indexNames.contains(byOrigin)
      ? await leads.index(byOrigin).openCursor(IDBKeyRange.only('inbound') as unknown as number)
      : await leads.openCursor();
    while (cursor) {
      const row = cursor.value;
      if ((row.lead as { origin?: unknown } | undefined)?.origin === 'inbound' && row.inbound !== 1) {
        await cursor.update({ ...row, inbound: 1 });
      }
      cursor = await cursor.continue();
    }
    if (leads.indexNames.contains(byOrigin)) leads.deleteIndex(byOrigin);
    leads.createIndex('by-inbound', 'inbound');
  }
  if (oldVersion < 9 && newVersion >= 9) {
    const leads = tx.objectStore('leads');
    // No index lists the synced rows, so every row is read; only those naming a teammate change
    // (a damaged row too, when its owner or capturedBy is a string).
    let cursor = await leads.openCursor();
    while (cursor) {
      const row = cursor.value;
      const owner = row.lead && typeof row.lead === 'object' ? rowOwner(row.lead) : undefined;
      if (owner !== undefined && row.owner !== owner) await cursor.update({ ...row, owner });
      cursor = await cursor.continue();
    }
    leads.createIndex('by-owner', 'owner');
  }
  if (oldVersion < 10 && newVersion >= 10) {
    const leads = tx.objectStore('leads');
    if (leads.indexNames.contains(BY_WORD_UPDATED)) leads.deleteIndex(BY_WORD_UPDATED);
    const words = db.createObjectStore('words', { keyPath: 'id' });
    words.createIndex('by-word-updated', 'recent', { multiEntry: true });
    // Each row's entries move as the v4 index held them; a row without them (a damaged one
    // written so) gets its words computed, and a lead too damaged for that gets none, as before.
    let cursor = await leads.openCursor();
    while (cursor) {
      const row = cursor.value;
      const recent = Array.isArray(row.recent) && row.recent.every((w) => typeof w === 'string') ? row.recent : null;
      let record: WordsRow | null = recent ? { id: row.id, recent } : null;
      try {
        record ??= toWords(row);
      } catch {
        // No words for it (never deleted; get() reports it, lists skip it).
      }
      if (record) await words.put(record);
      cursor = await cursor.continue();
    }
  }
}

/** How long an upgrade may wait for other tabs holding the old version before the caller is told. */
const BLOCKED_GRACE_MS = 3000;

let opening: Promise<ProspectorDatabase> | null = null;

/**
 * Opens (once per context) the database at the newest version. Connections close
 * themselves when a newer version wants to upgrade, so an upgrade is only blocked by an
 * old build that does not; then the caller gets AppError('blocked') and may retry.
 */
export function openDatabase(): Promise<ProspectorDatabase> {
  if (opening) return opening;
  const attempt = new Promise<ProspectorDatabase>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    openDB<ProspectorDB>(DB_NAME, DB_VERSION, {
      upgrade: (db, oldVersion, newVersion, tx) => {
        // The steps run inside the versionchange transaction; a failure aborts it, so the
        // database stays at the old version with its data intact.
        upgradeDatabase(db, oldVersion, newVersion ?? DB_VERSION, tx).catch(() => tx.abort());
      },
      blocked: () => {
        timer ??= setTimeout(() => {
          if (settled) return;
          settled = true;
          if (opening === attempt) opening = null;
          reject(
            new AppError(
              'blocked',
              'Prospector is updating its database but another Prospector tab still uses the old one. Close other Prospector tabs and try again.',
            ),
          );
        }, BLOCKED_GRACE_MS);
      },
      blocking: () => {
        // A newer version wants to upgrade: step aside; the next call reopens.
        void attempt.then((db) => db.close());
        if (opening === attempt) opening = null;
      },
      terminated: () => {
        if (opening === attempt) opening = null;
      },
    }).then(
      (db) => {
        clearTimeout(timer);
        if (settled) db.close();
        else {
          settled = true;
          resolve(db);
        }
      },
      (err: unknown) => {
        clearTimeout(timer);
        if (opening === attempt) opening = null;
        if (!settled) {
          settled = true;
          reject(toAppError(err));
        }
      },
    );
  });
  opening = attempt;
  return attempt;
}

/** Closes this context's connection (tests, and before deleting the database). */
export async function closeDatabase(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) (await current.catch(() => null))?.close();
}
