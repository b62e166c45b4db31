import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, DEFAULT_COLUMN_IDS, resolveColumns } from '@/lib/export/columns';
import { leadsToCsv } from '@/lib/export/csv';
import { type Lead, LeadDraftSchema } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { sampleLead, sampleLeads } from '@/test/sample-leads';
import { sniffCsv } from './csv';
import { buildDrafts } from './index';

const stageLabels = Object.fromEntries(DEFAULT_SETTINGS.stages.map((s) => [s.id, s.label]));

function cells(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data;
}

/** CSV → drafts → leads as a store would create them (timestamps are the store's: kept from the draft / original here). */
async function reimport(csv: string, originals: Lead[]): Promise<Lead[]> {
  const text = csv.replace(/^\uFEFF/, '');
  const shape = sniffCsv(text);
  let n = 0;
  const batch = await buildDrafts(text, shape, shape.mapping, {
    format: shape.format,
    origin: 'outbound',
    now: '2026-01-01T00:00:00.000Z',
    newId: () => `t${++n}`,
    stages: DEFAULT_SETTINGS.stages,
  });
  expect(batch.rejected).toEqual([]);
  return batch.drafts.map((draft, i) => {
    const parsed = LeadDraftSchema.parse(draft) as Lead;
    const original = originals[i] as Lead;
    return {
      ...parsed,
      id: original.id,
      createdAt: (draft as { createdAt?: string }).createdAt ?? '',
      updatedAt: original.updatedAt,
      version: 1,
    };
  });
}

describe('CSV round trip', () => {
  it('sample leads cover accents, emojis, commas, quotes, line breaks, formula-like values and long notes', () => {
    const all = JSON.stringify(sampleLeads(10));
    for (const needle of ['é', '🐸', ', ', '\\"', '\\n', '=1+1', '@SUM', '-2+3', 'long note long note']) {
      expect(all).toContain(needle);
    }
  });

  it('export → import → export gives the same cell in every default column', async () => {
    const leads = sampleLeads(60);
    const columns = resolveColumns('prospector', DEFAULT_COLUMN_IDS);
    const first = leadsToCsv(leads, columns, { stageLabels });
    const again = leadsToCsv(await reimport(first, leads), columns, { stageLabels });
    const expected = cells(first);
    const actual = cells(again);
    expect(actual.length).toBe(61);
    for (let r = 0; r < expected.length; r++) expect(actual[r], `row ${r}`).toEqual(expected[r]);
  });

  it('a tag or phone holding a semicolon or backslash comes back as one value', async () => {
    const leads = sampleLeads(6);
    const odd = { ...(leads[1] as Lead), phones: [{ value: '555 0100; ext. 4', source: 'user' as const }] };
    const columns = resolveColumns('prospector', DEFAULT_COLUMN_IDS);
    const back = await reimport(leadsToCsv([...leads, odd], columns, { stageLabels }), [...leads, odd]);
    expect(back.map((l) => l.tags)).toEqual([...leads, odd].map((l) => l.tags));
    expect(back.flatMap((l) => l.tags)).toContain('q3; q4 \\ done');
    expect(back.at(-1)?.phones.map((p) => p.value)).toEqual(['555 0100; ext. 4']);
  });

  it('with every column, guessed emails included, the round trip is exact too', async () => {
    const leads = sampleLeads(30);
    const columns = resolveColumns(
      'prospector',
      COLUMN_IDS.filter((c) => c !== 'id' && c !== 'updatedAt'),
    );
    const first = leadsToCsv(leads, columns, { stageLabels });
    const reimported = await reimport(first, leads);
    expect(cells(leadsToCsv(reimported, columns, { stageLabels }))).toEqual(cells(first));
    expect(reimported[0]?.emails.find((e) => e.status === 'guessed')?.value).toBe(
      'guess.person-0@company0-example.com',
    );
  });

  it('a formula-like value comes back as the same text, not as the neutralised one', async () => {
    const lead = { ...sampleLead(3), title: '=HYPERLINK("http://x","y")', notes: "'=already quoted" };
    const columns = resolveColumns('prospector', DEFAULT_COLUMN_IDS);
    const [back] = await reimport(leadsToCsv([lead], columns), [lead]);
    expect(back?.title).toBe('=HYPERLINK("http://x","y")');
    expect(back?.notes).toBe("'=already quoted");
  });

  it('values neutralised after a separator, behind blanks or full-width come back exactly', async () => {
    const values = ["CEO;=cmd|' /C calc'!A0;", 'Sales, =1+1', 'note\n=1+1\n-2+3', '\u200b=1+1', "x;'=1", '＝1+1'];
    const leads = values.map((v, i) => ({
      ...sampleLead(i),
      title: v,
      notes: v,
      tags: [v.replace(/\n/g, ' '), 'vip'],
    }));
    const columns = resolveColumns('prospector', DEFAULT_COLUMN_IDS);
    const back = await reimport(leadsToCsv(leads, columns), leads);
    expect(back.map((l) => l.title)).toEqual(values);
    expect(back.map((l) => l.notes)).toEqual(values);
    expect(back.map((l) => l.tags)).toEqual(leads.map((l) => l.tags));
  });
});
