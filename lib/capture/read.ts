import { browser } from '#imports';
import { AppError } from '@/lib/errors';
import { SITE_ADAPTERS } from '@/lib/extract/sites';

/**
 * Reads a tab on demand: injects the reader (activeTab + scripting) and hands back
 * the page's raw answer. It is untrusted: lib/extract's finalize validates it, once.
 */

// Chrome's and Firefox's words for pages no extension may script (chrome://, the web store,
// other extensions, view-source:, PDF viewer, about:, addons.mozilla.org).
const RESTRICTED =
  /cannot access|cannot be scripted|extensions gallery|missing host permission|no tab with id|cannot script|not allowed|chrome:|edge:|about:|moz-extension|permission to access/i;

/** The tab the popup acts on: `?tab=<id>` (tests, automation) or the active tab of the current window. */
export async function targetTab(search = location.search): Promise<{ id: number; url?: string | undefined }> {
  const param = new URLSearchParams(search).get('tab');
  if (param && /^\d+$/.test(param)) {
    const id = Number(param);
    const tab = await browser.tabs.get(id).catch(() => undefined);
    return { id, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new AppError('unavailable', 'There is no page to read in this window.');
  return { id: tab.id, url: tab.url };
}

/**
 * The reader to inject: the one with the site adapters on an address one of them serves (or
 * when the address is unknown), else the generic one, which every ordinary page gets and which
 * is kept small because it is parsed in the page each time.
 */
export function readerFor(url: string | undefined): '/extractor.js' | '/extractor-sites.js' {
  if (url === undefined) return '/extractor-sites.js';
  try {
    const parsed = new URL(url);
    return SITE_ADAPTERS.some((a) => a.matches(parsed)) ? '/extractor-sites.js' : '/extractor.js';
  } catch {
    return '/extractor-sites.js';
  }
}

/** Runs the extractor in the tab's top frame and returns its raw, unvalidated answer. */
export async function injectExtractor(tabId: number): Promise<unknown> {
  try {
    const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: [readerFor(url)] });
    return injection?.result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (RESTRICTED.test(message)) {
      throw new AppError(
        'unavailable',
        'Prospector cannot read this page: the browser protects its own pages and the extension store. You can still add a lead by hand.',
        { cause: err },
      );
    }
    throw new AppError('internal', `Reading the page failed: ${message}`, { cause: err });
  }
}
