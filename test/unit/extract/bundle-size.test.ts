import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The injected script runs in every page the user reads: keep it small and free of
// zod / tldts / libphonenumber (those belong to finalize, in the extension).
describe('injected extractor bundle', () => {
  it('bundles readPage under 40 KB gzip without heavy dependencies', async () => {
    const out = await build({
      stdin: {
        contents:
          "import { readPage } from '@/lib/extract/page'; globalThis.__r = () => readPage(document, location.href);",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
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
    const inputs = Object.keys(out.metafile.inputs);

    const gzip = gzipSync(code).length;

    expect(inputs.filter((f) => /node_modules\/(zod|tldts|libphonenumber-js)\//.test(f))).toEqual([]);
    expect(gzip).toBeLessThan(40 * 1024);
  }, 30_000);
});
