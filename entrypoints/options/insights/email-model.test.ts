// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLead } from '@/test/factories';
import * as model from './email-model';

let stop: () => void = () => {};
afterEach(() => {
  stop();
  model.requested.value = false;
  vi.useRealTimers();
});

describe('email suggestions model', () => {
  it('relearns during a live stream of changes at most every four passes, and after the last change', async () => {
    // Arrange: a pass takes 1 s (a large store); a teammate's change arrives every second.
    vi.useFakeTimers();
    const starts: number[] = [];
    const listeners: Array<() => void> = [];
    stop = model.startEmailSuggestions({
      forEachLead: async (each) => {
        starts.push(Date.now());
        await new Promise((r) => setTimeout(r, 1000));
        each(makeLead(1, { companyDomain: 'acme.example' }));
      },
      addEmail: async () => {},
      onLeadsChanged: (cb) => {
        listeners.push(cb);
        return () => {};
      },
    });
    const first = model.requestSuggestions();
    await vi.advanceTimersByTimeAsync(1000);
    await first;
    starts.length = 0;
    // Act
    let lastChange = 0;
    for (let i = 0; i < 20; i++) {
      lastChange = Date.now();
      for (const cb of listeners) cb();
      await vi.advanceTimersByTimeAsync(1000);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    // Assert: about one pass per 5 s instead of one per change; the last after the last change.
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts.length).toBeLessThanOrEqual(6);
    expect(starts.at(-1)).toBeGreaterThan(lastChange);
    expect(model.suggestions.value?.patterns).toEqual([]);
  });

  it('does not start a relearn over a long first pass still running; waits four of it after', async () => {
    // Arrange: the first pass takes 20 s (50,000 leads on a busy machine); changes arrive every second.
    vi.useFakeTimers();
    const starts: number[] = [];
    const listeners: Array<() => void> = [];
    stop = model.startEmailSuggestions({
      forEachLead: async () => {
        starts.push(Date.now());
        await new Promise((r) => setTimeout(r, 20_000));
      },
      addEmail: async () => {},
      onLeadsChanged: (cb) => {
        listeners.push(cb);
        return () => {};
      },
    });
    const t0 = Date.now();
    void model.requestSuggestions();
    // Act
    for (let i = 0; i < 30; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      for (const cb of listeners) cb();
    }
    // Assert: only the first pass ran during its 20 s; the next one waited past them.
    expect(starts.length).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(starts.length).toBe(2);
    expect((starts[1] ?? 0) - t0).toBeGreaterThanOrEqual(20_000 + 4 * 20_000);
  });

  it('does not learn on changes until asked', async () => {
    vi.useFakeTimers();
    const forEachLead = vi.fn(async () => {});
    const listeners: Array<() => void> = [];
    stop = model.startEmailSuggestions({
      forEachLead,
      addEmail: async () => {},
      onLeadsChanged: (cb) => {
        listeners.push(cb);
        return () => {};
      },
    });
    for (const cb of listeners) cb();
    await vi.advanceTimersByTimeAsync(5000);
    expect(forEachLead).not.toHaveBeenCalled();
  });
});
