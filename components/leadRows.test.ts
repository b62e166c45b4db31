// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeLead } from '@/test/factories';
import { LeadRows } from './leadRows';

const leads = (from: number, count: number) => Array.from({ length: count }, (_, i) => makeLead(from + i));
const names = (rows: LeadRows) => rows.loaded().map((l) => l.fullName);

describe('lead rows by page', () => {
  it('reads a row from its page and shows a gap where no page is held', () => {
    const rows = LeadRows.empty(10).withPage(3, leads(30, 10), 100, 0, 9);
    expect(rows.at(35)?.fullName).toBe('Lead 35');
    expect(rows.at(5)).toBeUndefined();
    expect(rows.length).toBe(40);
    expect(rows.held).toBe(10);
  });

  it('drops pages outside the kept range, the placed page included, and rows past the total', () => {
    let rows = LeadRows.of(leads(0, 25), 10);
    rows = rows.withPage(5, leads(50, 10), 100, 3, 8);
    expect(names(rows)).toEqual(leads(50, 10).map((l) => l.fullName));
    expect(rows.withPage(9, leads(90, 10), 100, 3, 8).at(95)).toBeUndefined();

    const shrunk = LeadRows.of(leads(0, 30), 10).withPage(0, leads(0, 10), 15, 0, 9);
    expect(shrunk.length).toBe(15);
    expect(shrunk.at(14)?.fullName).toBe('Lead 14');
    expect(shrunk.at(15)).toBeUndefined();
  });

  it('gives the sorted prefix up to the first gap or short page', () => {
    const rows = LeadRows.of(leads(0, 25), 10).withPage(4, leads(40, 10), 100, 0, 9);
    expect(rows.prefix()).toHaveLength(25);
    expect(rows.prefix(12)).toHaveLength(12);
    expect(LeadRows.empty(10).withPage(1, leads(10, 10), 100, 0, 9).prefix()).toEqual([]);
  });

  it('patches a held lead in a copy and leaves the original as it was', () => {
    const rows = LeadRows.of(leads(0, 20), 10);
    const edited = { ...makeLead(13), fullName: 'Edited' };
    const actual = rows.patched(edited);
    expect(actual.at(13)?.fullName).toBe('Edited');
    expect(rows.at(13)?.fullName).toBe('Lead 13');
    expect(rows.patched({ ...makeLead(99), fullName: 'Elsewhere' })).toBe(rows);
  });
});
