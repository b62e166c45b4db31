import { browser } from '#imports';

/**
 * The Firefox e2e build's way in for the smoke suite (test/firefox/). WebDriver BiDi refuses
 * to navigate a tab to a moz-extension:// URL, so on install the background opens the
 * workspace itself and the suite attaches to that tab, then opens the other pages from it.
 * It also counts background starts in storage.session, so the suite can tell that the event
 * page was stopped and woken again (by an alarm). Wired only when MODE is "e2e" and the
 * browser is Firefox, so the shipped builds do not contain it.
 */

/** storage.session key: how many times the background's main ran this browser session. */
export const BACKGROUND_STARTS_KEY = 'e2e:background-starts';

/** Registers the e2e seam. Call synchronously at the top of the background's main. */
export function registerE2eSeam(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  });
  void (async () => {
    const stored = (await browser.storage.session.get(BACKGROUND_STARTS_KEY))[BACKGROUND_STARTS_KEY];
    await browser.storage.session.set({ [BACKGROUND_STARTS_KEY]: (typeof stored === 'number' ? stored : 0) + 1 });
  })().catch((err: unknown) => console.warn('Prospector e2e: could not count the start', err));
}
