import { splitList } from '@/lib/export/columns';
import { restoreCell } from '@/lib/export/csv';
import {
  CHANNELS,
  type Channel,
  type EmailPoint,
  type LeadDraft,
  LeadDraftSchema,
  ORIGINS,
  type Origin,
  type PhonePoint,
} from '@/lib/lead/schema';
import { canonicalLink, normalizeEmail, normalizePhone } from '@/lib/normalize';
import {
  type ColumnMapping,
  FIELD_TARGETS,
  type ImportFormat,
  type ImportTarget,
  MULTI_TARGETS,
  targetLabel,
} from './mapping';

/**
 * One CSV row → one lead draft, validated with LeadDraftSchema. Pure: the caller
 * passes the clock, the id maker, the pipeline and the whole-file choices.
 */

export interface RowContext {
  format: ImportFormat;
  /** Origin for rows whose mapped Origin cell is empty (or for every row when none is mapped). */
  origin: Origin;
  /** Stage labels and ids of the user's pipeline, matched case-insensitively; other values are kept as new stage ids. */
  stages?: { id: string; label: string }[];
  defaultCountry?: string;
  /** ISO time stamped on the imported source. */
  now: string;
  newId: () => string;
}

export type RowResult = { ok: true; draft: LeadDraft } | { ok: false; reason: string };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO date-time kept exactly when it already is one (round trip), else parsed by the browser; null if not a date. */
export function toIsoDate(value: string): string | null {
  if (ISO_WITH_OFFSET.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

class RowError extends Error {}

function fail(target: ImportTarget, message: string): never {
  throw new RowError(`${targetLabel(target)}: ${message}`);
}

/**
 * Splits a list cell. Our own export writes it with joinList (semicolons, escapes for a
 * semicolon inside a value); other tools separate with semicolons or, for tags, commas.
 */
function listValues(value: string, format: ImportFormat, commas: boolean): string[] {
  if (format === 'prospector') return splitList(value);
  return value
    .split(commas ? /[;,]/ : /;/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Groups the row's non-empty cells by target, in column order. */
function collect(cells: string[], mapping: ColumnMapping): Map<ImportTarget, string[]> {
  const byTarget = new Map<ImportTarget, string[]>();
  mapping.forEach((target, i) => {
    if (!target) return;
    const raw = cells[i];
    if (raw === undefined) return;
    const value = restoreCell(raw.trim());
    if (value === '') return;
    const list = byTarget.get(target);
    if (list) {
      if (MULTI_TARGETS.has(target)) list.push(value);
    } else byTarget.set(target, [value]);
  });
  return byTarget;
}

/** Builds and validates the draft for one row. */
export function rowToDraft(cells: string[], mapping: ColumnMapping, ctx: RowContext): RowResult {
  try {
    const draft = buildDraft(collect(cells, mapping), ctx);
    const parsed = LeadDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      return { ok: false, reason: field ? `${fieldLabel(field)}: ${issue?.message}` : (issue?.message ?? 'invalid') };
    }
    return { ok: true, draft };
  } catch (err) {
    if (err instanceof RowError) return { ok: false, reason: err.message };
    throw err;
  }
}

const FIELD_LABELS: Record<string, string> = {
  emails: 'Email',
  phones: 'Phone',
  links: 'Links',
  companyName: 'Company',
  sources: 'Source URL',
  nextFollowUpAt: 'Next follow-up',
  touches: 'Last touch at',
};
function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? (targetLabel(field as ImportTarget) || field);
}

/**
 * Fast path for numbers already written in international form ("+1 4155550132", as
 * our export writes them): the compact form is E.164, and the store normalises it
 * again with libphonenumber, which costs ~15 µs a number (half of this step at 50,000 rows).
 */
function internationalPhone(text: string): { value: string; raw?: string } | null {
  if (text[0] !== '+') return null;
  const compact = text.replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(compact)) return null;
  return compact === text ? { value: compact } : { value: compact, raw: text };
}

function buildDraft(values: Map<ImportTarget, string[]>, ctx: RowContext): LeadDraft {
  const one = (t: ImportTarget) => values.get(t)?.[0];
  const all = (t: ImportTarget) => values.get(t) ?? [];
  const commas = ctx.format !== 'prospector';
  const draft: LeadDraft = {};

  for (const key of FIELD_TARGETS) {
    const v = one(key);
    if (v !== undefined) draft[key] = v;
  }
  if (!draft.fullName && (draft.firstName || draft.lastName)) {
    // LinkedIn, HubSpot and Salesforce split names; the store and the list show fullName.
    if (ctx.format !== 'prospector') draft.fullName = [draft.firstName, draft.lastName].filter(Boolean).join(' ');
  }
  const location = all('location');
  if (location.length) draft.location = location.join(', ');
  const companyLocation = all('companyLocation');
  if (companyLocation.length) draft.companyLocation = companyLocation.join(', ');
  const notes = all('notes');
  if (notes.length) draft.notes = notes.join('\n\n');

  const emails: EmailPoint[] = [];
  const addEmails = (t: ImportTarget, guessed: boolean) => {
    for (const cell of all(t)) {
      for (const part of cell.split(/[;,\s]+/).filter(Boolean)) {
        const value = normalizeEmail(part) ?? part;
        if (emails.some((e) => e.value === value)) continue;
        emails.push(
          guessed ? { value, source: 'guessed', status: 'guessed' } : { value, source: 'import', status: 'found' },
        );
      }
    }
  };
  addEmails('email', false);
  addEmails('otherEmails', false);
  addEmails('guessedEmails', true);
  if (emails.length) draft.emails = emails;

  const phones: PhonePoint[] = [];
  for (const cell of [...all('phone'), ...all('otherPhones')]) {
    for (const part of listValues(cell, ctx.format, false)) {
      const n = internationalPhone(part) ?? normalizePhone(part, ctx.defaultCountry);
      const point: PhonePoint = n
        ? { value: n.value, ...(n.raw ? { raw: n.raw } : {}), source: 'import' }
        : { value: part, source: 'import' };
      if (!phones.some((p) => p.value === point.value)) phones.push(point);
    }
  }
  if (phones.length) draft.phones = phones;

  const links: string[] = [];
  for (const cell of [...all('linkedin'), ...all('otherLinks')]) {
    for (const part of cell.split(/\s+/).filter(Boolean)) {
      const link = canonicalLink(part) ?? part;
      if (!links.includes(link)) links.push(link);
    }
  }
  if (links.length) draft.links = links;

  const tags = all('tags').flatMap((c) => listValues(c, ctx.format, commas));
  if (tags.length) draft.tags = [...new Set(tags)];

  const stage = one('stage');
  if (stage !== undefined) {
    const key = stage.toLowerCase();
    draft.stage = ctx.stages?.find((s) => s.id.toLowerCase() === key || s.label.toLowerCase() === key)?.id ?? stage;
  }

  const origin = one('origin');
  if (origin !== undefined) {
    const o = origin.toLowerCase() as Origin;
    if (!ORIGINS.includes(o)) fail('origin', `"${origin}" is not ${ORIGINS.join(' or ')}`);
    draft.origin = o;
  } else draft.origin = ctx.origin;

  const channelText = one('lastChannel');
  let channel: Channel | undefined;
  if (channelText !== undefined) {
    channel = CHANNELS.find((c) => c === slug(channelText));
    if (!channel) fail('lastChannel', `"${channelText}" is not one of ${CHANNELS.join(', ')}`);
    draft.channel = channel;
  }
  const touchAt = one('lastTouchAt');
  if (touchAt !== undefined) {
    const at = toIsoDate(touchAt) ?? fail('lastTouchAt', `"${touchAt}" is not a date`);
    draft.touches = [{ id: ctx.newId(), at, channel: channel ?? 'other', direction: 'out' }];
  }
  const followUp = one('nextFollowUpAt');
  if (followUp !== undefined) {
    draft.nextFollowUpAt = toIsoDate(followUp) ?? fail('nextFollowUpAt', `"${followUp}" is not a date`);
  }
  const createdAt = one('createdAt');
  if (createdAt !== undefined) {
    draft.createdAt = toIsoDate(createdAt) ?? fail('createdAt', `"${createdAt}" is not a date`);
  }
  const fit = one('fitScore');
  if (fit !== undefined) {
    const n = Number(fit.replace(',', '.'));
    if (!Number.isFinite(n)) fail('fitScore', `"${fit}" is not a number`);
    draft.fitScore = n;
  }
  const sourceUrl = one('sourceUrl');
  if (sourceUrl !== undefined) {
    draft.sources = [{ url: sourceUrl, capturedAt: ctx.now, extractor: `import:${ctx.format}` }];
  }
  return draft;
}
