import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The lead store through the real extension: drafts go from an extension page to the
// background ('leads.save'), which writes Chromium's real IndexedDB; pages read the same
// database (extension origin) and search it through lib/db. Names are unique to this
// file so other specs sharing the browser profile cannot disturb the counts.

interface Reply {
  value?: { results: { lead: Record<string, unknown> & { id: string }; outcome: string }[] };
  error?: { code: string; message: string };
}

function send(page: Page, drafts: unknown[]): Promise<Reply> {
  return page.evaluate(
    (d) => chrome.runtime.sendMessage({ prospector: 1, type: 'leads.save', input: { drafts: d } }),
    drafts,
  ) as Promise<Reply>;
}

/**
 * Reads stored rows straight from IndexedDB (opened at its current version, never created here),
 * each with `recent`, its search words as the `words` store holds them (v10).
 */
function readRows(page: Page, ids: string[]) {
  return page.evaluate(
    (keys) =>
      new Promise<{ lead: Record<string, unknown>; recent?: string[]; keys: string[] }[]>((resolve, reject) => {
        const open = indexedDB.open('prospector');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['leads', 'words']);
          const store = tx.objectStore('leads');
          const rows: { lead: Record<string, unknown>; recent?: string[]; keys: string[] }[] = [];
          let pending = keys.length;
          for (const key of keys) {
            const req = store.get(key);
            const words = tx.objectStore('words').get(key);
            words.onsuccess = () => {
              rows.push({ ...req.result, recent: words.result?.recent });
              if (--pending === 0) {
                db.close();
                resolve(rows);
              }
            };
          }
        };
      }),
    ids,
  );
}

const zoe = {
  fullName: 'Zoë Quillfeather',
  title: 'Directrice Générale',
  companyName: 'Ñandú Labs',
  emails: [{ value: 'Zoe.Quill@Nandu-Labs.io' }],
  links: ['https://fr.linkedin.com/in/zoe-quillfeather/?originalSubdomain=fr'],
  tags: ['e2e-store'],
};
const bart = {
  fullName: 'Bartholomew Quistgaard',
  companyWebsite: 'https://www.quistgaard.co.uk/',
  tags: ['e2e-store'],
};

test('saves through the background, merges the same person, reads back and searches in real IndexedDB', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('options.html');

  // Save two new prospects.
  const first = await send(page, [zoe, bart]);
  expect(first.error).toBeUndefined();
  const [savedZoe, savedBart] = first.value?.results ?? [];
  expect(savedZoe?.outcome).toBe('created');
  expect(savedZoe?.lead).toMatchObject({
    links: ['https://www.linkedin.com/in/zoe-quillfeather'],
    emails: [{ value: 'zoe.quill@nandu-labs.io' }],
    companyDomain: 'nandu-labs.io',
  });
  expect(savedBart?.lead.companyDomain).toBe('quistgaard.co.uk');

  // The same person from another LinkedIn country merges into the same record.
  const again = await send(page, [
    { links: ['https://de.linkedin.com/in/Zoe-Quillfeather?trk=people'], phones: [{ value: '+14155550132' }] },
  ]);
  expect(again.value?.results[0]?.outcome).toBe('merged');
  expect(again.value?.results[0]?.lead.id).toBe(savedZoe?.lead.id);

  // Two extension pages saving one new person at the same moment end with one record.
  const popup = await openExtensionPage('popup.html');
  const twin = { fullName: 'Ottoline Quarrington', emails: [{ value: 'ottoline@quarrington.example.com' }] };
  const [a, b] = await Promise.all([send(page, [twin]), send(popup, [twin])]);
  const outcomes = [a.value?.results[0]?.outcome, b.value?.results[0]?.outcome].sort();
  expect(outcomes).toEqual(['created', 'unchanged']);
  expect(a.value?.results[0]?.lead.id).toBe(b.value?.results[0]?.lead.id);

  // Read back from IndexedDB itself: the merged record, its dedupe keys and search words.
  const [row] = await readRows(page, [savedZoe?.lead.id ?? '']);
  expect(row?.lead).toMatchObject({
    fullName: 'Zoë Quillfeather',
    phones: [{ value: '+14155550132' }],
    title: 'Directrice Générale',
  });
  expect(row?.keys).toContain('link:https://www.linkedin.com/in/zoe-quillfeather');
  const words = (row?.recent ?? []).map((entry) => entry.slice(0, entry.indexOf('\u0000')));
  expect(words).toEqual(expect.arrayContaining(['zoe', 'quillfeather', 'nandu', 'directrice']));

  // Invalid drafts are refused with a typed error and nothing is written.
  const invalid = await send(page, [{ title: 'nobody at all' }]);
  expect(invalid.error?.code).toBe('invalid');

  // Search (lib/db query in Chromium) through the popup's Leads view: accents, case, prefixes.
  const leadsView = await openExtensionPage('popup.html?view=leads');
  const search = leadsView.getByLabel('Search leads');
  await search.fill('QUILLF');
  await expect(leadsView.getByText('Zoë Quillfeather')).toBeVisible();
  await expect(leadsView.getByText('Bartholomew Quistgaard')).toHaveCount(0);
  await search.fill('nandu direc');
  await expect(leadsView.getByText('Zoë Quillfeather')).toBeVisible();
  await search.fill('quistg');
  await expect(leadsView.getByText('Bartholomew Quistgaard')).toBeVisible();
  await expect(leadsView.getByText('Zoë Quillfeather')).toHaveCount(0);
});
