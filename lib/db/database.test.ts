import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createLead } from '@/lib/lead/merge';
import { prepareDraft } from '@/lib/lead/prepare';
import type { Lead, LeadDraft } from '@/lib/lead/schema';
import { emptyDatabaseEachTest } from '@/test/db';
import { makeLead } from '@/test/factories';
import { DB_NAME, DB_VERSION, leads, openDatabase } from '.';
import { LEAD_COUNT_KEY, type ProspectorDB, upgradeDatabase } from './database';
import { type LeadRow, searchWords, toRow, toWords } from './rows';

emptyDatabaseEachTest();

/** Opens the database at an old version exactly as that version's code built it. */
function openAt(version: number): Promise<IDBPDatabase<ProspectorDB>> {
  return openDB<ProspectorDB>(DB_NAME, version, {
    upgrade: (db, oldVersion, _newVersion, tx) => {
      void upgradeDatabase(db, oldVersion, version, tx);
    },
  });
}

const drafts: LeadDraft[] = [
  { fullName: 'José Núñez', companyName: 'Société Générale', title: 'Directeur', tags: ['Europe'] },
  { fullName: 'Jane Doe', emails: [{ value: 'jane@acme.com' }], links: ['https://www.linkedin.com/in/jane'] },
  { companyName: 'Globex', links: ['https://www.linkedin.com/company/globex'] },
];

function storedLeads(): Lead[] {
  return drafts.map((d, i) =>
    createLead(prepareDraft(d), {
      by: 'capture',
      now: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      id: `00000000-0000-4000-8000-00000000000${i}`,
    }),
  );
}

describe('migrations', () => {
  it('v1 → v2: every record survives unchanged and becomes searchable', async () => {
    // Arrange: a database filled by version 1 (rows without search words, no by-word index).
    const v1 = await openAt(1);
    const expected = storedLeads();
    const tx = v1.transaction('leads', 'readwrite');
    for (const lead of expected) {
      const { words: _, recent: __, ...row } = toRow(lead);
      await tx.store.put(row);
    }
    await tx.done;
    expect(v1.objectStoreNames.contains('leads')).toBe(true);
    expect([...v1.transaction('leads').store.indexNames]).not.toContain('by-word');
    v1.close();

    // Act: the current code opens it.
    const db = await openDatabase();

    // Assert: same version as the code, same records, words filled, search works.
    expect(db.version).toBe(DB_VERSION);
    for (const lead of expected) {
      expect(await leads.get(lead.id)).toEqual(lead);
      const row = await db.get('leads', lead.id);
      // v4 moved the words into `recent` (v6 rows carry no `words`).
      expect(row?.recent?.length).toBeGreaterThan(0);
      expect(row?.words).toBeUndefined();
    }
    expect((await leads.query({ text: 'societe' })).leads.map((l) => l.id)).toEqual([expected[0]?.id]);
    expect((await leads.query({ text: 'jane' })).total).toBe(1);
    expect(await leads.count()).toBe(3);
    // Dedupe keys written at v1 still match new captures.
    const merged = await leads.save({ links: ['https://fr.linkedin.com/in/jane/'], title: 'CTO' });
    expect(merged.outcome).toBe('merged');
  });

  it('v2 → v3: the stage pipeline index covers every existing record', async () => {
    const v2 = await openAt(2);
    const expected = storedLeads().map((lead, i) => ({ ...lead, stage: i === 1 ? 'meeting' : 'new' }));
    const tx = v2.transaction('leads', 'readwrite');
    for (const lead of expected) await tx.store.put(toRow(lead));
    await tx.done;
    expect([...v2.transaction('leads').store.indexNames]).not.toContain('by-stage-updated');
    v2.close();

    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.countFromIndex('leads', 'by-stage-updated')).toBe(3);
    for (const lead of expected) expect(await leads.get(lead.id)).toEqual(lead);
    const page = await leads.query({ stage: 'new' });
    expect(page.leads.map((l) => l.id)).toEqual([expected[2]?.id, expected[0]?.id]);
    expect(page.total).toBe(2);
  });

  it('v3 → v4: by-word-updated replaces by-word, every record is in it, searches give the same leads', async () => {
    // Arrange: a database filled by version 3 (words indexed by by-word, no recent words).
    const v3 = await openAt(3);
    const expected = storedLeads();
    const tx = v3.transaction('leads', 'readwrite');
    for (const lead of expected) {
      // v3 rows carried `words` (indexed by by-word) and no `recent`.
      const { recent: _, ...row } = toRow(lead);
      await tx.store.put({ ...row, words: searchWords(lead) });
    }
    await tx.done;
    expect([...v3.transaction('leads').store.indexNames]).toContain('by-word');
    v3.close();

    // Act
    const db = await openDatabase();

    // Assert
    expect(db.version).toBe(DB_VERSION);
    const names = [...db.transaction('leads').store.indexNames];
    expect(names).not.toContain('by-word');
    // Since v10 the entries v4 gave each row are in the `words` store.
    expect([...db.transaction('words').store.indexNames]).toContain('by-word-updated');
    for (const lead of expected) {
      expect(await leads.get(lead.id)).toEqual(lead);
      const row = await db.get('leads', lead.id);
      expect(row?.recent).toEqual(toWords(toRow(lead)).recent);
      expect((await db.get('words', lead.id))?.recent).toEqual(toWords(toRow(lead)).recent);
    }
    expect((await leads.query({ text: 'societe' })).leads.map((l) => l.id)).toEqual([expected[0]?.id]);
    expect((await leads.query({ text: 'jane' })).total).toBe(1);
    expect((await leads.query({ text: 'jane acme' })).total).toBe(1);
  });

  it('v4 → v5: every record survives unchanged and the lead counter equals the records', async () => {
    // Arrange: a database filled by version 4 (no meta store), with a corrupt row too.
    const v4 = await openAt(4);
    const expected = [
      ...storedLeads(),
      ...Array.from({ length: 250 }, (_, i) =>
        createLead(prepareDraft({ fullName: `Filler ${i}`, tags: i % 2 ? ['odd'] : [] }), {
          by: 'import',
          now: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
          id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        }),
      ),
    ];
    const tx = v4.transaction('leads', 'readwrite');
    for (const lead of expected) await tx.store.put(toRow(lead));
    const broken = {
      ...toRow(storedLeads()[0] as Lead),
      id: 'broken',
      lead: { id: 'broken', emails: 'x' } as unknown as Lead,
    };
    await tx.store.put(broken);
    await tx.done;
    expect([...v4.objectStoreNames]).not.toContain('meta');
    const before = await v4.getAll('leads');
    v4.close();

    // Act
    const db = await openDatabase();

    // Assert: same records byte for byte, the counter counts them all (the corrupt one too).
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('leads')).toEqual(before);
    for (const lead of expected) expect(await leads.get(lead.id)).toEqual(lead);
    expect(await db.get('meta', LEAD_COUNT_KEY)).toBe(expected.length + 1);
    expect(await leads.count()).toBe(expected.length + 1);
    expect((await leads.query({ limit: 10 })).total).toBe(expected.length + 1);
    expect((await leads.query({ tag: 'odd' })).total).toBe(125);
    await leads.save({ fullName: 'New Person' });
    expect(await db.get('meta', LEAD_COUNT_KEY)).toBe(expected.length + 2);
  });

  it('v5 → v6: by-stage goes, every record survives, stage filters give the same leads', async () => {
    // Arrange: a database filled by version 5: rows with `words` and `recent`, a by-stage index.
    const v5 = await openAt(5);
    const expected = Array.from({ length: 40 }, (_, i) =>
      createLead(prepareDraft({ fullName: `Person ${i}`, stage: i % 4 === 0 ? 'meeting' : 'new' }), {
        by: 'import',
        now: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
        id: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      }),
    );
    const tx = v5.transaction(['leads', 'meta'], 'readwrite');
    for (const lead of expected) await tx.objectStore('leads').put({ ...toRow(lead), words: searchWords(lead) });
    await tx.objectStore('meta').put(expected.length, LEAD_COUNT_KEY);
    await tx.done;
    expect([...v5.transaction('leads').store.indexNames]).toContain('by-stage');
    const before = await v5.getAll('leads');
    v5.close();

    // Act
    const db = await openDatabase();

    // Assert: the index is gone, the rows are untouched, stage filters read by-stage-updated.
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('leads').store.indexNames]).not.toContain('by-stage');
    expect(await db.getAll('leads')).toEqual(before);
    const meetings = expected.filter((l) => l.stage === 'meeting').map((l) => l.id);
    const newest = await leads.query({ stage: 'meeting' });
    expect(newest.total).toBe(10);
    expect(newest.leads.map((l) => l.id)).toEqual([...meetings].reverse());
    const byName = await leads.query({ stage: 'meeting', sort: 'name', limit: 3 });
    expect(byName.total).toBe(10);
    expect(byName.leads.map((l) => l.fullName)).toEqual(['Person 0', 'Person 12', 'Person 16']);
    expect((await leads.query({ stage: 'new', text: 'person' })).total).toBe(30);
    // A row written again drops `words`.
    const first = expected[0] as Lead;
    await leads.update(first.id, { title: 'CTO' });
    expect(await db.get('leads', first.id)).not.toHaveProperty('words');
  });

  it('v6 → v7: non-web URL values move to the notes (leads and trash), good and corrupt rows stay as they were', async () => {
    // Arrange: a database filled by version 6, whose schema let any text into URL fields.
    const v6 = await openAt(6);
    const hostile = makeLead(1, {
      fullName: 'Mallory',
      notes: 'Met at the fair.',
      links: ['https://www.linkedin.com/in/mallory', 'javascript:alert(1)'],
      photoUrl: 'data:image/svg+xml,<svg onload=alert(1)>',
      companyWebsite: 'acme.com',
      sources: [
        { url: 'file:contacts.csv', capturedAt: '2026-01-01T00:00:00.000Z', extractor: 'import:generic' },
        { url: 'javascript:void(0)', capturedAt: '2026-01-01T00:00:00.000Z', extractor: 'json-ld' },
      ],
    });
    const good = makeLead(2, { links: ['https://github.com/good'], companyWebsite: 'https://good.example' });
    const corruptLead = makeLead(3, { links: ['javascript:alert(3)'] });
    const corrupt = { ...toRow(corruptLead), lead: { ...corruptLead, emails: 'broken' } as unknown as Lead };
    const trashed = makeLead(4, { links: ['data:text/html,hi'] });
    const tx = v6.transaction(['leads', 'trash', 'meta'], 'readwrite');
    for (const row of [toRow(hostile), toRow(good), corrupt]) await tx.objectStore('leads').put(row);
    await tx
      .objectStore('trash')
      .put({ id: trashed.id, token: 't', removedAt: new Date().toISOString(), row: toRow(trashed) });
    await tx.objectStore('meta').put(3, LEAD_COUNT_KEY);
    await tx.done;
    const before = await v6.getAll('leads');
    v6.close();

    // Act
    const db = await openDatabase();

    // Assert: the hostile values left their fields for the notes; nothing else changed.
    expect(db.version).toBe(DB_VERSION);
    const moved = await leads.get(hostile.id);
    expect(moved?.links).toEqual(['https://www.linkedin.com/in/mallory']);
    expect(moved?.photoUrl).toBeUndefined();
    expect(moved?.companyWebsite).toBe('https://acme.com');
    expect(moved?.sources).toEqual([
      { file: 'contacts.csv', capturedAt: '2026-01-01T00:00:00.000Z', extractor: 'import:generic' },
      { capturedAt: '2026-01-01T00:00:00.000Z', extractor: 'json-ld' },
    ]);
    expect(moved?.notes?.split('\n')).toEqual([
      'Met at the fair.',
      'Kept as text (not a web address), link: javascript:alert(1)',
      'Kept as text (not a web address), photoUrl: data:image/svg+xml,<svg onload=alert(1)>',
      'Kept as text (not a web address), source: javascript:void(0)',
    ]);
    expect(moved?.updatedAt).toBe(hostile.updatedAt);
    expect(await db.get('leads', good.id)).toEqual(before.find((r) => r.id === good.id));
    expect(await db.get('leads', corrupt.id)).toEqual(before.find((r) => r.id === corrupt.id));
    await expect(leads.get(corrupt.id)).rejects.toMatchObject({ code: 'corrupt' });
    const trashRow = await db.get('trash', trashed.id);
    expect(trashRow?.row.lead.links).toEqual([]);
    expect(trashRow?.row.lead.notes).toBe('Kept as text (not a web address), link: data:text/html,hi');
    expect((await leads.query({})).total).toBe(3);
  });

  it('v7 → v8: by-origin gives way to the sparse by-inbound, inbound rows are marked, origin filters give the same leads', async () => {
    // Arrange: a database filled by version 7 (rows without `inbound`, a by-origin entry per lead).
    const v7 = await openAt(7);
    const expected = Array.from({ length: 30 }, (_, i) =>
      makeLead(i, {
        fullName: `Person ${i}`,
        origin: i % 3 === 0 ? 'inbound' : 'outbound',
        stage: i % 2 ? 'new' : 'contacted',
        updatedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
      }),
    );
    const damaged = makeLead(99, { origin: 'inbound' });
    const corrupt = { ...toRow(damaged), lead: { ...damaged, emails: 'broken' } as unknown as Lead };
    const tx = v7.transaction(['leads', 'meta'], 'readwrite');
    for (const lead of expected) {
      const { inbound: _, ...row } = toRow(lead);
      await tx.objectStore('leads').put(row);
    }
    const { inbound: __, ...corruptRow } = corrupt;
    await tx.objectStore('leads').put(corruptRow);
    await tx.objectStore('meta').put(expected.length + 1, LEAD_COUNT_KEY);
    await tx.done;
    expect([...v7.transaction('leads').store.indexNames]).toContain('by-origin');
    const before = await v7.getAll('leads');
    v7.close();

    // Act
    const db = await openDatabase();

    // Assert: the index changed, only inbound rows gained their mark, filters give the same leads.
    expect(db.version).toBe(DB_VERSION);
    const names = [...db.transaction('leads').store.indexNames];
    expect(names).not.toContain('by-origin');
    expect(names).toContain('by-inbound');
    const after = await db.getAll('leads');
    expect(after).toEqual(before.map((row) => (row.lead.origin === 'inbound' ? { ...row, inbound: 1 } : row)));
    const inbound = expected.filter((l) => l.origin === 'inbound');
    expect(await db.countFromIndex('leads', 'by-inbound')).toBe(inbound.length + 1);
    const newestFirst = (list: Lead[]) => [...list].reverse().map((l) => l.id);
    const inboundPage = await leads.query({ origin: 'inbound', limit: 100 });
    expect(inboundPage.total).toBe(inbound.length + 1); // the damaged row is listed as needing repair
    expect(inboundPage.leads.map((l) => l.id).filter((id) => id !== damaged.id)).toEqual(newestFirst(inbound));
    const outbound = expected.filter((l) => l.origin === 'outbound');
    const outboundPage = await leads.query({ origin: 'outbound', limit: 100 });
    expect(outboundPage.total).toBe(outbound.length);
    expect(outboundPage.leads.map((l) => l.id)).toEqual(newestFirst(outbound));
    const outboundNew = await leads.query({ origin: 'outbound', stage: 'new', limit: 3 });
    expect(outboundNew.total).toBe(outbound.filter((l) => l.stage === 'new').length);
    expect(outboundNew.leads.map((l) => l.id)).toEqual(
      newestFirst(outbound.filter((l) => l.stage === 'new')).slice(0, 3),
    );
    // A lead changed to inbound later is found as one.
    const moved = outbound[0] as Lead;
    await leads.update(moved.id, { origin: 'inbound' });
    expect((await leads.query({ origin: 'inbound', limit: 100 })).leads.map((l) => l.id)).toContain(moved.id);
    expect((await leads.query({ origin: 'outbound' })).total).toBe(outbound.length - 1);
  });

  it('v8 → v9: the sparse by-owner lists the leads naming a teammate; owner filters give the same leads', async () => {
    // Arrange: a database filled by version 8 (rows without `owner`, no by-owner index).
    const v8 = await openAt(8);
    const expected = Array.from({ length: 30 }, (_, i) =>
      makeLead(i, {
        fullName: `Person ${i}`,
        ...(i % 3 === 0 ? {} : i % 3 === 1 ? { owner: 'Sam', capturedBy: 'Ann' } : { capturedBy: 'Ann' }),
        stage: i % 2 ? 'new' : 'contacted',
        updatedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
      }),
    );
    const damaged = makeLead(99, { owner: 'Sam' });
    const tx = v8.transaction(['leads', 'meta'], 'readwrite');
    for (const lead of expected) {
      const { owner: _, ...row } = toRow(lead);
      await tx.objectStore('leads').put(row);
    }
    const { owner: __, ...corruptRow } = toRow(damaged);
    await tx.objectStore('leads').put({ ...corruptRow, lead: { ...damaged, emails: 'broken' } as unknown as Lead });
    await tx.objectStore('meta').put(expected.length + 1, LEAD_COUNT_KEY);
    await tx.done;
    expect([...v8.transaction('leads').store.indexNames]).not.toContain('by-owner');
    const before = await v8.getAll('leads');
    v8.close();

    // Act
    const db = await openDatabase();

    // Assert: only the rows naming someone gained `owner`; nothing else changed.
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('leads').store.indexNames]).toContain('by-owner');
    const after = await db.getAll('leads');
    const named = (row: (typeof before)[number]) => row.lead.owner ?? row.lead.capturedBy;
    expect(after).toEqual(before.map((row) => (named(row) ? { ...row, owner: named(row) } : row)));
    expect(await db.countFromIndex('leads', 'by-owner')).toBe(21); // 10 Sam + 10 Ann + the damaged Sam
    const newestFirst = (list: Lead[]) => [...list].reverse().map((l) => l.id);
    const sam = await leads.query({ owner: 'Sam', limit: 100 });
    expect(sam.total).toBe(11); // the damaged row is listed as needing repair
    expect(sam.leads.map((l) => l.id).filter((id) => id !== damaged.id)).toEqual(
      newestFirst(expected.filter((l) => l.owner === 'Sam')),
    );
    // Leads nobody named are this browser's.
    const mine = await leads.query({ owner: 'Ann', me: 'Ann', limit: 100 });
    expect(mine.leads.map((l) => l.id)).toEqual(newestFirst(expected.filter((l) => !l.owner)));
    expect((await leads.query({ owner: 'Ann', limit: 100 })).total).toBe(10);
    const samNew = await leads.query({ owner: 'Sam', stage: 'new', limit: 100 });
    expect(samNew.leads.map((l) => l.id).filter((id) => id !== damaged.id)).toEqual(
      newestFirst(expected.filter((l) => l.owner === 'Sam' && l.stage === 'new')),
    );
    // A reassigned lead moves with its row.
    const moved = expected[3] as Lead;
    await leads.update(moved.id, { owner: 'Sam' });
    expect((await leads.query({ owner: 'Sam', limit: 100 })).leads.map((l) => l.id)).toContain(moved.id);
    expect((await leads.query({ owner: 'Ann', me: 'Ann', limit: 100 })).leads.map((l) => l.id)).not.toContain(moved.id);
  });

  it("v9 → v10: each row's search words move to the words store, searches give the same leads", async () => {
    // Arrange: a database filled by version 9: rows carrying `recent` (indexed on `leads`), a
    // corrupt row with its words, and a corrupt row written without any.
    const v9 = await openAt(9);
    const expected = Array.from({ length: 40 }, (_, i) =>
      makeLead(i, {
        fullName: `${['Jane', 'Jean', 'Joe', 'Ann'][i % 4]} Person${i}`,
        companyName: i % 2 ? 'Acme' : 'Globex',
        title: i % 3 ? 'Director' : 'Directeur',
        updatedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
      }),
    );
    const v9Row = (lead: Lead): LeadRow => {
      const row = toRow(lead);
      return { ...row, recent: toWords(row).recent };
    };
    const damaged = makeLead(98, { fullName: 'Jane Broken' });
    const damagedRow = { ...v9Row(damaged), lead: { ...damaged, emails: 'broken' } as unknown as Lead };
    const bare = makeLead(99, { fullName: 'Jane Bare' });
    const { recent: _, ...bareRow } = { ...v9Row(bare), lead: { ...bare, emails: 'broken' } as unknown as Lead };
    const tx = v9.transaction(['leads', 'meta'], 'readwrite');
    for (const lead of expected) await tx.objectStore('leads').put(v9Row(lead));
    await tx.objectStore('leads').put(damagedRow);
    await tx.objectStore('leads').put(bareRow);
    await tx.objectStore('meta').put(expected.length + 2, LEAD_COUNT_KEY);
    await tx.done;
    expect([...v9.transaction('leads').store.indexNames]).toContain('by-word-updated');
    const before = await v9.getAll('leads');
    // An index of v9 that the schema's type (v10) no longer lists.
    const entriesBefore = await v9.countFromIndex('leads', 'by-word-updated' as 'by-updated');
    v9.close();

    // Act
    const db = await openDatabase();

    // Assert: the rows are as they were; the words store holds each row's entries, no more.
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('leads').store.indexNames]).not.toContain('by-word-updated');
    expect(await db.getAll('leads')).toEqual(before);
    expect(await db.countFromIndex('words', 'by-word-updated')).toBe(entriesBefore);
    for (const row of before.filter((r) => r.recent)) {
      expect(await db.get('words', row.id)).toEqual({ id: row.id, recent: row.recent });
    }
    // The corrupt row written without words gets none (its words cannot be read), as before.
    expect(await db.get('words', bare.id)).toBeUndefined();
    const ids = (list: Lead[]) => [...list].reverse().map((l) => l.id);
    const jane = await leads.query({ text: 'jane', limit: 100 });
    // The damaged row with words is still found, as a row needing repair.
    const janeIds = jane.leads.map((l) => l.id);
    expect(janeIds).toContain(damaged.id);
    expect(janeIds.filter((id) => id !== damaged.id)).toEqual(
      ids(expected.filter((l) => l.fullName?.startsWith('Jane'))),
    );
    expect(jane.total).toBe(11);
    const dir = await leads.query({ text: 'dir acme', limit: 100 });
    expect(dir.leads.map((l) => l.id)).toEqual(ids(expected.filter((l) => l.companyName === 'Acme')));
    // A row written after the upgrade leaves no stale words behind.
    await leads.update((expected[0] as Lead).id, { fullName: 'Zed Person0' });
    expect((await leads.query({ text: 'jane', limit: 100 })).total).toBe(10);
    expect((await leads.query({ text: 'zed' })).leads.map((l) => l.id)).toEqual([(expected[0] as Lead).id]);
  });

  it('v1 → v2 keeps a corrupt v1 record as it was', async () => {
    const v1 = await openAt(1);
    const [lead] = storedLeads();
    if (!lead) throw new Error('no lead');
    const row = { ...toRow(lead), lead: { ...lead, emails: 'broken' } as unknown as Lead };
    delete row.words;
    delete row.recent;
    await v1.put('leads', row);
    v1.close();
    const db = await openDatabase();
    expect(await db.get('leads', lead.id)).toMatchObject({ lead: { emails: 'broken' } });
    await expect(leads.get(lead.id)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('a fresh install creates every store and index at the current version', async () => {
    const db = await openDatabase();
    expect([...db.objectStoreNames].sort()).toEqual(['leads', 'meta', 'trash', 'words']);
    expect(await db.get('meta', LEAD_COUNT_KEY)).toBe(0);
    expect([...db.transaction('leads').store.indexNames]).toEqual(
      expect.arrayContaining(['by-updated', 'by-name', 'by-stage-updated', 'by-tag', 'by-key', 'by-follow']),
    );
    // The search words are in their own store since v10.
    expect([...db.transaction('leads').store.indexNames]).not.toContain('by-word-updated');
    expect([...db.transaction('words').store.indexNames]).toEqual(['by-word-updated']);
    expect([...db.transaction('leads').store.indexNames]).not.toContain('by-stage');
    expect([...db.transaction('leads').store.indexNames]).not.toContain('by-origin');
    expect([...db.transaction('leads').store.indexNames]).toContain('by-inbound');
    expect([...db.transaction('leads').store.indexNames]).toContain('by-owner');
  });
});

describe('connections', () => {
  it('closes its connection when a newer version wants to upgrade, and reopens on next use', async () => {
    await leads.save({ fullName: 'Jane Doe' });
    const newer = await openDB(DB_NAME, DB_VERSION + 1); // would hang if our connection stayed open
    newer.close();
    await deleteDB(DB_NAME);
    await expect(leads.count()).resolves.toBe(0);
  });

  it('reports AppError("blocked") when an old connection does not let go', { timeout: 10_000 }, async () => {
    const stubborn = await openAt(1); // an old build that ignores versionchange
    stubborn.addEventListener('versionchange', () => {});
    await expect(openDatabase()).rejects.toMatchObject({ code: 'blocked' });
    stubborn.close();
    // Once the old tab is gone, the next attempt upgrades normally.
    await expect(leads.count()).resolves.toBe(0);
  });
});
