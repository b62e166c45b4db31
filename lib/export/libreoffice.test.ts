import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lead } from '@/lib/lead/schema';
import { sampleLeads } from '@/test/sample-leads';
import { DEFAULT_COLUMN_IDS, resolveColumns } from './columns';
import { csvRecord, leadsToCsv } from './csv';

/**
 * Opens an exported CSV in LibreOffice Calc (headless --convert-to flat ODS) and reads
 * what Calc made of it: cell texts, and whether any cell became a formula. Runs when
 * `soffice` is installed (CI installs libreoffice-calc-nogui), skipped otherwise.
 */
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;

interface Sheet {
  columns: number;
  rows: { texts: string[]; formulas: number }[];
}

const decodeXml = (s: string) =>
  s
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n) => ' '.repeat(Number(n ?? 1)))
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Reads the first table of a flat ODS document. */
function readFods(xml: string): Sheet {
  const table = xml.slice(xml.indexOf('<table:table '), xml.indexOf('</table:table>'));
  let columns = 0;
  for (const m of table.matchAll(/<table:table-column\b([^>]*)\/>/g)) {
    columns += Number(/number-columns-repeated="(\d+)"/.exec(m[1] ?? '')?.[1] ?? 1);
  }
  const rows: Sheet['rows'] = [];
  for (const row of table.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
    const texts: string[] = [];
    let formulas = 0;
    for (const cell of (row[1] ?? '').matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attrs = cell[1] ?? '';
      if (attrs.includes('table:formula=')) formulas++;
      const repeat = Number(/number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
      const paragraphs = [...(cell[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>|<text:p\/>/g)].map((p) =>
        decodeXml(p[1] ?? ''),
      );
      for (let i = 0; i < repeat; i++) texts.push(paragraphs.join('\n'));
    }
    rows.push({ texts, formulas });
  }
  return { columns, rows };
}

describe.skipIf(!hasSoffice)('LibreOffice Calc opens the CSV export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prospector-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Converts with Calc's CSV filter reading `separator` (44 `,`, 59 `;`, 9 tab) as the list separator. */
  function convert(files: string[], separator = 44): void {
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        // Separator, double quote, UTF-8 (76), from line 1: what a double-click on a .csv does
        // in a locale with that list separator (`;` in de-DE, fr-FR, …).
        `--infilter=CSV:${separator},34,76,1`,
        '--convert-to',
        'fods',
        '--outdir',
        dir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 170_000 },
    );
  }

  it('with the right rows and columns, accents intact and no formula evaluated', () => {
    const leads = sampleLeads(40);
    const columns = resolveColumns('prospector', DEFAULT_COLUMN_IDS);
    const csv = leadsToCsv(leads, columns);
    writeFileSync(join(dir, 'export.csv'), csv);
    // Control: the same danger without neutralisation must become a formula, or this test proves nothing.
    writeFileSync(join(dir, 'control.csv'), '\uFEFFName,Value\r\nx,=1+1\r\n');
    convert([join(dir, 'export.csv'), join(dir, 'control.csv')]);

    const control = readFods(readFileSync(join(dir, 'control.fods'), 'utf8'));
    expect(control.rows[1]?.formulas).toBe(1);
    expect(control.rows[1]?.texts[1]).toBe('2');

    const actual = readFods(readFileSync(join(dir, 'export.fods'), 'utf8'));
    const expected = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(actual.columns).toBe(24);
    expect(actual.rows).toHaveLength(leads.length + 1);
    expect(actual.rows.reduce((n, r) => n + r.formulas, 0)).toBe(0);
    expect(actual.rows[0]?.texts).toEqual(expected[0]);
    for (let r = 1; r < expected.length; r++) {
      const lead = leads[r - 1];
      const row = actual.rows[r]?.texts ?? [];
      expect(row[2], `row ${r} full name`).toBe(lead?.fullName);
      expect(row[4], `row ${r} company`).toBe(expected[r]?.[4]);
      expect(row[3], `row ${r} title`).toBe(expected[r]?.[3]);
      expect(row[9], `row ${r} phone keeps its plus`).toMatch(/^\+\d{1,3} \d+$/);
      expect(row[20], `row ${r} notes`).toBe(expected[r]?.[20]);
    }
    // Formula-like values are shown as the text we wrote, apostrophe included.
    expect(actual.rows[1]?.texts[20]).toContain('=1+1');
    expect(actual.rows[2]?.texts[20]).toBe("'=1+1");
    expect(actual.rows.some((r) => r.texts[4] === "'@SUM(1)")).toBe(true);
    expect(actual.rows.some((r) => r.texts[2] === 'Zoë Lindström' || r.texts[4] === 'Żabka 🐸')).toBe(true);
  }, 180_000);

  // Issue 13: a `;` reader splits `CEO;=cmd|' /C calc'!A0;` inside a value and runs what follows.
  it.each([
    ['`,`', 44],
    ['`;`', 59],
    ['a tab', 9],
  ])(
    'with %s as the separator, no cell of an export with hostile values is a formula',
    (_name, separator) => {
      const base = sampleLeads(6);
      const hostile = [
        "CEO;=cmd|' /C calc'!A0;",
        'Sales, =1+1',
        'a\t@SUM(1)',
        'note\n=3+3\r\n-2+3',
        '\u00a0=1+1',
        '\u200b=1+1',
        '\ufeff=1+1',
        ' =1+1',
        '＝1+1',
        'x;\u3000＠SUM(1)',
        "x;'=1+1",
      ];
      const leads = hostile.map((text, i) => ({
        ...(base[i % base.length] as Lead),
        fullName: text,
        title: text,
        companyName: `Acme ${text}`,
        notes: `${text};${text}`,
        tags: [text, 'vip'],
        phones: [{ value: '+14155550132', source: 'page' as const }],
      }));
      const csv = leadsToCsv(leads, resolveColumns('prospector', DEFAULT_COLUMN_IDS));
      const name = `hostile-${separator}`;
      writeFileSync(join(dir, `${name}.csv`), csv);
      // Control: the same values written without neutralisation (only quoted) must give formulas
      // (a comma reader keeps quoted cells whole, so its control also has a plain formula).
      const controlValues = separator === 44 ? [...hostile, '=1+1'] : hostile;
      const control = `\uFEFFName,Value\r\n${controlValues.map((h) => csvRecord(['x', h])).join('')}`;
      writeFileSync(join(dir, `${name}-control.csv`), control);
      convert([join(dir, `${name}.csv`), join(dir, `${name}-control.csv`)], separator);

      const formulas = (file: string) =>
        readFods(readFileSync(join(dir, file), 'utf8')).rows.reduce((n, r) => n + r.formulas, 0);
      expect(formulas(`${name}-control.fods`)).toBeGreaterThan(0);
      const actual = readFods(readFileSync(join(dir, `${name}.fods`), 'utf8'));
      expect(actual.rows.length).toBeGreaterThan(hostile.length);
      expect(actual.rows.reduce((n, r) => n + r.formulas, 0)).toBe(0);
    },
    180_000,
  );
});
