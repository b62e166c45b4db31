import { describe, expect, it } from 'vitest';
import { leads } from '@/lib/db';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { emptyDatabaseEachTest } from '@/test/db';
import { guessEmail } from './email-pattern';
import { asDashboardLead, learnDomain, loadDashboard } from './source';

emptyDatabaseEachTest();

describe('stored-lead passes', () => {
  it('learns a domain pattern from stored leads and guesses for the one without an address', async () => {
    await leads.saveMany([
      { fullName: 'Jane Doe', companyDomain: 'acme.com', emails: [{ value: 'jane.doe@acme.com' }] },
      { fullName: 'Max Mustermann', companyDomain: 'acme.com', emails: [{ value: 'max.mustermann@acme.com' }] },
      { fullName: 'Bo Berg', companyDomain: 'other.io', emails: [{ value: 'bberg@other.io' }] },
    ]);
    const { lead: ana } = await leads.save({ fullName: 'Ana Lima', companyDomain: 'acme.com' });
    const verdict = await learnDomain('acme.com', ana.id);
    expect(verdict.pattern?.pattern).toBe('first.last');
    expect(verdict.examples).toBe(2);
    const guess = guessEmail(ana, new Map([['acme.com', verdict.pattern ?? never()]]));
    expect(guess?.value).toBe('ana.lima@acme.com');
    expect((await learnDomain('other.io')).reason).toBe('too-few');
  });

  it('computes the dashboard from the raw rows, reporting progress', async () => {
    await leads.saveMany([
      { fullName: 'A', origin: 'outbound', stage: 'won', tags: ['q1'] },
      { fullName: 'B', origin: 'inbound', stage: 'meeting', tags: ['q2', 'q1'] },
      { fullName: 'C', origin: 'outbound', stage: 'lost' },
    ]);
    const progress: Array<[number, number]> = [];
    const actual = await loadDashboard({ stages: DEFAULT_SETTINGS.stages, now: Date.now() }, (done, total) =>
      progress.push([done, total]),
    );
    expect(progress).toEqual([[3, 3]]);
    expect(actual.leads).toEqual({ outbound: 2, inbound: 1, total: 3 });
    expect(actual.lost.outbound).toBe(1);
    expect(actual.skipped).toBe(0);
  });

  it('rejects values that are not leads', () => {
    expect(asDashboardLead(null)).toBeNull();
    expect(asDashboardLead({ createdAt: 5 })).toBeNull();
    expect(asDashboardLead({ createdAt: '2026-01-01T00:00:00Z', touches: [{ at: 1 }] })).toBeNull();
    expect(asDashboardLead({ createdAt: '2026-01-01T00:00:00Z', touches: [] })).not.toBeNull();
  });
});

function never(): never {
  throw new Error('expected a learned pattern');
}
