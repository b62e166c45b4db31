import type { LeadQuery, LeadRepository } from '@/lib/db/api';
import { needsRepair } from '@/lib/db/damaged';
import type { Lead } from '@/lib/lead/schema';

/** Which leads an export covers: the given ids (selection), a query (current filter) or, with neither, all. */
export interface ExportScope {
  ids?: string[];
  query?: LeadQuery;
}

/**
 * The leads in scope, as they are read: the given ids in order (missing ones skipped), a
 * query paged through to the end (its limit and cursor are ignored), or every lead.
 */
export async function* leadsInScope(
  repo: Pick<LeadRepository, 'get' | 'query' | 'all'>,
  scope: ExportScope,
): AsyncGenerator<Lead> {
  if (scope.ids) {
    for (const id of scope.ids) {
      const lead = await repo.get(id);
      if (lead) yield lead;
    }
    return;
  }
  if (scope.query) {
    let cursor: string | null = null;
    do {
      const page = await repo.query({ ...scope.query, limit: 1000, cursor });
      // A damaged row's placeholder is no lead to export (full backups carry the record itself).
      for (const lead of page.leads) if (!needsRepair(lead)) yield lead;
      cursor = page.cursor;
    } while (cursor);
    return;
  }
  yield* repo.all();
}

/** Reads the leads in scope into a list (see leadsInScope). */
export async function collectLeads(
  repo: Pick<LeadRepository, 'get' | 'query' | 'all'>,
  scope: ExportScope,
): Promise<Lead[]> {
  const out: Lead[] = [];
  for await (const lead of leadsInScope(repo, scope)) out.push(lead);
  return out;
}
