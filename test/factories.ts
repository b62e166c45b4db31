import type { Lead } from '@/lib/lead/schema';

/**
 * A complete stored lead for unit tests: id and name from `n`, fixed timestamps, empty
 * lists and the default outreach fields, with `patch` on top. One definition, so a new
 * required field in the schema is added in one place.
 */
export function makeLead(n: number, patch: Partial<Lead> = {}): Lead {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    fullName: `Lead ${n}`,
    emails: [],
    phones: [],
    links: [],
    sources: [],
    origin: 'outbound',
    stage: 'new',
    touches: [],
    tags: [],
    edited: [],
    ...patch,
  };
}
