// `npm run bench extract`: the extractor on a generated 10,000-element page in headless
// Chromium. Baseline (same page, same run): one full walk of the DOM, querySelectorAll('*')
// reading each element's text. Reported: readPage alone (the part that runs in the user's
// page, injected by entrypoints/extractor.ts or extractor-sites.ts) and readPage + finalize (the whole extract()).
// Targets: median under 20 ms and under 3x the walk; injected bundle < 40 KB gzip.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { INJECTED_TARGET, minifyInjected, PAGES_TARGET } from '../scripts/injected-minify.mjs';
import { launch, report, serve, stats } from './lib.mjs';

const ELEMENTS = Number(process.env.BENCH_EXTRACT_ELEMENTS || 10_000);
const RUNS = Number(process.env.BENCH_EXTRACT_RUNS || 40);

// Each part at the language level it ships at: the reader's at the injected scripts', finalize's at
// the extension pages' (both ES2024: under a browser target esbuild rewrites \\p{…} and lookbehind
// regex literals as `new RegExp("…")`, which a function then compiles on every call).
const esb = (contents, target) =>
  build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target,
    alias: { '@': process.cwd() },
    logLevel: 'error',
  }).then((o) => o.outputFiles[0].text);

// The injected parts alone (what a page pays for: the generic reader on ordinary pages, the
// reader with site adapters on the sites they serve), minified as they ship (Terser after esbuild:
// scripts/injected-minify.mjs), and the whole pipeline for timing.
const pageOnly = await minifyInjected(
  await esb(
    "import { readPageWith } from '@/lib/extract/page/reader'; globalThis.__readPage = (d, u) => readPageWith(d, u, []);",
    INJECTED_TARGET,
  ),
);
const withSites = await minifyInjected(
  await esb("import { readPage } from '@/lib/extract/page'; globalThis.__readPage = readPage;", INJECTED_TARGET),
);
const whole = await esb(
  "import { readPage } from '@/lib/extract/page'; import { finalize } from '@/lib/extract/finalize'; globalThis.__readPage = readPage; globalThis.__finalize = finalize;",
  PAGES_TARGET,
);

/** A company "team" page: nav, cookie banner, hero, 60 people cards, long prose, a big footer. */
function generatePage(target) {
  const parts = [];
  let count = 0;
  const el = (html, n) => {
    parts.push(html);
    count += n;
  };
  el(
    '<div id="cookie" class="cookie-banner"><p>We use cookies. <a href="/privacy">Privacy</a></p><button>Accept</button></div>',
    4,
  );
  el(
    `<header><a href="/"><img src="/logo.svg" alt="Benchmark Corp"></a><nav><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('')}</ul></nav></header>`,
    28,
  );
  el('<main><h1>Our team</h1><div class="team-grid">', 3);
  const first = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
  const last = ['Lindqvist', 'Moreau', 'Okafor', 'Petersen', 'Quintana', 'Rossi'];
  for (let i = 0; i < 60; i++) {
    const name = `${first[i % 10]} ${last[Math.floor(i / 10)]}`;
    el(
      `<div class="team-member"><img src="/p/${i}.jpg" alt=""><h3 class="name">${name}</h3><p class="role">Head of Unit ${String.fromCharCode(65 + (i % 26))}</p><p><a href="https://www.linkedin.com/in/person-${i}">LinkedIn</a> <a href="mailto:p${i}@benchcorp.com">Email</a></p></div>`,
      7,
    );
  }
  el('</div>', 0);
  let section = 0;
  while (count < target - 60) {
    el(
      `<section class="s${section}"><h2>Topic ${section}</h2>${Array.from({ length: 8 }, (_, j) => `<div class="row"><p>Paragraph ${j} of topic ${section} with <strong>bold</strong>, <em>emphasis</em> and a <a href="/t/${section}/${j}">link</a>. Call +44 20 7946 0${String(section % 1000).padStart(3, '0')} today.</p></div>`).join('')}</section>`,
      2 + 8 * 5,
    );
    section++;
  }
  el(
    `</main><footer><p>Benchmark Corp Ltd · 1 Test Street, London · <a href="mailto:hello@benchcorp.com">hello@benchcorp.com</a></p><p>© 2025 Benchmark Corp Ltd. All rights reserved. Website by <a href="https://agency.test">Agency</a></p></footer>`,
    6,
  );
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Team | Benchmark Corp</title><meta property="og:site_name" content="Benchmark Corp"><script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Benchmark Corp Ltd","url":"https://benchcorp.com"}</script></head><body>${parts.join('')}</body></html>`;
}

const server = await serve({
  '/page.html': { body: generatePage(ELEMENTS) },
  '/extract.js': { type: 'text/javascript', body: whole },
});
const { context, close } = await launch();
try {
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(`${server.origin}/page.html`);
  await page.addScriptTag({ url: '/extract.js' });
  const result = await page.evaluate(
    ({ runs }) => {
      const url = 'https://benchcorp.com/team';
      const walk = () => {
        let chars = 0;
        for (const el of document.querySelectorAll('*')) chars += (el.textContent ?? '').length;
        return chars;
      };
      const time = (fn) => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      };
      // Warm up the JIT and the style-free DOM caches for both sides.
      for (let i = 0; i < 3; i++) {
        walk();
        globalThis.__finalize(globalThis.__readPage(document, url));
      }
      const walks = [];
      const reads = [];
      const wholes = [];
      for (let i = 0; i < runs; i++) {
        walks.push(time(walk));
        reads.push(time(() => globalThis.__readPage(document, url)));
        wholes.push(time(() => globalThis.__finalize(globalThis.__readPage(document, url))));
      }
      const out = globalThis.__finalize(globalThis.__readPage(document, url));
      return {
        elements: document.querySelectorAll('*').length,
        walks,
        reads,
        wholes,
        people: out.people.length,
        kind: out.pageKind,
      };
    },
    { runs: RUNS },
  );
  const walk = stats(result.walks);
  const read = stats(result.reads);
  const all = stats(result.wholes);
  // The machine is shared: each run measures walk and extract back to back, so the median of
  // the per-run ratios and the ratio of the minimums are steadier than a ratio of medians.
  const pairRatio = (xs) => stats(xs.map((x, i) => x / Math.max(result.walks[i], 0.01))).median;
  const gz = gzipSync(pageOnly).length;
  const built = '.output/chrome-mv3/extractor.js';
  const builtSize = existsSync(built) ? readFileSync(built) : null;
  report('extract', [
    {
      case: `walk baseline, ${result.elements} elements`,
      median: walk.median,
      p95: walk.p95,
      min: walk.min,
    },
    {
      case: `readPage (in page): ${result.kind}, ${result.people} people`,
      median: read.median,
      p95: read.p95,
      min: read.min,
      baseline: walk.median,
      ratio: read.median / walk.median,
      'pair ratio': pairRatio(result.reads),
      'min ratio': read.min / walk.min,
      target: '<20ms, <3x',
      pass: read.median < 20 && pairRatio(result.reads) < 3,
    },
    {
      case: 'extract = readPage + finalize',
      median: all.median,
      p95: all.p95,
      min: all.min,
      baseline: walk.median,
      ratio: all.median / walk.median,
      'pair ratio': pairRatio(result.wholes),
      'min ratio': all.min / walk.min,
      target: '<20ms, <3x',
      pass: all.median < 20 && pairRatio(result.wholes) < 3,
    },
    {
      case: 'injected bundle, ordinary pages (extractor.js) KB raw / gzip',
      median: pageOnly.length / 1024,
      baseline: gz / 1024,
      target: '<40 KB gzip',
      pass: gz < 40 * 1024,
    },
    {
      case: 'injected bundle, adapter sites (extractor-sites.js) KB raw / gzip',
      median: withSites.length / 1024,
      baseline: gzipSync(withSites).length / 1024,
      target: '<52 KB gzip',
      pass: gzipSync(withSites).length < 52 * 1024,
    },
    ...(builtSize
      ? [
          {
            case: `built ${built} KB raw / gzip`,
            median: builtSize.length / 1024,
            baseline: gzipSync(builtSize).length / 1024,
            target: '<40 KB gzip',
            pass: gzipSync(builtSize).length < 40 * 1024,
          },
        ]
      : []),
  ]);
} finally {
  await close();
  await server.close();
}
