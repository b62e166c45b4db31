/**
 * When a page's pass over every lead (the dashboard's figures, the email suggestions) runs again
 * after change notices. A pass reads every lead (seconds at 50,000), and with team sync live a
 * teammate's change arrives every few seconds; recomputing per change kept the origin's IndexedDB
 * busy with passes while the sync writing the next change waited behind them (issue 15). So the
 * next pass starts `spacing` passes after the last one ended, never over a pass still running (the
 * first at 50,000 leads takes long, and its length is not known yet), and changes that arrive
 * while one is waiting ride on it: its pass reads the store after they committed. The answer lags
 * a live stream by a few passes at most and catches up once it stops.
 */
export interface PacedPasses {
  /** A change notice: arms the next pass unless one is already waiting. */
  changed(): void;
  /** A pass starts (whoever started it); returns its start, for `finished`. */
  began(): number;
  /** The pass begun at `startedAt` finished with an answer shown: its length spaces the next. */
  finished(startedAt: number): void;
  /** No pass runs any more (the current one ended, with an answer or not). */
  idle(): void;
  /** Drops a waiting pass. */
  stop(): void;
}

/**
 * Runs `start` (which begins a pass) at least `delayMs` after a change and `spacing` passes after
 * the last pass ended. Times are Date ms, not performance, so tests' fake timers drive them.
 */
export function pacedPasses(delayMs: number, spacing: number, start: () => void): PacedPasses {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let runningSince: number | null = null;
  let lastEndedAt = 0;
  let lastMs = 0;
  const arm = (ms: number) => {
    timer = setTimeout(() => {
      if (runningSince !== null) return arm(delayMs);
      const rest = lastEndedAt + spacing * lastMs - Date.now();
      if (rest > 0) return arm(rest);
      timer = undefined;
      start();
    }, ms);
  };
  return {
    changed() {
      if (timer === undefined) arm(delayMs);
    },
    began() {
      runningSince = Date.now();
      return runningSince;
    },
    finished(startedAt) {
      lastEndedAt = Date.now();
      lastMs = lastEndedAt - startedAt;
    },
    idle() {
      runningSince = null;
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
