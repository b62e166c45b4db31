// Firefox smoke suite (issue 16): the Firefox MV3 build, run for real in Firefox ESR over
// WebDriver BiDi. One browser for the whole file, tests in order (later ones use the leads of
// earlier ones). Run it with `node scripts/firefox.mjs` (builds first) or `npm run test:firefox`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { BACKGROUND_STARTS_KEY, IDLE_TIMEOUT_MS, ORIGIN, startFirefox, waitFor } from './harness.mjs';

// Served from 127.0.0.1 (every host name resolves there): LinkedIn's own path, which the site adapter matches.
const PROFILE_PATH = '/in/jane-doe';
const LINKEDIN = 'www.linkedin.com';
const STEP = { timeout: 30_000 };

/** @type {Awaited<ReturnType<typeof startFirefox>>} */
let ff;
/** @type {Awaited<ReturnType<typeof startStaticServer>>} */
let server;
/** The workspace tab the e2e build opens on install: the way in to every other extension page. */
let workspace;

before(async () => {
  server = await startStaticServer('test/fixtures/pages/capture');
  ff = await startFirefox({ downloads: true });
  workspace = await ff.findPage(`${ORIGIN}/options.html`, { timeout: 30_000 });
});

after(async () => {
  await ff?.close();
  await server?.close();
});

// Every test fails on an error from our pages or background while it ran.
afterEach(() => {
  assert.deepEqual(ff?.takeErrors() ?? [], [], 'errors from the extension in Firefox');
});

/** The page's visible text. */
// biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point: the smoke suite checks what the user sees.
const textOf = (page) => page.evaluate(() => document.body.innerText);

/** Waits until the page shows `text`. */
const waitForText = (page, text, timeout) =>
  waitFor(`"${text}" on the page`, async () => (await textOf(page)).includes(text), { timeout });

/** The value of the form control whose label starts with `label`. */
const fieldValue = (page, label) =>
  page.evaluate((start) => {
    const match = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(start));
    const control = match?.htmlFor ? document.getElementById(match.htmlFor) : null;
    return control && 'value' in control ? control.value : null;
  }, label);

/** Clicks the button named `name` with a real (BiDi input) click, as a user would. */
async function clickButton(page, name) {
  const button = await waitFor(`the "${name}" button`, async () => {
    const handle = await page.evaluateHandle(
      (n) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === n && !b.disabled) ?? null,
      name,
    );
    return (await handle.evaluate((b) => b !== null)) ? handle : null;
  });
  await button.click();
}

/** Sends one message of the typed protocol from an extension page, as the popup and workspace do. */
const send = (page, type, input) =>
  page.evaluate((message) => browser.runtime.sendMessage(message), { prospector: 1, type, input });

/** Reads a key of storage.session from an extension page (it does not wake the background). */
const sessionValue = (page, key) =>
  page.evaluate((k) => browser.storage.session.get(k).then((all) => all[k] ?? null), key);

test('the options page (workspace) renders every section without console errors', STEP, async () => {
  assert.equal(await workspace.evaluate(() => document.title), 'Prospector workspace');
  const sections = { insights: 'Insights', data: 'Import & export', settings: 'Settings', leads: 'Leads' };
  for (const [hash, heading] of Object.entries(sections)) {
    await workspace.evaluate((h) => {
      location.hash = h;
    }, hash);
    await waitFor(`the ${heading} section`, () =>
      workspace.evaluate((h) => document.querySelector('main h2')?.textContent === h, heading),
    );
  }
  await waitForText(workspace, 'Search leads');
});

test('the popup renders both views without console errors', STEP, async () => {
  // Pointed at a page Firefox lets no extension script (here the workspace's own tab), the
  // capture view must say so in words, not fail.
  const workspaceTab = await workspace.evaluate(() => browser.tabs.getCurrent().then((tab) => tab?.id ?? -1));
  const popup = await ff.openExtensionPage(`popup.html?tab=${workspaceTab}`, workspace);
  await waitForText(popup, 'Prospector cannot read this page');
  // The Leads view is a lazily loaded chunk: it must load in Firefox too.
  await clickButton(popup, 'Leads');
  await waitForText(popup, 'No leads yet.');
  await popup.close();
});

test(
  'a lead saved through the message protocol shows in the workspace and survives an extension reload',
  STEP,
  async () => {
    const reply = await send(workspace, 'leads.save', {
      drafts: [
        {
          fullName: 'Ada Gecko',
          title: 'Head of Platform',
          companyName: 'Quantum Foxes',
          emails: [{ value: 'ada@quantumfoxes.example' }],
        },
      ],
    });
    assert.equal(reply?.value?.results?.[0]?.outcome, 'created', JSON.stringify(reply));
    // The open workspace hears of the background's write (BroadcastChannel) and shows the lead.
    await waitForText(workspace, 'Ada Gecko');

    // Reloading the extension closes its pages and restarts it; the e2e build opens a new workspace.
    const old = await ff.browser.pages();
    await workspace.evaluate(() => browser.runtime.reload()).catch(() => {}); // the page goes away with it
    workspace = await ff.findPage(`${ORIGIN}/options.html`, { skip: old, timeout: 15_000 });
    await waitForText(workspace, 'Ada Gecko');
    await waitForText(workspace, 'Quantum Foxes');
    // The restarted background made its context menu again (update() rejects for an unknown id).
    await workspace.evaluate(() => browser.contextMenus.update('prospector-add-selection:email', {}));
  },
);

test('capture on a served LinkedIn-like page fills the form, saves, and marks the tab', STEP, async () => {
  const url = server.url(PROFILE_PATH, LINKEDIN);
  const tab = await ff.browser.newPage();
  await tab.goto(url);
  const tabId = await workspace.evaluate(
    (href) => browser.tabs.query({ url: href }).then((tabs) => tabs[0]?.id ?? -1),
    url.replace(/:\d+\//, '/'), // match patterns take no port
  );
  assert.ok(tabId > 0, `no tab for ${url}`);

  const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`, workspace);
  await waitFor('the filled form', async () => (await fieldValue(popup, 'Name')) === 'Jane Doe');
  assert.equal(await fieldValue(popup, 'Title'), 'VP Sales');
  await waitForText(popup, 'Person on this page');
  await clickButton(popup, 'Save lead');
  await waitForText(popup, 'Saved Jane Doe');
  // The action badge of that tab shows the check mark.
  const badge = await waitFor('the check mark badge', async () => {
    const text = await workspace.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId);
    return text === '✓' ? text : null;
  });
  assert.equal(badge, '✓');
  await popup.close();
  await tab.close();
});

test('the per-site detection script counts the prospects on the badge without a click', STEP, async () => {
  // As in the Chromium suite: the background registers /detect.js on hosts the user granted;
  // the e2e build's hosts are install-time, so the test registers it the same way for one host.
  const host = 'www.northwind-analytics.com';
  await workspace.evaluate(
    (match) =>
      browser.scripting.registerContentScripts([
        {
          id: 'e2e-detect',
          matches: [match],
          js: ['/detect.js'],
          runAt: 'document_idle',
          persistAcrossSessions: false,
        },
      ]),
    `http://${host}/*`,
  );
  try {
    const url = server.url('/team.html', host);
    const tab = await ff.browser.newPage();
    await tab.goto(url);
    const tabId = await workspace.evaluate(
      (href) => browser.tabs.query({ url: href }).then((tabs) => tabs[0]?.id ?? -1),
      url.replace(/:\d+\//, '/'),
    );
    const badge = (expected) =>
      waitFor(`the badge "${expected}"`, async () => {
        const text = await workspace.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId);
        return text === expected;
      });
    await badge('5');
    // The page drops two cards later (a filter, a SPA update): the count follows.
    await tab.evaluate(() => {
      for (const card of [...document.querySelectorAll('.team-grid .team-member')].slice(0, 2)) card.remove();
      for (const slide of [...document.querySelectorAll('.team-slider__slide')].slice(0, 2)) slide.remove();
    });
    await badge('3');
    await tab.close();
  } finally {
    await workspace.evaluate(() => browser.scripting.unregisterContentScripts({ ids: ['e2e-detect'] }));
  }
});

test('export produces a CSV download with the saved leads', STEP, async () => {
  const data = await ff.openExtensionPage('options.html#data', workspace);
  await waitForText(data, 'Export');
  await clickButton(data, 'Export CSV');
  await waitForText(data, 'Exported 2 leads.');
  const file = await waitFor('the CSV in the downloads folder', () => {
    const name = readdirSync(ff.downloads).find((f) => /^prospector-leads-\d{4}-\d{2}-\d{2}\.csv$/.test(f));
    if (!name) return null;
    const csv = readFileSync(join(ff.downloads, name), 'utf8');
    return csv.includes('\r\n') ? csv : null; // the download may still be writing
  });
  assert.equal(file.charCodeAt(0), 0xfeff, 'UTF-8 byte-order mark');
  assert.match(file, /^\uFEFFFirst name,Last name,Full name,/);
  assert.match(file, /Ada Gecko/);
  assert.match(file, /Jane Doe/);
  await data.close();
});

test('the stopped background wakes for a reminder alarm and shows the notification', STEP, async () => {
  const dueAt = new Date(Date.now() + 3 * IDLE_TIMEOUT_MS + 2000).toISOString();
  const reply = await send(workspace, 'leads.save', {
    drafts: [{ fullName: 'Rita Reminder', companyName: 'Alarm Clocks', nextFollowUpAt: dueAt }],
  });
  const id = reply?.value?.results?.[0]?.lead?.id;
  assert.ok(id, JSON.stringify(reply));
  // The background re-creates the alarms on the change notice of its own write (no resync message).
  await waitFor('the follow-up alarm', () => workspace.evaluate((name) => browser.alarms.get(name), `followup:${id}`), {
    timeout: 10_000,
    interval: 250,
  });
  const startsBefore = await sessionValue(workspace, BACKGROUND_STARTS_KEY);

  // Headless Firefox closes a notification as soon as it is shown, so getAll() may never list it:
  // the workspace listens for it being shown or closed instead (both events reach every extension page).
  await workspace.evaluate(() => {
    window.seenNotifications = [];
    const seen = (notificationId) => window.seenNotifications.push(notificationId);
    browser.notifications.onShown.addListener(seen);
    browser.notifications.onClosed.addListener(seen);
  });
  const notification = `lead:${id}`;
  await waitFor(
    'the follow-up notification',
    () => workspace.evaluate((n) => window.seenNotifications.includes(n), notification),
    { timeout: 20_000, interval: 250 },
  );
  // The event page was stopped while idle and started again by the alarm.
  const startsAfter = await sessionValue(workspace, BACKGROUND_STARTS_KEY);
  assert.ok(startsAfter > startsBefore, `background starts: ${startsBefore} before, ${startsAfter} after`);
});
