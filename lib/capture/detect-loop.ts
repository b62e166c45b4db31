/**
 * When the per-site detection script (entrypoints/detect.ts) reads the page: on each
 * navigation and on later changes, after the page has settled, at most
 * DETECT_LIMITS.perNavigation times per navigation and maxReadings per load. Pure scheduling with its
 * timers and page access injected, so it is tested with fake timers (it used to
 * read a changing single-page site about once a second, forever).
 */

export interface DetectLoopDeps {
  /** Reads the page and counts its prospects (the costly part). */
  count(): number;
  /** Reports a new count to the background. */
  send(count: number): void;
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  /** Stops everything that calls back into the loop (observer, navigation listener). */
  stop(): void;
}

export const DETECT_LIMITS = {
  /** Quiet time after the last DOM change before a reading (lists render in bursts). */
  settleMs: 1000,
  /** A reading happens at most this long after a navigation, however busy the page. */
  ceilingMs: 5000,
  /**
   * Readings per navigation: the first, then a few more when the page changes without a new
   * URL (a filter, cards loaded later), each after the changes settle.
   */
  perNavigation: 3,
  /** Readings per page load; then the script stops for good (a reload starts it again). */
  maxReadings: 30,
};

/** The detection loop: call `navigated()` at start and on each navigation, `changed()` on DOM changes. */
export function createDetectLoop(deps: DetectLoopDeps, limits = DETECT_LIMITS) {
  let readings = 0;
  let sinceNavigation = 0;
  let last = -1;
  let timer: unknown = null;
  let pendingSince = 0;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
    deps.stop();
  };
  const read = () => {
    timer = null;
    // The cap is checked before the reading, which is the cost the cap exists to bound.
    if (stopped || readings >= limits.maxReadings) return stop();
    readings++;
    sinceNavigation++;
    let count = 0;
    try {
      count = deps.count();
    } catch {
      count = 0;
    }
    if (count !== last) {
      last = count;
      deps.send(count);
    }
    if (readings >= limits.maxReadings) stop();
  };
  const schedule = () => {
    if (timer !== null) deps.clearTimeout(timer);
    const wait = Math.max(0, Math.min(limits.settleMs, pendingSince + limits.ceilingMs - deps.now()));
    timer = deps.setTimeout(read, wait);
  };

  return {
    /** A navigation (or the first load): one reading once the page settles. */
    navigated(): void {
      if (stopped) return;
      sinceNavigation = 0;
      if (timer === null) pendingSince = deps.now();
      schedule();
    },
    /**
     * A DOM change: postpones a pending reading (within the ceiling), or asks for another
     * one while this navigation has readings left; otherwise nothing.
     */
    changed(): void {
      if (stopped) return;
      if (timer === null) {
        if (sinceNavigation >= limits.perNavigation) return;
        pendingSince = deps.now();
      }
      schedule();
    },
    get readings(): number {
      return readings;
    },
    get stopped(): boolean {
      return stopped;
    },
  };
}
