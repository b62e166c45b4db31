import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, test } from './fixtures';

test('the service worker starts and has the extension id in its URL', async ({ serviceWorker, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(serviceWorker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
});

test('the popup renders without console errors', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  await expect(page.getByRole('heading', { name: 'Prospector' })).toBeVisible();
});

test('the options page renders as the workspace without console errors', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
  await expect(page).toHaveTitle(/Prospector/);
});

test('the extension can read a page served from 127.0.0.1', async ({ context, server, serviceWorker }) => {
  const page = await context.newPage();
  const url = server.url('/hello.html');
  await page.goto(url);
  const result = await serviceWorker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    if (!tab?.id) throw new Error('tab not found');
    const [injection] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['/extractor.js'] });
    return injection?.result as { url: string } | undefined;
  }, url);
  expect(result?.url).toBe(url);
  await page.close();
});

test('the e2e build alone may read 127.0.0.1 without a click', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.host_permissions).toEqual(expect.arrayContaining(['http://127.0.0.1/*']));
});
