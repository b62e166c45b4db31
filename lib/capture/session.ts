import { browser } from '#imports';
import { type CaptureDraft, CaptureDraftSchema } from './schemas';

/**
 * The capture draft of each tab, in browser.storage.session: it survives the popup
 * closing (the popup is destroyed on every blur) but not the browser session, and is
 * removed once the lead is saved or the user discards it.
 */

/** The storage key of a tab's draft (shared with the background, which clears it after a save). */
export function draftKey(tabId: number): string {
  return `capture-draft:${tabId}`;
}

/** The draft kept for the tab, when it belongs to the same page URL; null otherwise or when unreadable. */
export async function loadDraft(tabId: number, url?: string): Promise<CaptureDraft | null> {
  const key = draftKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  if (stored === undefined) return null;
  const parsed = CaptureDraftSchema.safeParse(stored);
  if (!parsed.success) {
    await browser.storage.session.remove(key);
    return null;
  }
  if (url !== undefined && parsed.data.url !== url) return null;
  return parsed.data;
}

/** Keeps the tab's draft (called on every edit, so nothing typed is lost when the popup closes). */
export async function saveDraft(tabId: number, draft: CaptureDraft): Promise<void> {
  await browser.storage.session.set({ [draftKey(tabId)]: draft });
}

/** Forgets the tab's draft (after a save or a discard). */
export async function clearDraft(tabId: number): Promise<void> {
  await browser.storage.session.remove(draftKey(tabId));
}
