import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { clearProspectorDb, expect, test } from './fixtures';
import { screenshot } from './screenshots';

const FIXTURES = resolve('test/fixtures/imports');

test('import a HubSpot CSV and a file with bad rows, export CSV and JSON, restore the JSON backup', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('options.html#data');
  await expect(page.getByRole('heading', { name: 'Import & export' })).toBeVisible();

  // 1. HubSpot export: detected, mapped, checked, imported.
  await page.locator('#import-file').setInputFiles(join(FIXTURES, 'hubspot-contacts.csv'));
  await expect(page.getByText('HubSpot export, 14 columns')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Import column "Job Title" as' })).toHaveValue('title');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `import-mapping-${scheme}.png`, { fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Check rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'rows read' })).toHaveText(
    '3 rows read: 3 valid, 0 rejected.',
  );
  await page.getByRole('button', { name: 'Import 3 valid rows' }).click();
  const report = page.getByRole('list', { name: 'Import report' });
  await expect(report).toContainText('Created: 3');
  await expect(report).toContainText('Rejected: 0');

  // 2. A file with quoted line breaks and two bad rows: the report names their lines.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.locator('#import-file').setInputFiles(join(FIXTURES, 'quoted-newlines.csv'));
  await page.getByRole('button', { name: 'Check rows' }).click();
  const rejected = page.getByRole('list', { name: 'Rejected rows' });
  await expect(rejected).toContainText('Line 8: Email: not an email address');
  await expect(rejected).toContainText('Line 9: a lead needs at least a name');
  await page.getByRole('button', { name: 'Import 2 valid rows' }).click();
  await expect(report).toContainText('Created: 2');
  await expect(report).toContainText('Rejected: 2');

  // 3. Export CSV through the button: a real download, checked byte for byte where it matters.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^prospector-leads-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await csvDownload.path()) as string, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(
    'First name,Last name,Full name,Title,Company,Company domain,Company website,Email,Other emails,Phone,Other phones,Location,LinkedIn,Other links,Stage,Origin,Last channel,Last touch at,Next follow-up,Tags,Notes,Source URL,Created at,Updated at',
  );
  expect(csv).toContain('Maria,Silva,Maria Silva,VP Marketing,Northwind Traders');
  expect(csv).toContain('+1 4155550132');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  expect(csv).toContain('"Line one\r\nLine two, with a comma\r\nLine three ""quoted"""');
  await expect(page.getByText('Exported 5 leads.')).toBeVisible();

  // 4. Export JSON: a backup with every lead.
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^prospector-leads-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(readFileSync((await jsonDownload.path()) as string, 'utf8'));
  expect(backup.format).toBe('prospector-backup');
  expect(backup.leads).toHaveLength(5);
  expect(backup.settings.stages.length).toBeGreaterThan(0);

  // 5. The backup imports back: same leads (replaced by id), a report.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.locator('#import-file').setInputFiles((await jsonDownload.path()) as string);
  await expect(page.getByText('a Prospector backup')).toBeVisible();
  // Replacing the settings is a choice, never the default (issue 13).
  const alsoSettings = page.getByLabel('Also restore settings, the pipeline stages and export columns');
  await expect(alsoSettings).not.toBeChecked();
  await alsoSettings.check();
  await page.getByRole('button', { name: 'Restore 5 leads' }).click();
  await expect(report).toContainText('Leads restored: 5');
  await expect(report).toContainText('Kept as stored (changed since the backup): 0');
  await expect(report).toContainText('Settings restored: yes');
});

test('an empty file gets a clear message', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#data');
  await page.locator('#import-file').setInputFiles(join(FIXTURES, 'empty.csv'));
  await expect(page.getByRole('alert')).toHaveText('The file is empty.');
});

test('a big list imports with a report and exports through workers, every row in order', async ({
  openExtensionPage,
}, testInfo) => {
  // 2,400 leads (over WORKER_FROM): the export is rendered by dedicated workers in the real extension.
  const n = 2400;
  const lines = ['First Name,Last Name,Email,Company,Title,Notes'];
  for (let i = 0; i < n; i++) {
    const note = i % 7 === 0 ? '"Met at the fair, said ""call me""\nSecond line"' : `Note ${i}`;
    lines.push(`Zoë${i},Müller-${i},person${i}@bulk${i % 50}.example,Bulk Co ${i % 50},=cmd|${i},${note}`);
  }
  const file = testInfo.outputPath('bulk.csv');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);

  const page = await openExtensionPage('options.html#data');
  await clearProspectorDb(page);
  await page.reload();
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'rows read' })).toHaveText(
    `${n} rows read: ${n} valid, 0 rejected.`,
  );
  await page.getByRole('button', { name: `Import ${n} valid rows` }).click();
  await expect(page.getByRole('list', { name: 'Import report' })).toContainText(`Created: ${n}`, { timeout: 30_000 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  await expect(page.getByText(`Exported ${n} leads.`)).toBeVisible();
  expect(workers.filter((url) => url.includes('csv.worker')).length).toBeGreaterThanOrEqual(2);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1).match(/^First name,/gm)).toHaveLength(1);
  const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
  expect(rows).toHaveLength(n + 1);
  const emails = rows.slice(1).map((r) => r[7]);
  expect(new Set(emails).size).toBe(n);
  const zoe7 = rows.find((r) => r[7] === 'person7@bulk7.example');
  expect(zoe7?.[0]).toBe('Zoë7');
  expect(zoe7?.[3]).toBe(`'=cmd|7`);
  expect(zoe7?.[20]).toBe('Met at the fair, said "call me"\nSecond line');
});
