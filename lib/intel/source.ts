import { openDatabase } from '@/lib/db';
import type { LeadRow } from '@/lib/db/rows';
import type { Lead } from '@/lib/lead/schema';
import { type Dashboard, DashboardBuilder, type DashboardLead, type DashboardOptions } from './dashboard';
import { type DomainVerdict, PatternLearner } from './email-pattern';

/**
 * Read-only passes over the stored leads for statistics.
 *
 * The passes read raw rows with getAll in pages of PAGE rows (one short read
 * transaction each) rather than leads.all() (pages of SCAN_PAGE from
 * lib/db/scan.ts, plus full zod validation per lead), and check only the fields they read
 * (`asDashboardLead`), skipping and counting rows that fail. At 50,000 leads
 * the time goes to IndexedDB reading and deserialising the records, not to
 * validation or statistics (pages of 5000 measured slower in `npm run bench
 * insights`); the dashboard avoids that read with a snapshot (snapshot.ts).
 */

const PAGE = 500;

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

/** Calls `visit` with every stored lead value, page by page (one short read transaction per page). */
export async function forEachStoredLead(visit: (lead: unknown) => void, onProgress?: OnProgress): Promise<void> {
  const db = await openDatabase();
  const total = onProgress ? await db.count('leads') : 0;
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const rows: LeadRow[] = await db.getAll('leads', range, PAGE);
    for (const row of rows) visit(row.lead);
    done += rows.length;
    onProgress?.(done, Math.max(total, done));
    const last: LeadRow | undefined = rows.at(-1);
    if (rows.length < PAGE || !last) return;
    after = last.id;
  }
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
  const db = await openDatabase();
  const rows = [
    ...(await db.getAllFromIndex('leads', 'by-domain', key)),
    ...(key !== domain ? await db.getAllFromIndex('leads', 'by-domain', domain) : []),
  ];
  const learner = new PatternLearner();
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id) || row.id === exceptId) continue;
    seen.add(row.id);
    learner.add(row.lead as Lead);
  }
  return learner.verdict(key);
}
