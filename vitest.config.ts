import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects by path, because a DOM environment costs more to set up than most
// tests take to run. `lib/` is logic: its tests run in Node unless a file asks for
// a DOM with `// @vitest-environment happy-dom` on its first line. UI code and the
// extractor suites keep happy-dom by default; a file there that needs no DOM may
// say `// @vitest-environment node`. Both projects get the WXT plugin (fake
// `browser`), fake-indexeddb and a fresh fakeBrowser per test (test/setup.ts).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['lib/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
