import { describeIssues } from '@/lib/lead/issues';
import { LEAD_RECORD_VERSION, type Lead, LeadSchema } from '@/lib/lead/schema';
import type { LeadRow } from './rows';

/**
 * Stored rows that fail LeadSchema (written by an older build, edited by hand, cut by a
 * crash) are never hidden: lists show them as a placeholder marked "needs repair"
 * that opens the repair view, backups carry them as they are, and nothing deletes them.
 */

/** The key that marks a placeholder lead standing for a damaged row. */
export const NEEDS_REPAIR = 'needsRepair';

/** True for the placeholder of a damaged row (see repairStub). */
export function needsRepair(lead: Lead): boolean {
  return lead[NEEDS_REPAIR] === true;
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;
}

function iso(value: unknown, fallback: string): string {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

/**
 * A valid lead that stands for a damaged row in lists: its id, what can be read of its name
 * and dates, and the NEEDS_REPAIR mark. Never stored.
 */
export function repairStub(row: LeadRow): Lead {
  const raw = (typeof row.lead === 'object' && row.lead !== null ? row.lead : {}) as Record<string, unknown>;
  const emails = Array.isArray(raw.emails) ? raw.emails : [];
  const firstEmail = text((emails[0] as { value?: unknown } | undefined)?.value, 254);
  const name = text(raw.fullName, 300) ?? text(raw.companyName, 300) ?? firstEmail ?? `Lead ${row.id.slice(0, 8)}`;
  const epoch = new Date(0).toISOString();
  const createdAt = iso(raw.createdAt, epoch);
  const stage = text(raw.stage, 60);
  return {
    id: row.id,
    createdAt,
    updatedAt: iso(raw.updatedAt, createdAt),
    version: LEAD_RECORD_VERSION,
    fullName: name,
    emails: [],
    phones: [],
    links: [],
    sources: [],
    origin: raw.origin === 'inbound' ? 'inbound' : 'outbound',
    stage: stage ?? 'new',
    touches: [],
    tags: [],
    edited: [],
    [NEEDS_REPAIR]: true,
  };
}

/** What is wrong with a stored record, in words ("tags: Too big: …"); empty when it is valid. */
export function recordProblems(raw: unknown): string {
  const parsed = LeadSchema.safeParse(raw);
  return parsed.success ? '' : describeIssues(parsed.error);
}
