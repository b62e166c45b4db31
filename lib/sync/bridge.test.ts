// @vitest-environment node
import { deleteDB, openDB } from 'idb';
import MemoryAdapter from 'pouchdb-adapter-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeadRepository } from '@/lib/db/api';
import { DB_VERSION, type ProspectorDatabase, type ProspectorDB, upgradeDatabase } from '@/lib/db/database';
import { createLeadRepository } from '@/lib/db/repository';
import type { Lead } from '@/lib/lead/schema';
import { memoryBases } from './bases';
import { createBridge, readStoredLeads } from './bridge';
import { PouchDB } from './pouch';
import { canonical } from './resolve';

PouchDB.plugin(MemoryAdapter);

// Two browsers in one process: each its own store (an IndexedDB database) and mirror, and
// a third PouchDB as the team database; PouchDB replicates between them as it does over HTTP.
let n = 0;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

let clock = Date.parse('2026-03-01T09:00:00.000Z');
const now = () => {
  clock += 1000;
  return new Date(clock).toISOString();
};

async function browser(me: string) {
  const name = `sync-test-${++n}`;
  const db: ProspectorDatabase = await openDB<ProspectorDB>(name, DB_VERSION, {
    upgrade: (d, oldVersion, newVersion, tx) => void upgradeDatabase(d, oldVersion, newVersion ?? DB_VERSION, tx),
  });
  const open = async () => db;
  const leads: LeadRepository = createLeadRepository(open, { now, uuid: () => crypto.randomUUID() });
  const mirror = new PouchDB(`${name}-mirror`, { adapter: 'memory' });
  cleanups.push(async () => {
    db.close();
    await deleteDB(name);
    await mirror.destroy();
  });
  const bridge = createBridge({
    leads,
    mirror,
    me,
    readLeads: (ids) => readStoredLeads(ids, open),
    bases: memoryBases(),
  });
  const ids = new Set<string>();
  return {
    leads,
    mirror,
    /** Pushes the given ids (what change notifications would say). */
    push: (...changed: string[]) => bridge.push(changed),
    pull: () => bridge.pull(),
    ids,
  };
}

async function team() {
  const server = new PouchDB(`team-${++n}`, { adapter: 'memory' });
  cleanups.push(() => server.destroy());
  return {
    server,
    /** One round of sync for a browser: push its mirror, pull the team's, apply to the store. */
    sync: async (b: Awaited<ReturnType<typeof browser>>) => {
      await b.mirror.sync(server);
      await b.pull();
    },
  };
}

async function all(leads: LeadRepository): Promise<Lead[]> {
  const out: Lead[] = [];
  for await (const lead of leads.all()) out.push(lead);
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A lead as teammates compare it (without the local sync revision). */
const shown = (lead: Lead) => {
  const { syncRev: _s, ...rest } = lead as Lead & { syncRev?: string };
  return canonical(rest);
};

describe('bridge between the store and the team mirror', () => {
  it('brings a lead captured by A to B, with who captured it and who owns it', async () => {
    const { sync } = await team();
    const [a, b] = [await browser('Ann'), await browser('Bob')];
    const { lead } = await a.leads.save({ fullName: 'Ada Lovelace', emails: [{ value: 'ada@example.com' }] });
    await a.push(lead.id);
    await sync(a);
    await sync(b);
    const actual = await b.leads.get(lead.id);
    expect(actual?.fullName).toBe('Ada Lovelace');
    expect(actual?.capturedBy).toBe('Ann');
    expect(actual?.owner).toBe('Ann');
  });

  it('merges offline edits of both browsers into the same lead, whatever the order', async () => {
    const { sync } = await team();
    const [a, b] = [await browser('Ann'), await browser('Bob')];
    const { lead } = await a.leads.save({ fullName: 'Ada Lovelace', title: 'Engineer' });
    await a.push(lead.id);
    await sync(a);
    await sync(b);
    // Both offline: B moves the stage and adds a tag, then A edits the title by hand. A's
    // stale stage is newer than B's change by A's clock: only the base tells it is stale.
    await b.leads.setStage(lead.id, 'contacted');
    await b.leads.update(lead.id, { tags: ['vip'] });
    await b.push(lead.id);
    await a.leads.update(lead.id, { title: 'CTO' });
    await a.push(lead.id);
    await sync(b);
    await sync(a);
    await sync(b);
    const [onA, onB] = [await a.leads.get(lead.id), await b.leads.get(lead.id)];
    expect(onA?.title).toBe('CTO');
    expect(onA?.stage).toBe('contacted');
    expect(onA?.tags).toEqual(['vip']);
    expect(shown(onA as Lead)).toBe(shown(onB as Lead));
  });

  it("keeps each browser's fit score to itself: it never travels, and a rescore sends nothing", async () => {
    // Fit scores come from each rep's own ideal-customer profile; were they synced, two reps with
    // different profiles would rescore and overwrite each other's lead without end.
    const { server, sync } = await team();
    const [a, b] = [await browser('Ann'), await browser('Bob')];
    const { lead } = await a.leads.save({ fullName: 'Ada Lovelace', title: 'CTO' });
    await a.leads.setFitScores([{ id: lead.id, fitScore: 70 }]);
    await a.push(lead.id);
    await sync(a);
    await sync(b);
    const doc = (await server.get(lead.id)) as unknown as { lead: Lead };
    expect(doc.lead.fitScore).toBeUndefined();
    expect((await b.leads.get(lead.id))?.fitScore).toBeUndefined();
    await b.leads.setFitScores([{ id: lead.id, fitScore: 40 }]);
    expect(await b.push(lead.id)).toBe(0);
    await sync(b);
    await sync(a);
    expect((await b.leads.get(lead.id))?.fitScore).toBe(40);
    expect((await a.leads.get(lead.id))?.fitScore).toBe(70);
    // A real edit still travels, and leaves each browser's score in place.
    await b.leads.update(lead.id, { title: 'CEO' });
    expect(await b.push(lead.id)).toBe(1);
    await sync(b);
    await sync(a);
    expect(await a.leads.get(lead.id)).toMatchObject({ title: 'CEO', fitScore: 70 });
    expect(await b.leads.get(lead.id)).toMatchObject({ title: 'CEO', fitScore: 40 });
  });

  it('propagates a delete as a tombstone, and an undo brings the lead back for both', async () => {
    const { server, sync } = await team();
    const [a, b] = [await browser('Ann'), await browser('Bob')];
    const { lead } = await a.leads.save({ fullName: 'Ada Lovelace' });
    await a.push(lead.id);
    await sync(a);
    await sync(b);
    await b.leads.remove([lead.id]);
    await b.push(lead.id);
    await sync(b);
    await a.mirror.sync(server);
    const pulled = await a.pull();
    expect(await a.leads.get(lead.id)).toBeUndefined();
    expect(pulled.restoreToken).toBeDefined();
    await a.leads.restore(pulled.restoreToken as string);
    await a.push(lead.id);
    await sync(a);
    await sync(b);
    expect((await b.leads.get(lead.id))?.fullName).toBe('Ada Lovelace');
  });

  it('turns the same person captured by both into one lead, keeping the other id as an alias', async () => {
    const { sync } = await team();
    const [a, b] = [await browser('Ann'), await browser('Bob')];
    const onA = await a.leads.save({ fullName: 'Grace Hopper', emails: [{ value: 'grace@navy.example' }] });
    const onB = await b.leads.save({
      fullName: 'Grace Hopper',
      emails: [{ value: 'grace@navy.example' }],
      tags: ['q3'],
    });
    await a.push(onA.lead.id);
    await b.push(onB.lead.id);
    await sync(a);
    await sync(b);
    await sync(a);
    await sync(b);
    const [listA, listB] = [await all(a.leads), await all(b.leads)];
    expect(listA).toHaveLength(1);
    expect(listB).toHaveLength(1);
    expect(shown(listA[0] as Lead)).toBe(shown(listB[0] as Lead));
    const winner = listA[0] as Lead;
    expect([onA.lead.id, onB.lead.id]).toContain(winner.id);
    expect(winner.aliases).toEqual([onA.lead.id, onB.lead.id].filter((id) => id !== winner.id));
    expect(winner.tags).toEqual(['q3']);
  });
});
