import { EmailPointSchema, LeadSchema, PhonePointSchema, SourceSchema, TouchSchema } from '@/lib/lead/schema';

/**
 * Size limits on what an import may bring in. Leads are loose objects, so fields
 * a newer Prospector wrote survive a round trip; these limits keep such unknown fields from
 * carrying megabytes or a thousand levels of nesting into the store.
 */

/** The largest file an import reads: checked before a byte is read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** What the fields unknown to this version may hold, per lead (all its unknown fields together). */
export const EXTRA_LIMITS = {
  /** Levels of nesting inside one unknown field ("a": {"b": 1} is 2). */
  depth: 8,
  /** Characters in strings and keys, plus 8 per other value. */
  size: 64 * 1024,
  /** Unknown fields on one object. */
  keys: 50,
};

// Rounded up, so a file a byte over the limit does not read as exactly the limit.
const mb = (bytes: number) => `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Why a file is too big to import, or null. */
export function fileSizeProblem(size: number): string | null {
  return size > MAX_IMPORT_BYTES
    ? `This file is ${mb(size)}; Prospector imports files up to ${mb(MAX_IMPORT_BYTES)}. Split it into smaller files.`
    : null;
}

const known = (schema: { shape: object }) => new Set(Object.keys(schema.shape));
const LEAD_KEYS = known(LeadSchema);
/** The loose objects inside a lead, by the list that holds them. */
const NESTED: Record<string, Set<string>> = {
  emails: known(EmailPointSchema),
  phones: known(PhonePointSchema),
  touches: known(TouchSchema),
  sources: known(SourceSchema),
  stageHistory: new Set(['stage', 'at']),
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a lead's unknown fields are over EXTRA_LIMITS, or null. Walks only the unknown values
 * (and the list items that may hold some), iteratively, and stops as soon as the size budget
 * is spent, so a hostile value costs at most the budget.
 */
export function extrasProblem(lead: unknown, limits = EXTRA_LIMITS): string | null {
  if (!isObject(lead)) return null;
  let budget = limits.size;
  const measure = (key: string, value: unknown): string | null => {
    const stack: [unknown, number][] = [[value, 1]];
    budget -= key.length;
    while (stack.length) {
      const [v, depth] = stack.pop() as [unknown, number];
      if (budget < 0) return `fields unknown to this version hold more than ${limits.size / 1024} KB`;
      if (typeof v === 'string') budget -= v.length;
      else if (typeof v !== 'object' || v === null) budget -= 8;
      else {
        if (depth > limits.depth)
          return `unknown field "${key.slice(0, 60)}" is nested deeper than ${limits.depth} levels`;
        // No Object.entries: a million-item array must not be copied before the budget stops us.
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length && budget >= 0; i++, budget--) stack.push([v[i], depth + 1]);
        } else {
          for (const k in v) {
            if (budget < 0) break;
            budget -= k.length;
            stack.push([(v as Record<string, unknown>)[k], depth + 1]);
          }
        }
      }
    }
    return budget < 0 ? `fields unknown to this version hold more than ${limits.size / 1024} KB` : null;
  };
  const checkObject = (obj: Record<string, unknown>, keys: Set<string>, where: string): string | null => {
    let unknown = 0;
    for (const key in obj) {
      if (!Object.hasOwn(obj, key) || keys.has(key)) continue;
      if (++unknown > limits.keys) return `${where}has more than ${limits.keys} fields unknown to this version`;
      const problem = measure(key, obj[key]);
      if (problem) return where + problem;
    }
    return null;
  };
  const top = checkObject(lead, LEAD_KEYS, '');
  if (top) return top;
  for (const [list, keys] of Object.entries(NESTED)) {
    const items = lead[list];
    if (!Array.isArray(items)) continue;
    // The schema caps these lists (10,000 touches at most); a longer one fails validation anyway.
    for (let i = 0; i < items.length && i < 10_000; i++) {
      const item = items[i];
      if (!isObject(item)) continue;
      const problem = checkObject(item, keys, `${list}.${i}: `);
      if (problem) return problem;
    }
  }
  return null;
}
