import { type Lead, LeadSchema } from '@/lib/lead/schema';
import { EMPTY_FILTERS, type LeadFilters } from './leadList';

/**
 * The popup's last first page (unfiltered), kept in the extension origin's localStorage
 * (the same profile folder as IndexedDB, never synced), so the next popup paints rows at
 * once while the store, which must count every lead for the total, answers. Cleared by
 * "Erase all data" and rewritten on every unfiltered first page.
 */
export const SNAPSHOT_KEY = 'prospector:popup-first-rows';
/** Rows the snapshot keeps: a popup's first screen. */
export const SNAPSHOT_ROWS = 12;

/** The snapshot's leads, validated; [] when absent or unreadable. */
export function readSnapshot(): Lead[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(SNAPSHOT_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.slice(0, SNAPSHOT_ROWS).flatMap((item) => {
      const parsed = LeadSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

/** Saves the first rows of an unfiltered list (or removes the snapshot when there are none). */
export function writeSnapshot(filters: LeadFilters, rows: (Lead | undefined)[]): void {
  const unfiltered = (Object.keys(EMPTY_FILTERS) as (keyof LeadFilters)[]).every(
    (k) => filters[k] === EMPTY_FILTERS[k],
  );
  if (!unfiltered) return;
  const first = rows.slice(0, SNAPSHOT_ROWS).filter((l): l is Lead => l !== undefined);
  try {
    if (first.length) localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(first));
    else localStorage.removeItem(SNAPSHOT_KEY);
  } catch {
    // Storage full or disabled: the popup just waits for the store next time.
  }
}

/** Forgets the snapshot (after erasing all leads). */
export function clearSnapshot(): void {
  try {
    localStorage.removeItem(SNAPSHOT_KEY);
  } catch {
    // Nothing to clear.
  }
}
