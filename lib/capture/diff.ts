import { handEdited } from '@/lib/lead/merge';
import type { Lead, LeadDraft } from '@/lib/lead/schema';
import { FIELD_LABELS } from './schemas';

/**
 * "Update lead": what saving the page's draft over a stored lead would change. Scalar
 * fields the user edited by hand are never overwritten (reported as kept); list fields
 * only ever gain values. Which fields a hand edit protects is the merge's rule
 * (lib/lead/merge.ts, handEdited), which the store applies when it saves; the preview asks it.
 */

const SCALARS = ['fullName', 'title', 'companyName', 'companyDomain', 'location'] as const;

export type FieldChange =
  | { field: string; label: string; kind: 'set'; before: string; after: string }
  | { field: string; label: string; kind: 'kept'; before: string; after: string }
  | { field: string; label: string; kind: 'add'; added: string[] };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The changes the draft would make to the stored lead, in form order. */
export function diffLead(stored: Lead, draft: LeadDraft): FieldChange[] {
  const changes: FieldChange[] = [];
  const edited = new Set(stored.edited ?? []);
  for (const field of SCALARS) {
    const after = draft[field]?.trim();
    if (!after) continue;
    const before = stored[field]?.trim() ?? '';
    if (same(before, after)) continue;
    const label = FIELD_LABELS[field];
    changes.push(
      before && handEdited(edited, field)
        ? { field, label, kind: 'kept', before, after }
        : { field, label, kind: 'set', before, after },
    );
  }
  const added = (field: 'emails' | 'phones' | 'links' | 'tags', now: string[], next: string[]) => {
    const have = new Set(now.map((v) => v.toLowerCase()));
    const fresh = [...new Set(next)].filter((v) => !have.has(v.toLowerCase()));
    if (fresh.length) changes.push({ field, label: FIELD_LABELS[field], kind: 'add', added: fresh });
  };
  added(
    'emails',
    stored.emails.map((e) => e.value),
    (draft.emails ?? []).map((e) => e.value),
  );
  added(
    'phones',
    stored.phones.map((p) => p.value),
    (draft.phones ?? []).map((p) => p.value),
  );
  added('links', stored.links, draft.links ?? []);
  added('tags', stored.tags, draft.tags ?? []);
  return changes;
}

/**
 * The draft to send for "Update lead": without pipeline fields (stage, origin, channel),
 * which belong to the stored lead once it exists — re-capturing a page must not move a
 * Contacted lead back to New. Hand-edited fields stay in: the merge keeps the hand edit
 * and records the page's value beside it (lead.captured).
 */
export function updateDraft(stored: Lead, draft: LeadDraft): LeadDraft {
  const out: LeadDraft = { ...draft };
  out.stage = stored.stage;
  out.origin = stored.origin;
  if (stored.channel) out.channel = stored.channel;
  else delete out.channel;
  return out;
}
