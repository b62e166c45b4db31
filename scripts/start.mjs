#!/usr/bin/env node
// `npm start`: builds the extension, serves the demo prospect pages from 127.0.0.1 and
// opens a Chromium-family browser window with Prospector loaded, on a private profile
// kept in .cache/browser-profile. Needs a display: on a headless machine it says so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStaticServer } from './static-server.mjs';

const fail = (message, code = 1) => {
  console.error(`\n✖ ${message}\n`);
  process.exit(code);
};

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(
    'No display found (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window can open.\n' +
      '  Run `npm start` in a desktop session, or use `npm test` to run everything headless.\n' +
      '  To load the extension by hand instead: `npm run build`, then load .output/chrome-mv3 as an unpacked extension.',
    2,
  );
}

async function findBrowser() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  try {
    // The browser from `npx playwright install chromium`, where that download is possible.
    const { chromium } = await import('playwright-core');
    candidates.push(chromium.executablePath());
  } catch {}
  return candidates.find((path) => path && existsSync(path));
}

/** On Debian/Ubuntu, installs the distribution's Chromium (the one command should also install). */
function installChromium() {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return false;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  console.log(
    `▶ No browser found: installing Debian's chromium (${[...sudo, 'apt-get install -y chromium'].join(' ')})…`,
  );
  const run = (args) =>
    spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit' }).status === 0;
  return run(['apt-get', 'update', '-qq']) && run(['apt-get', 'install', '-y', '-qq', 'chromium']);
}

let browserPath = await findBrowser();
if (!browserPath && installChromium()) browserPath = await findBrowser();
if (!browserPath) {
  fail(
    'No Chromium or Chrome found. Install one (Debian: `sudo apt-get install chromium`; elsewhere: ' +
      '`npx playwright install chromium`), or set CHROMIUM_PATH to its executable.',
  );
}

console.log('▶ Building the extension (wxt build)…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) fail('The build failed; see above.');

const extensionDir = resolve('.output/chrome-mv3');
const profileDir = resolve('.cache/browser-profile');
mkdirSync(profileDir, { recursive: true });
const server = await startStaticServer('scripts/demo');
const demoUrl = server.url('/');

console.log(`▶ Opening ${browserPath} with Prospector loaded; demo pages at ${demoUrl}`);
console.log(
  '  Click the Prospector icon (pin it from the puzzle-piece menu) on a demo page. Close the browser to stop.',
);
const browser = spawn(
  browserPath,
  [
    `--user-data-dir=${profileDir}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Google Chrome 137+ ignores --load-extension unless this feature is off; Chromium honours it.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-first-run',
    '--no-default-browser-check',
    // Chromium refuses to run as root with its sandbox (containers, CI boxes).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    demoUrl,
  ],
  { stdio: 'inherit' },
);
const stop = async (code) => {
  await server.close();
  process.exit(code ?? 0);
};
browser.on('exit', (code) => stop(code));
browser.on('error', (err) => {
  console.error(`✖ Could not start the browser: ${err.message}`);
  stop(1);
});
process.on('SIGINT', () => browser.kill('SIGTERM'));
