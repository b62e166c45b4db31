import { AppError, toAppError } from '@/lib/errors';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
import type { ProspectorDatabase } from './database';
import { aliasKey, type LeadRow } from './rows';

/**
 * What every part of the repository shares: the connection, the clock and ids, and the
 * helpers of a transaction (turns for the page, aborts, the last check before a put).
 */

export interface RepositoryDeps {
  now: () => string;
  uuid: () => string;
}

/** The repository's context: its connection (trash purged on first use) and its clock and ids. */
export interface StoreContext {
  open: () => Promise<ProspectorDatabase>;
  deps: RepositoryDeps;
}

/** Drafts or records handled per round of a batch write: their index lookups are issued together. */
export const SAVE_CHUNK = 250;
/** Main-thread work between two turns for the page: well under the 50 ms of a "long task". */
export const SLICE_MS = 20;

/**
 * Turns for the page inside a readwrite transaction, where only the transaction's own
 * requests may be awaited. Each call is given the last put issued so far and awaits the
 * one of the PREVIOUS call when it is still pending, so IndexedDB always has a slice of
 * puts queued while the page has its turn; when that one is done it awaits the new one.
 * Awaiting a put rather than a read keeps reads out of the write batch.
 */
export function transactionTurns(): (lastPut: Promise<unknown>) => Promise<void> {
  let previous: { done: boolean; promise: Promise<unknown> } | null = null;
  return async (lastPut) => {
    const probe = { done: false, promise: lastPut };
    lastPut.then(
      () => {
        probe.done = true;
      },
      () => {},
    );
    const wait = previous && !previous.done ? previous : probe;
    previous = probe;
    await wait.promise;
  };
}

/**
 * The row of a lead by id or, when absent, of the lead team sync merged that id into (its
 * alias): links, reminders and open detail views keep working after a dedupe.
 */
export async function rowOrAlias(
  store: {
    get(id: string): Promise<LeadRow | undefined>;
    index(name: 'by-key'): { get(key: string): Promise<LeadRow | undefined> };
  },
  id: string,
): Promise<LeadRow | undefined> {
  return (await store.get(id)) ?? (await store.index('by-key').get(aliasKey(id)));
}

/** The error of a stored record that fails the schema (never rewritten, never hidden). */
export function corrupt(id: string): AppError {
  return new AppError(
    'corrupt',
    `The stored lead ${id} is damaged and cannot be shown. It was kept as it is; export a backup and contact support.`,
  );
}

/** The error of an id that is not stored. */
export function notFound(id: string): AppError {
  return new AppError('not-found', `No lead with id ${id}`);
}

/**
 * The last check before any put: the record as it will be stored must satisfy LeadSchema, or
 * the row would vanish from every list, export and backup. Throws AppError('invalid').
 */
export function checkRecord(lead: Lead, where: string): void {
  const parsed = LeadSchema.safeParse(lead);
  if (parsed.success) return;
  const e = toAppError(parsed.error);
  throw new AppError('invalid', `${where}${e.message}`, { cause: parsed.error });
}

/** Runs repository work and turns whatever it throws into an AppError. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toAppError(err);
  }
}

/** Aborts a transaction on purpose (nothing written); its done promise then rejects, which is expected. */
export function abort(tx: { done: Promise<void>; abort(): void }): void {
  ignore(tx.done);
  tx.abort();
}

/** Marks a request's failure as handled: the transaction's own promise (tx.done) reports it. */
export function ignore(promise: Promise<unknown>): void {
  promise.catch(() => {});
}
