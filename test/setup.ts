// Every unit test gets an in-memory IndexedDB (the extension's own store is
// real IndexedDB in the browser; e2e tests cover that) and a fresh fake browser.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
