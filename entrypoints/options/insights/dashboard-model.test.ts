// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '@/lib/intel/dashboard';
import { DEFAULT_INSIGHTS_PREFS } from '@/lib/intel/prefs';
import * as model from './dashboard-model';

function deps(over: Partial<model.DashboardDeps> = {}) {
  const listeners: Array<() => void> = [];
  const d: model.DashboardDeps = {
    load: vi.fn(async () => ({ channels: [], leads: { total: 3 } }) as unknown as model.DashboardFigures),
    stages: async () => [{ id: 'new', label: 'New' }],
    tags: async () => ['b', 'a'],
    getPrefs: async () => DEFAULT_INSIGHTS_PREFS,
    setPrefs: vi.fn(async () => {}),
    onLeadsChanged: (cb) => {
      listeners.push(cb);
      return () => {};
    },
    onSettingsChanged: () => () => {},
    now: () => 0,
    ...over,
  };
  const change = () => {
    for (const cb of listeners) cb();
  };
  return { d, change };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
let stop: () => void = () => {};
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('dashboard model', () => {
  it('computes once the preferences are in, again per filter, and not for a cost', async () => {
    const { d } = deps();
    stop = model.startDashboard(d);
    await settle();
    expect(d.load).toHaveBeenCalledTimes(1);
    expect(model.tags.value).toEqual(['a', 'b']);
    expect(model.busy.value).toBe(false);

    model.setFilter({ tag: 'a' });
    await settle();
    model.setCost('outbound', 'email', '100');
    await settle();

    expect(d.load).toHaveBeenCalledTimes(2);
    expect(vi.mocked(d.load).mock.calls[1]?.[0]).toMatchObject({ tag: 'a' });
    expect(d.setPrefs).toHaveBeenCalledOnce();
  });

  it('recomputes once after a burst of store changes', async () => {
    vi.useFakeTimers();
    const { d, change } = deps();
    stop = model.startDashboard(d);
    await vi.runAllTimersAsync();
    vi.mocked(d.load).mockClear();

    for (let i = 0; i < 20; i++) change();
    await vi.advanceTimersByTimeAsync(model.CHANGE_DELAY_MS + 1);

    expect(d.load).toHaveBeenCalledTimes(1);
  });

  it('spaces recomputes during a live stream of changes by four passes, then catches up', async () => {
    // Arrange: a pass takes 1 s (a large store); a teammate's change arrives every second.
    vi.useFakeTimers();
    const starts: number[] = [];
    const load = vi.fn<model.DashboardDeps['load']>(() => {
      starts.push(Date.now());
      return new Promise((ok) =>
        setTimeout(() => ok({ channels: [], leads: { total: 3 } } as unknown as model.DashboardFigures), 1000),
      );
    });
    const { d, change } = deps({ load });
    stop = model.startDashboard(d);
    await vi.advanceTimersByTimeAsync(1500);
    starts.length = 0;
    // Act
    let lastChange = 0;
    for (let i = 0; i < 20; i++) {
      lastChange = Date.now();
      change();
      await vi.advanceTimersByTimeAsync(1000);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    // Assert: about one pass per 5 s (4 passes apart, 1 s each) instead of one per change,
    // and the last one reads the store after the last change.
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts.length).toBeLessThanOrEqual(6);
    expect(starts.at(-1)).toBeGreaterThan(lastChange);
  });

  it('does not start a recompute over a long first pass still running; waits four of it after', async () => {
    // Arrange: the first pass takes 20 s (50,000 leads on a busy machine); changes arrive every second.
    vi.useFakeTimers();
    const starts: number[] = [];
    const load = vi.fn<model.DashboardDeps['load']>(() => {
      starts.push(Date.now());
      return new Promise((ok) =>
        setTimeout(() => ok({ channels: [], leads: { total: 3 } } as unknown as model.DashboardFigures), 20_000),
      );
    });
    const { d, change } = deps({ load });
    const t0 = Date.now();
    stop = model.startDashboard(d);
    // Act
    for (let i = 0; i < 30; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      change();
    }
    // Assert: only the first pass ran during its 20 s; the next one waited past them.
    expect(starts.length).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(starts.length).toBe(2);
    expect((starts[1] ?? 0) - t0).toBeGreaterThanOrEqual(20_000 + 4 * 20_000);
  });

  it('shows the newest answer when an older computation finishes last', async () => {
    let finishFirst: (f: model.DashboardFigures) => void = () => {};
    const first = { leads: { total: 1 }, channels: [] } as unknown as Dashboard as model.DashboardFigures;
    const second = { leads: { total: 2 }, channels: [] } as unknown as Dashboard as model.DashboardFigures;
    const load = vi
      .fn<model.DashboardDeps['load']>()
      .mockImplementationOnce(() => new Promise((r) => (finishFirst = r)))
      .mockResolvedValueOnce(second);
    const { d } = deps({ load });
    stop = model.startDashboard(d);
    await settle();
    model.setFilter({ from: '2026-01-01' });
    await settle();
    finishFirst(first);
    await settle();

    expect(model.figures.value?.leads.total).toBe(2);
  });
});
