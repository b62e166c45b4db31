import { describe, expect, it } from 'vitest';
import type { Lead, LeadDraft } from '@/lib/lead/schema';
import { advanceTestClock, emptyDatabaseEachTest, otherContext, testRepository } from '@/test/db';
import { makeLead } from '@/test/factories';
import { CHANGES_CHANNEL, type LeadsChange, leads, onLeadsChanged, openDatabase } from '.';
import type { LeadQuery, LeadRepository } from './api';
import { needsRepair } from './damaged';
import { RESTORE_WINDOW_MS } from './repository';
import { toRow } from './rows';

const repo = testRepository;

emptyDatabaseEachTest();

const jane: LeadDraft = {
  fullName: 'Jane Doe',
  title: 'Head of Sales',
  companyName: 'Acme',
  emails: [{ value: 'Jane.Doe@Acme.com' }],
  links: ['https://fr.linkedin.com/in/Jane-Doe/?originalSubdomain=fr'],
};

describe('save and dedupe', () => {
  it('finds a lead by an id team sync merged into it (an alias), for reads and edits', async () => {
    const store = repo();
    const winner = makeLead(1, { fullName: 'Grace Hopper', aliases: ['lost-id'] });
    await store.bulkPut([winner]);
    const expected = winner.id;
    const actual = await store.get('lost-id');
    expect(actual?.id).toBe(expected);
    const edited = await store.update('lost-id', { title: 'Rear Admiral' });
    expect(edited.id).toBe(expected);
    expect((await store.get(expected))?.title).toBe('Rear Admiral');
    expect(await store.get('never-stored')).toBeUndefined();
    // An alias is not a dedupe key: a draft never matches a lead by it.
    expect(await store.findDuplicates({ fullName: 'lost-id' })).toEqual([]);
  });

  it('creates a normalised lead and reads it back', async () => {
    const store = repo();
    const saved = await store.save(jane);
    expect(saved.outcome).toBe('created');
    const actual = await store.get(saved.lead.id);
    expect(actual).toMatchObject({
      fullName: 'Jane Doe',
      companyDomain: 'acme.com',
      links: ['https://www.linkedin.com/in/jane-doe'],
      emails: [{ value: 'jane.doe@acme.com', status: 'found', source: 'page' }],
      stage: 'new',
      origin: 'outbound',
      version: 1,
    });
  });

  it.each<[string, LeadDraft]>([
    [
      'the profile from another LinkedIn country',
      { links: ['https://de.linkedin.com/in/jane-doe?trk=abc'], location: 'Berlin' },
    ],
    ['the email in another case', { emails: [{ value: 'JANE.DOE@acme.com' }], location: 'Berlin' }],
    [
      'the name at the same company domain',
      { fullName: 'jane doe', companyWebsite: 'https://www.acme.com', location: 'Berlin' },
    ],
  ])('merges %s into the existing record', async (_, draft) => {
    const store = repo();
    const first = await store.save(jane);
    const second = await store.save(draft);
    expect(second.outcome).toBe('merged');
    expect(second.lead.id).toBe(first.lead.id);
    expect(second.lead.location).toBe('Berlin');
    expect(second.lead.title).toBe('Head of Sales');
    expect(await store.count()).toBe(1);
  });

  it('reports unchanged (and writes nothing) when the same capture is saved again', async () => {
    const store = repo();
    const first = await store.save(jane);
    const again = await store.save(jane);
    expect(again.outcome).toBe('unchanged');
    expect((await store.get(first.lead.id))?.updatedAt).toBe(first.lead.updatedAt);
  });

  it('ends with one record when two contexts save the same person at the same moment', async () => {
    const a = repo();
    const b = await otherContext();
    const drafts: LeadDraft[] = [
      jane,
      { ...jane, title: 'VP Sales' },
      { links: ['https://uk.linkedin.com/in/jane-doe'], tags: ['warm'] },
      { emails: [{ value: 'jane.doe@acme.com' }], phones: [{ value: '+14155550132' }] },
    ];
    const results = await Promise.all(drafts.flatMap((d) => [a.save(d), b.save(d)]));
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(await a.count()).toBe(1);
    const [only] = (await a.query({})).leads;
    expect(only?.tags).toEqual(['warm']);
    expect(only?.phones.map((p) => p.value)).toEqual(['+14155550132']);
    expect(new Set(results.map((r) => r.lead.id)).size).toBe(1);
  });

  it('saveMany merges duplicates inside one batch and counts outcomes', async () => {
    const store = repo();
    const summary = await store.saveMany([
      jane,
      { fullName: 'John Roe', companyDomain: 'globex.com' },
      { links: ['https://www.linkedin.com/in/jane-doe'], tags: ['event'] },
      { fullName: 'John Roe', companyDomain: 'globex.com' },
    ]);
    expect(summary).toMatchObject({ created: 2, merged: 1, unchanged: 1 });
    expect(await store.count()).toBe(2);
  });

  it.each([
    ['a small batch into a big store (one index lookup per key)', 2],
    ['a big batch (one scan of the stored keys)', 150],
  ])('saveMany merges into stored leads: %s', async (_, batch) => {
    const store = repo();
    const stored = Array.from({ length: 120 }, (_, i) => ({
      fullName: `Person ${i}`,
      emails: [{ value: `person${i}@acme.com` }],
    }));
    await store.saveMany(stored);
    const drafts: LeadDraft[] = Array.from({ length: batch }, (_, i) =>
      i % 2 === 0
        ? { emails: [{ value: `PERSON${i % 120}@acme.com` }], tags: ['again'] }
        : { fullName: `Newcomer ${i}`, companyDomain: 'globex.com' },
    );
    const summary = await store.saveMany(drafts);
    const duplicates = drafts.filter((_, i) => i % 2 === 0).length;
    expect(summary.created).toBe(batch - duplicates);
    expect(summary.merged + summary.unchanged).toBe(duplicates);
    expect(await store.count()).toBe(120 + batch - duplicates);
    const people = new Set(drafts.flatMap((d) => d.emails ?? []).map((e) => e.value.toLowerCase()));
    expect((await store.query({ tag: 'again' })).total).toBe(people.size);
  });

  it('saveMany is all or nothing: one invalid draft saves none', async () => {
    const store = repo();
    await expect(store.saveMany([jane, { title: 'nobody' }])).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('lead 2'),
    });
    expect(await store.count()).toBe(0);
  });

  it('saveMany is all or nothing when a write fails midway: puts already issued are undone', async () => {
    const store = repo();
    await store.save(jane);
    const many: LeadDraft[] = Array.from({ length: 600 }, (_, i) => ({
      fullName: `Person ${i}`,
      emails: [{ value: `p${i}@example.com` }],
    }));
    // Valid for the schema (unknown fields are kept) but IndexedDB cannot store a function:
    // its put throws after 599 puts of this batch were issued in the same transaction.
    many.push({ fullName: 'Cannot Clone', notClonable: () => 1 } as LeadDraft);
    const progress: number[] = [];
    await expect(store.saveMany(many, { onProgress: (done) => progress.push(done) })).rejects.toBeTruthy();
    expect(await store.count()).toBe(1);
    expect((await store.query({ text: 'person' })).total).toBe(0);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('saveMany reports progress up to the number of drafts', async () => {
    const store = repo();
    const many: LeadDraft[] = Array.from({ length: 700 }, (_, i) => ({ fullName: `Person ${i}` }));
    const progress: number[] = [];
    await store.saveMany(many, { onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(700);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await store.count()).toBe(700);
  });

  it('a one-word search pages newest first with an exact total, also when several words share the prefix', async () => {
    const store = repo();
    // One saveMany: every lead gets the same updatedAt, so order falls back to the id.
    await store.saveMany(
      Array.from({ length: 30 }, (_, i) => ({
        fullName: `Dana Person${i}`,
        companyName: i % 3 === 0 ? 'Danaher' : 'Other',
      })),
    );
    await store.save({ fullName: 'Dana Latest', companyName: 'Other' });
    const everyone = (await store.query({ limit: 1000 })).leads;
    // "other" and "danaher" are one word each (first page from by-word-updated); "dan" and
    // "dana" match dana and danaher (a lead holding both counts once: the general path).
    for (const [text, company] of [
      ['other', 'Other'],
      ['danaher', 'Danaher'],
      ['dan', null],
      ['dana', null],
    ] as const) {
      const expected = everyone.filter((l) => !company || l.companyName === company).map((l) => l.id);
      const seen: string[] = [];
      let page = await store.query({ text, limit: 7 });
      expect(page.total).toBe(expected.length);
      for (;;) {
        seen.push(...page.leads.map((l) => l.id));
        if (!page.cursor) break;
        page = await store.query({ text, limit: 7, cursor: page.cursor });
      }
      expect(seen).toEqual(expected);
    }
    expect((await store.query({ text: 'other', limit: 1 })).leads[0]?.fullName).toBe('Dana Latest');
    expect((await store.query({ text: 'nobody' })).total).toBe(0);
  });

  it('findDuplicates lists the records a draft would merge into', async () => {
    const store = repo();
    const saved = await store.save(jane);
    await store.save({ fullName: 'Someone Else', emails: [{ value: 'else@acme.com' }] });
    const actual = await store.findDuplicates({ links: ['https://linkedin.com/in/JANE-DOE/'] });
    expect(actual.map((l) => l.id)).toEqual([saved.lead.id]);
  });
});

describe('edits, stages and touches', () => {
  it('update marks patched fields edited, and later captures do not overwrite them', async () => {
    const store = repo();
    const { lead } = await store.save(jane);
    const edited = await store.update(lead.id, { title: 'Chief Revenue Officer', notes: 'met at SaaStr' });
    expect(edited.edited).toEqual(expect.arrayContaining(['title', 'notes']));
    const recaptured = await store.save({ ...jane, title: 'Head of Sales EMEA' });
    expect(recaptured.lead.title).toBe('Chief Revenue Officer');
    expect(recaptured.lead.captured).toEqual({ title: 'Head of Sales EMEA' });
    expect(recaptured.lead.notes).toBe('met at SaaStr');
  });

  it('update rejects invalid values and keeps the record', async () => {
    const store = repo();
    const { lead } = await store.save(jane);
    await expect(store.update(lead.id, { fitScore: 500 })).rejects.toMatchObject({ code: 'invalid' });
    expect((await store.get(lead.id))?.fitScore).toBeUndefined();
    await expect(store.update('nope', { title: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('setStage with a touch sets the stage, the channel, updatedAt and the stage history', async () => {
    const store = repo();
    const { lead } = await store.save(jane);
    const actual = await store.setStage(lead.id, 'contacted', {
      at: '2026-03-02T10:00:00Z',
      channel: 'cold-call',
      direction: 'out',
      note: 'left a voicemail',
    });
    expect(actual.stage).toBe('contacted');
    expect(actual.channel).toBe('cold-call');
    expect(actual.touches).toHaveLength(1);
    expect(actual.updatedAt > lead.updatedAt).toBe(true);
    expect(actual.stageHistory?.map((s) => s.stage)).toEqual(['contacted']);
  });

  it('addTouch keeps touches in time order and the channel of the latest', async () => {
    const store = repo();
    const { lead } = await store.save(jane);
    await store.addTouch(lead.id, { at: '2026-03-05T10:00:00Z', channel: 'email', direction: 'out' });
    const actual = await store.addTouch(lead.id, { at: '2026-03-01T10:00:00Z', channel: 'event', direction: 'in' });
    expect(actual.touches.map((t) => t.channel)).toEqual(['event', 'email']);
    expect(actual.channel).toBe('email');
  });

  it('setFitScores writes only changed scores and leaves updatedAt alone', async () => {
    const store = repo();
    const { lead } = await store.save(jane);
    expect(await store.setFitScores([{ id: lead.id, fitScore: 72 }])).toBe(1);
    expect(await store.setFitScores([{ id: lead.id, fitScore: 72 }])).toBe(0);
    const actual = await store.get(lead.id);
    expect(actual?.fitScore).toBe(72);
    expect(actual?.updatedAt).toBe(lead.updatedAt);
  });

  it('clearFitScores removes the stored scores of the given leads that have one, as refreshFitScores with no score would', async () => {
    // Arrange: four leads, two scored (0 is a score), one scored lead not asked for
    const store = repo();
    await store.bulkPut([
      makeLead(1, { fitScore: 40 }),
      makeLead(2),
      makeLead(3, { fitScore: 0 }),
      makeLead(4, { fitScore: 90 }),
    ]);
    const ids = [1, 2, 3].map((n) => makeLead(n).id);
    // Act
    const actual = await store.clearFitScores(ids);
    // Assert
    expect(actual).toBe(2);
    const after = await Promise.all([1, 2, 3, 4].map((n) => store.get(makeLead(n).id)));
    expect(after.map((l) => l?.fitScore)).toEqual([undefined, undefined, undefined, 90]);
    expect(after.map((l) => l?.updatedAt)).toEqual([1, 2, 3, 4].map(() => makeLead(0).updatedAt));
    expect((await store.query({ sort: 'fit' })).leads[0]?.id).toBe(makeLead(4).id);
    expect(await store.clearFitScores(ids)).toBe(0);
    expect(await store.clearFitScores()).toBe(1);
  });
});

describe('remove and undo', () => {
  it('removes leads and restores them with the token', async () => {
    const store = repo();
    const a = await store.save(jane);
    const b = await store.save({ fullName: 'John Roe', tags: ['cold'] });
    const { restoreToken, removed } = await store.remove([a.lead.id, b.lead.id, 'missing']);
    expect(removed).toBe(2);
    expect(await store.count()).toBe(0);
    expect(await store.get(a.lead.id)).toBeUndefined();
    expect(await store.restore(restoreToken)).toBe(2);
    expect(await store.get(a.lead.id)).toEqual(a.lead);
    expect((await store.query({ text: 'john' })).total).toBe(1);
    await expect(store.restore(restoreToken)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses to restore after the window and purges old trash lazily', async () => {
    const store = repo();
    const a = await store.save(jane);
    const { restoreToken } = await store.remove([a.lead.id]);
    advanceTestClock(RESTORE_WINDOW_MS + 60_000);
    await expect(store.restore(restoreToken)).rejects.toMatchObject({ code: 'not-found' });
    const b = await store.save({ fullName: 'John Roe' });
    await store.remove([b.lead.id]);
    const db = await openDatabase();
    expect(await db.getAllKeys('trash')).toEqual([b.lead.id]);
  });
});

describe('trash and undo', () => {
  it('purges trash past the restore window when a context opens the database, with no delete needed', async () => {
    const store = repo();
    const a = await store.save(jane);
    const b = await store.save({ fullName: 'John Roe' });
    await store.remove([a.lead.id]);
    advanceTestClock(RESTORE_WINDOW_MS + 60_000);
    const { restoreToken } = await store.remove([b.lead.id]);
    // Another context (the popup next to the workspace) opens the database a day later.
    const db = await openDatabase();
    await db.put('trash', {
      ...(await db.get('trash', b.lead.id)),
      id: 'x',
      token: 'old',
      removedAt: '2020-01-01T00:00:00.000Z',
    } as never);
    const later = await otherContext();
    await later.count();
    expect((await db.getAllKeys('trash')).sort()).toEqual([b.lead.id]);
    // The undo window of the recent removal still works.
    expect(await later.restore(restoreToken)).toBe(1);
  });

  it('undo keeps a lead stored again since its removal when that copy is newer', async () => {
    const store = repo();
    const saved = await store.save(jane);
    const { restoreToken } = await store.remove([saved.lead.id]);
    // A backup restore brings the lead back, edited after the removal.
    const newer = {
      ...saved.lead,
      title: 'Edited since',
      updatedAt: new Date(Date.parse(saved.lead.updatedAt) + 3_600_000).toISOString(),
    };
    await store.bulkPut([newer]);
    expect(await store.restore(restoreToken)).toBe(1);
    expect((await store.get(saved.lead.id))?.title).toBe('Edited since');
    expect(await store.count()).toBe(1);
  });
});

describe('errors', () => {
  it('reports a record that fails the schema as corrupt, lists it marked "needs repair" and never deletes it', async () => {
    const store = repo();
    const good = await store.save(jane);
    const db = await openDatabase();
    const broken = { ...toRow(good.lead), id: '6f1c1a1e-0000-4000-8000-000000000001' };
    broken.lead = { ...broken.lead, id: broken.id, emails: 'not a list' } as unknown as Lead;
    await db.put('leads', broken);
    await expect(store.get(broken.id)).rejects.toMatchObject({ code: 'corrupt' });
    const page = await store.query({ sort: 'name' });
    expect(page.total).toBe(2);
    const listed = page.leads.map((l) => [l.id, l.fullName, needsRepair(l)]);
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining([
        [good.lead.id, 'Jane Doe', false],
        [broken.id, 'Jane Doe', true],
      ]),
    );
    // all() gives valid leads; the damaged record goes to onDamaged as stored (backups carry it).
    const all: string[] = [];
    const damaged: unknown[] = [];
    for await (const lead of store.all({ onDamaged: (r) => damaged.push(r) })) all.push(lead.id);
    expect(all).toEqual([good.lead.id]);
    expect(damaged).toEqual([broken.lead]);
    // A capture of the same person merges into the good record, not the broken one.
    await store.save({ emails: [{ value: 'jane.doe@acme.com' }], location: 'Paris' });
    expect(await db.get('leads', broken.id)).toEqual(broken);
  });

  it('turns a storage quota failure into AppError("quota")', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const store = repo(async () => {
      throw quota;
    });
    await expect(store.save(jane)).rejects.toMatchObject({ name: 'AppError', code: 'quota' });
  });
});

describe('query', () => {
  it('filters by owner: the owner, else who captured it, else this browser for a lead nobody owns yet', async () => {
    const store = repo();
    await store.bulkPut([
      makeLead(1, { fullName: 'Owned By Sam', owner: 'Sam', capturedBy: 'Ann', stage: 'contacted' }),
      makeLead(2, { fullName: 'Captured By Ann', capturedBy: 'Ann' }),
      makeLead(3, { fullName: 'Nobody Yet' }),
      makeLead(4, { fullName: 'Also Sam', owner: 'Sam' }),
    ]);
    const names = async (q: LeadQuery) => (await store.query(q)).leads.map((l) => l.fullName).sort();
    expect(await names({ owner: 'Sam' })).toEqual(['Also Sam', 'Owned By Sam']);
    expect(await names({ owner: 'Ann' })).toEqual(['Captured By Ann']);
    expect(await names({ owner: 'Ann', me: 'Ann' })).toEqual(['Captured By Ann', 'Nobody Yet']);
    expect(await names({ owner: 'Sam', stage: 'contacted' })).toEqual(['Owned By Sam']);
    expect((await store.query({ owner: 'Sam', text: 'also' })).total).toBe(1);
  });

  /** Five leads saved one after another (so each has its own createdAt and updatedAt). */
  async function seed(store: LeadRepository) {
    const results = [];
    for (const draft of [
      { fullName: 'José Núñez', title: 'Directeur Commercial', companyName: 'Société Générale', tags: ['Europe'] },
      { fullName: 'Jane Doe', title: 'Head of Sales', companyName: 'Acme', emails: [{ value: 'jane@acme.com' }] },
      { fullName: 'Janet Smith', title: 'CTO', companyName: 'Globex', tags: ['priority'], stage: 'contacted' },
      { fullName: 'Zoë Müller', title: 'Head of Growth', companyName: 'Acme', origin: 'inbound', tags: ['priority'] },
      {
        fullName: 'Bob Stone',
        companyName: 'Initech',
        emails: [{ value: 'bob.stone@initech.io' }],
        nextFollowUpAt: '2026-03-10T09:00:00Z',
      },
    ] satisfies LeadDraft[]) {
      results.push(await store.save(draft));
    }
    return { results };
  }

  it('finds a lead by a word that is indexed only as the beginning of another of its words', async () => {
    // "dana" begins "danaher" (and "person" begins "person12"): only the longer words are
    // index entries (rows.indexedWords), and every search for the shorter ones still finds them.
    const store = repo();
    const { lead } = await store.save({
      fullName: 'Dana Person',
      companyName: 'Danaher',
      emails: [{ value: 'person12@danaher.example' }],
    });
    await store.save({ fullName: 'Other Lead', companyName: 'Elsewhere' });
    const expected = [lead.id];

    for (const text of ['dana', 'danaher', 'person', 'person1', 'dana person', 'pers dan']) {
      const actual = await store.query({ text });
      expect(actual.leads.map((l) => l.id)).toEqual(expected);
      expect(actual.total).toBe(1);
    }
  });

  it.each([
    ['accent-insensitive', 'jose nunez', ['José Núñez']],
    ['accents in the query', 'MÜLLER', ['Zoë Müller']],
    ['prefix of a word', 'jan', ['Janet Smith', 'Jane Doe']],
    ['company', 'societe', ['José Núñez']],
    ['title words in any order', 'sales head', ['Jane Doe']],
    ['email', 'bob.stone@init', ['Bob Stone']],
    ['a whole address', 'bob.stone@initech.io', ['Bob Stone']],
    ['a domain', 'initech.io', ['Bob Stone']],
    ['tags', 'prior', ['Zoë Müller', 'Janet Smith']],
    ['no match', 'xavier', []],
  ])('searches %s: %s', async (_, text, expected) => {
    const store = repo();
    await seed(store);
    const page = await store.query({ text });
    expect(page.leads.map((l) => l.fullName)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it.each([
    ['stage', { stage: 'contacted' }, ['Janet Smith']],
    ['tag, case-insensitively', { tag: 'PRIORITY' }, ['Zoë Müller', 'Janet Smith']],
    ['origin', { origin: 'inbound' as const }, ['Zoë Müller']],
    ['the other origin', { origin: 'outbound' as const }, ['Bob Stone', 'Janet Smith', 'Jane Doe', 'José Núñez']],
    ['origin and stage', { origin: 'outbound' as const, stage: 'contacted' }, ['Janet Smith']],
    ['follow-up due', { dueBefore: '2026-03-11T00:00:00Z' }, ['Bob Stone']],
    ['text and tag together', { text: 'acme', tag: 'priority' }, ['Zoë Müller']],
  ])('filters by %s', async (_, filter, expected) => {
    const store = repo();
    await seed(store);
    const page = await store.query(filter);
    expect(page.leads.map((l) => l.fullName)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it.each([
    ['name', undefined, ['Bob Stone', 'Jane Doe', 'Janet Smith', 'José Núñez', 'Zoë Müller']],
    ['name', 'desc' as const, ['Zoë Müller', 'José Núñez', 'Janet Smith', 'Jane Doe', 'Bob Stone']],
    ['company', undefined, ['Jane Doe', 'Zoë Müller', 'Janet Smith', 'Bob Stone', 'José Núñez']],
    ['created', undefined, ['Bob Stone', 'Zoë Müller', 'Janet Smith', 'Jane Doe', 'José Núñez']],
    ['created', 'asc' as const, ['José Núñez', 'Jane Doe', 'Janet Smith', 'Zoë Müller', 'Bob Stone']],
    ['followUp', undefined, ['Bob Stone']],
  ] as const)('sorts by %s %s', async (sort, direction, expected) => {
    const store = repo();
    await seed(store);
    const page = await store.query({ sort, direction, limit: 10 });
    expect(page.leads.map((l) => l.fullName).slice(0, expected.length)).toEqual(expected);
  });

  it('sorts by updated (newest first) after an edit', async () => {
    const store = repo();
    const { results } = await seed(store);
    const first = results[0]?.lead.id ?? '';
    await store.update(first, { title: 'Directeur Général' });
    const page = await store.query({ sort: 'updated', limit: 1 });
    expect(page.leads[0]?.id).toBe(first);
  });

  it.each([
    ['all leads by name', {}],
    ['a broad search, sorted by company', { text: 'lead', sort: 'company' as const }],
    ['a search, newest first', { text: 'lead' }],
    ['a search, oldest first', { text: 'lead', direction: 'asc' as const }],
    ['a stage, by follow-up', { stage: 'researching', sort: 'followUp' as const }],
    ['a stage and a search, newest first (in the stage index order)', { stage: 'new', text: 'ana' }],
    ['a stage and a search, oldest first', { stage: 'new', text: 'lead', direction: 'asc' as const }],
    ['one origin, newest first', { origin: 'outbound' as const }],
    ['one origin, by name', { origin: 'outbound' as const, sort: 'name' as const }],
    ['one origin and a stage', { origin: 'outbound' as const, stage: 'researching' }],
    ['the other origin and a search', { origin: 'inbound' as const, text: 'lead' }],
  ])('pages through %s without gaps or repeats', async (_, filter) => {
    const store = repo();
    const drafts: LeadDraft[] = Array.from({ length: 230 }, (_, i) => ({
      fullName: `Lead ${String(i).padStart(3, '0')} ${['Ana', 'Ben', 'Cy'][i % 3]}`,
      companyName: ['Acme', 'Globex', 'Initech', 'Hooli'][i % 4],
      stage: i % 2 ? 'researching' : 'new',
      origin: i % 3 ? 'outbound' : 'inbound',
      nextFollowUpAt: i % 5 ? new Date(Date.UTC(2026, 3, 1 + (i % 17))).toISOString() : undefined,
    }));
    await store.saveMany(drafts);
    const expectedTotal = (await store.query({ ...filter, limit: 1000 })).total;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await store.query({ ...filter, limit: 7, cursor });
      expect(page.total).toBe(expectedTotal);
      seen.push(...page.leads.map((l) => l.id));
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toHaveLength(expectedTotal);
    expect(new Set(seen).size).toBe(expectedTotal);
    const oneShot = await store.query({ ...filter, limit: 1000 });
    expect(seen).toEqual(oneShot.leads.map((l) => l.id));
  });

  it.each<[string, LeadQuery]>([
    ['one stage, newest first (compound stage index)', { stage: 'new' }],
    ['one stage, oldest first', { stage: 'new', direction: 'asc' }],
    ['one tag by name (walk over the sort index)', { tag: 'bulk', sort: 'name' }],
    ['one tag by name, Z→A', { tag: 'bulk', sort: 'name', direction: 'desc' }],
    ['a small stage by company (read all, sort in memory)', { stage: 'won', sort: 'company' }],
    ['follow-up due by date (the filter is the sort index)', { dueBefore: '2026-02-10T00:00:00Z', sort: 'followUp' }],
    ['follow-up due by date, latest first', { dueBefore: '2026-02-10T00:00:00Z', sort: 'followUp', direction: 'desc' }],
  ])('pages a large single-filter result: %s', async (_, filter) => {
    const store = repo();
    const base = Date.parse('2026-01-01T00:00:00Z');
    await store.bulkPut(
      Array.from({ length: 700 }, (_, i) => {
        const at = new Date(base + ((i * 7919) % 700) * 60_000).toISOString();
        return {
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          createdAt: at,
          updatedAt: at,
          version: 1,
          fullName: `Person ${(i * 31) % 700}`,
          companyName: `Company ${i % 13}`,
          emails: [],
          phones: [],
          links: [],
          sources: [],
          origin: 'outbound' as const,
          stage: i % 10 === 0 ? 'won' : 'new',
          touches: [],
          tags: i % 5 === 0 ? [] : ['Bulk'],
          edited: [],
          ...(i % 3 === 0 ? {} : { nextFollowUpAt: new Date(base + 86_400_000 * (i % 60)).toISOString() }),
        };
      }),
    );
    const everything = (await store.query({ ...filter, limit: 1000 })).leads;
    const pageThrough = async () => {
      const seen: Lead[] = [];
      let cursor: string | null = null;
      let total = -1;
      do {
        const page = await store.query({ ...filter, limit: 50, cursor });
        total = page.total;
        seen.push(...page.leads);
        cursor = page.cursor;
      } while (cursor);
      expect(total).toBe(everything.length);
      expect(seen.map((l) => l.id)).toEqual(everything.map((l) => l.id));
    };
    // Before any unfiltered query the store size is unknown (filters are read as id sets);
    // after one, a filter matching most leads walks the sort index's rows instead.
    await pageThrough();
    expect((await store.query({ limit: 1 })).total).toBe(700);
    await pageThrough();
    const due = (l: Lead) => Boolean(l.nextFollowUpAt && l.nextFollowUpAt <= (filter.dueBefore ?? ''));
    expect(everything.length).toBe(filter.dueBefore ? 323 : filter.stage === 'won' ? 70 : filter.stage ? 630 : 560);
    const matches = (l: Lead) =>
      filter.dueBefore ? due(l) : filter.stage ? l.stage === filter.stage : l.tags.includes('Bulk');
    expect(everything.every(matches)).toBe(true);
    // The order is the one asked for.
    const keyOf = (l: Lead) =>
      filter.sort === 'name'
        ? (l.fullName ?? '')
        : filter.sort === 'company'
          ? (l.companyName ?? '')
          : filter.sort === 'followUp'
            ? `${l.nextFollowUpAt} ${l.id}`
            : l.updatedAt;
    const keys = everything.map(keyOf);
    const sorted = [...keys].sort();
    const descending = filter.direction ? filter.direction === 'desc' : !filter.sort || filter.sort === 'created';
    expect(keys).toEqual(descending ? sorted.reverse() : sorted);
  });

  it('rejects a cursor from another query', async () => {
    const store = repo();
    await seed(store);
    const { cursor } = await store.query({ sort: 'name', limit: 1 });
    await expect(store.query({ sort: 'company', cursor })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('lists tags as written, and all() iterates every lead across pages', async () => {
    const store = repo();
    await seed(store);
    await store.bulkPut(Array.from({ length: 1203 }, (_, i) => makeLead(i, { fullName: `Bulk ${i}` })));
    expect((await store.tags()).sort()).toEqual(['Europe', 'priority']);
    let n = 0;
    for await (const _ of store.all()) n++;
    expect(n).toBe(1208);
    expect(await store.count()).toBe(1208);
  });

  it('bulkPut reports its progress, rising to every lead', async () => {
    const store = repo();
    const seen: number[] = [];
    await store.bulkPut(
      Array.from({ length: 1500 }, (_, i) => makeLead(i)),
      { onProgress: (done) => seen.push(done) },
    );
    expect(seen.at(-1)).toBe(1500);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await store.count()).toBe(1500);
  });

  it('bulkPut with keepNewer keeps stored leads changed after the record, replaces the rest', async () => {
    // Arrange: leads 1-3 stored on Jan 5; lead 4 stored damaged; the "backup" is from Jan 3 (1, 4, 5)
    // and Jan 9 (2); lead 3 is not in it.
    const store = repo();
    const at = (day: number) => `2026-01-0${day}T00:00:00.000Z`;
    await store.bulkPut([1, 2, 3, 4].map((n) => makeLead(n, { title: 'edited', updatedAt: at(5) })));
    const db = await openDatabase();
    // Lead 4 is then damaged in place (newer than the backup, but unreadable).
    const damaged = toRow(makeLead(4, { updatedAt: at(8) }));
    damaged.lead = { ...damaged.lead, emails: 'not a list' } as unknown as Lead;
    await db.put('leads', damaged);
    const backup = [
      makeLead(1, { title: 'old', updatedAt: at(3) }),
      makeLead(2, { title: 'later', updatedAt: at(9) }),
      makeLead(4, { title: 'old', updatedAt: at(3) }),
      makeLead(5, { title: 'old', updatedAt: at(3) }),
    ];

    // Act
    const result = await store.bulkPut(backup, { keepNewer: true });

    // Assert: 1 kept (stored is newer); 2 replaced (backup is newer); 4 replaced (damaged); 5 added; 3 untouched.
    expect(result).toEqual({ written: 3, kept: 1 });
    const titles = await Promise.all([1, 2, 3, 4, 5].map(async (n) => (await store.get(makeLead(n).id))?.title));
    expect(titles).toEqual(['edited', 'later', 'edited', 'old', 'old']);
    expect(await store.count()).toBe(5);
    expect((await store.query({ text: 'edited' })).total).toBe(2);
    // Without keepNewer the backup's copy replaces every stored one.
    expect(await store.bulkPut(backup)).toEqual({ written: 4, kept: 0 });
    expect((await store.get(makeLead(1).id))?.title).toBe('old');
    expect(await store.count()).toBe(5);
  });

  it('bulkPut with keepNewer of a few leads reads their keys only, not every stored key', async () => {
    // Team sync writes each live change with keepNewer: a walk of every key per change made one
    // change take seconds at 50,000 leads (lib/db/bulk.ts).
    const store = repo();
    const at = (day: number) => `2026-01-0${day}T00:00:00.000Z`;
    await store.bulkPut(Array.from({ length: 300 }, (_, i) => makeLead(i, { title: 'stored', updatedAt: at(5) })));
    const walked: unknown[] = [];
    const original = IDBObjectStore.prototype.getAllKeys;
    IDBObjectStore.prototype.getAllKeys = function (this: IDBObjectStore, ...args) {
      // Unbounded key reads only (the lead counter's check reads one key).
      if (args[1] === undefined) walked.push(args[0]);
      return original.apply(this, args);
    };
    try {
      const result = await store.bulkPut(
        [
          makeLead(1, { title: 'old', updatedAt: at(3) }),
          makeLead(2, { title: 'new', updatedAt: at(9) }),
          makeLead(900),
        ],
        { keepNewer: true },
      );
      expect(result).toEqual({ written: 2, kept: 1 });
    } finally {
      IDBObjectStore.prototype.getAllKeys = original;
    }
    expect(walked).toEqual([]);
    expect((await store.get(makeLead(1).id))?.title).toBe('stored');
    expect((await store.get(makeLead(2).id))?.title).toBe('new');
    expect(await store.count()).toBe(301);
  });

  it('bulkPut refuses invalid records and writes nothing', async () => {
    const store = repo();
    await expect(store.bulkPut([{ id: 'x' } as unknown as Lead])).rejects.toMatchObject({ code: 'invalid' });
    expect(await store.count()).toBe(0);
    // An invalid record after 3,000 valid ones (already put, in the same transaction) undoes them all.
    const valid = Array.from({ length: 3000 }, (_, i) => makeLead(i));
    await expect(store.bulkPut([...valid, { id: 'y' } as unknown as Lead])).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('lead 3001'),
    });
    expect(await store.count()).toBe(0);
    expect((await store.query({ text: 'lead' })).total).toBe(0);
  });

  it('clear erases every lead', async () => {
    const store = repo();
    await seed(store);
    await store.clear();
    expect(await store.count()).toBe(0);
    expect((await store.query({ text: 'jane' })).total).toBe(0);
  });
});

describe('change notifications', () => {
  it('tells listeners in this context and other contexts (BroadcastChannel) after a write', async () => {
    const local: LeadsChange[] = [];
    const off = onLeadsChanged((c) => local.push(c));
    const remote = new BroadcastChannel(CHANGES_CHANNEL);
    const received = new Promise<LeadsChange>((resolve) => {
      remote.onmessage = (e: MessageEvent<LeadsChange>) => resolve(e.data);
    });
    const { lead } = await leads.save(jane);
    const message = await received;
    remote.close();
    off();
    expect(local).toEqual([{ type: 'saved', ids: [lead.id] }]);
    // Each notice carries a key, so a context that also gets it relayed acts once (changes.ts).
    expect(message).toEqual({ type: 'saved', ids: [lead.id], key: expect.any(String) });
  });

  it('stops calling a listener after unsubscribe', async () => {
    const seen: string[] = [];
    const off = onLeadsChanged((c) => seen.push(c.type));
    off();
    await leads.save(jane);
    expect(seen).toEqual([]);
  });
});
