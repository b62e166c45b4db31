import { describe, expect, it } from 'vitest';
import { fromLocalInput, isDue, quickPickDate, toLocalInput } from './dates';
import { validateField } from './lead-detail/fields';

describe('follow-up dates', () => {
  const now = new Date(2026, 10, 26, 15, 30);
  it.each([
    ['tomorrow', 27],
    ['in3days', 29],
    ['nextWeek', 33],
  ] as const)('%s is at 9:00 local, %i days of the month later', (pick, day) => {
    const actual = new Date(quickPickDate(pick, now));
    expect(actual.getHours()).toBe(9);
    expect(actual.getTime()).toBe(new Date(2026, 10, day, 9).getTime());
  });

  it('round-trips datetime-local values', () => {
    const iso = new Date(2026, 2, 4, 8, 5).toISOString();
    expect(toLocalInput(iso)).toBe('2026-03-04T08:05');
    expect(fromLocalInput('2026-03-04T08:05')).toBe(iso);
    expect(fromLocalInput('')).toBeUndefined();
  });

  it('is due today or earlier, not tomorrow', () => {
    expect(isDue(new Date(2026, 10, 26, 23, 0).toISOString(), now)).toBe(true);
    expect(isDue(new Date(2026, 10, 20).toISOString(), now)).toBe(true);
    expect(isDue(new Date(2026, 10, 27, 0, 1).toISOString(), now)).toBe(false);
    expect(isDue(undefined, now)).toBe(false);
  });
});

describe('inline validation', () => {
  it('accepts web addresses and adds https:// when missing', () => {
    expect(validateField('url', 'example.com/about')).toEqual({ value: 'https://example.com/about' });
    expect(validateField('url', 'javascript:alert(1)')).toHaveProperty('error');
    expect(validateField('url', 'not a url at all')).toHaveProperty('error');
    expect(validateField('url', 'localhost')).toHaveProperty('error');
  });
  it('reduces a domain field to the registrable domain', () => {
    expect(validateField('domain', 'https://www.acme.co.uk/team')).toEqual({ value: 'acme.co.uk' });
    expect(validateField('domain', 'not a domain')).toHaveProperty('error');
  });
  it('clears a field left empty', () => {
    expect(validateField('text', '   ')).toEqual({ value: undefined });
  });
});
