import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The picker is injected into the user's page on demand: keep it small, free of zod and of any
// UI library (Preact stays in the popup). The built picker.js adds the browser polyfill on top.
describe('injected picker bundle', () => {
  it('bundles the overlay, matching and record reading under 12 KB gzip, without zod or Preact', async () => {
    const out = await build({
      stdin: {
        contents: "import { startPicker } from '@/lib/picker/overlay'; globalThis.__p = startPicker;",
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
    expect(inputs.filter((f) => /node_modules\/(zod|preact|@preact|tldts|libphonenumber-js)\//.test(f))).toEqual([]);
    expect(gzipSync(code).length).toBeLessThan(12 * 1024);
  }, 30_000);
});
