import Papa from 'papaparse';
import { neutralizeCell, UTF8_BOM } from '@/lib/export/csv';
import { CHANNEL_LABELS as LEAD_CHANNEL_LABELS } from '@/lib/lead/labels';
import type { ChannelKey, Dashboard, Spread } from './dashboard';

/**
 * The dashboard as labelled tables: the text equivalent shown under each chart
 * and, unchanged, what "Export CSV" writes, so the file says what the screen says.
 */

export interface Table {
  id: 'funnel' | 'channels' | 'timing' | 'followups' | 'costs';
  title: string;
  columns: string[];
  rows: string[][];
}

/** Channel names for the dashboard: the shared ones plus leads with no channel at all. */
export const CHANNEL_LABELS: Record<ChannelKey, string> = { ...LEAD_CHANNEL_LABELS, none: 'No channel' };

/** "42.9%", or an en dash when there is nothing to divide by. */
export function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

/** Days with one decimal, or an en dash. */
export function days(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

/** A money amount with two decimals and the user's currency, or an en dash. */
export function money(value: number | null, currency = ''): string {
  if (value === null) return '–';
  const text = value.toFixed(2);
  return currency ? `${currency} ${text}` : text;
}

const spreadCells = (s: Spread) => [String(s.n), days(s.median), days(s.p25), days(s.p75)];

/** The dashboard's tables, in the order the page shows them. */
export function dashboardTables(d: Dashboard, currency = ''): Table[] {
  const funnel: Table = {
    id: 'funnel',
    title: 'Funnel by stage (leads that reached the stage or a later one)',
    columns: ['Stage', 'Outbound reached', 'Outbound conversion', 'Inbound reached', 'Inbound conversion'],
    rows: [
      ...d.funnel.map((r) => [
        r.label,
        String(r.reached.outbound),
        percent(r.conversion.outbound),
        String(r.reached.inbound),
        percent(r.conversion.inbound),
      ]),
      ['Lost (also counted above up to their furthest stage)', String(d.lost.outbound), '', String(d.lost.inbound), ''],
    ],
  };
  const channels: Table = {
    id: 'channels',
    title: `By channel (reply = inbound touch within ${d.replyWindowDays} days of the last outbound touch)`,
    columns: [
      'Channel',
      'Leads',
      'Outbound touches',
      'Replies',
      'Reply rate',
      'Reply rate (outbound leads)',
      'Reply rate (inbound leads)',
      'Meetings',
      'Won',
    ],
    rows: d.channels
      .filter((c) => c.leads + c.touches > 0)
      .map((c) => [
        CHANNEL_LABELS[c.channel],
        String(c.leads),
        String(c.touches),
        String(c.replies),
        percent(c.replyRate),
        percent(c.byOrigin.outbound.replyRate),
        percent(c.byOrigin.inbound.replyRate),
        String(c.meetings),
        String(c.won),
      ]),
  };
  const timing: Table = {
    id: 'timing',
    title: 'Time in days (median and interquartile range)',
    columns: ['Measure', 'Origin', 'Leads', 'Median', '25th percentile', '75th percentile'],
    rows: [
      ['First touch to first reply', 'Outbound', ...spreadCells(d.timeToFirstReply.outbound)],
      ['First touch to first reply', 'Inbound', ...spreadCells(d.timeToFirstReply.inbound)],
      ['Capture to won', 'Outbound', ...spreadCells(d.captureToWon.outbound)],
      ['Capture to won', 'Inbound', ...spreadCells(d.captureToWon.inbound)],
    ],
  };
  const followups: Table = {
    id: 'followups',
    title: 'Follow-ups by week (open leads)',
    columns: ['Week of', 'Overdue', 'Due'],
    rows: d.followUps.map((w) => [w.week, String(w.overdue), String(w.due)]),
  };
  const costs: Table = {
    id: 'costs',
    title: 'Cost per result',
    columns: [
      'Origin',
      'Channel',
      'Cost',
      'Leads',
      'Per lead',
      'Replies',
      'Per reply',
      'Meetings',
      'Per meeting',
      'Won',
      'Per won',
    ],
    rows: d.costs.map((c) => [
      c.origin === 'outbound' ? 'Outbound' : 'Inbound',
      c.channel === 'total' ? 'All channels with a cost' : CHANNEL_LABELS[c.channel],
      money(c.cost, currency),
      String(c.leads),
      money(c.perLead, currency),
      String(c.replies),
      money(c.perReply, currency),
      String(c.meetings),
      money(c.perMeeting, currency),
      String(c.won),
      money(c.perWon, currency),
    ]),
  };
  return [funnel, channels, timing, followups, costs];
}

/**
 * The tables as one CSV file: each table's title on its own row, its header and
 * rows, a blank row between tables. UTF-8 BOM and CRLF for spreadsheets; cells
 * neutralised against formula injection (lib/export's rule) since stage labels
 * and tags are user text.
 */
export function tablesToCsv(tables: Table[]): string {
  const rows: string[][] = [];
  for (const table of tables) {
    if (rows.length > 0) rows.push([]);
    rows.push([table.title]);
    rows.push(table.columns);
    rows.push(...table.rows);
  }
  const body = Papa.unparse(
    rows.map((r) => r.map(neutralizeCell)),
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `${UTF8_BOM}${body}\r\n`;
}
