import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { computeDashboard } from './dashboard';
import { dashboardTables, percent, tablesToCsv } from './tables';

const dashboard = computeDashboard(
  [
    { createdAt: '2026-03-01T00:00:00Z', origin: 'outbound', stage: 'won', channel: 'email' },
    { createdAt: '2026-03-01T00:00:00Z', origin: 'outbound', stage: 'contacted', channel: 'email' },
  ],
  { stages: DEFAULT_SETTINGS.stages, now: Date.parse('2026-03-10T00:00:00Z'), costs: { outbound: { email: 30 } } },
);

describe('dashboard tables and CSV', () => {
  it('formats the figures the page shows', () => {
    const tables = dashboardTables(dashboard, '€');
    const funnel = tables.find((t) => t.id === 'funnel');
    // Both leads reached "new" and "contacted"; only the won one got further: 1 of 2 = 50% into "nurturing".
    expect(funnel?.rows[0]).toEqual(['New', '2', '–', '0', '–']);
    expect(funnel?.rows.find((r) => r[0] === 'Contacted')).toEqual(['Contacted', '2', percent(2 / 2), '0', '–']);
    expect(funnel?.rows.find((r) => r[0] === 'Nurturing')).toEqual(['Nurturing', '1', '50.0%', '0', '–']);
    const costs = tables.find((t) => t.id === 'costs');
    // €30 over 2 email leads = €15 per lead; 1 won → €30 per won.
    expect(costs?.rows[0]?.slice(0, 5)).toEqual(['Outbound', 'Email', '€ 30.00', '2', '€ 15.00']);
    expect(costs?.rows[0]?.at(-1)).toBe('€ 30.00');
  });

  it('writes every table into one CSV with titles, headers and neutralised cells', () => {
    const csv = tablesToCsv([
      { id: 'funnel', title: 'T1', columns: ['Stage', 'n'], rows: [['=cmd()', '1']] },
      { id: 'costs', title: 'T2, with comma', columns: ['a'], rows: [] },
    ]);
    expect(csv).toBe('\uFEFFT1\r\nStage,n\r\n\'=cmd(),1\r\n\r\n"T2, with comma"\r\na\r\n');
  });
});
