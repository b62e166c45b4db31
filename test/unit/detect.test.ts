// Beside entrypoints/detect.ts would make WXT read the test as a second "detect" entrypoint.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '#imports';
import { DETECT_LIMITS } from '@/lib/capture/detect-loop';

const readPage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/extract/page', () => ({ readPage }));

/** Runs the detection script's main, as the browser does when the page matches a granted host. */
async function startDetect(): Promise<void> {
  const script = (await import('@/entrypoints/detect')).default as { main: () => void };
  script.main();
}

/** Changes the page every `every` ms for `total` ms, as a busy single-page app does. */
async function churn(total: number, every = 500): Promise<void> {
  for (let t = 0; t < total; t += every) {
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(every);
  }
}

describe('per-site detection (entrypoints/detect.ts)', () => {
  let sent: unknown[];
  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/team');
    document.body.replaceChildren();
    readPage.mockReset();
    readPage.mockImplementation(() => ({ pageKind: 'people-list', people: [{}, {}, {}] }));
    sent = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      return { ok: true };
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a page that never stops changing a few times, not once a second', async () => {
    await startDetect();
    await churn(10 * 60_000);
    expect(readPage).toHaveBeenCalledTimes(DETECT_LIMITS.perNavigation);
    expect(sent).toEqual([{ prospector: 1, type: 'detect.count', input: { count: 3 } }]);
  });

  it('follows a change without a new URL (a filter), once it settles', async () => {
    await startDetect();
    await vi.advanceTimersByTimeAsync(2000);
    readPage.mockImplementation(() => ({ pageKind: 'people-list', people: [{}] }));
    await churn(1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(readPage).toHaveBeenCalledTimes(2);
    expect(sent.at(-1)).toEqual({ prospector: 1, type: 'detect.count', input: { count: 1 } });
  });

  it('reads again after a navigation, and stops for good at the ceiling', async () => {
    await startDetect();
    await vi.advanceTimersByTimeAsync(2000);
    expect(readPage).toHaveBeenCalledTimes(1);
    history.pushState(null, '', '/team?page=2');
    // Read once the new page settles, or at the latest DETECT_LIMITS.ceilingMs after the change.
    await churn(3000);
    expect(readPage).toHaveBeenCalledTimes(1);
    await churn(DETECT_LIMITS.ceilingMs);
    await vi.advanceTimersByTimeAsync(2000);
    const afterNavigation = readPage.mock.calls.length;
    expect(afterNavigation).toBeGreaterThanOrEqual(2);
    expect(afterNavigation).toBeLessThanOrEqual(1 + DETECT_LIMITS.perNavigation);

    // Many navigations, each with changing counts: never more readings than the ceiling.
    let n = 0;
    readPage.mockImplementation(() => ({ pageKind: 'people-list', people: Array.from({ length: ++n % 7 }) }));
    for (let i = 0; i < 3 * DETECT_LIMITS.maxReadings; i++) {
      history.pushState(null, '', `/team?page=${i + 3}`);
      await vi.advanceTimersByTimeAsync(3000);
    }
    expect(readPage).toHaveBeenCalledTimes(DETECT_LIMITS.maxReadings);
    // Stopped means stopped: the observer is disconnected, nothing is read or scheduled any more.
    await churn(60_000);
    expect(readPage).toHaveBeenCalledTimes(DETECT_LIMITS.maxReadings);
    expect(vi.getTimerCount()).toBe(0);
  });
});
