import { sameValue } from '@/lib/lead/merge';
import { type Lead, LeadSchema } from '@/lib/lead/schema';
import { appendNotes, webAddressesOnly } from '@/lib/lead/urls';
import { indexedWords, type LeadRow, recentWords, toRow } from './rows';

/**
 * The v7 step: stored URL fields hold only http(s) web addresses. A row written
 * before keeps its other values as they are: `javascript:`, `data:` and other non-web values
 * move to the notes as "Kept as text" lines, a bare host gets https://, and the old import
 * provenance "file:<name>" becomes the source's `file`. Returns the new row, or null to leave it.
 */
export function webAddressRow(row: LeadRow): LeadRow | null {
  try {
    return moveRow(row);
  } catch {
    // Whatever this row holds, the upgrade goes on; the row stays as it is.
    return null;
  }
}

function moveRow(row: LeadRow): LeadRow | null {
  const lead: unknown = row.lead;
  if (!lead || typeof lead !== 'object') return null;
  const { lead: moved, lines } = webAddressesOnly(lead as Lead);
  const notes = appendNotes(moved.notes, lines);
  if (notes !== undefined) moved.notes = notes;
  if (sameValue(moved, lead)) return null;
  // A record damaged for another reason (or whose notes would grow past their limit) stays as
  // it is: the list shows it for repair, with its old text intact.
  if (!LeadSchema.safeParse(moved).success) return null;
  // The row as v7 wrote it: its search words were in it until v10.
  const next = toRow(moved);
  next.recent = recentWords(indexedWords(moved), next.updated);
  return next;
}
