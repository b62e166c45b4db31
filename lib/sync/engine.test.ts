// @vitest-environment node

import { type ChildProcess, spawn } from 'node:child_process';
import { deleteDB, openDB } from 'idb';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { onLeadsChanged } from '@/lib/db/changes';
import { DB_VERSION, type ProspectorDatabase, type ProspectorDB, upgradeDatabase } from '@/lib/db/database';
import { createLeadRepository } from '@/lib/db/repository';
import { makeLead } from '@/test/factories';
import { memoryBases } from './bases';
import type { SyncConfig, SyncStatus } from './config';
import { createSyncEngine } from './engine';
import { openRemote, PouchDB } from './pouch';

PouchDB.plugin(MemoryAdapter);

// The engine end to end in Node: each browser its own store (an IndexedDB database), an
// in-memory mirror, and the team database on PouchDB Server over HTTP, through a fetch the
// test can cut (the server gone mid-sync) and count (what each round sends). The server runs
// in its own process: in this one, pouchdb-core is already the extension's (lib/sync/pouch).
let child: ChildProcess;
const server = {
  url: '',
  async call(method: string, path: string, body?: unknown) {
    const res = await fetch(server.url + path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Basic ${btoa('admin:admin-pass')}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  },
  async createDatabase(name: string, members: string[]) {
    await server.call('PUT', `/${name}`);
    await server.call('PUT', `/${name}/_security`, { admins: { names: [], roles: [] }, members: { names: members } });
  },
  deleteDatabase: (name: string) => server.call('DELETE', `/${name}`),
};
beforeAll(async () => {
  child = spawn(process.execPath, ['scripts/couch-server.mjs'], { env: { ...process.env, PORT: '0' } });
  server.url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk))?.[0];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`couch-server exited (${code})`)));
  });
  await server.call('PUT', '/_users/org.couchdb.user:ann', { name: 'ann', password: 'pw', type: 'user', roles: [] });
}, 30_000);
afterAll(() => {
  child?.kill();
});

let n = 0;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function browser(db: string, name: string) {
  const dbName = `engine-test-${++n}`;
  const store: ProspectorDatabase = await openDB<ProspectorDB>(dbName, DB_VERSION, {
    upgrade: (d, oldVersion, newVersion, tx) => void upgradeDatabase(d, oldVersion, newVersion ?? DB_VERSION, tx),
  });
  const openStore = async () => store;
  const repository = createLeadRepository(openStore, {
    now: () => new Date().toISOString(),
    uuid: () => crypto.randomUUID(),
  });
  // Counts the rows sync writes into the store (a resumed first pull must not write them again).
  const leads: typeof repository = {
    ...repository,
    bulkPut: (rows, options) => {
      net.storedRows += rows.length;
      return repository.bulkPut(rows, options);
    },
  };
  const net = {
    down: false,
    docsSent: 0,
    deaf: false,
    allDocs: 0,
    bulkGetDocs: 0,
    revsDiffDocs: 0,
    changesRows: 0,
    cutAfterAllDocs: Infinity,
    storedRows: 0,
    /** Runs before the request of the `_all_docs` page it is given the number of (1 for the first). */
    beforeAllDocs: async (_page: number) => {},
    /** Writes into the mirror as given revisions (`new_edits: false` with a list: first push, first pull). */
    mirrorWrites: 0,
    /** The browser closes (the write throws) after this many of those writes. */
    cutMirrorAfter: Number.POSITIVE_INFINITY,
    /** Runs before each of those writes, given its number (1 for the first). */
    beforeMirrorWrite: async (_write: number) => {},
  };
  const fetchFn: typeof fetch = async (input, init) => {
    if (String(input).includes('/_all_docs')) {
      if (++net.allDocs > net.cutAfterAllDocs) net.down = true;
      await net.beforeAllDocs(net.allDocs);
    }
    if (net.down) throw new TypeError('fetch failed (the test cut the network)');
    if (String(input).includes('/_bulk_get') && typeof init?.body === 'string')
      net.bulkGetDocs += (JSON.parse(init.body) as { docs: unknown[] }).docs.length;
    if (String(input).includes('/_bulk_docs') && typeof init?.body === 'string')
      net.docsSent += (JSON.parse(init.body) as { docs: unknown[] }).docs.length;
    if (String(input).includes('/_revs_diff') && typeof init?.body === 'string')
      net.revsDiffDocs += Object.keys(JSON.parse(init.body) as object).length;
    const res = await fetch(input, init);
    if (String(input).includes('/_changes')) {
      const rows = ((await res.clone().json()) as { results?: unknown[] }).results;
      net.changesRows += rows?.length ?? 0;
    }
    return res;
  };
  const config: SyncConfig = { url: `${server.url}/${db}`, username: 'ann', password: 'pw', name, auth: 'basic' };
  let status: Partial<SyncStatus> = {};
  const mirror = new PouchDB(`${dbName}-mirror`, { adapter: 'memory' });
  const mirrorWrite = mirror.bulkDocs.bind(mirror) as (...args: unknown[]) => Promise<unknown>;
  (mirror as unknown as { bulkDocs: typeof mirrorWrite }).bulkDocs = async (...args) => {
    if (Array.isArray(args[0]) && (args[1] as { new_edits?: boolean } | undefined)?.new_edits === false) {
      await net.beforeMirrorWrite(++net.mirrorWrites);
      if (net.mirrorWrites > net.cutMirrorAfter) throw new Error('the test closed the browser');
    }
    return mirrorWrite(...args);
  };
  const bases = memoryBases();
  /** The engine of the running browser: a restart replaces it (its memory is gone, its databases stay). */
  let running = 0;
  const start = () => {
    const me = ++running;
    return createSyncEngine({
      leads,
      getConfig: async () => config,
      setStatus: async (patch) => {
        status = { ...status, ...patch };
        return status;
      },
      openMirror: () => mirror,
      openBases: () => bases,
      openRemote: (c) => openRemote(c, fetchFn),
      // A test can make the engine deaf to notices (a page that closed before sending one).
      onLeadsChanged: (cb) => onLeadsChanged((change) => me === running && !net.deaf && cb(change)),
      openStore,
    });
  };
  const b = {
    leads,
    engine: start(),
    net,
    mirror,
    status: () => status,
    restart: () => {
      b.engine = start();
    },
  };
  cleanups.push(async () => {
    await b.engine.close(true);
    store.close();
    await deleteDB(dbName);
  });
  return b;
}

const remoteCount = async (db: string) => (await server.call('GET', `/${db}`)).body?.doc_count as number;
const remoteLead = async (db: string, id: string) =>
  ((await server.call('GET', `/${db}/${id}`)).body as { lead?: Record<string, unknown> }).lead;

describe('sync engine', () => {
  it('loses nothing when the server goes away mid-push, and resumes from its checkpoint', async () => {
    await server.createDatabase('fault', ['ann']);
    const a = await browser('fault', 'Ann');
    const N = 1500;
    await a.leads.bulkPut(Array.from({ length: N }, (_, i) => makeLead(i, { fullName: `Person ${i}` })));

    // The network goes down after the first batches of the push have reached the server.
    const cut = setInterval(() => {
      if (a.net.docsSent >= 500) a.net.down = true;
    }, 5);
    const failed = await a.engine.syncOnce();
    clearInterval(cut);
    expect(failed?.state).toBe('error');
    expect(failed?.error).toContain('cannot be reached');
    const partial = await remoteCount('fault');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(N);
    expect(await a.leads.count()).toBe(N);

    // Back: the next round sends what is missing, not the whole list again.
    a.net.down = false;
    const sentBefore = a.net.docsSent;
    const done = await a.engine.syncOnce();
    expect(done?.state).not.toBe('error');
    expect(await remoteCount('fault')).toBe(N);
    expect(a.net.docsSent - sentBefore).toBeLessThanOrEqual(N - partial + 500);

    // A second browser pulls all of them into its store; its own pull is not pushed back.
    const b = await browser('fault', 'Bob');
    const pulled = await b.engine.syncOnce();
    expect(pulled?.state).not.toBe('error');
    expect(await b.leads.count()).toBe(N);
    expect(b.net.docsSent).toBe(0);
    expect((await b.leads.get(makeLead(7).id))?.fullName).toBe('Person 7');
  }, 120_000);

  it('sends a first push once, and compares nothing after it', async () => {
    await server.createDatabase('direct', ['ann']);
    const a = await browser('direct', 'Ann');
    const N = 1200;
    await a.leads.bulkPut(Array.from({ length: N }, (_, i) => makeLead(i, { fullName: `Person ${i}` })));
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    expect(await remoteCount('direct')).toBe(N);
    // Each document once, and no revision compared or listed back: the checkpoints say all is there.
    expect(a.net.docsSent).toBe(N);
    expect(a.net.revsDiffDocs).toBe(0);
    expect(a.net.changesRows).toBe(0);
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    expect(a.net.docsSent).toBe(N);

    // A browser that cannot reach the server on its first round pushes everything once it can.
    await server.createDatabase('unreached', ['ann']);
    const late = await browser('unreached', 'Lee');
    await late.leads.bulkPut(Array.from({ length: 40 }, (_, i) => makeLead(9000 + i)));
    late.net.down = true;
    expect((await late.engine.syncOnce())?.state).toBe('error');
    late.net.down = false;
    expect((await late.engine.syncOnce())?.state).not.toBe('error');
    expect(await remoteCount('unreached')).toBe(40);

    // Later changes go through the replicator as always, both ways.
    await a.leads.update(makeLead(5).id, { title: 'Edited after' });
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    const doc = (await server.call('GET', `/direct/${makeLead(5).id}`)).body as { lead: { title?: string } };
    expect(doc.lead.title).toBe('Edited after');

    // A browser with other leads pushes into the non-empty database: its own are sent once, and
    // the team's (not its own) reach it.
    const b = await browser('direct', 'Bob');
    await b.leads.bulkPut(Array.from({ length: 300 }, (_, i) => makeLead(5000 + i, { fullName: `Other ${i}` })));
    expect((await b.engine.syncOnce())?.state).not.toBe('error');
    expect(b.net.docsSent).toBe(300);
    expect(await remoteCount('direct')).toBe(N + 300);
    expect(await b.leads.count()).toBe(N + 300);
    expect((await b.leads.get(makeLead(5).id))?.title).toBe('Edited after');
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    expect(await a.leads.count()).toBe(N + 300);
  }, 180_000);

  it('says a first push is synced once the server holds it, then writes the mirror with the revisions it sent', async () => {
    await server.createDatabase('sent', ['ann']);
    const a = await browser('sent', 'Ann');
    const N = 1200;
    await a.leads.bulkPut(Array.from({ length: N }, (_, i) => makeLead(i, { fullName: `Person ${i}` })));
    const early = makeLead(3).id; // In the batch being written when the user edits it.
    const edited = makeLead(1100).id;
    const removed = makeLead(1101).id;
    let atMirror = null as { onServer: number; status: Partial<SyncStatus> } | null;
    a.net.beforeMirrorWrite = async (write) => {
      if (write !== 1) return;
      atMirror = { onServer: await remoteCount('sent'), status: a.status() };
      // The user edits and removes leads already sent while the mirror is written.
      await a.leads.update(early, { title: 'Early edit' });
      await a.leads.update(edited, { title: 'Late edit' });
      await a.leads.remove([removed]);
    };
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    // The server had everything, and the status said so, before the first mirror write.
    expect(atMirror).toMatchObject({ onServer: N, status: { state: 'syncing', progress: { step: 'copy' } } });
    expect(atMirror?.status.lastSyncedAt).toBeTruthy();
    expect(a.net.docsSent).toBe(N);
    expect((await a.mirror.info()).doc_count).toBe(N);

    // The edits made meanwhile go in the next round, on top of the sent revisions: three documents.
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    expect(a.net.docsSent).toBe(N + 3);
    const rows = (await server.call('GET', '/sent/_all_docs?include_docs=true&conflicts=true')).body.rows as {
      id: string;
      doc: { _rev: string; _conflicts?: string[]; lead: { title?: string }; at: unknown };
    }[];
    expect(rows.length).toBe(N - 1);
    expect(rows.filter((r) => r.doc._conflicts)).toEqual([]);
    const revs = Object.fromEntries(rows.map((r) => [r.id, r.doc._rev]));
    expect(revs[early]?.startsWith('2-')).toBe(true);
    expect(revs[edited]?.startsWith('2-')).toBe(true);
    expect(rows.find((r) => r.id === edited)?.doc.lead.title).toBe('Late edit');
    expect(rows.find((r) => r.id === early)?.doc.lead.title).toBe('Early edit');
    expect(revs[removed]).toBeUndefined();
    // The mirror holds the server's revisions, each the one PouchDB itself gives that document.
    const mirrored = (await a.mirror.allDocs()).rows.map((r) => [r.id, r.value.rev]);
    expect(Object.fromEntries(mirrored)).toEqual(revs);
    const sample = rows.find((r) => r.id === makeLead(700).id)?.doc as (typeof rows)[number]['doc'];
    const probe = new PouchDB(`probe-${++n}`, { adapter: 'memory' });
    const [own] = await probe.bulkDocs([{ _id: makeLead(700).id, lead: sample.lead, at: sample.at }]);
    expect(own?.rev).toBe(sample._rev);
    await probe.destroy();
  }, 180_000);

  it('finishes a first push cut while the mirror is written, before pushing anything else', async () => {
    await server.createDatabase('mirrorcut', ['ann']);
    const a = await browser('mirrorcut', 'Ann');
    const N = 1200;
    await a.leads.bulkPut(Array.from({ length: N }, (_, i) => makeLead(i, { fullName: `Person ${i}` })));
    // The browser closes after the mirror's first batch.
    a.net.cutMirrorAfter = 1;
    expect((await a.engine.syncOnce())?.state).toBe('error');
    expect(await remoteCount('mirrorcut')).toBe(N);
    expect(a.status().lastSyncedAt).toBeTruthy();
    expect((await a.mirror.info()).doc_count).toBeLessThan(N);
    // An edit waits for the mirror: pushed now, it would have no base there.
    const edited = makeLead(1100).id;
    await a.leads.update(edited, { title: 'After the cut' });
    await new Promise((r) => setTimeout(r, 300));
    expect(a.net.docsSent).toBe(N);

    // The browser opens again: the mirror is finished first, then the edit goes on top of the sent revision.
    a.net.cutMirrorAfter = Number.POSITIVE_INFINITY;
    a.restart();
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    expect(a.net.docsSent).toBe(N + 1);
    const doc = (await server.call('GET', `/mirrorcut/${edited}?conflicts=true`)).body as {
      _rev: string;
      _conflicts?: string[];
      lead: { title?: string };
    };
    expect(doc.lead.title).toBe('After the cut');
    expect(doc._conflicts).toBeUndefined();
    expect(doc._rev.startsWith('2-')).toBe(true);
    const onServer = (await server.call('GET', '/mirrorcut/_all_docs')).body.rows as {
      id: string;
      value: { rev: string };
    }[];
    const mirrored = (await a.mirror.allDocs()).rows.map((r) => [r.id, r.value.rev]);
    expect(Object.fromEntries(mirrored)).toEqual(Object.fromEntries(onServer.map((r) => [r.id, r.value.rev])));

    // Cut while sending (the server goes), then closed at the mirror's first write: nothing is lost.
    await server.createDatabase('sendcut', ['ann']);
    const c = await browser('sendcut', 'Cid');
    const M = 1500;
    await c.leads.bulkPut(Array.from({ length: M }, (_, i) => makeLead(3000 + i)));
    const cut = setInterval(() => {
      if (c.net.docsSent >= 500) c.net.down = true;
    }, 5);
    c.net.cutMirrorAfter = 0;
    expect((await c.engine.syncOnce())?.state).toBe('error');
    clearInterval(cut);
    const partial = await remoteCount('sendcut');
    expect(partial).toBeLessThan(M);
    expect(c.status().lastSyncedAt).toBeUndefined();
    c.net.down = false;
    c.net.cutMirrorAfter = Number.POSITIVE_INFINITY;
    c.restart();
    const sentBefore = c.net.docsSent;
    expect((await c.engine.syncOnce())?.state).not.toBe('error');
    expect(await remoteCount('sendcut')).toBe(M);
    expect(c.net.docsSent - sentBefore).toBe(M - partial);
    const conflicted = (await server.call('GET', '/sendcut/_all_docs?include_docs=true&conflicts=true')).body.rows as {
      doc: { _conflicts?: string[] };
    }[];
    expect(conflicted.filter((r) => r.doc._conflicts)).toEqual([]);
  }, 180_000);

  it('loads a first pull into an empty browser, finishes a cut one, and transfers nothing again after', async () => {
    await server.createDatabase('load', ['ann']);
    const a = await browser('load', 'Ann');
    const N = 1200;
    await a.leads.bulkPut(Array.from({ length: N }, (_, i) => makeLead(i, { fullName: `Person ${i}` })));
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    // A conflicting revision on the server: the load leaves that document to the replicator.
    const id = makeLead(3).id;
    const doc = (await server.call('GET', `/load/${id}`)).body as { lead: Record<string, unknown> };
    const other = { _id: id, _rev: '1-ffffffffffffffffffffffffffffffff', lead: { ...doc.lead, title: 'Other title' } };
    await server.call('POST', '/load/_bulk_docs', { docs: [other], new_edits: false });

    // B's first pull is cut after its first page.
    const b = await browser('load', 'Bob');
    b.net.cutAfterAllDocs = 1;
    expect((await b.engine.syncOnce())?.state).toBe('error');
    const partial = await b.leads.count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(N);
    b.net.down = false;
    b.net.cutAfterAllDocs = Number.POSITIVE_INFINITY;
    expect((await b.engine.syncOnce())?.state).not.toBe('error');
    expect(await b.leads.count()).toBe(N);
    expect((await b.leads.get(makeLead(7).id))?.fullName).toBe('Person 7');
    // Both revisions of the conflicting lead were merged (B has it); B's next round resolves it on the server.
    expect(await b.leads.get(id)).toBeTruthy();
    await b.engine.syncOnce();
    expect((await server.call('GET', `/load/${id}?conflicts=true`)).body?._conflicts).toBeUndefined();

    // C loads in one go: the replication after it fetches no loaded document, and the next round nothing.
    const c = await browser('load', 'Cid');
    expect((await c.engine.syncOnce())?.state).not.toBe('error');
    expect(await c.leads.count()).toBe(N);
    expect(c.net.allDocs).toBeGreaterThanOrEqual(Math.ceil(N / 500));
    // The load wrote the checkpoints: the replicator after it compares and fetches nothing (not
    // even the deleted losing revision of the resolved conflict, older than the load).
    expect(c.net.bulkGetDocs).toBe(0);
    expect(c.net.revsDiffDocs).toBe(0);
    expect(c.net.changesRows).toBe(0);
    const pages = c.net.allDocs;
    expect((await c.engine.syncOnce())?.state).not.toBe('error');
    expect(c.net.allDocs).toBe(pages);
    expect(c.net.bulkGetDocs).toBe(0);
    // A change made after the load still arrives.
    await a.leads.update(makeLead(9).id, { title: 'After the load' });
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    expect((await c.engine.syncOnce())?.state).not.toBe('error');
    expect((await c.leads.get(makeLead(9).id))?.title).toBe('After the load');
    // What C stored carries its base: nothing is pushed back.
    expect(c.net.docsSent).toBe(0);
    expect((await c.leads.get(id))?.fullName).toBe('Person 3');
  }, 180_000);

  it('shows the leads before the mirror is filled, and leaves what changed on the server meanwhile to the replicator', async () => {
    await server.createDatabase('fill', ['ann']);
    const a = await browser('fill', 'Ann');
    const N = 1200; // 3 pages of _all_docs: the load reads pages 1-3, the mirror's fill 4-6.
    await a.leads.bulkPut(Array.from({ length: N }, (_, i) => makeLead(i, { fullName: `Person ${i}` })));
    expect((await a.engine.syncOnce())?.state).not.toBe('error');

    const b = await browser('fill', 'Bob');
    const changed = makeLead(5).id;
    let atFill = null as { count: number; status: Partial<SyncStatus> } | null;
    b.net.beforeAllDocs = async (page) => {
      if (page !== 4) return;
      // Between the load and the fill: B's list is complete and said to be synced...
      atFill = { count: await b.leads.count(), status: b.status() };
      // ...a teammate changes a lead's stage (a field taken by time, not by hand edit), adds one
      // and deletes one on the server; then B edits the changed lead.
      await a.leads.setStage(changed, 'contacted');
      await a.leads.bulkPut([makeLead(7000, { fullName: 'Added by Ann' })]);
      await a.leads.remove([makeLead(6).id]);
      expect((await a.engine.syncOnce())?.state).not.toBe('error');
      await new Promise((r) => setTimeout(r, 5)); // B's edit is later than Ann's.
      await b.leads.update(changed, { fullName: 'Edited by Bob' });
    };
    expect((await b.engine.syncOnce())?.state).not.toBe('error');
    expect(b.net.allDocs).toBe(6);
    expect(atFill).toMatchObject({ count: N, status: { state: 'syncing', progress: { step: 'copy' } } });
    expect(atFill?.status.lastSyncedAt).toBeTruthy();
    // The replicator brought the three changes (and only them: the load's checkpoints hold).
    expect((await b.leads.get(makeLead(7000).id))?.fullName).toBe('Added by Ann');
    expect(await b.leads.get(makeLead(6).id)).toBeUndefined();
    expect(await b.leads.count()).toBe(N);
    expect(b.net.changesRows).toBeLessThan(10);
    // B's edit is merged with Ann's change against the revision both started from (the fill wrote
    // it into the mirror as B's base), not laid over it with every field of B's older copy.
    expect((await b.engine.syncOnce())?.state).not.toBe('error');
    expect(await remoteLead('fill', changed)).toMatchObject({ fullName: 'Edited by Bob', stage: 'contacted' });
    expect((await b.leads.get(changed))?.stage).toBe('contacted');
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    expect(await a.leads.get(changed)).toMatchObject({ fullName: 'Edited by Bob', stage: 'contacted' });
  }, 180_000);

  it('finishes a first pull cut while the mirror fills, writing no stored lead again and pushing nothing before', async () => {
    await server.createDatabase('fillcut', ['ann']);
    const a = await browser('fillcut', 'Ann');
    const N = 1200;
    await a.leads.bulkPut(Array.from({ length: N }, (_, i) => makeLead(i, { fullName: `Person ${i}` })));
    expect((await a.engine.syncOnce())?.state).not.toBe('error');

    // B's network goes after the load (pages 1-3) and the fill's first page.
    const b = await browser('fillcut', 'Bob');
    b.net.cutAfterAllDocs = 4;
    const cut = await b.engine.syncOnce();
    expect(cut?.state).toBe('error');
    expect(await b.leads.count()).toBe(N);
    expect(b.net.storedRows).toBe(N);
    // An edit meanwhile waits for the mirror: pushed now, it would have no base there (this lead
    // is on the third page, which the fill did not reach).
    const edited = makeLead(1100).id;
    await b.leads.update(edited, { title: 'Bob after the cut' });
    b.net.down = false;
    b.net.cutAfterAllDocs = Number.POSITIVE_INFINITY;
    await new Promise((r) => setTimeout(r, 300));
    expect(b.net.docsSent).toBe(0);

    expect((await b.engine.syncOnce())?.state).not.toBe('error');
    expect(await b.leads.count()).toBe(N);
    // The replicator fetched what the mirror lacked; the bridge saw the store had those revisions.
    expect(b.net.storedRows - N).toBeLessThan(10);
    // Only B's edit went to the server, as a new revision of the one B pulled (no conflict).
    expect(b.net.docsSent).toBe(1);
    const doc = (await server.call('GET', `/fillcut/${edited}?conflicts=true`)).body as {
      _rev: string;
      _conflicts?: string[];
      lead: { title?: string };
    };
    expect(doc.lead.title).toBe('Bob after the cut');
    expect(doc._conflicts).toBeUndefined();
    expect(doc._rev.startsWith('2-')).toBe(true);
    // A change after it still arrives.
    await a.leads.update(makeLead(9).id, { title: 'After the cut' });
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    expect((await b.engine.syncOnce())?.state).not.toBe('error');
    expect((await b.leads.get(makeLead(9).id))?.title).toBe('After the cut');
  }, 180_000);

  it('pushes a change no notice announced when asked to catch up (a page closed)', async () => {
    await server.createDatabase('quiet', ['ann']);
    const a = await browser('quiet', 'Ann');
    await a.leads.bulkPut([makeLead(1, { fullName: 'Stays' }), makeLead(2, { fullName: 'Goes' })]);
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    a.net.deaf = true;
    await a.leads.remove([makeLead(2).id]);
    a.net.deaf = false;
    const onServer = async () => (await server.call('GET', `/quiet/${makeLead(2).id}`)).status;
    await new Promise((r) => setTimeout(r, 300));
    expect(await onServer()).toBe(200);
    a.engine.catchUpSoon();
    await expect.poll(() => remoteCount('quiet'), { timeout: 10_000 }).toBe(1);
    expect(await onServer()).toBe(404);
  }, 60_000);

  it('says the database is gone and leaves the local list alone', async () => {
    await server.createDatabase('gone', ['ann']);
    const a = await browser('gone', 'Ann');
    await a.leads.bulkPut([makeLead(1, { fullName: 'Kept Here' })]);
    expect((await a.engine.syncOnce())?.state).not.toBe('error');
    await server.deleteDatabase('gone');
    const actual = await a.engine.syncOnce();
    expect(actual?.state).toBe('error');
    expect(actual?.error).toContain('no longer exists');
    expect(await a.leads.count()).toBe(1);
  }, 60_000);
});
