// `npm run bench popup`: toolbar popup open → filled capture form, on a LinkedIn-like profile
// buried in a 10,000-element page (headless Chromium, the built extension, real executeScript).
// Figure: median ms from the popup's navigation start until the Name field holds the person's
// name, as a ratio to opening an empty extension page (navigation start → load end) in the
// same run and browser. Uses the e2e build (BENCH_EXT_DIR, default .output/chrome-mv3-e2e),
// whose host permission for http pages stands in for the click that grants activeTab; build it
// first (`npm run build:e2e`). The build is copied, plus an empty page, to a
// temp folder so a concurrent rebuild cannot change it mid-run.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, report, requireFreshBuild, serve, stats } from './lib.mjs';

const SOURCE = process.env.BENCH_EXT_DIR || '.output/chrome-mv3-e2e';
requireFreshBuild(SOURCE);
const RUNS = Number(process.env.BENCH_OPENS || 9);
const ELEMENTS = 10_000;

const ext = mkdtempSync(join(tmpdir(), 'prospector-popup-bench-'));
cpSync(SOURCE, ext, { recursive: true });
writeFileSync(
  join(ext, 'bench-empty.html'),
  '<!doctype html><html><head><meta charset="utf-8"><title>empty</title></head><body></body></html>',
);

/** The capture fixture profile with a feed of noise appended until the page holds 10,000 elements. */
function bigProfile() {
  const html = readFileSync('test/fixtures/pages/capture/in/jane-doe.html', 'utf8');
  const base = (html.match(/<[a-z][a-z0-9-]*[\s>]/gi) ?? []).length;
  const perPost = 5; // li, article, h3, p, a
  const posts = Math.ceil((ELEMENTS - base) / perPost);
  const feed = Array.from(
    { length: posts },
    (_, i) =>
      `<li class="feed-item"><article class="update-components"><h3 class="update-title">Post ${i}</h3><p class="update-text">Robotics notes number ${i}: cells, grippers and cycle times.</p><a href="/feed/update/${i}">See more</a></article></li>`,
  ).join('');
  return html.replace('</main>', `<ul class="feed">${feed}</ul></main>`);
}

const page = bigProfile();
const server = await serve({ '/in/jane-doe': { body: page } });
const port = new URL(server.origin).port;
const profileUrl = `http://www.linkedin.com:${port}/in/jane-doe`;
const { context, extensionId, serviceWorker, close } = await launch({ extensionDir: ext });
const extUrl = (path) => `chrome-extension://${extensionId}/${path}`;

try {
  const tab = await context.newPage();
  await tab.goto(profileUrl);
  const elements = await tab.evaluate(() => document.getElementsByTagName('*').length);
  const tabId = await serviceWorker.evaluate(async (href) => {
    const tabs = await chrome.tabs.query({});
    return Math.max(...tabs.filter((t) => t.url === href).map((t) => t.id ?? -1));
  }, profileUrl);

  /** ms from navigation start to the empty extension page's load end. */
  const openEmpty = async () => {
    const p = await context.newPage();
    await p.goto(extUrl('bench-empty.html'), { waitUntil: 'load' });
    const ms = await p.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    await p.close();
    return ms;
  };
  /** ms from navigation start to the capture form showing the person read from the tab. */
  const openPopup = async () => {
    const p = await context.newPage();
    await p.setViewportSize({ width: 400, height: 600 });
    await p.goto(extUrl(`popup.html?tab=${tabId}`), { waitUntil: 'commit' });
    const handle = await p.waitForFunction(
      () => document.querySelector('input[id$="-fullName"]')?.value === 'Jane Doe' && performance.now(),
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const ms = await handle.jsonValue();
    await p.close();
    return ms;
  };

  /** ms from navigation start to the popup's own UI (tabs) before any page reading: the load cost alone. */
  const openShell = async () => {
    const p = await context.newPage();
    await p.goto(extUrl('popup.html?view=leads&tab=-1'), { waitUntil: 'commit' });
    const handle = await p.waitForFunction(
      () => document.querySelector('[role="tablist"]') && performance.now(),
      undefined,
      {
        polling: 'raf',
        timeout: 30_000,
      },
    );
    const ms = await handle.jsonValue();
    await p.close();
    return ms;
  };

  // Warm-up (first loads compile the bundles), then alternate so drift hits both equally.
  await openEmpty();
  await openPopup();
  const empty = [];
  const shell = [];
  const popup = [];
  for (let i = 0; i < RUNS; i++) {
    empty.push(await openEmpty());
    shell.push(await openShell());
    popup.push(await openPopup());
  }
  const e = stats(empty);
  const s = stats(shell);
  const p = stats(popup);
  console.log(`page: ${elements} elements; ${RUNS} opens each`);
  report('popup', [
    { case: 'empty extension page (baseline)', median: e.median, p95: e.p95 },
    {
      case: 'popup shell, no page read (diagnostic)',
      median: s.median,
      p95: s.p95,
      baseline: e.median,
      ratio: s.median / e.median,
    },
    {
      case: `popup → filled form, ${elements}-element profile page`,
      median: p.median,
      p95: p.p95,
      baseline: e.median,
      ratio: p.median / e.median,
    },
  ]);
} finally {
  await close();
  await server.close();
  rmSync(ext, { recursive: true, force: true });
}
