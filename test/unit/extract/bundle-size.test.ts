import { describe, expect, it } from 'vitest';
import { bundleInjected } from '@/test/bundle';

// The injected script runs in every page the user reads: keep it small and free of
// zod / tldts / libphonenumber (those belong to finalize, in the extension).
describe('injected extractor bundle', () => {
  it('bundles readPage under 40 KB gzip without heavy dependencies', async () => {
    const { gzip, inputs } = await bundleInjected(
      "import { readPage } from '@/lib/extract/page'; globalThis.__r = () => readPage(document, location.href);",
    );
    expect(inputs.filter((f) => /node_modules\/(zod|tldts|libphonenumber-js)\//.test(f))).toEqual([]);
    expect(gzip).toBeLessThan(40 * 1024);
  }, 30_000);
});
