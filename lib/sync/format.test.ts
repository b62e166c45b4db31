// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeLead } from '@/test/factories';
import { statusLine, teamLine, timeAgo } from './format';

const NOW = new Date('2026-03-10T12:00:00.000Z');

describe('timeAgo', () => {
  it.each([
    ['2026-03-10T11:59:50.000Z', 'just now'],
    ['2026-03-10T11:55:00.000Z', '5 minutes ago'],
    ['2026-03-10T11:00:00.000Z', '1 hour ago'],
    ['2026-03-07T12:00:00.000Z', '3 days ago'],
  ])('%s is %s', (iso, expected) => {
    expect(timeAgo(iso, NOW)).toBe(expected);
  });
});

describe('teamLine', () => {
  it('names the owner and the last outreach', () => {
    const lead = makeLead(1, {
      capturedBy: 'Ann',
      owner: 'Sam',
      touches: [{ id: 't', at: '2026-03-07T12:00:00.000Z', channel: 'email', direction: 'out' }],
    });
    expect(teamLine(lead, NOW)).toBe("In the team's list · owned by Sam · Contacted 3 days ago");
  });
  it('says nothing for a lead that was never synced', () => {
    expect(teamLine(makeLead(1), NOW)).toBeNull();
  });
});

describe('statusLine', () => {
  it('shows the last sync and pending changes', () => {
    expect(statusLine({ state: 'idle', pending: 2, lastSyncedAt: '2026-03-10T11:55:00.000Z' }, NOW)).toBe(
      'Last synced 5 minutes ago · 2 changes waiting to sync',
    );
  });
  it('shows the progress of a first sync', () => {
    expect(statusLine({ state: 'syncing', pending: 0, progress: { done: 500, total: 50000 } }, NOW)).toBe(
      'Syncing: 500 of 50,000 leads',
    );
  });
  it('says a first pull is synced while its local copy is finishing', () => {
    expect(statusLine({ state: 'syncing', pending: 0, progress: { done: 500, total: 50000, step: 'copy' } }, NOW)).toBe(
      'Synced · finishing the local copy 500 of 50,000',
    );
  });
});
