import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvShapeError, sniffCsv } from './csv';
import { decodeBytes } from './decode';
import { buildDrafts, prepareImport } from './index';
import { duplicateHeaders } from './mapping';
import type { RowContext } from './rows';

const dir = join(process.cwd(), 'test/fixtures/imports');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const text = (name: string) => decodeBytes(bytes(name)).text;

let counter = 0;
const ctx: RowContext = {
  format: 'generic',
  origin: 'outbound',
  now: '2026-01-01T00:00:00.000Z',
  newId: () => `id-${++counter}`,
  stages: [{ id: 'new', label: 'New' }],
};

async function importText(source: string) {
  const shape = sniffCsv(source);
  const batch = await buildDrafts(source, shape, shape.mapping, { ...ctx, format: shape.format });
  return { shape, ...batch };
}

describe('decodeBytes', () => {
  it.each([
    ['utf16le-bom.csv', 'utf-16le'],
    ['utf16be-bom.csv', 'utf-16be'],
    ['latin1.csv', 'windows-1252'],
    ['linkedin-connections.csv', 'utf-8'],
  ])('reads %s as %s', (name, expected) => {
    const actual = decodeBytes(bytes(name));
    expect(actual.encoding).toBe(expected);
    expect(actual.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('keeps accents of a Windows-1252 file and says it guessed', () => {
    const actual = decodeBytes(bytes('latin1.csv'));
    expect(actual.text).toContain('José,Núñez,Café Olé SARL,Gérant');
    expect(actual.note).toMatch(/Windows-1252/);
  });

  it('drops a UTF-8 BOM', () => {
    const actual = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    expect(actual.text).toBe('a');
  });
});

describe('known formats import with the expected mapping', () => {
  it('LinkedIn Connections.csv: skips the note lines and maps URL to the profile', async () => {
    const actual = await importText(text('linkedin-connections.csv'));
    expect(actual.shape.format).toBe('linkedin-connections');
    expect(actual.shape.headerLine).toBe(4);
    expect(actual.shape.mapping).toEqual(['firstName', 'lastName', 'linkedin', 'email', 'companyName', 'title', null]);
    expect(actual.rejected).toEqual([]);
    expect(actual.drafts).toHaveLength(4);
    expect(actual.drafts[1]).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Müller',
      fullName: 'Jürgen Müller',
      companyName: 'Müller & Söhne, GmbH',
      title: 'Head of Sales',
      links: ['https://www.linkedin.com/in/juergen-mueller'],
      emails: [{ value: 'jurgen.muller@example.de', status: 'found' }],
      origin: 'outbound',
    });
  });

  it('HubSpot contacts export', async () => {
    const actual = await importText(text('hubspot-contacts.csv'));
    expect(actual.shape.format).toBe('hubspot');
    expect(actual.drafts[0]).toMatchObject({
      fullName: 'Maria Silva',
      title: 'VP Marketing',
      companyName: 'Northwind Traders',
      companyWebsite: 'https://northwind.example.com',
      location: 'San Francisco, California, United States',
      phones: [{ value: '+14155550132' }],
      emails: [{ value: 'maria.silva@example.com' }],
    });
    expect(actual.drafts[2]).toMatchObject({ fullName: 'Lin', emails: [{ value: 'lin@example.net' }] });
  });

  it('Salesforce leads export, with a quoted multi-line description', async () => {
    const actual = await importText(text('salesforce-leads.csv'));
    expect(actual.shape.format).toBe('salesforce');
    expect(actual.drafts).toHaveLength(2);
    expect(actual.drafts[0]).toMatchObject({
      fullName: 'Sofia Rossi',
      companyName: 'Fabrikam S.p.A.',
      title: 'Procurement Manager',
      location: 'Milano, MI, Italy',
      notes: 'Met at the trade fair; asked for a quote.\r\nFollow up in spring.',
      phones: [{ value: '+390212345678' }, { value: '+393471234567' }],
    });
  });

  it('Apollo export', async () => {
    const actual = await importText(text('apollo-contacts.csv'));
    expect(actual.shape.format).toBe('apollo');
    expect(actual.drafts[0]).toMatchObject({
      fullName: 'Priya Patel',
      companySize: '250',
      industry: 'Information Technology & Services',
      links: ['https://www.linkedin.com/in/priyapatel', 'https://www.linkedin.com/company/globex'],
      emails: [{ value: 'priya.patel@globex.example' }],
    });
    expect(actual.drafts[1]).not.toHaveProperty('emails');
  });
});

describe('awkward files', () => {
  it('detects a semicolon delimiter (a comma inside a cell stays)', async () => {
    const actual = await importText(text('semicolon.csv'));
    expect(actual.shape.delimiter).toBe(';');
    expect(actual.drafts[0]).toMatchObject({
      companyName: "Société Générale d'Exemple",
      notes: 'Budget 12,5 k€, decision in Q3',
    });
  });

  it('reads tab-separated UTF-16 (Excel "Unicode text")', async () => {
    const actual = await importText(text('utf16le-bom.csv'));
    expect(actual.shape.delimiter).toBe('\t');
    expect(actual.drafts[1]).toMatchObject({ fullName: 'Zoë Łukasiewicz', companyName: 'Żabka 🐸' });
  });

  it('reports rejected rows with their physical line numbers across quoted line breaks and empty lines', async () => {
    const actual = await importText(text('quoted-newlines.csv'));
    expect(actual.rows).toBe(4);
    expect(actual.drafts.map((d) => d.fullName)).toEqual(['Alice Example', 'Carol Example']);
    expect(actual.drafts[0]?.notes).toBe('Line one\r\nLine two, with a comma\r\nLine three "quoted"');
    // The formula is data: imported as text, unchanged.
    expect(actual.drafts[1]?.notes).toBe('=HYPERLINK("http://evil.example","x")');
    expect(actual.rejected).toEqual([
      { line: 8, reason: 'Email: not an email address' },
      { line: 9, reason: 'a lead needs at least a name, a company, an email or a link' },
    ]);
  });

  it('keeps duplicate headers apart and reports them', () => {
    const source = text('duplicate-headers.csv');
    const shape = sniffCsv(source);
    expect(duplicateHeaders(shape.header)).toEqual([
      { header: 'Email', columns: [2, 3] },
      { header: 'Company', columns: [4, 5] },
    ]);
    expect(shape.mapping).toEqual(['fullName', 'email', 'otherEmails', 'companyName', null]);
  });

  it.each([
    ['empty.csv', /empty/],
    ['blank-lines.csv', /empty/],
  ])('%s gets a clear message', (name, message) => {
    expect(() => sniffCsv(text(name))).toThrow(CsvShapeError);
    expect(() => sniffCsv(text(name))).toThrow(message);
  });

  it('a header without rows says so', async () => {
    await expect(importText(text('header-only.csv'))).rejects.toThrow(/no data rows/);
  });

  it('an empty file is refused before reading', async () => {
    await expect(prepareImport(new Blob([]), 'empty.csv')).rejects.toThrow(/empty/);
  });

  it('rejects an invalid origin or date with the column name', async () => {
    const actual = await importText(
      'Full name,Origin,Next follow-up\r\nA,inbound,2026-02-01\r\nB,sideways,\r\nC,,tomorrow-ish\r\n',
    );
    expect(actual.drafts).toHaveLength(1);
    expect(actual.drafts[0]).toMatchObject({ origin: 'inbound', nextFollowUpAt: '2026-02-01T00:00:00.000Z' });
    expect(actual.rejected).toEqual([
      { line: 3, reason: 'Origin: "sideways" is not outbound or inbound' },
      { line: 4, reason: 'Next follow-up: "tomorrow-ish" is not a date' },
    ]);
  });

  it('parses a large file in chunks with progress and keeps every row', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) =>
      i === 4000 ? `Person ${i},broken-at-4000,"note\nline 2"` : `Person ${i},p${i}@example.com,"note ${i}\nline 2"`,
    );
    const source = `Full name,Email,Notes\n${rows.join('\n')}\n`;
    const shape = sniffCsv(source);
    const progress: number[] = [];
    const actual = await buildDrafts(source, shape, shape.mapping, ctx, {
      onProgress: (f) => progress.push(f),
      chunkSize: 16 * 1024,
    });
    expect(actual.drafts).toHaveLength(4999);
    expect(actual.drafts[4998]).toMatchObject({ fullName: 'Person 4999', notes: 'note 4999\nline 2' });
    // Row i starts on line 2 + 2i (header on line 1, two lines per row), across chunk borders.
    expect(actual.rejected).toEqual([{ line: 8002, reason: 'Email: not an email address' }]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
  });
});
