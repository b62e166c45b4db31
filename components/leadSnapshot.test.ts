import { describe, expect, it } from 'vitest';
import type { Lead } from '@/lib/lead/schema';
import { makeLead } from '@/test/factories';
import { EMPTY_FILTERS } from './leadList';
import { clearSnapshot, readSnapshot, SNAPSHOT_KEY, writeSnapshot } from './leadSnapshot';

const lead = (n: number): Lead => makeLead(n);

describe('popup first-rows snapshot', () => {
  it('keeps the first 12 rows of an unfiltered list and reads them back validated', () => {
    writeSnapshot(
      EMPTY_FILTERS,
      Array.from({ length: 30 }, (_, i) => lead(i)),
    );
    const actual = readSnapshot();
    expect(actual).toHaveLength(12);
    expect(actual[0]?.fullName).toBe('Lead 0');
  });

  it('ignores filtered lists, drops invalid records and clears', () => {
    writeSnapshot(EMPTY_FILTERS, [lead(1)]);
    writeSnapshot({ ...EMPTY_FILTERS, text: 'x' }, [lead(2)]);
    expect(readSnapshot().map((l) => l.fullName)).toEqual(['Lead 1']);
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify([{ id: 'nope' }, lead(3)]));
    expect(readSnapshot().map((l) => l.fullName)).toEqual(['Lead 3']);
    clearSnapshot();
    expect(readSnapshot()).toEqual([]);
    localStorage.setItem(SNAPSHOT_KEY, '{not json');
    expect(readSnapshot()).toEqual([]);
  });

  it('removes the snapshot when the unfiltered list is empty', () => {
    writeSnapshot(EMPTY_FILTERS, [lead(1)]);
    writeSnapshot(EMPTY_FILTERS, []);
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });
});
