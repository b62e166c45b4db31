import { type Lead, LeadSchema } from '@/lib/lead/schema';
import type { LeadRevision } from './resolve';

/** Lead documents of the team database as the bridge and a first pull read and write them. */

/** A lead document in the team database. */
export interface LeadDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  lead?: Lead;
  at?: Record<string, string>;
  /** On the tombstone of a duplicate: the lead it was merged into. */
  mergedInto?: string;
}

/** A stored lead with the mirror revision a pull wrote it from. */
export type StoredLead = Lead & { syncRev?: string };

/** The new revision of a bulkDocs result, or undefined when it failed (a conflict). */
export function okRev(result: unknown): string | undefined {
  const r = result as { ok?: boolean; rev?: string; error?: unknown } | undefined;
  return r?.ok && !r.error ? r.rev : undefined;
}

/** The generation of a revision ("3-abc" → 3); 0 for none. */
export function generation(rev: string | undefined): number {
  return rev ? Number.parseInt(rev, 10) || 0 : 0;
}

/** The lead without sync's bookkeeping. */
export function withoutSync(lead: StoredLead): Lead {
  const { syncRev: _rev, ...rest } = lead;
  return rest;
}

/**
 * The lead as teammates share it: without the fields each browser computes for itself. A fit
 * score comes from this browser's own ideal-customer profile; shared, two reps with different
 * profiles would rescore the same lead and overwrite each other's revision without end.
 */
export function shared(lead: Lead): Lead {
  const { fitScore: _fit, ...rest } = lead;
  return rest;
}

/** `lead` (a shared revision) as this browser stores it: with the local fields `current` has. */
export function withLocal(lead: Lead, current: Lead | undefined): Lead {
  return current?.fitScore === undefined ? lead : { ...lead, fitScore: current.fitScore };
}

/** The lead revision a document holds; null for a tombstone or an invalid lead. */
export function fromDoc(doc: LeadDoc): LeadRevision | null {
  if (doc._deleted || !doc.lead) return null;
  const parsed = LeadSchema.safeParse({ ...doc.lead, id: doc._id });
  if (!parsed.success) return null;
  const at = doc.at && typeof doc.at === 'object' ? doc.at : {};
  // A document written before fit scores stayed local may still carry one: it is not the team's.
  return { lead: shared(withoutSync(parsed.data)), at };
}

/** The document of a lead revision (an update of `docRev` when given). */
export function toDoc(rev: LeadRevision, docRev?: string): LeadDoc {
  return { _id: rev.lead.id, ...(docRev ? { _rev: docRev } : {}), lead: shared(rev.lead), at: rev.at };
}
