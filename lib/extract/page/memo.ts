/**
 * Memo tables for pure string tests that a reading repeats (a card list asks whether the same
 * "Read more" or "Jane Doe" is a name hundreds of times). Emptied at the start of every reading,
 * so that a reading's cost never depends on the one before it (npm run bench extract repeats one).
 */

const clears: (() => void)[] = [];

/** Wraps a pure function of a string with a table emptied by clearMemos() and capped at 5,000 entries. */
export function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  clears.push(() => cache.clear());
  return (s: string): T => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size > 5000) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Registers what else one reading keeps (forgotten by clearMemos()). */
export function onClear(fn: () => void): void {
  clears.push(fn);
}

/** Empties every memo table (called once per readPage). */
export function clearMemos(): void {
  for (const clear of clears) clear();
}
