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

/**
 * Wraps a pure reading of the page so that one readPage works it out once however often it asks
 * (readPage re-reads a page over the same DOM for its fallbacks); each caller gets `copy` of it.
 */
export function oncePerReading<R>(fn: (doc: Document, base: string) => R, copy: (r: R) => R) {
  let last: { doc: Document; base: string; value: R } | null = null;
  clears.push(() => {
    last = null;
  });
  return (doc: Document, base: string): R => {
    if (last?.doc !== doc || last.base !== base) last = { doc, base, value: fn(doc, base) };
    return copy(last.value);
  };
}

/** Empties every memo table (called once per readPage). */
export function clearMemos(): void {
  for (const clear of clears) clear();
}

/** Wraps a pure function of an object (a card's block) with a table of its own, for one caller's loop. */
export function cachedBy<K, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k: K): V => {
    if (cache.has(k)) return cache.get(k) as V;
    const v = fn(k);
    cache.set(k, v);
    return v;
  };
}
