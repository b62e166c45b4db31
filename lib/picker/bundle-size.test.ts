import { describe, expect, it } from 'vitest';
import { bundleInjected } from '@/test/bundle';

// The picker is injected into the user's page on demand: keep it small, free of zod and of any
// UI library (Preact stays in the popup). The built picker.js adds the browser polyfill on top.
describe('injected picker bundle', () => {
  it('bundles the overlay, matching and record reading under 12 KB gzip, without zod or Preact', async () => {
    const { gzip, inputs } = await bundleInjected(
      "import { startPicker } from '@/lib/picker/overlay'; globalThis.__p = startPicker;",
    );
    expect(inputs.filter((f) => /node_modules\/(zod|preact|@preact|tldts|libphonenumber-js)\//.test(f))).toEqual([]);
    expect(gzip).toBeLessThan(12 * 1024);
  }, 30_000);
});
