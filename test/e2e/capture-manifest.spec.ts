import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// The shipped build must not make Chrome warn "Read and change all your data on all websites":
// no install-time host permissions and no content script on every site. The production build
// goes to .output/chrome-mv3, apart from the e2e build under test (.output/chrome-mv3-e2e).
const MANIFEST = '.output/chrome-mv3/manifest.json';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  commands?: Record<string, { suggested_key?: { default?: string } }>;
}

test('the shipped manifest asks for no host and runs no content script on all sites', () => {
  test.setTimeout(240_000);
  // `npm test` has just built it (and says so); run alone, the spec builds it itself.
  if (!(process.env.PROSPECTOR_SHIPPED_BUILD === '1' && existsSync(MANIFEST))) {
    const build = spawnSync('npx', ['wxt', 'build'], { encoding: 'utf8' });
    expect(build.status, build.stderr || build.stdout).toBe(0);
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;

  expect(manifest.host_permissions ?? []).toEqual([]);
  const everywhere = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
  for (const script of manifest.content_scripts ?? []) {
    expect(script.matches.filter((m) => everywhere.includes(m))).toEqual([]);
  }
  expect(manifest.permissions ?? []).not.toContain('tabs');
  expect(manifest.permissions ?? []).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage']));
  // Per-site detection is granted host by host at runtime.
  expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*']));
  expect(manifest.commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+P');
});
