import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { clearProspectorDb, expect, storedLeads, test } from './fixtures';
import { screenshot } from './screenshots';

// Insights in the built extension: the ideal customer profile and fit scores,
// guessed emails from learned patterns, and the outbound-vs-inbound dashboard. Leads are
// seeded through the background's public 'leads.save' message, as the capture view saves them.

type Draft = Record<string, unknown>;

async function seed(page: Page, drafts: Draft[]): Promise<string[]> {
  const reply = (await page.evaluate(
    (input) => chrome.runtime.sendMessage({ prospector: 1, type: 'leads.save', input }),
    { drafts },
  )) as { value?: { results: { lead: { id: string } }[] }; error?: unknown };
  expect(reply.error, JSON.stringify(reply.error)).toBeUndefined();
  expect(reply.value?.results).toHaveLength(drafts.length);
  return (reply.value?.results ?? []).map((r) => r.lead.id);
}

async function openInsights(openExtensionPage: (path: string) => Promise<Page>, drafts: Draft[]) {
  const page = await openExtensionPage('options.html#insights');
  await expect(page.getByRole('heading', { name: 'Insights', level: 2 })).toBeVisible();
  await clearProspectorDb(page);
  if (drafts.length > 0) await seed(page, drafts);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Insights', level: 2 })).toBeVisible();
  return page;
}

/** Each stored lead's fit score (the store's 'fit' sort index), by full name. */
async function storedScores(page: Page): Promise<Record<string, number | undefined>> {
  const leads = await storedLeads<{ fullName: string; fitScore?: number }>(page);
  return Object.fromEntries(leads.map((l) => [l.fullName, l.fitScore]));
}

/** The cells of the row whose header cell is `name`, in a dashboard table. */
async function rowCells(page: Page, table: string, name: string): Promise<string[]> {
  const row = page.locator(`table[data-table="${table}"] tbody tr`).filter({
    has: page.locator('th', { hasText: new RegExp(`^${name}$`) }),
  });
  await expect(row).toHaveCount(1);
  return row.locator('td').allInnerTexts();
}

test('an ICP scores leads with reasons and stores the score for sorting', async ({ openExtensionPage }) => {
  const page = await openInsights(openExtensionPage, [
    { fullName: 'Vera Vogel', title: 'VP Sales', industry: 'SaaS', location: 'Berlin, Germany' },
    { fullName: 'Ivan Ilic', title: 'Intern', industry: 'Retail', location: 'Paris, France' },
    { fullName: 'Hana Hall', title: 'Head of Growth', location: 'Munich, Germany' },
  ]);
  await page.getByLabel('Titles or seniority words').fill('VP, Head of');
  await page.getByLabel('Industries').fill('SaaS');
  await page.getByLabel('Locations').fill('Germany');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved. 3 lead scores changed.')).toBeVisible();

  // Weights: title 35, industry 20, location 20 (75 possible); unknown earns half.
  const hana = Math.round(((35 + 20 / 2 + 20) / 75) * 100);
  const rows = page.locator('table[data-table="best-fit"] tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Vera Vogel');
  await expect(rows.nth(0)).toContainText('Fit 100');
  await expect(rows.nth(0)).toContainText('title matches VP, industry matches SaaS, location matches Germany');
  await expect(rows.nth(1)).toContainText('Hana Hall');
  await expect(rows.nth(1)).toContainText(`Fit ${hana}`);
  await expect(rows.nth(1)).toContainText('title matches Head of, industry unknown, location matches Germany');
  await expect(rows.nth(2)).toContainText('Ivan Ilic');
  await expect(rows.nth(2)).toContainText('Fit 0');
  await expect(rows.nth(2)).toContainText('location outside target');

  // The stored score feeds the store's 'fit' sort index.
  expect(await storedScores(page)).toEqual({ 'Vera Vogel': 100, 'Ivan Ilic': 0, 'Hana Hall': hana });

  // An excluded domain scores 0.
  await page.getByLabel('Excluded domains').fill('competitor.example');
  await seed(page, [{ fullName: 'Rival Ruth', title: 'VP Sales', companyDomain: 'competitor.example' }]);
  await page.getByRole('button', { name: 'Save profile' }).click();
  const ruth = page.locator('table[data-table="best-fit"] tbody tr', { hasText: 'Rival Ruth' });
  await expect(ruth).toContainText('Fit 0');
  await expect(ruth).toContainText('domain competitor.example is excluded');
  await page.getByLabel('Titles or seniority words').fill('');
  await page.getByLabel('Industries').fill('');
  await page.getByLabel('Locations').fill('');
  await page.getByLabel('Excluded domains').fill('');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Describe your target above')).toBeVisible();
});

test('two addresses at one domain teach its pattern; the third person gets a guessed address', async ({
  openExtensionPage,
}) => {
  const page = await openInsights(openExtensionPage, [
    { fullName: 'Jane Doe', companyName: 'Acme', emails: [{ value: 'jane.doe@acme.example' }] },
    { fullName: 'Max Mustermann', companyName: 'Acme', emails: [{ value: 'max.mustermann@acme.example' }] },
    { fullName: 'José Ñúñez-García', companyName: 'Acme', companyDomain: 'acme.example', title: 'CTO' },
  ]);
  const section = page.locator('section[aria-labelledby="emails-heading"]');
  await section.getByRole('button', { name: 'Learn patterns and suggest addresses' }).click();
  // 2 agreeing of 2 examples: confidence 2 / (2 + 1).
  expect(await rowCells(page, 'patterns', 'acme.example')).toEqual(['first.last', '67%', '2', '0']);
  const guess = section.locator('.guessed-email');
  await expect(guess).toHaveCount(1);
  await expect(guess.locator('.guessed-email-value')).toHaveText('jose.nunez-garcia@acme.example');
  await expect(guess).toContainText('67% confidence');
  await expect(guess).toContainText('from jane.doe@acme.example, max.mustermann@acme.example');
  await expect(guess).toContainText('it may be jose.nunezgarcia@acme.example');

  await guess.getByRole('button', { name: 'Use this guess' }).click();
  await expect(section.getByRole('status')).toContainText('jose.nunez-garcia@acme.example added');
  await expect(guess).toHaveCount(0);
  const stored = (await storedLeads<{ fullName: string; emails: unknown[] }>(page)).find((l) =>
    l.fullName.startsWith('José'),
  )?.emails;
  expect(stored).toEqual([
    expect.objectContaining({
      value: 'jose.nunez-garcia@acme.example',
      status: 'guessed',
      source: 'guessed',
      confidence: 0.67,
    }),
  ]);
});

test('the lead detail shows the fit with its reasons and the guessed address; lists sort by fit', async ({
  openExtensionPage,
}) => {
  const page = await openInsights(openExtensionPage, []);
  const ids = await seed(page, [
    { fullName: 'Jane Doe', title: 'Engineer', emails: [{ value: 'jane.doe@acme.example' }] },
    { fullName: 'Max Mustermann', title: 'Intern', emails: [{ value: 'max.mustermann@acme.example' }] },
    { fullName: 'José Ñúñez-García', title: 'VP Engineering', companyDomain: 'acme.example' },
  ]);
  await page.getByLabel('Titles or seniority words').fill('VP');
  await page.getByRole('button', { name: 'Save profile' }).click();
  // The count is how many stored scores this pass changed. The seed's own change notice also
  // queues a rescore (fit-sync.ts: 200 ms later, in the background and in this page); on a
  // loaded machine that pass can run after the save, read the new profile and leave this one
  // nothing to change (CI saw "0 lead scores changed"). So the outcome is checked in the store.
  await expect(page.getByText(/^Profile saved\. [0-3] lead scores changed\.$/)).toBeVisible();
  await expect.poll(() => storedScores(page)).toEqual({ 'Jane Doe': 0, 'Max Mustermann': 0, 'José Ñúñez-García': 100 });

  await page.goto(page.url().replace(/#.*$/, `#leads/${ids[2]}`));
  const detail = page.locator('article.lead-detail');
  await expect(detail.locator('.fit-badge')).toContainText('Fit 100');
  await expect(detail.locator('.fit-badge')).toContainText('title matches VP');
  await expect(detail.locator('.guessed-email-value')).toHaveText('jose.nunez-garcia@acme.example');

  // The workspace list offers the fit order (the store's index over the stored score).
  const sort = page.getByLabel('Sort by').first();
  await expect(sort.locator('option[value="fit"]')).toHaveText('Sort: Best fit');

  await page.goto(page.url().replace(/#.*$/, '#insights'));
  await page.getByLabel('Titles or seniority words').fill('');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Describe your target above')).toBeVisible();
});

test('the dashboard shows the seeded figures, filters by tag, passes axe, and is captured light and dark', async ({
  openExtensionPage,
}) => {
  const day = 86_400_000;
  const touch = (id: string, at: string, channel: string, direction: 'out' | 'in') => ({
    id,
    at: `2026-01-${at}:00.000Z`,
    channel,
    direction,
  });
  const tags = ['e2e'];
  const drafts: Draft[] = [
    {
      fullName: 'O1 Won',
      origin: 'outbound',
      stage: 'won',
      channel: 'email',
      tags,
      touches: [touch('a1', '05T09:00', 'email', 'out'), touch('a2', '07T09:00', 'email', 'in')],
    },
    {
      fullName: 'O2 Meeting',
      origin: 'outbound',
      stage: 'meeting',
      channel: 'cold-call',
      tags,
      touches: [touch('b1', '05T09:00', 'cold-call', 'out'), touch('b2', '09T09:00', 'cold-call', 'in')],
    },
    {
      fullName: 'O3 Contacted',
      origin: 'outbound',
      stage: 'contacted',
      channel: 'email',
      tags,
      nextFollowUpAt: new Date(Date.now() - day).toISOString(),
      touches: [touch('c1', '05T09:00', 'email', 'out')],
    },
    {
      fullName: 'O4 Lost',
      origin: 'outbound',
      stage: 'lost',
      channel: 'email',
      tags,
      touches: [touch('d1', '05T09:00', 'email', 'out'), touch('d2', '30T09:00', 'email', 'in')],
    },
    {
      fullName: 'I1 Replied',
      origin: 'inbound',
      stage: 'replied',
      channel: 'display-ad',
      tags,
      nextFollowUpAt: new Date(Date.now() + 3 * day).toISOString(),
      touches: [
        touch('e1', '05T09:00', 'display-ad', 'in'),
        touch('e2', '06T09:00', 'email', 'out'),
        touch('e3', '08T09:00', 'email', 'in'),
      ],
    },
    { fullName: 'I2 New', origin: 'inbound', stage: 'new', channel: 'event', tags },
    { fullName: 'Untagged', origin: 'inbound', stage: 'won', channel: 'event' },
  ];
  const page = await openInsights(openExtensionPage, drafts);
  const status = page.locator('section[aria-labelledby="dashboard-heading"] p[role="status"]');
  await expect(status).toContainText('7 leads (4 outbound, 3 inbound)');
  await page.getByLabel('Tag', { exact: true }).selectOption('e2e');
  await expect(status).toContainText('6 leads (4 outbound, 2 inbound)');

  // Furthest stage per lead, by hand (pipeline new..won, index 0..6): O1 won, O2 meeting, O3 contacted,
  // O4 lost but answered → replied; I1 replied, I2 new.
  const stages = ['New', 'Researching', 'Contacted', 'Nurturing', 'Replied', 'Meeting', 'Won'];
  const reachedOut = [6, 5, 2, 4];
  const reachedIn = [4, 0];
  const count = (list: number[], i: number) => list.filter((r) => r >= i).length;
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${((a / b) * 100).toFixed(1)}%`);
  for (const [i, stage] of stages.entries()) {
    const out = count(reachedOut, i);
    const inb = count(reachedIn, i);
    const conv = (list: number[]) => (i === 0 ? '–' : pct(count(list, i), count(list, i - 1)));
    expect(await rowCells(page, 'funnel', stage)).toEqual([
      String(out),
      conv(reachedOut),
      String(inb),
      conv(reachedIn),
    ]);
  }

  // Email: leads O1, O3, O4; outbound touches O1, O3, O4 and I1's; replies: O1's (2 days) and I1's (2 days),
  // O4's answer came 25 days later (> 14). Outbound leads 1 of 3, inbound 1 of 1.
  expect(await rowCells(page, 'channels', 'Email')).toEqual(['3', '4', '2', '50.0%', '33.3%', '100.0%', '1', '1']);
  expect(await rowCells(page, 'channels', 'Cold call')).toEqual(['1', '1', '1', '100.0%', '100.0%', '–', '1', '0']);

  // First touch → first reply, outbound: 2, 4, 25 days → median 4, quartiles 3 and 14.5; inbound: 2.
  const timing = page.locator('table[data-table="timing"] tbody tr');
  await expect(timing.nth(0).locator('td')).toHaveText(['Outbound', '3', '4.0', '3.0', '14.5']);
  await expect(timing.nth(1).locator('td')).toHaveText(['Inbound', '1', '2.0', '2.0', '2.0']);
  await expect(page.getByText('1 overdue and 1 due')).toBeVisible();

  // Cost: 120 for outbound email → 3 leads, 1 reply, 1 meeting, 1 won.
  await page.getByLabel('Outbound cost of Email').fill('120');
  await page.getByLabel('Outbound cost of Email').blur();
  const costRow = page.locator('table[data-table="costs"] tbody tr').filter({ hasText: 'Email' });
  await expect(costRow.locator('td')).toHaveText([
    'Email',
    '120.00',
    '3',
    '40.00',
    '1',
    '120.00',
    '1',
    '120.00',
    '1',
    '120.00',
  ]);

  // Charts are images with a name, each followed by its table.
  await expect(page.getByRole('img', { name: /Funnel by stage/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Reply rate by channel/ })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export tables as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^prospector-dashboard-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path()) as string, 'utf8');
  // The file holds the tables as shown: titles, headers, and the same rows.
  expect(csv).toContain('Funnel by stage (leads that reached the stage or a later one)\r\n');
  expect(csv).toContain('Stage,Outbound reached,Outbound conversion,Inbound reached,Inbound conversion\r\n');
  expect(csv).toContain('Meeting,2,66.7%,0,0.0%\r\n');
  expect(csv).toContain('Email,3,4,2,50.0%,33.3%,100.0%,1,1\r\n');
  expect(csv).toContain('Outbound,Email,120.00,3,40.00,1,120.00,1,120.00,1,120.00\r\n');

  const axe = await new AxeBuilder({ page }).include('.insights').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  const dashboard = page.locator('section[aria-labelledby="dashboard-heading"]');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(dashboard, 'insights-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  const darkAxe = await new AxeBuilder({ page }).include('.insights').analyze();
  expect(darkAxe.violations.map((v) => v.id)).toEqual([]);
  await screenshot(dashboard, 'insights-dark.png');
  // Leave the shared profile's preferences as they were.
  await page.getByLabel('Outbound cost of Email').fill('');
  await page.getByLabel('Outbound cost of Email').blur();
});
