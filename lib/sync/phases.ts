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
