import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { minifyInjectedBuilds, PAGES_TARGET } from './scripts/injected-minify.mjs';

// The oldest browsers the extension runs in (manifest below); the built CSS is lowered for them.
const MIN_CHROME = 123;
const MIN_FIREFOX = 140;

// Permissions are the fewest that the features need; see README "Permissions".
// No install-time host permissions: the page is read only on the user's click
// (activeTab) or on a site the user opted into at runtime (optional hosts).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // ES2024 keeps regex literals as written (scripts/injected-minify.mjs, PAGES_TARGET); the injected
    // scripts' builds set the same level in their hook below.
    build: { target: PAGES_TARGET, cssTarget: [`chrome${MIN_CHROME}`, `firefox${MIN_FIREFOX}`] },
    // PouchDB's changes-filter evaluates design-document code with Function(): see lib/sync/changes-filter.ts.
    resolve: { alias: { 'pouchdb-changes-filter': resolve('lib/sync/changes-filter.ts') } },
  }),
  // The scripts injected into web pages are size-budgeted (test/bundle.ts): Terser after esbuild.
  hooks: { 'vite:build:extendConfig': minifyInjectedBuilds },
  manifest: ({ mode, manifestVersion, browser }) => ({
    name: 'Prospector',
    description:
      'Local-first prospect research: capture people and companies from the page you are on into a private lead list.',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_permissions: ['https://*/*', 'http://*/*'] }),
    // The e2e build (mode "e2e") may read pages served from 127.0.0.1 without a
    // real toolbar click, which Playwright cannot give. The shipped build never has it.
    // In e2e runs every host name resolves to 127.0.0.1 (see test/e2e/fixtures.ts).
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*', 'http://*/*'] } : {}),
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open Prospector on this page',
      },
    },
    action: { default_title: 'Prospector' },
    // theme.css writes each colour once with CSS light-dark(), which Chrome reads from 123.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: String(MIN_CHROME) }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'prospector@local-first.invalid',
              // 140 (ESR) is the first Firefox that reads data_collection_permissions.
              strict_min_version: `${MIN_FIREFOX}.0`,
              // Firefox's data-collection consent: Prospector collects nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
