/**
 * Time spent in each step of team sync in this context (ms, summed since it started): the
 * breakdown `npm run bench sync` prints beside its ratios, read from the service worker as
 * globalThis.__prospectorSyncPhases. A few additions per batch; nothing is sent anywhere.
 */
export const phases: Record<string, number> = {};
(globalThis as { __prospectorSyncPhases?: Record<string, number> }).__prospectorSyncPhases = phases;

/** Runs `work` and adds its duration to the phase `name`. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    phases[name] = (phases[name] ?? 0) + performance.now() - start;
  }
}

/**
 * When a step of team sync last ended (ms since epoch), for the bench to compare with its own
 * clock: globalThis.__prospectorSyncMarks, e.g. `load.stored` (a first pull's leads all stored).
 */
export const marks: Record<string, number> = {};
(globalThis as { __prospectorSyncMarks?: Record<string, number> }).__prospectorSyncMarks = marks;

/** Records that the step `name` ended now. */
export function mark(name: string): void {
  marks[name] = Date.now();
}
