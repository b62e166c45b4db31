// The minifier of the scripts injected into web pages (entrypoints of type unlisted-script or
// content-script: the generic reader on every page the user reads, the reader with site adapters,
// detection, the picker, recipes). They are size-budgeted (issue 17: the generic reader < 40 KB
// gzip as shipped), and esbuild's minifier, Vite's default, leaves about 1.6 KB gzip of the
// generic reader that Terser's compress passes remove (inlining, dead branches, joined vars).
// One home for the settings: wxt.config.ts minifies the built scripts with it, and the size
// guard (test/bundle.ts) and `npm run bench extract` measure what it gives.
import { transform } from 'esbuild';
import { minify } from 'terser';

/** Terser's settings: safe transforms only (no `unsafe*`), so the script behaves as its source. */
export const TERSER_OPTIONS = {
  ecma: 2020,
  // A script, not a module: its top-level names are the page's isolated world's globals, and
  // WXT appends `name;` after the IIFE so executeScript returns its value.
  module: false,
  toplevel: false,
  // A third pass finds what the second pass's inlining exposed (~50 B gzip of the generic reader); a fourth finds nothing.
  compress: { passes: 3 },
  mangle: true,
  format: { comments: false },
};

/**
 * The syntax level of the injected scripts. A language level, not browser versions: for any
 * browser target esbuild rewrites every regex literal with \\p{…} or lookbehind as
 * `new RegExp("…")`, its backslashes doubled (about 0.3 KB gzip of the generic reader), lest an
 * older browser fail to parse the script. The extension needs Chrome 123 and Firefox 140, which
 * read ES2024's syntax (the `v` regex flag aside, which no script uses): the regexes behave the same.
 */
export const INJECTED_TARGET = 'es2024';

/**
 * The syntax level of the extension's own pages and workers (popup, options, background), where
 * finalize runs: the same language level, for the same reason. Under Vite's default browser
 * targets the popup carried its \\p{…} and lookbehind regexes as `new RegExp("…")` strings (50 in
 * its chunk), and those written inside functions were compiled again on every call. Their CSS is
 * lowered for the manifest's minimum browsers (wxt.config.ts), which a language level does not name.
 */
export const PAGES_TARGET = INJECTED_TARGET;

/** esbuild's minifier first (as Vite's default), then Terser's compress passes over its output. */
export async function minifyInjected(code) {
  const first = await transform(code, { minify: true, target: INJECTED_TARGET, loader: 'js', legalComments: 'none' });
  const out = await minify(first.code, TERSER_OPTIONS);
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  return out.code;
}

/** True when WXT builds one of the scripts that run inside web pages. */
export function isInjected(entrypoints) {
  return (
    entrypoints.length > 0 && entrypoints.every((e) => e.type === 'unlisted-script' || e.type === 'content-script')
  );
}

/**
 * For WXT's `vite:build:extendConfig` hook: the injected entrypoints' built chunks go through
 * minifyInjected after Vite's own esbuild pass; every other build is left as it is.
 */
export function minifyInjectedBuilds(entrypoints, config) {
  // `wxt dev` turns minifying off for fast rebuilds: leave it off.
  if (!isInjected(entrypoints) || config.build?.minify === false) return;
  // Vite's own esbuild pass would otherwise lower to its browser defaults first (see INJECTED_TARGET).
  config.build = { ...config.build, target: INJECTED_TARGET };
  config.plugins = [
    ...(config.plugins ?? []),
    {
      name: 'prospector:injected-minify',
      // 'pre': before WXT's own generateBundle step appends `name;` after the IIFE (the value
      // executeScript returns), which Terser would drop as an expression without effect.
      generateBundle: {
        order: 'pre',
        async handler(_options, bundle) {
          for (const chunk of Object.values(bundle)) {
            if (chunk.type === 'chunk') chunk.code = await minifyInjected(chunk.code);
          }
        },
      },
    },
  ];
}
