import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What a script injected into pages weighs: its gzip size and the source files it pulled in. */
export interface InjectedBundle {
  gzip: number;
  inputs: string[];
}

/**
 * Bundles `contents` (TypeScript importing through the `@/` alias) as the extension ships an
 * injected script: one minified browser IIFE. The size tests keep those scripts small.
 */
export async function bundleInjected(contents: string): Promise<InjectedBundle> {
  const out = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    metafile: true,
    alias: { '@': process.cwd() },
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { gzip: gzipSync(code).length, inputs: Object.keys(out.metafile.inputs) };
}
