import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '@/lib/lead/schema';
import { emptyDatabaseEachTest, testRepository } from '@/test/db';
import { makeLead } from '@/test/factories';
import { openDatabase } from '.';
import { readLead } from './query';
import { indexedWords, type LeadRow, queryWords, toWords, type WordsRow } from './rows';
import { DEFER_WORDS_AT, indexPendingWords, pendingKeys, wordsIndexed } from './words';

emptyDatabaseEachTest();

const FIRST = ['Jane', 'Jean', 'Joe', 'Ann', 'Anna', 'Zoë'];
const COMPANY = ['Acme', 'Acme Labs', 'Globex', 'Initech'];
const TITLE = ['Director', 'Directeur', 'CTO', 'Head of Sales'];

function lead(n: number, minute: number, name = n): Lead {
  return makeLead(n, {
    fullName: `${FIRST[name % FIRST.length]} Person${name % 7}`,
    companyName: COMPANY[name % COMPANY.length] as string,
    title: TITLE[name % TITLE.length] as string,
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  });
}

/**
 * The `words` store holds, for every stored row, exactly the record its lead gives (and none
 * for an id not stored); `pending` ids may lack theirs until the pass.
 */
async function expectExactWords(pending = new Set<string>()) {
  const db = await openDatabase();
  const [rows, words] = await Promise.all([db.getAll('leads'), db.getAll('words')]);
  const stored = new Map(rows.map((row) => [row.id, row]));
  for (const record of words) {
    const row = stored.get(record.id);
    expect(row, `words of ${record.id}, which is not stored`).toBeDefined();
    expect(record).toEqual(toWords(row as LeadRow));
  }
  const have = new Set(words.map((w) => w.id));
  for (const row of rows) if (!pending.has(row.id)) expect(have.has(row.id), `words of ${row.id}`).toBe(true);
}

/** What a search must answer, by reading every row: ids newest first, as by-updated orders them. */
async function scanSearch(text: string): Promise<string[]> {
  const db = await openDatabase();
  const terms = [...new Set(queryWords(text))];
  return (await db.getAll('leads'))
    .filter((row) => {
      const lead = readLead(row);
      if (!lead) return false;
      const words = indexedWords(lead);
      return terms.every((t) => words.some((w) => w.startsWith(t)));
    })
    .sort((a, b) => a.updated - b.updated || (a.id < b.id ? -1 : 1))
    .map((row) => row.id);
}

describe('the words store', () => {
  it('every write keeps it exact: save, edit, stage, fit, remove, restore, bulkPut, clear', async () => {
    const repo = testRepository();
    const saved = await repo.save({ fullName: 'Jane Doe', companyName: 'Acme', title: 'Director' });
    await expectExactWords();
    await repo.update(saved.lead.id, { fullName: 'Zed Doe' });
    await expectExactWords();
    expect((await repo.query({ text: 'jane' })).total).toBe(0);
    expect((await repo.query({ text: 'zed' })).total).toBe(1);
    await repo.setStage(saved.lead.id, 'meeting');
    await repo.setFitScores([{ id: saved.lead.id, fitScore: 42 }]);
    await expectExactWords();
    await repo.bulkPut([lead(1, 1), lead(2, 2)]);
    await repo.bulkPut([lead(1, 3, 4)]); // rewritten with other words
    await expectExactWords();
    const { restoreToken } = await repo.remove([saved.lead.id, makeLead(1).id]);
    await expectExactWords();
    expect((await repo.query({ text: 'zed' })).total).toBe(0);
    await repo.restore(restoreToken);
    await expectExactWords();
    expect((await repo.query({ text: 'zed' })).total).toBe(1);
    await repo.clear();
    expect(await (await openDatabase()).count('words')).toBe(0);
  });

  it('a deferred bulk write: exact searches before the pass, words written by it, stored leads at once', async () => {
    // Arrange: a stored lead with a words record, and a deferred write of new leads that also
    // rewrites the stored one with other words.
    const repo = testRepository();
    await repo.bulkPut([lead(1, 1)]);
    const batch = [lead(1, 2, 3), ...Array.from({ length: 20 }, (_, i) => lead(10 + i, 10 + i))];

    // Act
    await repo.bulkPut(batch, { deferWords: true, by: 'sync', quiet: true });

    // Assert: the new leads wait for their words, the stored one has its new words already.
    const db = await openDatabase();
    const pending = new Set(((await db.getAll('meta', pendingKeys())) as WordsRow[][]).flat().map((r) => r.id));
    expect(pending).toEqual(new Set(batch.slice(1).map((l) => l.id)));
    await expectExactWords(pending);
    expect(await db.get('words', makeLead(1).id)).toEqual(toWords((await db.get('leads', makeLead(1).id)) as LeadRow));
    for (const text of ['jane', 'ann', 'acme', 'dir', 'jo person', 'zoe']) {
      const page = await repo.query({ text, limit: 1000 });
      expect(page.leads.map((l) => l.id)).toEqual(await scanSearch(text));
      expect(page.total).toBe(page.leads.length);
    }
    await wordsIndexed(db);
    expect(await db.getAllKeys('meta', pendingKeys())).toEqual([]);
    await expectExactWords();
    for (const text of ['jane', 'ann', 'acme', 'dir', 'jo person', 'zoe']) {
      expect((await repo.query({ text, limit: 1000 })).leads.map((l) => l.id)).toEqual(await scanSearch(text));
    }
  });

  it('a search over more listed leads than it checks one by one reads the words keys once, as exact', {
    timeout: 30_000,
  }, async () => {
    const repo = testRepository();
    await repo.bulkPut([lead(5000, 1)]);
    await repo.bulkPut(
      Array.from({ length: 1100 }, (_, i) => lead(i, 2 + (i % 50), i)),
      { deferWords: true, quiet: true },
    );
    const db = await openDatabase();
    expect(((await db.getAll('meta', pendingKeys())) as WordsRow[][]).flat()).toHaveLength(1100);
    for (const text of ['jane person3', 'anna', 'acme labs']) {
      const page = await repo.query({ text, limit: 1000 });
      expect(page.leads.map((l) => l.id)).toEqual((await scanSearch(text)).slice(0, 1000));
      expect(page.total).toBe((await scanSearch(text)).length);
    }
  });

  it('an import: new leads wait for the pass, a merged stored lead gets its new words at once', {
    timeout: 30_000,
  }, async () => {
    const repo = testRepository();
    const stored = await repo.save({ fullName: 'Jane Stored', emails: [{ value: 'jane@stored.example' }] });
    const drafts: { fullName: string; companyName?: string; emails?: { value: string }[] }[] = Array.from(
      { length: DEFER_WORDS_AT },
      (_, i) => ({
        fullName: `${FIRST[i % FIRST.length]} Imported${i}`,
        companyName: COMPANY[i % COMPANY.length] as string,
      }),
    );
    drafts.push({ fullName: 'Zed Merged', emails: [{ value: 'jane@stored.example' }] });
    await repo.saveMany(drafts, { by: 'import' });
    const db = await openDatabase();
    const pending = new Set(((await db.getAll('meta', pendingKeys())) as WordsRow[][]).flat().map((r) => r.id));
    expect(pending.size).toBe(DEFER_WORDS_AT);
    expect(pending.has(stored.lead.id)).toBe(false);
    await expectExactWords(pending);
    for (const text of ['jane', 'zed', 'anna imported1', 'acme', 'imported49']) {
      const page = await repo.query({ text, limit: 1000 });
      expect(
        page.leads.map((l) => l.id),
        text,
      ).toEqual(await scanSearch(text));
      expect(page.total, text).toBe(page.leads.length);
    }
    await wordsIndexed(db);
    await indexPendingWords(db);
    await expectExactWords();
  });

  it('the pass writes no words for a lead removed before it', async () => {
    const repo = testRepository();
    await repo.bulkPut([lead(1, 1), lead(2, 2)], { deferWords: true, quiet: true });
    await repo.remove([makeLead(1).id]);
    const db = await openDatabase();
    expect(await indexPendingWords(db)).toBe(1);
    await expectExactWords();
    expect(await db.get('words', makeLead(1).id)).toBeUndefined();
  });
});

const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), n: fc.nat(30), name: fc.nat(40), defer: fc.boolean() }),
  fc.record({ kind: fc.constant('batch' as const), from: fc.nat(30), count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('edit' as const), n: fc.nat(30), name: fc.nat(40) }),
  fc.record({ kind: fc.constant('stage' as const), n: fc.nat(30) }),
  fc.record({ kind: fc.constant('remove' as const), n: fc.nat(30) }),
  fc.record({ kind: fc.constant('fit' as const), n: fc.nat(30), fit: fc.nat(100) }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('pass' as const) }),
);
const QUERIES = ['j', 'jan', 'jean', 'an', 'anna', 'zoe', 'acme', 'acme labs', 'dir', 'person3', 'jo person', 'head s'];

describe('search over the words store under random writes', () => {
  it('answers what a plain scan of the rows answers, before and after the pass', { timeout: 120_000 }, async () => {
    const repo = testRepository();
    let minute = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await repo.clear();
        const tokens: string[] = [];
        for (const o of ops) {
          minute++;
          const id = (n: number) => makeLead(n).id;
          try {
            if (o.kind === 'put') await repo.bulkPut([lead(o.n, minute, o.name)], { deferWords: o.defer, quiet: true });
            if (o.kind === 'batch') {
              const list = Array.from({ length: o.count }, (_, i) => lead(o.from + i, minute, o.from + i + minute));
              await repo.bulkPut(list, { deferWords: true, quiet: true });
            }
            if (o.kind === 'edit')
              await repo.update(id(o.n), { fullName: `${FIRST[o.name % FIRST.length]} Edit${o.name}` });
            if (o.kind === 'stage') await repo.setStage(id(o.n), 'meeting');
            if (o.kind === 'fit') await repo.setFitScores([{ id: id(o.n), fitScore: o.fit }]);
            if (o.kind === 'remove') tokens.push((await repo.remove([id(o.n)])).restoreToken);
            if (o.kind === 'undo' && tokens.length > 0) await repo.restore(tokens.pop() as string);
            if (o.kind === 'pass') await indexPendingWords(await openDatabase());
          } catch (err) {
            // Editing an id never stored is the user's not-found, nothing written.
            if ((err as { code?: string }).code !== 'not-found') throw err;
          }
        }
        const db = await openDatabase();
        const pending = new Set(((await db.getAll('meta', pendingKeys())) as WordsRow[][]).flat().map((r) => r.id));
        await expectExactWords(pending);
        for (const text of QUERIES) {
          const expected = await scanSearch(text);
          const all = await repo.query({ text, limit: 1000 });
          expect(
            all.leads.map((l) => l.id),
            text,
          ).toEqual(expected);
          expect(all.total, text).toBe(expected.length);
          // The first page (a one-word search may page straight off the index) and the next.
          const first = await repo.query({ text, limit: 3 });
          expect(
            first.leads.map((l) => l.id),
            text,
          ).toEqual(expected.slice(0, 3));
          expect(first.total, text).toBe(expected.length);
          if (first.cursor) {
            const next = await repo.query({ text, limit: 3, cursor: first.cursor });
            expect(
              next.leads.map((l) => l.id),
              text,
            ).toEqual(expected.slice(3, 6));
          }
        }
        await wordsIndexed(db);
        await indexPendingWords(db);
        await expectExactWords();
        for (const text of QUERIES) {
          expect(
            (await repo.query({ text, limit: 1000 })).leads.map((l) => l.id),
            text,
          ).toEqual(await scanSearch(text));
        }
      }),
      { seed: Number(process.env.PROPERTY_SEED ?? 15), numRuns: Number(process.env.WORDS_RUNS ?? 40) },
    );
  });
});
