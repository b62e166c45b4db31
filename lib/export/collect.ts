import type { LeadQuery, LeadRepository } from '@/lib/db/api';
import type { Lead } from '@/lib/lead/schema';

/** Which leads an export covers: the given ids (selection), a query (current filter) or, with neither, all. */
export interface ExportScope {
  ids?: string[];
  query?: LeadQuery;
}

/** Reads the leads in scope. Queries are paged through to the end (limit and cursor of the filter are ignored). */
export async function collectLeads(
  repo: Pick<LeadRepository, 'get' | 'query' | 'all'>,
  scope: ExportScope,
): Promise<Lead[]> {
  const out: Lead[] = [];
  if (scope.ids) {
    for (const id of scope.ids) {
      const lead = await repo.get(id);
      if (lead) out.push(lead);
    }
    return out;
  }
  if (scope.query) {
    let cursor: string | null = null;
    do {
      const page = await repo.query({ ...scope.query, limit: 1000, cursor });
      out.push(...page.leads);
      cursor = page.cursor;
    } while (cursor);
    return out;
  }
  for await (const lead of repo.all()) out.push(lead);
  return out;
}
