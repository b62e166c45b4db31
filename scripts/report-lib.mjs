// Shared by `npm run extract:report` and `npm run corpus:report`: the test helpers bundled
// for Node (facts.ts's score/diff, linkedom, readPage), and one headless Chromium that runs
// the bundled readPage in each page, as the extension does.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { launch, serve } from '../bench/lib.mjs';

const ROOT = resolve(import.meta.dirname, '..');

/** Bundles and imports `contents` (TypeScript re-exports, `@/` = project root) for Node. */
export async function helpers(contents) {
  const out = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    alias: { '@': ROOT },
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/**
 * Runs readPage on every { html, url } of `list`: in linkedom (`dom === 'linkedom'`, with
 * `h.parseHTML` and `h.readPage`) or in one headless Chromium serving the pages from 127.0.0.1
 * with every other request blocked. A page that fails to load reads as null.
 */
export async function readAll(list, { dom, pageScript, h, timeout = 30_000 }) {
  if (dom === 'linkedom') return list.map((c) => h.readPage(h.parseHTML(c.html).document, c.url));
  const routes = Object.fromEntries(list.map((c, i) => [`/page-${i}.html`, { body: c.html }]));
  const server = await serve(routes);
  const browser = await launch();
  try {
    const out = [];
    for (let i = 0; i < list.length; i++) {
      // A fresh page each time: a saved page's own scripts may navigate or hang.
      const page = await browser.context.newPage();
      await page.route('**/*', (route) => {
        const request = route.request();
        if (new URL(request.url()).origin === server.origin) return route.continue();
        // A saved page's own script reloading it as https (WordPress themes: "if protocol != https")
        // gets the same saved page there, as on the live https site; aborted, it would show
        // Chromium's error page and the page would read as empty.
        const twin = new URL(request.url());
        twin.protocol = 'http:';
        const saved = routes[twin.pathname];
        if (request.isNavigationRequest() && twin.origin === server.origin && saved)
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: saved.body });
        // Any other navigation (a meta refresh to the live site, a script's redirect) answers 204,
        // which leaves the saved page in place as the user saw it before leaving; aborted, it
        // would replace the page with Chromium's error page mid-read.
        if (request.isNavigationRequest()) return route.fulfill({ status: 204, body: '' });
        return route.abort();
      });
      try {
        await page.goto(`${server.origin}/page-${i}.html`, { waitUntil: 'domcontentloaded', timeout });
        await page.addScriptTag({ content: pageScript });
        out.push(await page.evaluate((u) => globalThis.__prospectorReadPage(u), list[i].url));
      } catch (error) {
        console.error(`  (page ${list[i].name ?? i} failed to read: ${String(error).split('\n')[0]})`);
        out.push(null);
      } finally {
        await page.close();
      }
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}
