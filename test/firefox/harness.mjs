// Drives Firefox ESR over WebDriver BiDi (puppeteer-core) with the e2e build of the Firefox
// extension (.output/firefox-mv3-e2e) installed. Three Firefox facts shape it:
// - BiDi refuses to navigate a tab to moz-extension://, so the e2e build opens its workspace on
//   install (lib/background/e2e-seam.ts) and every other extension page is opened from there
//   with browser.tabs.create, then found by asking each tab for its location.
// - BiDi reports neither console messages nor navigations of extension pages, so errors are read
//   from Firefox's own output (devtools.console.stdout.content), which covers the pages and the
//   background alike, from the first line they run.
// - The extension's UUID is fixed with extensions.webextensions.uuids, so its URLs are known.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve('.output/firefox-mv3-e2e');
// The gecko id of wxt.config.ts, and the storage.session key of lib/background/e2e-seam.ts.
export const ADDON_ID = 'prospector@local-first.invalid';
export const BACKGROUND_STARTS_KEY = 'e2e:background-starts';
export const UUID = '5b0c2f1e-7a4d-4c8e-9f36-2d1a8e4b6c70';
export const ORIGIN = `moz-extension://${UUID}`;
/** How long the event page may idle before Firefox stops it (30 s by default): short, so a test sees it woken. */
export const IDLE_TIMEOUT_MS = 2000;

/** Polls `probe` until it returns a truthy value; throws with `what` after `timeout` ms. */
export async function waitFor(what, probe, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((ok) => setTimeout(ok, interval));
  }
}

/**
 * The lines of Firefox's output that report an error in our extension: uncaught errors and
 * rejections in its pages or background, and console.error from content (with chrome output
 * off, that is our pages, our background and the served fixture pages, which log nothing).
 */
function errorCollector(stream) {
  const errors = [];
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    // FIREFOX_LOG=<file> keeps all of Firefox's output, for a failure that needs more than the errors.
    if (process.env.FIREFOX_LOG) appendFileSync(process.env.FIREFOX_LOG, chunk);
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      // RSLoader is Firefox's own remote-settings loader, which logs when it cannot fetch (the
      // test profile is offline); it is not our code, and it came and went with machine load.
      if (line.startsWith('console.error: RSLoader:')) continue;
      if (line.startsWith('console.error:') || line.startsWith(`JavaScript error: ${ORIGIN}/`)) errors.push(line);
    }
  });
  return errors;
}

/**
 * Starts headless Firefox on a fresh profile in a temp dir, installs the e2e build, and returns
 * the workspace tab it opened. `close()` always ends the browser and removes the profile.
 * With `downloads: true`, downloads are saved without asking to `ff.downloads`.
 */
export async function startFirefox({ downloads } = {}) {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install -y firefox-esr, or set FIREFOX_PATH.`);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No e2e build at ${EXTENSION_DIR}: run "node scripts/firefox.mjs" (it builds first).`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'prospector-firefox-'));
  const downloadDir = join(profile, 'downloads');
  if (downloads) mkdirSync(downloadDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    timeout: 30_000,
    protocolTimeout: 30_000,
    env: { ...process.env, MOZ_HEADLESS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'extensions.background.idle.timeout': IDLE_TIMEOUT_MS,
      // Every host name resolves to loopback, as in the Chromium suite: a served page can be
      // http://www.linkedin.com:PORT/in/x, and nothing can leave the machine.
      'network.dns.forceResolve': '127.0.0.1',
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': false,
      // Firefox's own experiment loader logs a console.error when it cannot reach its server (offline here).
      'messaging-system.rsexperimentloader.enabled': false,
      ...(downloads
        ? {
            'browser.download.folderList': 2,
            'browser.download.dir': downloadDir,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.start_downloads_in_tmp_dir': false,
          }
        : {}),
    },
  });
  const child = browser.process();
  // Also on a timeout (the runner's SIGINT, then puppeteer's process.exit): no browser or profile is left behind.
  const killOnExit = () => {
    child?.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  const errors = [
    ...(child?.stdout ? [errorCollector(child.stdout)] : []),
    ...(child?.stderr ? [errorCollector(child.stderr)] : []),
  ];
  const close = async () => {
    await Promise.race([browser.close(), new Promise((ok) => setTimeout(ok, 10_000))]).catch(() => {});
    child?.kill('SIGKILL');
    process.off('exit', killOnExit);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const id = await browser.installExtension(EXTENSION_DIR);
    if (id !== ADDON_ID) throw new Error(`Installed ${id}, expected ${ADDON_ID}`);
    const ff = {
      browser,
      /** Where downloads land (inside the temporary profile), when started with `downloads: true`. */
      downloads: downloadDir,
      /** Errors logged since the start (or since the last `takeErrors`). */
      takeErrors: () => errors.flatMap((list) => list.splice(0)),
      close,
      /** The tab whose location starts with `url` and has loaded, among tabs not in `skip`. */
      findPage: (url, { skip = [], timeout } = {}) =>
        waitFor(
          `a tab at ${url}`,
          async () => {
            for (const page of await browser.pages()) {
              if (skip.includes(page)) continue;
              const href = await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '');
              if (href.startsWith(url) && href.endsWith('|complete')) return page;
            }
            return null;
          },
          { timeout },
        ),
      /** Opens an extension page (path with query or hash) in a new tab, from an extension page `from`. */
      async openExtensionPage(path, from) {
        const url = `${ORIGIN}/${path.replace(/^\//, '')}`;
        const before = await browser.pages();
        // Runs in the page, where `browser` is the WebExtension API.
        await from.evaluate((href) => browser.tabs.create({ url: href }).then(() => undefined), url);
        return ff.findPage(url, { skip: before });
      },
    };
    return ff;
  } catch (err) {
    await close();
    throw err;
  }
}
