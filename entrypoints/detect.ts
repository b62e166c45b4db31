import { browser, defineUnlistedScript } from '#imports';
import { readPage } from '@/lib/extract/page';

// Per-site detection (opt-in per host): registered at runtime with scripting.registerContentScripts
// only on the sites the user granted (lib/background/capture.ts). It counts the prospects on
// the page for the toolbar badge and nothing else: no UI, no storage, one small message.
export default defineUnlistedScript(() => {
  let last = -1;
  let scheduled = false;
  let sent = 0;
  const MAX_REPORTS = 50; // a page that never stops changing must not keep us busy
  const report = () => {
    scheduled = false;
    let count = 0;
    try {
      const reading = readPage(document, location.href);
      count = reading.pageKind === 'people-list' || reading.pageKind === 'person' ? reading.people.length : 0;
    } catch {
      count = 0;
    }
    if (count === last || sent >= MAX_REPORTS) return;
    last = count;
    sent++;
    void browser.runtime.sendMessage({ prospector: 1, type: 'detect.count', input: { count } }).catch(() => {});
  };
  report();
  // Single-page apps (LinkedIn) change the page without loading: re-count, batched and throttled.
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => requestAnimationFrame(report), 1000);
  }).observe(document.body ?? document.documentElement, { childList: true, subtree: true });
});
