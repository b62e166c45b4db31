import { deleteDB, openDB } from 'idb';
import { afterEach, beforeEach } from 'vitest';
import { closeDatabase, DB_NAME, openDatabase } from '@/lib/db';
import type { LeadRepository } from '@/lib/db/api';
import { DB_VERSION, type ProspectorDB } from '@/lib/db/database';
import { createLeadRepository } from '@/lib/db/repository';

let clock = Date.parse('2026-03-01T09:00:00.000Z');

/** A repository whose clock advances one second per write, so sort orders are deterministic in tests. */
export function testRepository(open = openDatabase): LeadRepository {
  return createLeadRepository(open, {
    now: () => {
      clock += 1000;
      return new Date(clock).toISOString();
    },
    uuid: () => crypto.randomUUID(),
  });
}

const otherConnections: { close(): void }[] = [];

/** A second "context": its own connection to the same database, like the popup next to the background. */
export async function otherContext(): Promise<LeadRepository> {
  await openDatabase(); // creates the database at the current version
  const db = await openDB<ProspectorDB>(DB_NAME, DB_VERSION);
  otherConnections.push(db);
  return testRepository(async () => db);
}

/** Closes the connections opened by otherContext() (call in afterEach, before deleting the database). */
export function closeOtherContexts(): void {
  for (const db of otherConnections.splice(0)) db.close();
}

/** Moves the test repositories' clock forward (for restore windows and other expiries). */
export function advanceTestClock(ms: number): void {
  clock += ms;
}

/**
 * Per-test setup of a test file that uses the store: each test starts from a deleted
 * database, and every connection (this context's and otherContext()'s) is closed after it,
 * so the next deleteDB is not blocked. Call at the top level.
 */
export function emptyDatabaseEachTest(): void {
  beforeEach(async () => {
    await closeDatabase();
    await deleteDB(DB_NAME);
  });
  afterEach(async () => {
    closeOtherContexts();
    await closeDatabase();
  });
}
