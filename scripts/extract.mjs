#!/usr/bin/env node
// `npm run -s extract -- <file.html | http://127.0.0.1:PORT/page> [--url <original-url>] [--country XX] [--reading]`
//
// Prints the Extraction of a page as JSON. The page is opened in headless Chromium (a
// real browser DOM, as in the extension): a saved file is served from 127.0.0.1, the
// bundled readPage (the same code entrypoints/extractor.ts injects) runs inside it, and
// finalize() runs here with the page's original URL. Other network requests are blocked.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { build } from 'esbuild';
import { CHROMIUM_PATH, launch, serve } from '../bench/lib.mjs';

const ROOT = resolve(import.meta.dirname, '..');

function usage(message) {
  if (message) console.error(message);
  console.error(
    'usage: npm run -s extract -- <file.html | http://127.0.0.1:PORT/page> [--url <original-url>] [--country XX] [--reading]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const out = { target: '', url: '', country: '', reading: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url') out.url = argv[++i] ?? usage('--url needs a value');
    else if (a === '--country') out.country = argv[++i] ?? usage('--country needs a value');
    else if (a === '--reading') out.reading = true;
    else if (a === '-h' || a === '--help') usage();
    else if (!out.target) out.target = a;
    else usage(`unexpected argument: ${a}`);
  }
  if (!out.target) usage();
  return out;
}

/** esbuild bundles of the two halves: readPage for the page (IIFE), finalize for Node (ESM). */
export async function bundles() {
  const common = { bundle: true, write: false, alias: { '@': ROOT }, logLevel: 'error', minify: true };
  const page = await build({
    ...common,
    stdin: {
      contents:
        "import { readPage } from '@/lib/extract/page'; globalThis.__prospectorReadPage = (url) => readPage(document, url);",
      resolveDir: ROOT,
      loader: 'ts',
    },
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  });
  const node = await build({
    ...common,
    stdin: { contents: "export { finalize } from '@/lib/extract/finalize';", resolveDir: ROOT, loader: 'ts' },
    format: 'esm',
    platform: 'node',
  });
  const { finalize } = await import(
    `data:text/javascript;base64,${Buffer.from(node.outputFiles[0].text).toString('base64')}`
  );
  return { pageScript: page.outputFiles[0].text, finalize };
}

/** Opens `target` in headless Chromium, runs readPage in it, returns { reading, extraction }. */
export async function extractInBrowser({ target, url, country }) {
  const { pageScript, finalize } = await bundles();
  const isHttp = /^https?:\/\//.test(target);
  let server = null;
  let address = target;
  if (!isHttp) {
    const body = readFileSync(resolve(target));
    const path = `/${encodeURIComponent(basename(target))}`;
    server = await serve({ [path]: { body } });
    address = `${server.origin}${path}`;
  }
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const allowed = new URL(address).origin;
    // Saved pages reference CDNs and trackers: nothing leaves 127.0.0.1.
    await page.route('**/*', (route) => {
      const request = route.request();
      if (new URL(request.url()).origin === allowed) return route.continue();
      // The page's own reload as https (scripts/report-lib.mjs says why): the same saved page there.
      const twin = new URL(request.url());
      twin.protocol = 'http:';
      if (server && request.isNavigationRequest() && `${twin.origin}${twin.pathname}` === address)
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: readFileSync(resolve(target)),
        });
      return route.abort();
    });
    await page.goto(address, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.addScriptTag({ content: pageScript });
    const originalUrl = url || address;
    const reading = await page.evaluate((u) => globalThis.__prospectorReadPage(u), originalUrl);
    const extraction = finalize(reading, country ? { defaultCountry: country } : {});
    return { reading, extraction };
  } finally {
    await browser.close();
    await server?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  try {
    const { reading, extraction } = await extractInBrowser(args);
    process.stdout.write(`${JSON.stringify(args.reading ? { reading, extraction } : extraction, null, 2)}\n`);
  } catch (error) {
    console.error(`extract failed: ${error instanceof Error ? error.message : error}`);
    if (/Executable doesn't exist|ENOENT/.test(String(error)))
      console.error(`(Chromium expected at ${CHROMIUM_PATH}; set CHROMIUM_PATH)`);
    process.exit(1);
  }
}
