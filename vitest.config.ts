import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects by path, because setting a test file up costs more than most of its
// tests take to run.
// - 'pure': the extractor suites (they parse pages with linkedom; extractors take their
//   document as a parameter) and the pure lead and normalisation rules. They touch no
//   store and no browser state, so their files share one module graph per worker
//   (isolate: false): linkedom, zod, tldts and every extractor are imported once, not
//   once per file (the extractor suites ran 4x faster so).
// - 'node': the rest of lib/, isolated per file (the store, fake-indexeddb, mocked modules).
//   A file that needs a DOM asks with `// @vitest-environment happy-dom` on its first line.
// - 'dom': UI code in happy-dom, isolated per file; a file there that needs no DOM may say
//   `// @vitest-environment node`.
// - 'regex': the regex-linear check alone, in a process of its own. It times CPU with
//   process.cpuUsage(); in 'pure' it shared a worker with the corpus suites, whose heap of
//   parsed pages made the garbage collection its 1 MB texts trigger cost more than the limit
//   (it failed so three times in one session, never when run alone).
// All get the WXT plugin (fake `browser`), fake-indexeddb and a fresh fakeBrowser per test
// (test/setup.ts).
const PURE = [
  'test/unit/extract/**/*.test.{ts,tsx}',
  'test/unit/extract-sites/**/*.test.{ts,tsx}',
  'lib/extract/**/*.test.{ts,tsx}',
  'lib/normalize/**/*.test.{ts,tsx}',
  'lib/lead/**/*.test.{ts,tsx}',
];

const REGEX_LINEAR = 'test/unit/extract/regex-linear.test.ts';

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
        test: { name: 'pure', include: PURE, exclude: [REGEX_LINEAR], environment: 'node', isolate: false },
      },
      {
        extends: true,
        test: { name: 'regex', include: [REGEX_LINEAR], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'node', include: ['lib/**/*.test.{ts,tsx}'], exclude: PURE, environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'test/unit/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
