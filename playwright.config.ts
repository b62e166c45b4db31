import { defineConfig } from '@playwright/test';

// The e2e suite loads the built extension (.output/e2e, see `npm run build:e2e`)
// into Debian's Chromium (or CHROMIUM_PATH). Extensions need a persistent
// context per worker, so tests run in one worker, in files run in order.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]]
    : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: { trace: 'off' },
});
