// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lead } from '@/lib/lead/schema';
import { makeLead } from '@/test/factories';
import { CHECK_AT_MOST, createTagRefresh, LATER_MS } from './tagRefresh';

function setup(stored: Lead[], shown: string[]) {
  const byId = new Map(stored.map((l) => [l.id, l]));
  const repo = { get: vi.fn(async (id: string) => byId.get(id)) };
  const tags = { value: shown };
  const load = vi.fn(async () => {});
  const refresh = createTagRefresh(repo, tags, load);
  return { repo, load, refresh };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('tag list refresh on change notices', () => {
  it('does not re-read the tags per change when the changed leads carry only listed tags; once later for a burst', async () => {
    // Arrange: a live sync's stream of changes to leads tagged with tags already listed
    const leads = Array.from({ length: 10 }, (_, i) => makeLead(i, { tags: i % 2 ? ['Warm'] : [] }));
    const { load, refresh } = setup(leads, ['warm', 'cold']);
    // Act
    for (const lead of leads) {
      refresh.onChange({ type: 'saved', ids: [lead.id], by: 'sync' });
      await vi.advanceTimersByTimeAsync(300);
    }
    const duringStream = load.mock.calls.length;
    await vi.advanceTimersByTimeAsync(LATER_MS);
    // Assert
    expect(duringStream).toBe(0);
    expect(load).toHaveBeenCalledTimes(1);
    refresh.stop();
  });

  it('re-reads the tags at once when a changed lead carries a tag not listed yet (folded match)', async () => {
    const lead = makeLead(1, { tags: ['Réunion', 'Hot'] });
    const { load, refresh } = setup([lead], ['reunion']);
    refresh.onChange({ type: 'updated', ids: [lead.id] });
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    refresh.stop();
  });

  it.each([
    ['an erase', { type: 'cleared' as const, ids: [] }],
    ['an import', { type: 'saved' as const, ids: Array.from({ length: CHECK_AT_MOST + 1 }, (_, i) => `id-${i}`) }],
  ])('re-reads the tags at once after %s, without reading its leads', async (_, change) => {
    const { repo, load, refresh } = setup([], []);
    refresh.onChange(change);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(repo.get).not.toHaveBeenCalled();
    refresh.stop();
  });

  it('drops a tag whose last lead was removed, on the later re-read', async () => {
    const { load, refresh } = setup([], ['warm']);
    refresh.onChange({ type: 'removed', ids: [makeLead(1).id] });
    await settle();
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(LATER_MS);
    expect(load).toHaveBeenCalledTimes(1);
    refresh.stop();
  });
});
