import { AppError } from '@/lib/errors';
import type { LeadSort } from './api';

// Page cursors of lead queries: opaque to callers, checked against the query they resume.

/** A sort's index key: the sorted value, then the lead id as tie-break. */
export type SortKey = [string | number, string];

/** Orders two index keys (sort value, then id) as IndexedDB does. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** A page cursor: the query it belongs to and the last key it returned. */
export function encodeCursor(sort: LeadSort, direction: string, key: SortKey): string {
  return JSON.stringify([sort, direction, key[0], key[1]]);
}

/** The key a cursor resumes after; throws when the cursor belongs to another query. */
export function decodeCursor(cursor: string | null | undefined, sort: LeadSort, direction: string): SortKey | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(cursor);
    if (
      Array.isArray(value) &&
      value.length === 4 &&
      value[0] === sort &&
      value[1] === direction &&
      (typeof value[2] === 'string' || typeof value[2] === 'number') &&
      typeof value[3] === 'string'
    ) {
      return [value[2], value[3]];
    }
  } catch {
    // not JSON: same answer as a cursor of another query
  }
  throw new AppError('invalid', 'This page cursor belongs to another query; start again from the first page.');
}
