import { browser } from '#imports';

/**
 * The toolbar badge of a tab: a check mark when the page's lead is saved. Which lead(s) the
 * tab's page holds is kept in storage.session (the service worker is stopped when idle, so
 * nothing may live only in its memory); the context menu uses it to add a selection to that lead.
 */

export const SAVED_MARK = '✓';
const key = (tabId: number) => `capture-tab:${tabId}`;

export interface TabLead {
  url: string;
  leadIds: string[];
}

/** Shows the saved check mark on the tab and remembers which lead(s) the tab's page holds. */
export async function markTabSaved(tabId: number, url: string, leadIds: string[]): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: { url, leadIds } satisfies TabLead });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#0f7a3d' });
  await browser.action.setBadgeText({ tabId, text: SAVED_MARK });
}

/** Forgets the tab's lead and clears the check mark (a detection count on the badge stays). */
export async function unmarkTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
  if ((await browser.action.getBadgeText({ tabId })) === SAVED_MARK)
    await browser.action.setBadgeText({ tabId, text: '' });
}

/** The lead(s) saved from the tab's page, when the tab still shows that page. */
export async function tabLead(tabId: number, url: string): Promise<TabLead | null> {
  const raw = (await browser.storage.session.get(key(tabId)))[key(tabId)] as Partial<TabLead> | undefined;
  return raw && raw.url === url && Array.isArray(raw.leadIds) ? (raw as TabLead) : null;
}

/** The session keys of a tab's capture state, removed when the tab closes. */
export function tabKeys(tabId: number): string[] {
  return [key(tabId), `capture-draft:${tabId}`, `capture-pending:${tabId}`, `picker-pick:${tabId}`];
}
