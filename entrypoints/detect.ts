import { browser, ContentScriptContext, defineUnlistedScript } from '#imports';
import { createDetectLoop } from '@/lib/capture/detect-loop';
import { readPage } from '@/lib/extract/page';

// Per-site detection (opt-in per host): registered at runtime with scripting.registerContentScripts
// only on the sites the user granted (lib/background/capture.ts). It counts the prospects on
// the page for the toolbar badge and nothing else: no UI, no storage, one small message.
// It reads the page on each navigation (WXT's wxt:locationchange: single-page apps such as
// LinkedIn change the page without loading) and a few times more on later changes, each after
// the DOM settles, and stops for good after DETECT_LIMITS.maxReadings (lib/capture/detect-loop.ts).
export default defineUnlistedScript(() => {
  const ctx = new ContentScriptContext('detect');
  const observer = new MutationObserver(() => loop.changed());
  const loop = createDetectLoop({
    count: () => {
      const reading = readPage(document, location.href);
      return reading.pageKind === 'people-list' || reading.pageKind === 'person' ? reading.people.length : 0;
    },
    send: (count) => {
      void browser.runtime.sendMessage({ prospector: 1, type: 'detect.count', input: { count } }).catch(() => {});
    },
    now: () => Date.now(),
    setTimeout: (run, ms) => ctx.setTimeout(run, ms),
    clearTimeout: (id) => clearTimeout(id as number),
    stop: () => {
      observer.disconnect();
      ctx.abort('detection limit reached');
    },
  });
  ctx.onInvalidated(() => observer.disconnect());
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', () => loop.navigated());
  loop.navigated();
});
