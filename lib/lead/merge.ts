import { fitToLimits, keyOf, type TrimReport } from './limits';
import type { PreparedDraft } from './prepare';
import {
  EDITABLE_FIELDS,
  type EditableField,
  type EmailPoint,
  LEAD_RECORD_VERSION,
  type Lead,
  type ParsedLeadDraft,
  type PhonePoint,
  type Source,
  type Touch,
} from './schema';
import { appendNotes } from './urls';

/**
 * Merge rules for a prospect captured, imported or typed again. Pure:
 * no clock, no ids, no I/O; the store passes `now` and `id`.
 * - values the user edited by hand (lead.edited) win over captured and imported ones;
 *   the losing captured value is kept in `captured[field]` so nothing is silently dropped;
 * - lists are unioned: emails and phones by value, links, sources (url + extractor),
 *   tags (case-insensitive), touches by id;
 * - a newer captured value replaces an older captured one; a missing value never erases;
 * - stage and origin of an existing lead change only by the user or an import that names them.
 */

export type MergeBy = 'capture' | 'import' | 'user';

/**
 * True when the user's hand edit protects `field` from captures and imports: the field
 * itself was edited, or it is half of a name the user typed whole. The one home of the
 * "hand edits win" rule: the popup's "Update lead" preview asks the merge, not a copy.
 */
export function handEdited(edited: ReadonlySet<string>, field: string): boolean {
  return edited.has(field) || ((field === 'firstName' || field === 'lastName') && edited.has('fullName'));
}

export interface MergeOptions {
  by: MergeBy;
  /** ISO time of the write. */
  now: string;
  /** Provenance of this write, appended to sources. */
  source?: Source | undefined;
}

const EDITABLE = new Set<string>(EDITABLE_FIELDS);
// Fields the store owns or that are merged as lists; everything else in a draft is a scalar.
const LIST_FIELDS = new Set(['emails', 'phones', 'links', 'sources', 'tags', 'touches', 'edited', 'captured']);
const OWN_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'version']);
// Set from the draft only when given explicitly (zod fills a default otherwise).
const EXPLICIT_ONLY = new Set(['stage', 'origin']);

const EMAIL_STATUS_RANK: Record<EmailPoint['status'], number> = {
  guessed: 0,
  found: 1,
  bounced: 2,
  'verified-by-user': 3,
};

function mergeEmails(existing: EmailPoint[], incoming: EmailPoint[], by: MergeBy): EmailPoint[] {
  const out = existing.map((e) => ({ ...e }));
  for (const email of incoming) {
    const index = out.findIndex((e) => e.value === email.value);
    const current = out[index];
    if (!current) {
      out.push(email);
      continue;
    }
    // The user's verdict (verified, bounced) stands; "found on a page" beats "guessed".
    const upgrade = by === 'user' || EMAIL_STATUS_RANK[email.status] > EMAIL_STATUS_RANK[current.status];
    out[index] = {
      ...email,
      ...current,
      label: current.label ?? email.label,
      ...(upgrade ? { status: email.status, source: email.source, confidence: email.confidence } : {}),
    };
    if (out[index]?.confidence === undefined) delete out[index]?.confidence;
  }
  return out;
}

function mergePhones(existing: PhonePoint[], incoming: PhonePoint[]): PhonePoint[] {
  const out = existing.map((p) => ({ ...p }));
  for (const phone of incoming) {
    const index = out.findIndex((p) => p.value === phone.value);
    const current = out[index];
    if (!current) out.push(phone);
    else out[index] = { ...phone, ...current, label: current.label ?? phone.label, raw: current.raw ?? phone.raw };
    const merged = out[index];
    if (merged) {
      if (merged.label === undefined) delete merged.label;
      if (merged.raw === undefined) delete merged.raw;
    }
  }
  return out;
}

function unionBy<T>(existing: T[], incoming: T[], key: (item: T) => string): T[] {
  const seen = new Set(existing.map(key));
  const out = [...existing];
  for (const item of incoming) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

const sourceKey = keyOf.sources;

/** Touches in time order; the lead's channel is the channel of the latest. */
export function sortTouches(touches: Touch[]): Touch[] {
  return [...touches].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Structural equality for JSON-like values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * When an imported lead was first recorded elsewhere: the file's "Created at" (our own CSV,
 * a CRM's create date), kept when it is a real date not after the import. A capture or a
 * hand-made lead is created now.
 */
function importedCreatedAt(draft: Record<string, unknown>, options: MergeOptions): string | undefined {
  if (options.by !== 'import' || typeof draft.createdAt !== 'string') return undefined;
  const time = Date.parse(draft.createdAt);
  if (Number.isNaN(time) || time > Date.parse(options.now)) return undefined;
  return new Date(time).toISOString();
}

/**
 * The last step of every merge and create: lists trimmed to their limits (hand-added values
 * first, then this write's, then the newest) and the hand-added marks kept in step with them.
 */
function withinLimits(lead: Lead, draft: ParsedLeadDraft, options: MergeOptions): { lead: Lead; trimmed: TrimReport } {
  const hand = {
    links: new Set(lead.handAdded?.links ?? []),
    tags: new Set(lead.handAdded?.tags ?? []),
  };
  if (options.by === 'user') {
    for (const l of draft.links) hand.links.add(l);
    for (const t of draft.tags) hand.tags.add(keyOf.tags(t));
  }
  const sources = options.source ? [...draft.sources, options.source] : draft.sources;
  const { lead: fitted, trimmed } = fitToLimits(lead, {
    incoming: {
      emails: new Set(draft.emails.map(keyOf.emails)),
      phones: new Set(draft.phones.map(keyOf.phones)),
      links: new Set(draft.links),
      tags: new Set(draft.tags.map(keyOf.tags)),
      sources: new Set(sources.map(keyOf.sources)),
    },
    handLinks: hand.links,
    handTags: hand.tags,
  });
  const out: Lead = fitted === lead ? { ...lead } : fitted;
  // Only marks of values still on the lead: a removed or trimmed value is no longer hand-added.
  const links = out.links.filter((l) => hand.links.has(l));
  const tags = [...new Set(out.tags.map(keyOf.tags))].filter((t) => hand.tags.has(t));
  if (links.length > 0 || tags.length > 0) {
    out.handAdded = { ...(links.length > 0 ? { links } : {}), ...(tags.length > 0 ? { tags } : {}) };
  } else delete out.handAdded;
  return { lead: out, trimmed };
}

/**
 * A hand edit of a lead's lists (the form, a tag added to a selection): values it adds are
 * marked hand-added; marks of values it removed go.
 */
export function markHandEdits(before: Lead, after: Lead): Lead {
  const oldLinks = new Set(before.links);
  const oldTags = new Set(before.tags.map(keyOf.tags));
  const links = new Set(before.handAdded?.links ?? []);
  const tags = new Set(before.handAdded?.tags ?? []);
  for (const l of after.links) if (!oldLinks.has(l)) links.add(l);
  for (const t of after.tags) if (!oldTags.has(keyOf.tags(t))) tags.add(keyOf.tags(t));
  const keptLinks = after.links.filter((l) => links.has(l));
  const keptTags = [...new Set(after.tags.map(keyOf.tags))].filter((t) => tags.has(t));
  const out: Lead = { ...after };
  if (keptLinks.length > 0 || keptTags.length > 0) {
    out.handAdded = {
      ...(keptLinks.length > 0 ? { links: keptLinks } : {}),
      ...(keptTags.length > 0 ? { tags: keptTags } : {}),
    };
  } else delete out.handAdded;
  return out;
}

/** A new lead from a prepared draft (see createLeadReport for what did not fit the list limits). */
export function createLead(prepared: PreparedDraft, options: MergeOptions & { id: string }): Lead {
  return createLeadReport(prepared, options).lead;
}

/** createLead with the report of values dropped to fit the list limits. */
export function createLeadReport(
  prepared: PreparedDraft,
  options: MergeOptions & { id: string },
): { lead: Lead; trimmed: TrimReport } {
  const { draft } = prepared;
  const edited =
    options.by === 'user'
      ? EDITABLE_FIELDS.filter((f) => !isEmptyValue(draft[f]))
      : draft.edited.filter((f) => EDITABLE.has(f));
  const touches = sortTouches(draft.touches);
  const lead: Lead = {
    ...draft,
    id: options.id,
    createdAt: importedCreatedAt(draft, options) ?? options.now,
    updatedAt: options.now,
    version: LEAD_RECORD_VERSION,
    sources: options.source ? unionBy(draft.sources, [options.source], sourceKey) : draft.sources,
    touches,
    edited: [...new Set(edited)],
  };
  const last = touches.at(-1);
  if (last) lead.channel = last.channel;
  const notes = appendNotes(lead.notes, prepared.keptAsText);
  if (notes !== undefined) lead.notes = notes;
  return withinLimits(lead, draft, options);
}

/**
 * Merges a prepared draft into an existing lead. Returns the merged lead, whether anything
 * changed (when not, the store writes nothing and reports "unchanged") and what was dropped
 * to keep the lists within their limits.
 */
export function mergeLead(
  existing: Lead,
  prepared: PreparedDraft,
  options: MergeOptions,
): { lead: Lead; changed: boolean; trimmed: TrimReport } {
  const { draft, given } = prepared;
  const { by } = options;
  const lead: Lead = { ...existing };
  const edited = new Set(existing.edited);
  const captured: Record<string, string> = { ...(existing.captured ?? {}) };

  for (const [field, value] of Object.entries(draft) as [keyof ParsedLeadDraft & string, unknown][]) {
    if (LIST_FIELDS.has(field) || OWN_FIELDS.has(field) || isEmptyValue(value)) continue;
    if (EXPLICIT_ONLY.has(field) && (!given.has(field) || by === 'capture')) continue;
    const isEditable = EDITABLE.has(field);
    if (by === 'user') {
      (lead as Record<string, unknown>)[field] = value;
      if (isEditable) edited.add(field);
      delete captured[field];
    } else if (handEdited(edited, field)) {
      // The user's hand edit wins; keep what the page or file said next to it.
      if (!sameValue(existing[field as EditableField], value) && typeof value === 'string') captured[field] = value;
    } else {
      (lead as Record<string, unknown>)[field] = value;
    }
  }

  lead.emails = mergeEmails(existing.emails, draft.emails, by);
  lead.phones = mergePhones(existing.phones, draft.phones);
  lead.links = unionBy(existing.links, draft.links, (l) => l);
  const sources = options.source ? [...draft.sources, options.source] : draft.sources;
  lead.sources = unionBy(existing.sources, sources, sourceKey);
  lead.tags = unionBy(existing.tags, draft.tags, (t) => t.toLowerCase());
  const touches = unionBy(existing.touches, draft.touches, (t) => t.id);
  lead.touches = touches.length === existing.touches.length ? existing.touches : sortTouches(touches);
  const last = lead.touches.at(-1);
  if (last && lead.touches !== existing.touches) lead.channel = last.channel;
  if (by === 'user') for (const f of draft.edited) if (EDITABLE.has(f)) edited.add(f);
  lead.edited = [...edited];
  if (Object.keys(captured).length > 0) lead.captured = captured;
  else delete lead.captured;

  const notes = appendNotes(lead.notes, prepared.keptAsText);
  if (notes !== undefined) lead.notes = notes;
  const { lead: fitted, trimmed } = withinLimits(lead, draft, options);
  const changed = !sameValue({ ...existing, updatedAt: '' }, { ...fitted, updatedAt: '' });
  if (changed) fitted.updatedAt = options.now;
  return { lead: changed ? fitted : existing, changed, trimmed: changed ? trimmed : {} };
}
