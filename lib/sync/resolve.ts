import { sameValue } from '@/lib/lead/merge';
import {
  EDITABLE_FIELDS,
  type EmailPoint,
  type Lead,
  type PhonePoint,
  type Source,
  type Touch,
} from '@/lib/lead/schema';

/**
 * The conflict resolver of team sync: merges the conflicting revisions of one
 * lead that CouchDB keeps into one, with the store's merge rules (lib/lead/merge.ts):
 * - a scalar field takes the latest hand edit; with none, the latest captured value
 *   (a missing captured value never erases); non-editable scalars (stage, follow-up,
 *   owner) take the latest value, so "the stage of the latest stage change";
 * - lists are unioned within the schema's limits (emails and phones by value, links,
 *   tags case-insensitively, sources by url + extractor, touches by id).
 *
 * For the result to be the same whatever the order and grouping of merges (CouchDB
 * delivers revisions in any order, and two browsers resolve the same conflict on their
 * own), every choice is a maximum over a total order: per field, (hand edit, has a
 * value, time of the value, the value's canonical JSON). Each revision carries the time
 * of each scalar's value (`at`), so a merged revision competes with the times of the
 * values it kept, not with its own updatedAt. Pure: no clock, no I/O.
 */

/** A lead as stored in the team database: the lead and, per scalar field, when its value was set. */
export interface LeadRevision {
  lead: Lead;
  /** ISO time of each scalar field's value (also of a value cleared by hand). */
  at: Record<string, string>;
}

const EDITABLE = new Set<string>(EDITABLE_FIELDS);
/** Fields merged as lists or owned by the store; every other field is a scalar. */
const LIST_FIELDS = new Set([
  'emails',
  'phones',
  'links',
  'sources',
  'tags',
  'touches',
  'edited',
  'captured',
  'stageHistory',
  'aliases',
]);
const OWN_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'version']);

/** The schema's list caps (lib/lead/schema.ts). */
const LIMITS = { emails: 100, phones: 100, links: 200, sources: 1000, tags: 100, touches: 10_000, edited: 100 };
const STAGE_HISTORY_LIMIT = 1000;

/** JSON with sorted keys and no undefined members: one text per value, whatever the key order. */
export function canonical(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v) || 'null').join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

function compare(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Whether `field` is a scalar merged by time (not a list, not the store's own). */
export function isScalarField(field: string): boolean {
  return !LIST_FIELDS.has(field) && !OWN_FIELDS.has(field);
}

function scalarKey(rev: LeadRevision, field: string): [number, string, string] {
  const value = (rev.lead as Record<string, unknown>)[field];
  const hand = EDITABLE.has(field) && rev.lead.edited.includes(field);
  // A captured editable field that is empty never erases; a cleared follow-up or a cleared
  // hand edit does (rank 1 and 2 compete by time whatever the value).
  const rank = hand ? 2 : EDITABLE.has(field) && isEmpty(value) ? 0 : 1;
  // A value with no recorded time (a revision from before it was tracked) dates from its
  // revision; a field the revision never had dates from the beginning.
  const time = rev.at[field] ?? (isEmpty(value) ? '' : rev.lead.updatedAt);
  return [rank, time, canonical(value)];
}

/** Groups items by key, keeps per key the item with the greatest `rank`, then sorts by `order`. */
function groupMax<T>(
  items: readonly T[],
  key: (item: T) => string,
  rank: (item: T) => (number | string)[],
  order: (item: T) => (number | string)[],
): T[] {
  const best = new Map<string, { item: T; rank: (number | string)[] }>();
  for (const item of items) {
    const k = key(item);
    const r = rank(item);
    const current = best.get(k);
    if (!current || compare(r, current.rank) > 0) best.set(k, { item, rank: r });
  }
  return [...best.values()].map((b) => b.item).sort((a, b) => compare(order(a), order(b)));
}

// Emails: the user's verdict first, then found, then guessed; a value's best verdict wins.
const EMAIL_RANK: Record<EmailPoint['status'], number> = { guessed: 0, found: 1, bounced: 2, 'verified-by-user': 3 };

function mergeEmails(lists: EmailPoint[][]): EmailPoint[] {
  const rank = (e: EmailPoint): (number | string)[] => [EMAIL_RANK[e.status], canonical(e)];
  // Sorted best first (the first email is the one shown), so the cap drops the weakest.
  return groupMax(
    lists.flat(),
    (e) => e.value,
    rank,
    (e) => [-EMAIL_RANK[e.status], e.value],
  ).slice(0, LIMITS.emails);
}

function mergePhones(lists: PhonePoint[][]): PhonePoint[] {
  const rank = (p: PhonePoint): (number | string)[] => [p.label ? 1 : 0, p.raw ? 1 : 0, canonical(p)];
  return groupMax(
    lists.flat(),
    (p) => p.value,
    rank,
    (p) => [p.value],
  ).slice(0, LIMITS.phones);
}

function mergeStrings(lists: string[][], limit: number): string[] {
  return [...new Set(lists.flat())].sort().slice(0, limit);
}

function mergeTags(lists: string[][]): string[] {
  // Case-insensitive like the store; one spelling is kept (the greatest), whichever side had it.
  return groupMax(
    lists.flat(),
    (t) => t.toLowerCase(),
    (t) => [t],
    (t) => [t.toLowerCase()],
  ).slice(0, LIMITS.tags);
}

function mergeSources(lists: Source[][]): Source[] {
  const key = (s: Source) => `${s.url}\n${s.extractor}`;
  const merged = groupMax(
    lists.flat(),
    key,
    (s) => [s.capturedAt, canonical(s)],
    (s) => [s.capturedAt, key(s)],
  );
  // Keep the newest within the cap.
  return merged.slice(-LIMITS.sources);
}

function mergeTouches(lists: Touch[][]): Touch[] {
  return groupMax(
    lists.flat(),
    (t) => t.id,
    (t) => [canonical(t)],
    (t) => [Date.parse(t.at), t.id],
  ).slice(-LIMITS.touches);
}

type StageChange = NonNullable<Lead['stageHistory']>[number];

function mergeStageHistory(lists: StageChange[][]): StageChange[] {
  return groupMax(
    lists.flat(),
    (c) => `${c.at}\n${c.stage}`,
    (c) => [canonical(c)],
    (c) => [Date.parse(c.at), c.stage],
  ).slice(-STAGE_HISTORY_LIMIT);
}

function mergeCaptured(records: Record<string, string>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const record of records) {
    for (const [k, v] of Object.entries(record)) {
      const current = out[k];
      if (current === undefined || v > current) out[k] = v;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

// ISO times compare as strings (Math.min would turn them into NaN).
function minString(values: string[]): string {
  return [...values].sort()[0] ?? '';
}

function maxString(values: string[]): string {
  return [...values].sort().at(-1) ?? '';
}

/**
 * Merges revisions of ONE lead (same id) into one revision. Commutative, associative and
 * idempotent: any order or grouping of the same revisions gives the same result, and
 * merging a result with itself changes nothing. Throws on an empty list.
 */
export function resolveRevisions(revisions: readonly LeadRevision[]): LeadRevision {
  const first = revisions[0];
  if (!first) throw new Error('resolveRevisions needs at least one revision');
  const leads = revisions.map((r) => r.lead);
  const lead: Record<string, unknown> = {};
  const at: Record<string, string> = {};

  const scalars = new Set<string>();
  for (const r of revisions) {
    for (const k of Object.keys(r.lead)) if (isScalarField(k)) scalars.add(k);
    for (const k of Object.keys(r.at)) if (isScalarField(k)) scalars.add(k);
  }
  for (const field of [...scalars].sort()) {
    let best = first;
    let bestKey = scalarKey(first, field);
    for (const r of revisions.slice(1)) {
      const key = scalarKey(r, field);
      if (compare(key, bestKey) > 0) {
        best = r;
        bestKey = key;
      }
    }
    const value = (best.lead as Record<string, unknown>)[field];
    if (value !== undefined) lead[field] = value;
    if (bestKey[1] !== '') at[field] = bestKey[1];
  }

  lead.id = first.lead.id;
  lead.createdAt = minString(leads.map((l) => l.createdAt));
  lead.updatedAt = maxString(leads.map((l) => l.updatedAt));
  lead.version = Math.max(...leads.map((l) => l.version));
  lead.emails = mergeEmails(leads.map((l) => l.emails));
  lead.phones = mergePhones(leads.map((l) => l.phones));
  lead.links = mergeStrings(
    leads.map((l) => l.links),
    LIMITS.links,
  );
  lead.sources = mergeSources(leads.map((l) => l.sources));
  lead.tags = mergeTags(leads.map((l) => l.tags));
  lead.touches = mergeTouches(leads.map((l) => l.touches));
  lead.edited = mergeStrings(
    leads.map((l) => l.edited),
    LIMITS.edited,
  );
  const history = leads.map((l) => l.stageHistory).filter((h): h is StageChange[] => Array.isArray(h));
  if (history.length > 0) lead.stageHistory = mergeStageHistory(history);
  const captured = leads.map((l) => l.captured).filter((c): c is Record<string, string> => !!c);
  if (captured.length > 0) {
    const merged = mergeCaptured(captured);
    if (Object.keys(merged).length > 0) lead.captured = merged;
  }
  const aliases = leads.map((l) => (l as { aliases?: unknown }).aliases).filter(Array.isArray) as string[][];
  if (aliases.length > 0) lead.aliases = mergeStrings(aliases, 1000);
  // The channel is that of the latest touch, as the store keeps it.
  const last = (lead.touches as Touch[]).at(-1);
  if (last) {
    lead.channel = last.channel;
    delete at.channel;
  }
  return { lead: lead as Lead, at };
}

/**
 * The revision of a lead as this browser now has it: the time of each scalar value is
 * kept from `previous` (the last revision this browser synced) when the value did not
 * change, and is the lead's updatedAt when it did (or when there is no previous one).
 */
export function toRevision(lead: Lead, previous?: LeadRevision): LeadRevision {
  const at: Record<string, string> = {};
  const fields = new Set(Object.keys(lead).filter(isScalarField));
  if (previous) {
    for (const k of Object.keys(previous.lead)) if (isScalarField(k)) fields.add(k);
    for (const k of Object.keys(previous.at)) if (isScalarField(k)) fields.add(k);
  }
  for (const field of fields) {
    const value = (lead as Record<string, unknown>)[field];
    const before = previous ? (previous.lead as Record<string, unknown>)[field] : undefined;
    const kept = previous?.at[field];
    if (previous && sameValue(before, value)) {
      if (kept !== undefined) at[field] = kept;
      else if (!isEmpty(value)) at[field] = previous.lead.updatedAt;
    } else if (!isEmpty(value) || previous) {
      at[field] = lead.updatedAt;
    }
  }
  return { lead, at };
}

/** Whether two revisions hold the same lead and times (nothing to write). */
export function sameRevision(a: LeadRevision, b: LeadRevision): boolean {
  return canonical(a) === canonical(b);
}
