import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { INJECTED_TARGET, minifyInjected } from '../scripts/injected-minify.mjs';

/** What a script injected into pages weighs: its gzip size and the source files it pulled in. */
export interface InjectedBundle {
  gzip: number;
  inputs: string[];
}

/**
 * Bundles `contents` (TypeScript importing through the `@/` alias) as one browser IIFE minified
 * as the injected scripts ship (scripts/injected-minify.mjs). Its `inputs` say which modules an
 * injected script pulls in; for an entrypoint's size as shipped, see builtInjected.
 */
export async function bundleInjected(contents: string): Promise<InjectedBundle> {
  const out = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    // The level the injected scripts ship at, so a budget measures what the user gets.
    target: INJECTED_TARGET,
    write: false,
    metafile: true,
    alias: { '@': process.cwd() },
    logLevel: 'silent',
  });
  const code = await minifyInjected(out.outputFiles[0]?.text ?? '');
  return { gzip: gzipSync(code).length, inputs: Object.keys(out.metafile.inputs) };
}

/**
 * Builds the named entrypoints with WXT and this project's wxt.config.ts (Chrome, production)
 * into a temporary folder and returns each `<name>.js`'s gzip size: the file the user gets,
 * WXT's wrapper included. The guard once measured the bare bundle, which passed while the
 * shipped extractor.js was over budget (issue 17). A separate Node process, so that vitest's
 * NODE_ENV=test does not change the build; never .output/, which e2e runs and benches read.
 */
export async function builtInjected(names: string[]): Promise<Record<string, number>> {
  const outDir = await mkdtemp(join(tmpdir(), 'prospector-injected-'));
  try {
    const script = `import { build } from 'wxt'; await build(${JSON.stringify({ outDir, filterEntrypoints: names, logLevel: 0 })});`;
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
    );
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(),
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const sizes: Record<string, number> = {};
    for (const name of names)
      sizes[name] = gzipSync(await readFile(join(outDir, 'chrome-mv3', `${name}.js`), 'utf8')).length;
    return sizes;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
