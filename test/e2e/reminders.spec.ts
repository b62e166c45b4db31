import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, test } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from './fixtures';

/**
 * Reminders follow imports even when the service worker is stopped (issue 14): an import
 * in the workspace sends a change notice that wakes the background, which re-creates the
 * follow-up alarms. Its own browser, because the test stops the service worker that the
 * other specs share.
 */

let context: BrowserContext;
let userDataDir: string;

test.beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'prospector-e2e-reminders-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(),
  });
});

test.afterAll(async () => {
  await context?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright passes fixtures first; this test uses none.
test('a CSV imported while the service worker is stopped gets its follow-up alarm', async ({}, testInfo) => {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`chrome-extension://${extensionId}/options.html#data`);
  await expect(page.getByRole('heading', { name: 'Import & export' })).toBeVisible();

  // Stop the service worker, as Chrome does after 30 s idle: a BroadcastChannel post cannot
  // wake it. Its state comes from DevTools' ServiceWorker domain (Playwright's list of
  // workers does not follow a stop and restart).
  const cdp = await context.newCDPSession(page);
  let status = '';
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
    if (ours) {
      status = ours.runningStatus;
      statuses.push(status);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => status).toBe('stopped');
  statuses.length = 0;

  const file = testInfo.outputPath('follow-ups.csv');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(
    file,
    'Full name,Company,Email,Next follow-up\r\nMae Jemison,Orbit Labs,mae@orbit.example,2099-03-01T09:00:00Z\r\n',
  );
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check rows' }).click();
  await page.getByRole('button', { name: 'Import 1 valid row' }).click();
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText('Created: 1');
  const id = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('prospector');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('leads').objectStore('leads').getAllKeys();
          keys.onsuccess = () => resolve(String(keys.result[0]));
          keys.onerror = () => reject(keys.error);
        };
      }),
  );

  // The import's change notice woke the background, which created the alarm. (Alarms belong
  // to the extension: the page reads the same list the service worker would.)
  await expect.poll(() => statuses, { timeout: 15_000 }).toContain('running');
  await expect
    .poll(async () => (await page.evaluate(() => chrome.alarms.getAll())).map((a) => a.name), { timeout: 15_000 })
    .toContain(`followup:${id}`);
  expect(errors).toEqual([]);
});
