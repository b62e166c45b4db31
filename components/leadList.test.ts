import { describe, expect, it } from 'vitest';
import type { LeadPage, LeadQuery } from '@/lib/db/api';
import type { Lead } from '@/lib/lead/schema';
import { makeLead } from '@/test/factories';
import { createLeadListModel, endOfToday, toQuery } from './leadList';

const fakeLead = (i: number): Lead => makeLead(i);

/** A repository over `count` leads whose replies the test releases by hand. */
function controlledRepo(count: number) {
  const calls: { query: LeadQuery; resolve: () => void }[] = [];
  const all = Array.from({ length: count }, (_, i) => fakeLead(i));
  return {
    calls,
    repo: {
      query(query: LeadQuery): Promise<LeadPage> {
        return new Promise((ok) => {
          const matching = query.text ? all.filter((l) => l.fullName?.includes(query.text ?? '')) : all;
          const start = query.cursor ? Number(query.cursor) : 0;
          const limit = query.limit ?? 50;
          const page = {
            leads: matching.slice(start, start + limit),
            total: matching.length,
            cursor: start + limit < matching.length ? String(start + limit) : null,
          };
          calls.push({ query, resolve: () => ok(page) });
        });
      },
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('lead list model', () => {
  it('loads only the first page, then pages on demand in order', async () => {
    const { repo, calls } = controlledRepo(1000);
    const model = createLeadListModel(repo, 100);
    const first = model.reload();
    calls[0]?.resolve();
    await first;
    expect(model.rows.value).toHaveLength(100);
    expect(model.total.value).toBe(1000);

    const more = model.ensure(250);
    await flush();
    calls[1]?.resolve();
    await flush();
    calls[2]?.resolve();
    await more;
    expect(calls.map((c) => c.query.cursor)).toEqual([null, '100', '200']);
    expect(model.rows.value).toHaveLength(300);
  });

  it('drops the reply of an older search so fast typing never shows stale rows', async () => {
    const { repo, calls } = controlledRepo(300);
    const model = createLeadListModel(repo, 50);
    const slow = model.setFilters({ text: 'Lead 1' });
    const fast = model.setFilters({ text: 'Lead 12' });
    calls[1]?.resolve();
    await fast;
    calls[0]?.resolve();
    await slow;
    expect(model.filters.value.text).toBe('Lead 12');
    expect(model.rows.value.loaded().every((l) => l?.fullName?.includes('Lead 12'))).toBe(true);
    expect(model.total.value).toBe(11);
  });

  it('maps filters to a store query', () => {
    const now = new Date(2026, 0, 2, 10);
    const actual = toQuery(
      { text: ' ada ', stage: 'new', tag: 'vip', origin: 'inbound', due: true, sort: 'followUp' },
      now,
    );
    expect(actual).toEqual({
      text: 'ada',
      stage: 'new',
      tag: 'vip',
      origin: 'inbound',
      dueBefore: endOfToday(now),
      sort: 'followUp',
      direction: 'asc',
    });
    expect(new Date(endOfToday(now)).getHours()).toBe(23);
  });
});

describe('local refinement while the store searches', () => {
  it('filters the loaded rows at once when the search narrows, then takes the store answer', async () => {
    const { repo, calls } = controlledRepo(300);
    const model = createLeadListModel(repo, 50);
    const first = model.reload();
    calls[0]?.resolve();
    await first;

    const pending = model.setFilters({ text: 'Lead 1' });
    // Same tick: rows are the loaded ones that match, the count is a lower bound.
    expect(model.previewFor.value).toBe('Lead 1');
    expect(model.totalKnown.value).toBe(false);
    expect(model.rows.value.loaded().map((l) => l?.fullName)).toEqual([
      'Lead 1',
      ...Array.from({ length: 10 }, (_, i) => `Lead 1${i}`),
    ]);
    calls[1]?.resolve();
    await pending;
    expect(model.previewFor.value).toBeNull();
    expect(model.totalKnown.value).toBe(true);
    expect(model.total.value).toBe(111);
  });

  it('does not preview when a filter widens the result', async () => {
    const { repo, calls } = controlledRepo(10);
    const model = createLeadListModel(repo, 50);
    const a = model.setFilters({ text: 'Lead 12' });
    calls[0]?.resolve();
    await a;
    void model.setFilters({ text: 'Lead' });
    expect(model.previewFor.value).toBeNull();
    expect(model.rows.value.loaded()).toEqual([]);
  });
});

describe('a long scroll keeps only the pages near the view', () => {
  /** A repository that answers at once, recording the cursor of every read. */
  function instantRepo(count: number) {
    const { repo, calls } = controlledRepo(count);
    return {
      cursors: () => calls.map((c) => c.query.cursor ?? null),
      repo: {
        query(query: LeadQuery) {
          const reply = repo.query(query);
          calls.at(-1)?.resolve();
          return reply;
        },
      },
    };
  }

  it('drops pages far above the window and reads them again when scrolled back', async () => {
    const { repo, cursors } = instantRepo(10_000);
    const model = createLeadListModel(repo, 100);
    await model.reload();
    await model.ensure(8_100, 7_900);
    // Every page up to the window was read once (cursors are opaque), but only ~2x10 pages around it stay.
    expect(cursors()).toHaveLength(81);
    expect(model.rows.value.loaded().length).toBeLessThanOrEqual(2_300);
    expect(model.rows.value.at(0)).toBeUndefined();
    expect(model.rows.value.at(8_000)?.fullName).toBe('Lead 8000');

    await model.ensure(200, 0);
    expect(model.rows.value.at(0)?.fullName).toBe('Lead 0');
    expect(model.rows.value.at(150)?.fullName).toBe('Lead 150');
    expect(model.rows.value.at(8_000)).toBeUndefined();
    // Scrolling back re-read the top pages by their known cursors, not the whole list again.
    expect(cursors().slice(81)).toEqual([null, '100']);
  });

  it('holds as many row slots after scrolling 20,000 leads as after 2,000 (placing a page is not O(rows))', async () => {
    /** The most row slots any value of `rows` held while the list was scrolled to the end, 100 rows a step. */
    const mostHeld = async (count: number) => {
      const { repo } = instantRepo(count);
      const model = createLeadListModel(repo, 100);
      let most = 0;
      const stop = model.rows.subscribe((rows) => {
        most = Math.max(most, rows.held);
      });
      await model.reload();
      for (let top = 0; top < count; top += 100) await model.ensure(top + 300, top - 100);
      stop();
      expect(model.rows.value.at(count - 1)?.fullName).toBe(`Lead ${count - 1}`);
      return most;
    };
    const small = await mostHeld(2_000);
    const big = await mostHeld(20_000);
    // Each change copies what `rows` holds: the pages near the view (window + 10 each side), at any depth.
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(25 * 100);
  });

  it('previews a narrower search from the loaded prefix only, never from rows below a gap', async () => {
    const { repo } = instantRepo(5_000);
    const model = createLeadListModel(repo, 100);
    await model.reload();
    await model.ensure(4_100, 3_900);
    expect(model.rows.value.at(0)).toBeUndefined();
    const pending = model.setFilters({ text: 'Lead 4' });
    // The rows near Lead 4000 are loaded but are not a sorted prefix of the new result: no preview rows.
    expect(model.rows.value.loaded()).toEqual([]);
    expect(model.totalKnown.value).toBe(false);
    await pending;
    expect(model.rows.value.at(0)?.fullName).toBe('Lead 4');
  });
});
