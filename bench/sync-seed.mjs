// The team database's lead documents as `npm run bench sync` seeds them (BENCH_SYNC_SEED=server),
// shared with `npm run bench pull-floor` so both time the same documents.

/** The i-th bench lead as a capture would draft it. */
export const draft = (i) => ({
  fullName: `Bench Person ${i}`,
  title: ['CTO', 'VP Sales', 'Founder', 'Engineer'][i % 4],
  companyName: `Company ${i % 997}`,
  companyDomain: `company${i % 997}.example`,
  emails: [{ value: `person${i}@company${i % 997}.example` }],
  links: [`https://www.linkedin.com/in/bench-person-${i}`],
  tags: i % 3 === 0 ? ['warm'] : [],
});

/** Resolves when a profile's status (`p.status()`: its syncStatus) says a sync round finished after `since`. */
export async function syncedAfter(p, since, timeoutMs = 30 * 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await p.status();
    if (s?.error) throw new Error(`sync error: ${s.error}`);
    if (s?.lastSyncedAt && Date.parse(s.lastSyncedAt) >= since && s.state !== 'syncing') return s;
    if (Date.now() > end) throw new Error(`no sync within ${timeoutMs} ms: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The document a browser pushes for draft(0): a throwaway profile `p` (with `send` and `status`)
 * captures it and pushes it to a database of its own on `couch`. Its lead passes the pull's
 * validation and carries what every pushed document does: capturedBy, owner and the per-field
 * times `at`. A template without those (a lead of a browser that never synced) made the profiles
 * send every pulled lead back as a new revision at their next catch-up (a page closing), which
 * the other profile then pulled: that round trip, not the pages, was most of the settle time
 * after a first pull.
 */
export async function pushedTemplate(couch, p) {
  await p.send('leads.save', { drafts: [draft(0)] });
  await couch.createDatabase('seed', ['ann']);
  const since = Date.now();
  await p.send('sync.connect', { url: `${couch.url}/seed`, username: 'ann', password: 'ann-pass', name: 'Seed' });
  await syncedAfter(p, since);
  const pushed = (await couch.call('GET', '/seed/_all_docs?include_docs=true')).body.rows[0].doc;
  await couch.deleteDatabase('seed');
  return { template: pushed.lead, at: pushed.at };
}

/** Fills database `db` with `n` copies of the template, each with its own id, name, email and link, by _bulk_docs of 500. */
export async function seedTeam(couch, db, n, { template, at }) {
  for (let start = 0; start < n; start += 500) {
    const docs = Array.from({ length: Math.min(500, n - start) }, (_, j) => {
      const i = start + j;
      const d = draft(i);
      const id = crypto.randomUUID();
      return {
        _id: id,
        lead: { ...template, id, fullName: d.fullName, title: d.title, emails: d.emails, links: d.links, tags: d.tags },
        at,
      };
    });
    const res = await couch.call('POST', `/${db}/_bulk_docs`, { docs });
    if (res.status >= 300) throw new Error(`seeding the server: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** An extension page of profile `p` (lib.mjs `launch`): `send` a message to the service worker, read the sync `status`. */
export async function extensionPage(p) {
  const page = await p.context.newPage();
  await page.goto(`chrome-extension://${p.extensionId}/options.html#settings`);
  const send = (type, input) =>
    page.evaluate(
      async ({ type, input }) => {
        const reply = await chrome.runtime.sendMessage({ prospector: 1, type, input });
        if (reply?.error) throw new Error(reply.error.message);
        return reply.value;
      },
      { type, input },
    );
  const status = () => page.evaluate(async () => (await chrome.storage.local.get('syncStatus')).syncStatus);
  return { page, send, status };
}
