/**
 * Reading finalize's loosely typed records (the page reading, parsed only in shape): the strings
 * of a list field, whatever else a hostile page put in it.
 */
export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
