// Shared helpers for `npm run bench`: a headless Chromium, page bundles built from
// lib/ with esbuild, a 127.0.0.1 server, and statistics. Figures are reported as
// ratios to a baseline measured in the same run, since these machines are noisy.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS as BASE_ARGS, CHROMIUM_PATH, extensionArgs } from '../scripts/chromium.mjs';
import { PAGES_TARGET } from '../scripts/injected-minify.mjs';

export { CHROMIUM_PATH };

/**
 * Stops a bench that would measure an old build: the benches that load the built extension
 * read whatever is in `dir`, and a build older than the sources once showed a false 11x
 * regression. Exits with a message unless `dir` holds a build newer than every file of
 * lib/, components/ and entrypoints/.
 */
export function requireFreshBuild(dir, hint = 'npm run build:e2e') {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    console.error(`No build at ${dir}: run "${hint}" first.`);
    process.exit(1);
  }
  const built = statSync(manifest).mtimeMs;
  const newest = (folder) => {
    let latest = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }
    return latest;
  };
  const sources = Math.max(...['lib', 'components', 'entrypoints'].filter(existsSync).map(newest));
  if (sources > built) {
    console.error(`The build at ${dir} is older than the sources: run "${hint}" again.`);
    process.exit(1);
  }
}

/** Bundles a browser entry (TypeScript, `@/` = project root, `#imports` = a storage stub) into one IIFE string. */
export async function bundle(entry) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // The level the extension's pages ship at (wxt.config.ts), so a bench times the code users run.
    target: PAGES_TARGET,
    write: false,
    minify: true,
    alias: { '@': resolve('.'), '#imports': resolve('bench/imports-stub.ts') },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'import.meta.env.MODE': '"production"' },
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

/**
 * Response headers giving a bench page (or worker) the rule MV3 sets for extension pages: no
 * eval, so zod parses without its compiled (new Function) fast path, as in the extension.
 */
export const EXTENSION_CSP = { 'content-security-policy': "script-src 'self'; object-src 'self'" };

/** Serves a map of path -> { type, body, headers? } on 127.0.0.1; returns { origin, close }. */
export async function serve(routes) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const route = routes[path];
    if (!route) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers }).end(route.body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/**
 * The routes of a bench page under `prefix`: its HTML (with the extension pages' CSP) and the
 * bundled `entry`, which sets `window[api]`.
 */
export async function benchRoutes(entry, api, prefix = '/') {
  const script = await bundle(entry);
  return {
    [prefix]: {
      body: `<!doctype html><meta charset="utf-8"><title>${api}</title><script src="${prefix}bench.js"></script>`,
      headers: EXTENSION_CSP,
    },
    [`${prefix}bench.js`]: { type: 'text/javascript', body: script },
  };
}

/**
 * A headless Chromium page at `url` (a bench page); `call(name, ...args)` runs
 * `window[api][name](...args)` in it. `close` closes the browser.
 */
export async function pageAt(url, api) {
  const browser = await launch();
  const page = await browser.context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(url);
  return {
    page,
    call: (name, ...args) => page.evaluate(({ api, name, args }) => window[api][name](...args), { api, name, args }),
    close: () => browser.close(),
  };
}

/**
 * A headless Chromium page on 127.0.0.1 running the bundled `entry` (with the extension pages' CSP)
 * and whatever `extra` routes it fetches; `call(name, ...args)` runs `window[api][name](...args)`
 * in the page. The db, insights, data and store-write benches share this set-up.
 */
export async function benchPage(entry, api, extra = {}) {
  const server = await serve({ ...(await benchRoutes(entry, api)), ...extra });
  const { page, call, close } = await pageAt(`${server.origin}/`, api);
  return {
    page,
    call,
    close: async () => {
      await close();
      await server.close();
    },
  };
}

/** Launches headless Chromium; with `extensionDir`, a persistent context with the extension loaded. */
export async function launch({ extensionDir } = {}) {
  if (!extensionDir) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: BASE_ARGS });
    const context = await browser.newContext();
    return { context, close: () => browser.close() };
  }
  const dir = resolve(extensionDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'prospector-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_ARGS, ...extensionArgs(dir)],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    serviceWorker: worker,
    rendererCpuMs: () => rendererCpuMs(userDataDir),
    close: () => context.close(),
  };
}

/**
 * CPU time (user + system, ms, 10 ms ticks) used so far by the renderer processes of the
 * Chromium started with `userDataDir` (Linux /proc). Unlike a task's wall time it does not grow
 * when the shared machine leaves the renderer waiting for a core, so work compares across loads.
 */
export function rendererCpuMs(userDataDir) {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const info = new Map();
  for (const pid of procs) {
    try {
      // Chromium rewrites its helpers' titles into one space-separated string: split on both.
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      // The command ends in ") S ppid …": the name may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      info.set(pid, { args, ppid: fields[1], cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we read.
    }
  }
  // The browser process: its helpers (zygotes, GPU, utilities) carry the same flag and a --type.
  const root = [...info].find(
    ([, p]) => p.args.includes(`--user-data-dir=${userDataDir}`) && !p.args.some((a) => a.startsWith('--type=')),
  )?.[0];
  if (!root) return Number.NaN;
  const ours = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of info) {
      if (!ours.has(pid) && ours.has(p.ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  let ticks = 0;
  for (const pid of ours) if (info.get(pid).args.includes('--type=renderer')) ticks += info.get(pid).cpu;
  return ticks * 10;
}

/** Median, p95, min and max of a list of milliseconds. */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] };
}

const round = (x) => (typeof x === 'number' ? Math.round(x * 100) / 100 : x);

/**
 * Prints a table and writes bench-results/<name>.json. Each row:
 * { case, median, p95?, baseline?, ratio?, target?, pass? } (milliseconds).
 */
export function report(name, rows) {
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', `${name}.json`), `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`\n## ${name}`);
  console.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))));
}
