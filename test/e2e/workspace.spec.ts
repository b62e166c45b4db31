import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshot } from './screenshots';

// The lead workspace in the built extension: popup Leads view, lead detail,
// options workspace, settings and reminders. Leads are seeded through the background's
// public 'leads.save' message, as the capture view saves them.

const PEOPLE = [
  ['Grace Hopper', 'Rear Admiral', 'US Navy', 'navy.mil'],
  ['Ada Lovelace', 'Analyst', 'Analytical Engines', 'engines.example'],
  ['Alan Turing', 'Researcher', 'Bletchley Park', 'bletchley.example'],
  ['Katherine Johnson', 'Mathematician', 'NASA', 'nasa.example'],
  ['Margaret Hamilton', 'Director', 'Hamilton Technologies', 'hamtech.example'],
  ['Linus Torvalds', 'Engineer', 'Linux Foundation', 'linuxfoundation.example'],
  ['Barbara Liskov', 'Professor', 'MIT', 'mit.example'],
  ['Donald Knuth', 'Professor Emeritus', 'Stanford', 'stanford.example'],
] as const;

async function seed(page: Page): Promise<{ id: string; fullName: string }[]> {
  const drafts = PEOPLE.map(([fullName, title, companyName, domain]) => ({
    fullName,
    title,
    companyName,
    companyDomain: domain,
    emails: [{ value: `${fullName.split(' ')[0]?.toLowerCase()}@${domain}` }],
    phones: [{ value: '+14155550132' }],
    links: [`https://www.linkedin.com/in/${fullName.toLowerCase().replace(/ /g, '-')}`],
    sources: [{ url: `https://${domain}/team`, capturedAt: new Date().toISOString(), extractor: 'json-ld' }],
  }));
  const reply = await page.evaluate(
    (input) => chrome.runtime.sendMessage({ prospector: 1, type: 'leads.save', input }),
    { drafts },
  );
  const results = (reply as { value: { results: { lead: { id: string; fullName: string } }[] } }).value.results;
  return results.map((r) => r.lead);
}

async function eraseAll(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((ok, fail) => {
        // Tests share one browser profile; start each from an empty store (and no popup snapshot).
        localStorage.clear();
        indexedDB.databases().then((dbs) => {
          const names = dbs.map((d) => d.name).filter((n): n is string => Boolean(n));
          let left = names.length;
          if (!left) ok();
          for (const name of names) {
            const req = indexedDB.deleteDatabase(name);
            req.onsuccess = () => --left || ok();
            req.onerror = () => fail(req.error);
            req.onblocked = () => --left || ok();
          }
        });
      }),
  );
}

/** Same-document navigation to a workspace hash (as clicking a link does). */
async function goHash(page: Page, hash: string) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

async function setTheme(worker: Worker, theme: 'light' | 'dark' | 'system') {
  await worker.evaluate(async (t) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), theme: t } });
  }, theme);
}

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ openExtensionPage, serviceWorker }) => {
  const page = await openExtensionPage('options.html#settings');
  await eraseAll(page);
  await serviceWorker.evaluate(() => chrome.storage.local.remove(['settings']));
  await page.close();
});

test('popup: find a lead by search, change its stage from the list, log a touch, set a follow-up, see it due', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const seeder = await openExtensionPage('options.html');
  await seed(seeder);
  const popup = await openExtensionPage('popup.html?view=leads');
  await expect(popup.locator('.lead-row')).toHaveCount(PEOPLE.length);

  await popup.getByLabel('Search leads').fill('grac');
  await expect(popup.locator('.lead-row')).toHaveCount(1);
  await expect(popup.locator('.lead-row').first()).toContainText('Grace Hopper');
  await expect(popup.locator('.lead-row').first()).toContainText('Rear Admiral at US Navy');

  // One click: the next-stage button moves New → Researching.
  await popup.getByRole('button', { name: 'Move Grace Hopper to Researching' }).click();
  await expect(popup.getByLabel('Stage of Grace Hopper')).toHaveValue('researching');
  // Two keystrokes: focus the row, press 3 (the third stage, Contacted).
  await popup.locator('.lead-open').first().focus();
  await popup.keyboard.press('3');
  await expect(popup.getByLabel('Stage of Grace Hopper')).toHaveValue('contacted');

  await popup.locator('.lead-open').first().click();
  await expect(popup.getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  await expect(popup.getByRole('link', { name: 'grace@navy.mil' })).toHaveAttribute('href', 'mailto:grace@navy.mil');
  await expect(popup.getByRole('link', { name: '+14155550132' })).toHaveAttribute('href', 'tel:+14155550132');

  await popup.getByRole('button', { name: 'Log touch' }).click();
  await popup.getByLabel('Channel').selectOption('cold-call');
  await popup.getByLabel('Outcome').fill('Left a voicemail');
  await popup.getByLabel('Note', { exact: true }).fill('Ask about COBOL');
  await popup.getByRole('button', { name: 'Save touch' }).click();
  await expect(popup.locator('.timeline li').first()).toContainText('Cold call');
  await expect(popup.locator('.timeline li').first()).toContainText('Left a voicemail');

  // Inline validation: a bad email is refused with a message, a good one is added.
  await popup.getByLabel('Add email').fill('not-an-email');
  await popup.getByLabel('Add email').press('Enter');
  await expect(popup.getByText('Not an email address')).toBeVisible();

  // A follow-up two minutes from now: due today, and a reminder alarm is created for it.
  const soon = await popup.evaluate(() => {
    const d = new Date(Date.now() + 2 * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await popup.getByLabel('Next follow-up date and time').fill(soon);
  await expect(popup.locator('.due-marker')).toContainText('Due');

  await popup.getByRole('button', { name: '← All leads' }).click();
  await popup.getByLabel('Search leads').fill('');
  await popup.getByLabel('Follow-up due').check();
  await expect(popup.locator('.lead-row')).toHaveCount(1);
  await expect(popup.locator('.lead-row').first()).toContainText('Grace Hopper');
  await expect(popup.locator('.lead-row .due-marker')).toHaveText('Due');

  await expect
    .poll(() => serviceWorker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name)))
    .toEqual(expect.arrayContaining([expect.stringMatching(/^followup:/)]));
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
});

test('reminder: the alarm fires a notification that names the lead', async ({ openExtensionPage, serviceWorker }) => {
  const page = await openExtensionPage('options.html');
  const [lead] = await seed(page);
  if (!lead) throw new Error('no lead seeded');
  const when = new Date(Date.now() + 90_000).toISOString();
  // Set the follow-up as the lead detail does: through the workspace UI.
  await goHash(page, `#leads/${lead.id}`);
  const input = page.getByLabel('Next follow-up date and time');
  const local = await page.evaluate((iso) => {
    const d = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, when);
  await input.fill(local);
  const name = `followup:${lead.id}`;
  await expect.poll(() => serviceWorker.evaluate((n) => chrome.alarms.get(n).then((a) => a?.name), name)).toBe(name);

  // Fire it now: re-create the same alarm a moment ahead (unpacked extensions have no 30 s minimum).
  await serviceWorker.evaluate((n) => chrome.alarms.create(n, { when: Date.now() + 200 }), name);
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.notifications.getAll()), { timeout: 15_000 })
    .toHaveProperty(`lead:${lead.id}`);
});

test('workspace: deep link opens the detail; bulk-tag five leads; delete and undo', async ({ openExtensionPage }) => {
  const seeder = await openExtensionPage('options.html#settings');
  const seeded = await seed(seeder);
  const target = seeded.find((l) => l.fullName === 'Ada Lovelace');
  // A fresh load of the deep link the capture view and notifications use.
  const page = await openExtensionPage(`options.html#leads/${target?.id}`);
  const detail = page.getByRole('complementary', { name: 'Lead detail' });
  await expect(detail.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();

  // Hand edit marks the field and validates URLs inline.
  await detail.getByLabel('Company website').fill('not a url at all');
  await detail.getByLabel('Company website').press('Enter');
  await expect(detail.getByText('Enter a web address')).toBeVisible();
  await detail.getByLabel('Title', { exact: true }).fill('Countess');
  await detail.getByLabel('Title', { exact: true }).press('Tab');
  await expect(detail.locator(`#lead-${target?.id.slice(0, 8)}-title-hint`)).toHaveText('Edited by hand');

  const rows = page.locator('.lead-table tbody tr[data-index]');
  await expect(rows).toHaveCount(PEOPLE.length);
  for (let i = 0; i < 5; i++) await rows.nth(i).getByRole('checkbox').check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bulk).toContainText('5 selected');
  await bulk.getByLabel('Tag for selected leads').fill('conference-2026');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('Tag “conference-2026” added: 5 leads updated.')).toBeVisible();
  // Export the selection (the export helper's buttons): a CSV with a header and the five rows.
  const download = page.waitForEvent('download');
  await bulk.getByRole('group', { name: 'Export the selection' }).getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
  expect(csv.trim().split(/\r?\n/)).toHaveLength(6);
  await page.getByLabel('Filter by tag').selectOption('conference-2026');
  await expect(rows).toHaveCount(5);
  await page.getByLabel('Filter by tag').selectOption('');
  await expect(rows).toHaveCount(PEOPLE.length);

  await page.getByRole('button', { name: 'Clear selection' }).click();
  await rows.first().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete 1 lead' }).click();
  await expect(rows).toHaveCount(PEOPLE.length - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(PEOPLE.length);
  await expect(page.getByText('Restored 1 lead.')).toBeVisible();
});

test('workspace keyboard: move, select, set a stage with a digit, open the detail', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#settings');
  await seed(page);
  await goHash(page, '#leads');
  // Sorted by name, so a stage change (which updates the lead) does not move rows.
  await page.getByLabel('Sort by').selectOption('name');
  const rows = page.locator('.lead-table tbody tr[data-index]');
  await expect(rows.first()).toContainText('Ada Lovelace');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('4');
  await expect(rows.nth(1).locator('select.stage-chip')).toHaveValue('nurturing');
  const name = (await rows.nth(1).locator('.col-name').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Lead detail' }).getByRole('heading', { name })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Lead detail' })).toHaveCount(0);
});

test('board: drag a card to another stage', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#settings');
  await seed(page);
  await goHash(page, '#leads');
  // Tall enough that no column scrolls: Playwright scrolls the target into view between
  // mouse down and the first move, and Chromium then drags whatever card is under the pointer.
  await page.setViewportSize({ width: 1400, height: 1400 });
  await page.getByRole('radio', { name: 'Board' }).check();
  const newColumn = page.locator('.board-column[data-stage="new"]');
  const contacted = page.locator('.board-column[data-stage="contacted"]');
  await expect(newColumn.locator('.board-card')).toHaveCount(PEOPLE.length);
  // A real mouse drag, grabbing the card by its corner (not the name link).
  await newColumn
    .locator('.board-card', { hasText: 'Alan Turing' })
    .dragTo(contacted, { sourcePosition: { x: 170, y: 6 } });
  await expect(contacted.locator('.board-card')).toHaveCount(1);
  await expect(contacted).toContainText('Alan Turing');
  await expect(newColumn.locator('.board-card')).toHaveCount(PEOPLE.length - 1);
  await axe(page);
});

test('settings: a renamed stage and the dark theme are applied after reload', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByLabel('Name of stage 2').fill('Digging in');
  await page.getByLabel('Name of stage 2').press('Tab');
  // The rename's own notice: "Theme saved." may still be showing from the click before.
  await expect(page.getByRole('status').first()).toContainText('Stage name saved');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Name of stage 2')).toHaveValue('Digging in');

  await seed(page);
  const popup = await openExtensionPage('popup.html?view=leads');
  await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(popup.getByLabel('Filter by stage')).toContainText('Digging in');
});

test('erase all data asks for the typed phrase', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#settings');
  await seed(page);
  await expect(page.locator('.data-stats')).toContainText(String(PEOPLE.length));
  await page.getByRole('button', { name: 'Erase all data…' }).click();
  // A backup is offered first: the JSON export holds every lead and the settings.
  await expect(
    page.getByRole('group', { name: 'Download a backup' }).getByRole('button', { name: 'Export JSON' }),
  ).toBeVisible();
  const erase = page.getByRole('button', { name: 'Erase everything' });
  await expect(erase).toBeDisabled();
  await page.getByLabel(/Type erase all leads to confirm/).fill('erase all leads');
  await erase.click();
  await expect(page.getByText(/^Erased \d+ leads?.*capture drafts?.*pending selection/)).toBeVisible();
  await expect(page.locator('.data-stats dd').first()).toHaveText('0');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no violations and screenshots, ${theme} theme`, async ({ openExtensionPage, serviceWorker }) => {
    await setTheme(serviceWorker, theme);
    const page = await openExtensionPage('options.html');
    const seeded = await seed(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    const popup = await openExtensionPage('popup.html?view=leads');
    await popup.setViewportSize({ width: 400, height: 600 });
    await expect(popup.locator('.lead-row')).toHaveCount(PEOPLE.length);
    await axe(popup);
    await popup.locator('.lead-open').first().click();
    await expect(popup.locator('.lead-detail')).toBeVisible();
    await axe(popup);
    await screenshot(popup, `lead-detail-${theme}.png`);

    await goHash(page, `#leads/${seeded[1]?.id}`);
    await expect(page.locator('.lead-table tbody tr[data-index]')).toHaveCount(PEOPLE.length);
    await expect(page.getByRole('complementary', { name: 'Lead detail' })).toBeVisible();
    await page.locator('.lead-table tbody tr[data-index]').nth(2).getByRole('checkbox').check();
    await axe(page);
    await screenshot(page, `workspace-${theme}.png`);

    await goHash(page, '#settings');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await axe(page);
  });
}

test('popup: empty state explains how to capture the first lead', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html?view=leads');
  await expect(popup.getByText('No leads yet.')).toBeVisible();
  await expect(popup.getByText(/click Prospector and save it/)).toBeVisible();
});
