// '#imports' for bench pages: a plain web page has no extension storage, and the
// benches never read settings or prefs from it (they pass them in), so items keep their fallback.
interface ItemOptions<T> {
  fallback: T;
}

/** A storage item that only ever holds its fallback. */
function defineItem<T>(_key: string, options: ItemOptions<T>) {
  return {
    getValue: async () => options.fallback,
    setValue: async (_value: T) => {},
    watch: (_cb: (value: T) => void) => () => {},
  };
}

export const storage = { defineItem };
export const browser = {};
