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
