import { leads } from '@/lib/db';
import { type Dashboard, DashboardBuilder, type DashboardLead, type DashboardOptions } from './dashboard';
import { type DomainVerdict, PatternLearner } from './email-pattern';

/**
 * Read-only passes over the stored leads for statistics.
 *
 * The passes read the stored records through the repository's forEachRecord
 * (the store's paged scan, read ahead of the consumer) rather than leads.all()
 * (full zod validation per lead), and check only the fields they read
 * (`asDashboardLead`), skipping and counting records that fail. At 50,000 leads
 * the time goes to IndexedDB reading and deserialising the records, not to
 * validation or statistics; the dashboard avoids that read with a snapshot
 * (snapshot.ts).
 */

/** Narrows a stored value to the fields the dashboard reads; null when they are not the right shape. */
export function asDashboardLead(value: unknown): DashboardLead | null {
  if (!value || typeof value !== 'object') return null;
  const lead = value as Record<string, unknown>;
  if (typeof lead.createdAt !== 'string') return null;
  if (lead.touches !== undefined && !Array.isArray(lead.touches)) return null;
  if (lead.tags !== undefined && !Array.isArray(lead.tags)) return null;
  if (Array.isArray(lead.touches)) {
    for (const t of lead.touches as unknown[]) {
      const touch = t as { at?: unknown; channel?: unknown } | null;
      if (!touch || typeof touch.at !== 'string' || typeof touch.channel !== 'string') return null;
    }
  }
  return lead as unknown as DashboardLead;
}

/** Progress of a pass: records read so far and the number stored when it began. */
export type OnProgress = (done: number, total: number) => void;

/** Calls `visit` with every stored lead value (not validated), page by page. */
export function forEachStoredLead(visit: (lead: unknown) => void, onProgress?: OnProgress): Promise<void> {
  return leads.forEachRecord(visit, onProgress);
}

/** The dashboard over every stored lead, in one pass; `skipped` counts rows that were not leads. */
export async function loadDashboard(
  options: DashboardOptions,
  onProgress?: OnProgress,
): Promise<Dashboard & { skipped: number }> {
  const builder = new DashboardBuilder(options);
  let skipped = 0;
  await forEachStoredLead((value) => {
    const lead = asDashboardLead(value);
    if (lead) builder.add(lead);
    else skipped++;
  }, onProgress);
  return { ...builder.result(), skipped };
}

/**
 * The learned email pattern of one company domain, from the leads stored with
 * that company domain (the store's domain index, so it costs a few rows, not a
 * scan). `exceptId` leaves out the lead being guessed for.
 */
export async function learnDomain(domain: string, exceptId?: string): Promise<DomainVerdict> {
  const key = domain
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  const found = await Promise.all([leads.ofDomain(key), ...(key !== domain ? [leads.ofDomain(domain)] : [])]);
  const learner = new PatternLearner();
  const seen = new Set<string>();
  for (const lead of found.flat()) {
    if (seen.has(lead.id) || lead.id === exceptId) continue;
    seen.add(lead.id);
    learner.add(lead);
  }
  return learner.verdict(key);
}
