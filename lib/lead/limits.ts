import type { EmailPoint, PhonePoint, Source, Touch } from './schema';

/**
 * How many values each list of a lead may hold: the one home of these numbers (the schema
 * and the trim below import them). A merge unions lists, so without a trim a prospect
 * captured or imported often enough would outgrow them and fail the schema.
 */
export const LIST_LIMITS = {
  emails: 100,
  phones: 100,
  links: 200,
  sources: 1000,
  tags: 100,
  touches: 10_000,
  edited: 100,
  stageHistory: 1000,
} as const;
export type LimitedList = keyof typeof LIST_LIMITS;

/** Values dropped per list by a trim, e.g. { tags: 1 }; empty when nothing was dropped. */
export type TrimReport = Partial<Record<LimitedList, number>>;

/** What a write brought, so its values count as the newest; and the values the user added by hand. */
export interface TrimContext {
  /** Keys (see `keyOf`) of the values given in this write. */
  incoming?: Partial<Record<LimitedList, ReadonlySet<string>>>;
  /** Links and tags the user added by hand (lead.handAdded), folded like `keyOf`. */
  handLinks?: ReadonlySet<string>;
  handTags?: ReadonlySet<string>;
}

/** The identity a list value is matched by (the same keys the merge unions on). */
export const keyOf = {
  emails: (e: EmailPoint) => e.value,
  phones: (p: PhonePoint) => p.value,
  links: (l: string) => l,
  tags: (t: string) => t.toLowerCase(),
  sources: (s: Source) => `${s.url ?? `file:${s.file ?? ''}`}\n${s.extractor}`,
  touches: (t: Touch) => t.id,
} as const;

/**
 * Keeps at most `limit` items: rank 0 first (hand-added), then rank 1 (given in this write),
 * then the rest; within a rank the later item (added later, so newer) wins. The kept items
 * stay in their original order. Deterministic: the same list gives the same result.
 */
export function keepWithin<T>(items: readonly T[], limit: number, rank: (item: T) => number): T[] {
  if (items.length <= limit) return items as T[];
  const order = items.map((item, i) => ({ i, r: rank(item) }));
  order.sort((a, b) => a.r - b.r || b.i - a.i);
  const kept = new Set(order.slice(0, limit).map((o) => o.i));
  return items.filter((_, i) => kept.has(i));
}

const HAND_STATUSES = new Set<EmailPoint['status']>(['verified-by-user', 'bounced']);

interface Trimmable {
  emails: EmailPoint[];
  phones: PhonePoint[];
  links: string[];
  sources: Source[];
  tags: string[];
  touches: Touch[];
  edited: string[];
  stageHistory?: { stage: string; at: string }[] | undefined;
}

/**
 * Trims every list of a lead to LIST_LIMITS, hand-added values first, then the values of this
 * write, then the newest others (touches: the latest by date). Returns the lead (the same
 * object when nothing was over) and what was dropped, for the caller to report.
 */
export function fitToLimits<L extends Trimmable>(lead: L, ctx: TrimContext = {}): { lead: L; trimmed: TrimReport } {
  const trimmed: TrimReport = {};
  let out = lead;
  const set = <K extends LimitedList>(field: K, next: unknown[], before: number) => {
    if (next.length === before) return;
    trimmed[field] = before - next.length;
    out = { ...out, [field]: next };
  };
  const fresh = (field: LimitedList, key: string) => ctx.incoming?.[field]?.has(key) ?? false;
  const listRank =
    <T>(field: LimitedList, key: (item: T) => string, hand: (item: T) => boolean) =>
    (item: T) =>
      hand(item) ? 0 : fresh(field, key(item)) ? 1 : 2;

  if (lead.emails.length > LIST_LIMITS.emails) {
    const rank = listRank<EmailPoint>(
      'emails',
      keyOf.emails,
      (e) => e.source === 'user' || HAND_STATUSES.has(e.status),
    );
    set('emails', keepWithin(lead.emails, LIST_LIMITS.emails, rank), lead.emails.length);
  }
  if (lead.phones.length > LIST_LIMITS.phones) {
    const rank = listRank<PhonePoint>('phones', keyOf.phones, (p) => p.source === 'user');
    set('phones', keepWithin(lead.phones, LIST_LIMITS.phones, rank), lead.phones.length);
  }
  if (lead.links.length > LIST_LIMITS.links) {
    const rank = listRank<string>('links', keyOf.links, (l) => ctx.handLinks?.has(l) ?? false);
    set('links', keepWithin(lead.links, LIST_LIMITS.links, rank), lead.links.length);
  }
  if (lead.tags.length > LIST_LIMITS.tags) {
    const rank = listRank<string>('tags', keyOf.tags, (t) => ctx.handTags?.has(keyOf.tags(t)) ?? false);
    set('tags', keepWithin(lead.tags, LIST_LIMITS.tags, rank), lead.tags.length);
  }
  if (lead.sources.length > LIST_LIMITS.sources) {
    const rank = listRank<Source>('sources', keyOf.sources, () => false);
    set('sources', keepWithin(lead.sources, LIST_LIMITS.sources, rank), lead.sources.length);
  }
  if (lead.touches.length > LIST_LIMITS.touches) {
    // Touches are kept in time order, so the latest are the last ones.
    set('touches', lead.touches.slice(-LIST_LIMITS.touches), lead.touches.length);
  }
  if (lead.edited.length > LIST_LIMITS.edited) {
    set('edited', lead.edited.slice(0, LIST_LIMITS.edited), lead.edited.length);
  }
  const history = lead.stageHistory;
  if (history && history.length > LIST_LIMITS.stageHistory) {
    set('stageHistory', history.slice(-LIST_LIMITS.stageHistory), history.length);
  }
  return { lead: out, trimmed };
}

/** Adds one trim report into a running total (an import's many leads). */
export function addTrim(total: TrimReport, more: TrimReport): TrimReport {
  for (const [field, n] of Object.entries(more) as [LimitedList, number][]) total[field] = (total[field] ?? 0) + n;
  return total;
}

/** "2 tags and 50 links over the limits were dropped" style text; empty when nothing was. */
export function describeTrim(trimmed: TrimReport): string {
  const parts = (Object.entries(trimmed) as [LimitedList, number][])
    .filter(([, n]) => n > 0)
    .map(
      ([field, n]) => `${n} ${n === 1 ? singular(field) : field} (limit ${LIST_LIMITS[field].toLocaleString('en')})`,
    );
  return parts.join(', ');
}

function singular(field: LimitedList): string {
  if (field === 'stageHistory') return 'stage change';
  if (field === 'edited') return 'edited mark';
  return field.replace(/s$/, '');
}
