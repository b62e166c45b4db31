import { browser } from '#imports';
import { type PickState, PickStateSchema } from './schema';

/**
 * A tab's pending selection: the records of a confirmed pick (written by the background,
 * which the picker messages, since the popup is closed by then) or of a recipe run, with
 * the line → field mapping the user sees. Kept in storage.session like the capture draft,
 * until saved, discarded or the tab closes.
 */

/** The storage key of a tab's pending selection. */
export function pickKey(tabId: number): string {
  return `picker-pick:${tabId}`;
}

/** The tab's pending selection for that page URL; null when none, for another page, or unreadable. */
export async function loadPick(tabId: number, url?: string): Promise<PickState | null> {
  const key = pickKey(tabId);
  const parsed = PickStateSchema.safeParse((await browser.storage.session.get(key))[key]);
  if (!parsed.success) return null;
  return url === undefined || parsed.data.url === url ? parsed.data : null;
}

/** Keeps the tab's pending selection. */
export async function savePick(tabId: number, pick: PickState): Promise<void> {
  await browser.storage.session.set({ [pickKey(tabId)]: pick });
}

/** Forgets the tab's pending selection. */
export async function clearPick(tabId: number): Promise<void> {
  await browser.storage.session.remove(pickKey(tabId));
}
