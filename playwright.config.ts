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
  // On CI a stray test.only fails the run, and a failing test is tried once more with
  // a trace recorded (test-results/e2e-artifacts; open with `npx playwright show-trace`).
  // Locally a failure is reported at once.
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: { trace: 'on-first-retry' },
});
