import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { type CouchServer, startCouchServer } from '../../scripts/couch-server.mjs';
import { CHROMIUM_PATH, chromiumArgs, storedLeads } from './fixtures';

/**
 * Team sync (issue 15) end to end: two Chromium profiles, each with the built extension,
 * sync through a CouchDB-protocol server (PouchDB Server) on 127.0.0.1. Tests run in order
 * and share the two profiles and the team database, like two reps over a day.
 */

interface Profile {
  context: BrowserContext;
  worker: Worker;
  /** The workspace's settings page (it holds the sync port open, so sync is continuous). */
  settings: Page;
  id: string;
  dir: string;
}

interface StoredLead {
  id: string;
  fullName?: string;
  title?: string;
  stage: string;
  tags: string[];
  capturedBy?: string;
  owner?: string;
  aliases?: string[];
  syncRev?: string;
}

const test = base.extend({});
const expect = test.expect;
test.describe.configure({ mode: 'serial' });

let couch: CouchServer;
let a: Profile;
let b: Profile;

async function openProfile(): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'prospector-sync-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${id}/options.html#settings`);
  return { context, worker, settings, id, dir };
}

async function connect(p: Profile, user: string, password: string, name: string, db = 'team'): Promise<void> {
  const page = p.settings;
  await page.getByLabel('Server URL').fill(`${couch.url}/${db}`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

async function syncNow(p: Profile, timeout = 20_000): Promise<void> {
  await p.settings.getByRole('button', { name: 'Sync now' }).click();
  await expect(p.settings.getByTestId('sync-status')).toContainText('Last synced', { timeout });
}

async function save(p: Profile, drafts: Record<string, unknown>[]): Promise<{ id: string }[]> {
  const reply = await p.settings.evaluate(
    (input) => chrome.runtime.sendMessage({ prospector: 1, type: 'leads.save', input }),
    { drafts },
  );
  return (reply as { value: { results: { lead: { id: string } }[] } }).value.results.map((r) => r.lead);
}

const leadsOf = (p: Profile) => storedLeads<StoredLead>(p.settings);
const named = async (p: Profile, name: string) => (await leadsOf(p)).filter((l) => l.fullName === name);
/** A lead as teammates compare it: without this browser's sync revision. */
const shown = (l: StoredLead | undefined) => {
  if (!l) return null;
  const { syncRev: _rev, ...rest } = l;
  return JSON.stringify(rest, Object.keys(rest).sort());
};

test.beforeAll(async () => {
  couch = await startCouchServer({
    users: [
      { name: 'ann', password: 'ann-pass' },
      { name: 'bob', password: 'bob-pass' },
    ],
  });
  await couch.createDatabase('team', ['ann', 'bob']);
  a = await openProfile();
  b = await openProfile();
});

test.afterAll(async () => {
  for (const p of [a, b]) {
    await p?.context.close();
    if (p) rmSync(p.dir, { recursive: true, force: true });
  }
  await couch?.stop();
});

test('sync: a wrong password says so and deletes nothing', async () => {
  await save(b, [{ fullName: 'Only On B', emails: [{ value: 'only@b.example' }] }]);
  await connect(b, 'bob', 'wrong', 'Bob');
  await expect(b.settings.getByTestId('sync-message')).toContainText('Wrong username or password');
  expect(await named(b, 'Only On B')).toHaveLength(1);
  // A database that does not exist is named.
  await connect(b, 'bob', 'bob-pass', 'Bob', 'no-such-db');
  await expect(b.settings.getByTestId('sync-message')).toContainText('no database "no-such-db"');
});

test('sync: A captures, both sync, B sees the lead with who captured it', async () => {
  await connect(a, 'ann', 'ann-pass', 'Ann');
  await expect(a.settings.getByTestId('sync-status')).toContainText('Last synced', { timeout: 20_000 });
  await connect(b, 'bob', 'bob-pass', 'Bob');
  await expect(b.settings.getByTestId('sync-status')).toContainText('Last synced', { timeout: 20_000 });
  // B's lead from before it connected reached A too.
  await expect.poll(() => named(a, 'Only On B'), { timeout: 20_000 }).toHaveLength(1);

  await save(a, [{ fullName: 'Ada Lovelace', title: 'Engineer', emails: [{ value: 'ada@analytical.example' }] }]);
  // Continuous sync: no click needed while a Prospector page is open.
  await expect.poll(() => named(b, 'Ada Lovelace'), { timeout: 20_000 }).toHaveLength(1);
  const [onB] = await named(b, 'Ada Lovelace');
  expect(onB?.capturedBy).toBe('Ann');
  expect(onB?.owner).toBe('Ann');
});

test('sync: both edit offline, both sync, both show the same merged lead', async () => {
  const [lead] = await named(a, 'Ada Lovelace');
  const id = lead?.id as string;
  await couch.pause();
  // B changes the stage, then A edits the title by hand (later, so A's stale stage is newer by the clock).
  const detailB = await b.context.newPage();
  await detailB.goto(`chrome-extension://${b.id}/options.html#leads/${id}`);
  await detailB.getByRole('complementary', { name: 'Lead detail' }).getByLabel('Stage').selectOption('contacted');
  await expect.poll(async () => (await named(b, 'Ada Lovelace'))[0]?.stage).toBe('contacted');
  const detailA = await a.context.newPage();
  await detailA.goto(`chrome-extension://${a.id}/options.html#leads/${id}`);
  const title = detailA.getByRole('complementary', { name: 'Lead detail' }).getByLabel('Title', { exact: true });
  await title.fill('Countess');
  await title.press('Tab');
  await expect.poll(async () => (await named(a, 'Ada Lovelace'))[0]?.title).toBe('Countess');
  await detailA.close();
  await detailB.close();

  await couch.resume();
  await syncNow(b);
  await syncNow(a);
  await syncNow(b);
  await expect
    .poll(async () => {
      const [onA, onB] = [(await named(a, 'Ada Lovelace'))[0], (await named(b, 'Ada Lovelace'))[0]];
      return { a: [onA?.title, onA?.stage], same: shown(onA) === shown(onB) };
    })
    .toEqual({ a: ['Countess', 'contacted'], same: true });
});

test('sync: B deletes, A sees it gone and can undo', async () => {
  const [lead] = await named(b, 'Ada Lovelace');
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.id}/options.html#leads`);
  const row = page.locator('.lead-table tbody tr[data-index]', { hasText: 'Ada Lovelace' });
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete 1 lead' }).click();
  // The delete is B's own first: a page closed within milliseconds of the click may never have
  // written it (the next test covers a page that closes after its write, before its notice).
  await expect.poll(() => named(b, 'Ada Lovelace')).toHaveLength(0);
  await page.close();
  await expect.poll(() => named(a, 'Ada Lovelace'), { timeout: 20_000 }).toHaveLength(0);
  await a.settings.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => named(a, 'Ada Lovelace')).toHaveLength(1);
  await expect.poll(() => named(b, 'Ada Lovelace'), { timeout: 20_000 }).toHaveLength(1);
  expect((await named(b, 'Ada Lovelace'))[0]?.id).toBe(lead?.id);
});

test('sync: a delete whose notice never left its closing page still reaches the teammate at once', async () => {
  await save(b, [{ fullName: 'Quiet Quinn', emails: [{ value: 'quinn@quiet.example' }] }]);
  await expect.poll(() => named(a, 'Quiet Quinn'), { timeout: 20_000 }).toHaveLength(1);
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.id}/options.html#leads`);
  // What a page closing at once can do: its write commits, its change notice is lost.
  await page.evaluate(() => {
    BroadcastChannel.prototype.postMessage = () => {};
    const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (...args: unknown[]) => unknown;
    (chrome.runtime as { sendMessage: unknown }).sendMessage = (...args: unknown[]) =>
      (args[0] as { type?: string })?.type === 'leads.changed'
        ? Promise.resolve({ value: { ok: true } })
        : send(...args);
  });
  const row = page.locator('.lead-table tbody tr[data-index]', { hasText: 'Quiet Quinn' });
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete 1 lead' }).click();
  await expect.poll(() => named(b, 'Quiet Quinn')).toHaveLength(0);
  await page.close();
  // Without the page's notice the background learns of it from the closed port (the alarm is 5 minutes away).
  await expect.poll(() => named(a, 'Quiet Quinn'), { timeout: 20_000 }).toHaveLength(0);
});

test('sync: the same person captured by both becomes one lead, the other id an alias', async () => {
  await couch.pause();
  const [onA] = await save(a, [{ fullName: 'Grace Hopper', emails: [{ value: 'grace@navy.example' }] }]);
  const [onB] = await save(b, [{ fullName: 'Grace Hopper', emails: [{ value: 'grace@navy.example' }], tags: ['q3'] }]);
  await couch.resume();
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  await expect
    .poll(async () => [(await named(a, 'Grace Hopper')).length, (await named(b, 'Grace Hopper')).length], {
      timeout: 20_000,
    })
    .toEqual([1, 1]);
  const [gA, gB] = [(await named(a, 'Grace Hopper'))[0], (await named(b, 'Grace Hopper'))[0]];
  expect(gA?.id).toBe(gB?.id);
  expect([onA?.id, onB?.id]).toContain(gA?.id);
  expect(gA?.aliases).toEqual([onA?.id, onB?.id].filter((x) => x !== gA?.id));
  expect(gA?.tags).toEqual(['q3']);
  // The merged-away id still opens the lead (a link or reminder made before the merge).
  const loser = [onA?.id, onB?.id].find((x) => x !== gA?.id);
  const page = await a.context.newPage();
  await page.goto(`chrome-extension://${a.id}/options.html#leads/${loser}`);
  await expect(page.getByRole('complementary', { name: 'Lead detail' })).toContainText('Grace Hopper');
  await page.close();
});

test('sync: the server stops mid-batch of a first push; nothing is lost and sync resumes from its checkpoint', async () => {
  test.setTimeout(10 * 60_000);
  const N = 3000;
  const before = ((await couch.call('GET', '/team')).body?.doc_count as number) ?? 0;
  const drafts = Array.from({ length: N }, (_, i) => ({
    fullName: `Bulk Person ${i}`,
    emails: [{ value: `bulk${i}@example.com` }],
  }));
  for (let i = 0; i < N; i += 500) await save(a, drafts.slice(i, i + 500));
  // Continuous sync is pushing them: stop the server once part of them has arrived.
  let reached = before;
  await expect
    .poll(
      async () => {
        reached = ((await couch.call('GET', '/team')).body?.doc_count as number) ?? 0;
        return reached > before;
      },
      { timeout: 5 * 60_000, intervals: [100] },
    )
    .toBe(true);
  await couch.pause();
  expect(reached - before).toBeLessThan(N);
  await new Promise((r) => setTimeout(r, 3000));
  expect((await leadsOf(a)).filter((l) => l.fullName?.startsWith('Bulk Person'))).toHaveLength(N);
  await couch.resume();
  await syncNow(a, 5 * 60_000);
  await syncNow(b, 5 * 60_000);
  await expect
    .poll(async () => (await leadsOf(b)).filter((l) => l.fullName?.startsWith('Bulk Person')).length, {
      timeout: 5 * 60_000,
    })
    .toBe(N);
  expect((await couch.call('GET', '/team')).body?.doc_count).toBeGreaterThanOrEqual(before + N);
});

test('sync: a storm of 100 concurrent edits of one lead from two profiles converges', async () => {
  const [lead] = await named(a, 'Grace Hopper');
  const edits = (p: Profile, who: string) =>
    Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        save(p, [
          {
            fullName: 'Grace Hopper',
            emails: [{ value: 'grace@navy.example' }],
            title: `${who} ${i}`,
            tags: [`${who}-${i % 5}`],
          },
        ]),
      ),
    );
  await Promise.all([edits(a, 'A'), edits(b, 'B')]);
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  await expect
    .poll(
      async () => {
        const [onA, onB] = [(await named(a, 'Grace Hopper'))[0], (await named(b, 'Grace Hopper'))[0]];
        return { same: shown(onA) === shown(onB), tags: onA?.tags.length, id: onA?.id };
      },
      { timeout: 30_000 },
    )
    .toEqual({ same: true, tags: 11, id: lead?.id });
  // The conflicts were resolved on the server too: the team database keeps one revision.
  const doc = await couch.call('GET', `/team/${lead?.id}?conflicts=true`);
  expect(doc.body?._conflicts).toBeUndefined();
});

test("sync: B's capture popup on a prospect A contacted shows A's ownership before saving", async () => {
  const profile = 'http://www.linkedin.com/in/jane-doe';
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000 - 60_000).toISOString();
  await save(a, [
    {
      fullName: 'Jane Doe',
      links: ['https://www.linkedin.com/in/jane-doe'],
      touches: [{ id: 'first-email', at: threeDaysAgo, channel: 'email', direction: 'out' }],
    },
  ]);
  await expect.poll(() => named(b, 'Jane Doe'), { timeout: 20_000 }).toHaveLength(1);
  await b.context.route(profile, (route) =>
    route.fulfill({ path: 'test/fixtures/pages/capture/in/jane-doe.html', contentType: 'text/html; charset=utf-8' }),
  );
  const tab = await b.context.newPage();
  await tab.goto(profile);
  const tabId = await b.worker.evaluate(async (href) => {
    const tabs = await chrome.tabs.query({});
    return Math.max(...tabs.filter((t) => t.url === href).map((t) => t.id ?? -1));
  }, profile);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.id}/popup.html?tab=${tabId}`);
  await expect(popup.locator('.capture-team')).toHaveText("In the team's list · owned by Ann · Contacted 3 days ago");
  await popup.close();
  await tab.close();
});

test('sync: the workspace filters by owner and reassigns a lead; the teammate sees the new owner', async () => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.id}/options.html#leads`);
  await page.getByLabel('Owner', { exact: true }).selectOption('Ann');
  const rows = page.locator('.lead-table tbody tr[data-index]');
  await expect(rows.filter({ hasText: 'Jane Doe' })).toHaveCount(1);
  // B's own lead from before it connected is B's, not Ann's.
  await expect(rows.filter({ hasText: 'Only On B' })).toHaveCount(0);
  await rows.filter({ hasText: 'Jane Doe' }).getByRole('checkbox').check();
  await page.getByLabel('Reassign selected to').fill('Bob');
  await page.getByRole('button', { name: 'Reassign', exact: true }).click();
  await expect.poll(async () => (await named(b, 'Jane Doe'))[0]?.owner).toBe('Bob');
  await expect.poll(async () => (await named(a, 'Jane Doe'))[0]?.owner, { timeout: 30_000 }).toBe('Bob');
  await expect(rows.filter({ hasText: 'Jane Doe' })).toHaveCount(0);
  await page.close();
});

test('sync: the team database deleted on the server is explained; the local list stays', async () => {
  const before = (await leadsOf(a)).length;
  await couch.deleteDatabase('team');
  await a.settings.getByRole('button', { name: 'Sync now' }).click();
  await expect(a.settings.getByTestId('sync-message')).toContainText('no longer exists', { timeout: 20_000 });
  expect(await leadsOf(a)).toHaveLength(before);
});
