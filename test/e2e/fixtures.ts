import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../../scripts/chromium.mjs';
import { type StaticServer, startStaticServer } from './server';

export const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export { CHROMIUM_PATH };

const PEER_PAGES = resolve('../shared/peer-pages');

/** Flags for a quiet, offline, headless Chromium with our extension loaded. */
export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [...extensionArgs(extensionDir), ...CHROMIUM_ARGS];
}

interface WorkerFixtures {
  server: StaticServer;
  /** One persistent Chromium context per worker, with the extension loaded. */
  extensionContext: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

interface TestFixtures {
  /** Opens an extension page (popup.html, options.html) and fails the test on console errors. */
  openExtensionPage: (path: string) => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
    async ({}, use) => {
      const server = await startStaticServer(
        'test/fixtures/pages',
        existsSync(PEER_PAGES) ? { '/peer/': PEER_PAGES } : {},
      );
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extensionContext: [
    // biome-ignore lint/correctness/noEmptyPattern: see above.
    async ({}, use) => {
      if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
        throw new Error(`No e2e build at ${EXTENSION_DIR}: run "npm run build:e2e" first.`);
      }
      const userDataDir = mkdtempSync(join(tmpdir(), 'prospector-e2e-'));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: chromiumArgs(),
      });
      await use(context);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  context: async ({ extensionContext }, use) => {
    await use(extensionContext);
  },
  serviceWorker: [
    async ({ extensionContext }, use) => {
      const worker = extensionContext.serviceWorkers()[0] ?? (await extensionContext.waitForEvent('serviceworker'));
      await use(worker);
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ serviceWorker }, use) => {
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],
  openExtensionPage: async ({ context, extensionId }, use) => {
    const errors: string[] = [];
    const pages: Page[] = [];
    await use(async (path: string) => {
      const page = await context.newPage();
      pages.push(page);
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${path}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`${path}: ${err.message}`));
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    });
    for (const page of pages) await page.close().catch(() => {});
    expect(errors, 'console errors on extension pages').toEqual([]);
  },
});

export const expect = test.expect;

/** A page or the service worker: both run code in the extension's origin, where its IndexedDB lives. */
type ExtensionScope = Page | Worker;

/**
 * Empties every object store of the extension's 'prospector' database (leads, trash and any
 * bookkeeping store) in one transaction, so each test starts from nothing. Never creates the
 * database: the store's own upgrade must do that.
 */
export async function clearProspectorDb(scope: ExtensionScope): Promise<void> {
  await (scope as Page).evaluate(
    () =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('prospector');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => ok();
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) {
            db.close();
            ok();
            return;
          }
          const tx = db.transaction(names, 'readwrite');
          for (const name of names) tx.objectStore(name).clear();
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

/** Every stored lead, read straight from IndexedDB (no extension code involved). */
export async function storedLeads<T = Record<string, unknown>>(scope: ExtensionScope): Promise<T[]> {
  return (scope as Page).evaluate(
    () =>
      new Promise<T[]>((ok, fail) => {
        const open = indexedDB.open('prospector');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => ok([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('leads')) {
            db.close();
            ok([]);
            return;
          }
          const get = db.transaction('leads', 'readonly').objectStore('leads').getAll();
          get.onsuccess = () => {
            db.close();
            ok((get.result as { lead: T }[]).map((row) => row.lead));
          };
          get.onerror = () => fail(get.error);
        };
      }),
  );
}
