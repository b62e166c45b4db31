import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subscribeLeads } from '@/components/store';
import { createStageCounts } from '@/entrypoints/options/settings/stage-counts';
import { notifyLeadsChanged } from '@/lib/db';
import { registerFitSync } from '@/lib/intel/fit-sync';
import { EMPTY_ICP, setIcp } from '@/lib/intel/icp';
import { startIcp } from '@/lib/intel/live';
import { emptyDatabaseEachTest, testRepository } from '@/test/db';
import { makeLead } from '@/test/factories';

/**
 * Issue 15: with team sync live, a teammate's change reaches every open extension page as
 * a notice, and what each page does per notice shares the origin's IndexedDB with the sync
 * writing the next change. At 50,000 leads, listeners that re-read the store per notice made
 * one change take 15.8 s to reach the other browser. These tests count the IndexedDB rows
 * (records, keys, counted index entries, cursor steps) that one change costs, write and
 * listeners together, at two store sizes: the count must not grow with the store.
 */

const STAGES = ['new', 'contacted', 'meeting', 'won'];

let touched = 0;
const restore: (() => void)[] = [];

/** Counts every row an IndexedDB request reads: what the store's size would multiply. */
function countRows() {
  const add = (request: IDBRequest, rows: (result: unknown) => number) => {
    request.addEventListener('success', () => {
      touched += rows(request.result);
    });
    return request;
  };
  const patch = (proto: object, name: string, rows: (result: unknown) => number) => {
    const target = proto as Record<string, (...args: unknown[]) => IDBRequest>;
    const original = target[name] as (...args: unknown[]) => IDBRequest;
    target[name] = function (this: unknown, ...args: unknown[]) {
      return add(original.apply(this, args), rows);
    };
    restore.push(() => {
      target[name] = original;
    });
  };
  const one = () => 1;
  const length = (r: unknown) => (Array.isArray(r) ? r.length : 0);
  const step = (r: unknown) => (r ? 1 : 0);
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    patch(proto, 'get', one);
    patch(proto, 'getKey', one);
    patch(proto, 'getAll', length);
    patch(proto, 'getAllKeys', length);
    // IndexedDB counts a range by walking it.
    patch(proto, 'count', (r) => (typeof r === 'number' ? r : 0));
    patch(proto, 'openCursor', step);
    patch(proto, 'openKeyCursor', step);
  }
}

emptyDatabaseEachTest();
beforeEach(() => {
  touched = 0;
  countRows();
});
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

/** A store of `n` leads spread over the stages, the first one on 'new'. */
async function seed(n: number) {
  const repo = testRepository();
  await repo.bulkPut(Array.from({ length: n }, (_, i) => makeLead(i, { stage: STAGES[i % STAGES.length] })));
  return repo;
}

describe('one change costs the same at any store size', () => {
  it('the Pipeline panel moves one lead between stage counts without counting the stages again', async () => {
    const actual: number[] = [];
    for (const n of [150, 600]) {
      // Arrange
      const repo = await seed(n);
      const model = createStageCounts(repo, STAGES);
      const off = subscribeLeads(model.apply);
      await model.settled();
      const before = { ...model.counts.value };
      touched = 0;
      // Act
      await repo.setStage(makeLead(0).id, 'won');
      await new Promise((r) => setTimeout(r, 0));
      await model.settled();
      actual.push(touched);
      off();
      // Assert: the counts follow the change
      expect(model.counts.value).toEqual({ ...before, new: (before.new ?? 0) - 1, won: (before.won ?? 0) + 1 });
      expect(Object.values(model.counts.value).reduce((a, b) => a + b, 0)).toBe(n);
      await repo.clear();
    }
    const [small, large] = actual;
    expect(large).toBe(small);
    expect(large).toBeLessThan(50);
  });

  it('the stage counts follow removals, new leads and an erase', async () => {
    const repo = await seed(8);
    const model = createStageCounts(repo, STAGES);
    const off = subscribeLeads(model.apply);
    await model.settled();
    expect(model.counts.value).toEqual({ new: 2, contacted: 2, meeting: 2, won: 2 });
    await repo.remove([makeLead(1).id]);
    await repo.save({ fullName: 'Ada Lovelace' });
    await new Promise((r) => setTimeout(r, 0));
    await model.settled();
    expect(model.counts.value).toEqual({ new: 3, contacted: 1, meeting: 2, won: 2 });
    await repo.clear();
    await new Promise((r) => setTimeout(r, 0));
    await model.settled();
    expect(model.counts.value).toEqual({ new: 0, contacted: 0, meeting: 0, won: 0 });
    off();
  });
});

describe('fit scores have one owner', () => {
  it('a page showing fit scores reads nothing when leads change: the background rescores them', async () => {
    // Arrange: a page that shows a fit (FitBadge starts the profile), a profile that scores titles
    const repo = await seed(300);
    await setIcp({ ...EMPTY_ICP, titles: ['CTO'] });
    await startIcp();
    const ids = Array.from({ length: 300 }, (_, i) => makeLead(i).id);
    touched = 0;
    // Act: a sync pull's notice for every lead, then past fit-sync's 200 ms batching
    notifyLeadsChanged({ type: 'saved', ids, by: 'sync' });
    await new Promise((r) => setTimeout(r, 1500));
    // Assert: nothing read here (the page used to rescore all 300, as the background does)
    expect(touched).toBe(0);
    await repo.clear();
  });
});

describe('fit scores without a profile', () => {
  it('the background reads only the scored leads of a change when no profile is set', async () => {
    const actual: number[] = [];
    for (const n of [150, 600]) {
      // Arrange: the background's fit-sync, no profile, n leads of which 3 carry a score (a teammate's)
      const repo = testRepository();
      const stored = Array.from({ length: n }, (_, i) => makeLead(i, i < 3 ? { fitScore: 50 } : {}));
      await repo.bulkPut(stored, { quiet: true });
      await setIcp(EMPTY_ICP);
      registerFitSync();
      touched = 0;
      // Act: a first pull's notice for every lead, then past fit-sync's 200 ms batching and its pass
      notifyLeadsChanged({ type: 'saved', ids: stored.map((l) => l.id), by: 'sync' });
      await new Promise((r) => setTimeout(r, 1500));
      actual.push(touched);
      // Assert: the scores are gone, the rest were never read
      const after = await Promise.all(stored.slice(0, 4).map((l) => repo.get(l.id)));
      expect(after.map((l) => l?.fitScore)).toEqual([undefined, undefined, undefined, undefined]);
      await repo.clear();
    }
    const [small, large] = actual;
    expect(large).toBe(small);
    expect(large).toBeLessThan(50);
  });
});
