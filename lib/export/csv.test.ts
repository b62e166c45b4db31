import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fileText } from '@/test/files';
import { sampleLead, sampleLeads } from '@/test/sample-leads';
import {
  COLUMN_HEADERS,
  cellValue,
  DEFAULT_COLUMN_IDS,
  joinList,
  PRESETS,
  phoneForSpreadsheet,
  resolveColumns,
  splitList,
} from './columns';
import { csvRecord, leadsToCsv, leadsToCsvParts, neutralizeCell, restoreCell, UTF8_BOM } from './csv';

describe('list cells', () => {
  it.each([
    [['vip', 'cold'], 'vip; cold'],
    [['q3; q4'], 'q3\\; q4'],
    [['C:\\temp', 'a;b\\'], 'C:\\\\temp; a\\;b\\\\'],
    [[], ''],
  ])('%j ⇄ %s', (values, cell) => {
    expect(joinList(values)).toBe(cell);
    expect(splitList(cell)).toEqual(values);
  });

  it('reads lists written before escapes: a lone backslash stays, blanks go', () => {
    expect(splitList(' a\\b ;; c ')).toEqual(['a\\b', 'c']);
  });
});

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['@SUM(1)', `'@SUM(1)`],
    ['-2+3', `'-2+3`],
    ['+1 415 555 0132', '+1 415 555 0132'],
    ['+14155550132', '+14155550132'],
    ['+44 (20) 7946-0958', '+44 (20) 7946-0958'],
    ['\t=1', `'\t'=1`], // the tab starts a cell for a tab reader too
    ['\r=1', `'\r'=1`],
    ['=1+1', `'=1+1`],
    ['+1', '+1'],
    ['-12.5', '-12.5'],
    ['-0,75', '-0,75'],
    ['+1-2-3', `'+1-2-3`], // too few digits for a phone: an expression
    ['+1 415 555 0132 ext 7', `'+1 415 555 0132 ext 7`], // letters: not a plain phone
    ['+cmd', `'+cmd`],
    ['- bullet', `'- bullet`],
    [`'=already`, `''=already`],
    [`'hello`, `'hello`],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    ['', ''],
    // A trigger after a separator starts a cell for a reader with that separator.
    ["CEO;=cmd|' /C calc'!A0;", "CEO;'=cmd|' /C calc'!A0;"],
    ['Sales, =1+1', "Sales,' =1+1"],
    ['a\t@SUM(1)', "a\t'@SUM(1)"],
    ['note\n=1+1', "note\n'=1+1"],
    ['note\r\n-2+3', "note\r\n'-2+3"],
    ['x;;=1', "x;;'=1"],
    ["x;'=1", "x;''=1"],
    // Blanks a spreadsheet may skip, and full-width triggers.
    [' =1+1', "' =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\ufeff=1+1', "'\ufeff=1+1"],
    ['\u3000@SUM(1)', "'\u3000@SUM(1)"],
    ['＝1+1', "'＝1+1"],
    ['＋cmd', "'＋cmd"],
    ['－2+3', "'－2+3"],
    ['＠SUM(1)', "'＠SUM(1)"],
    ['x;\u200b＝1', "x;'\u200b＝1"],
    // Numbers and phones stay readable, at the start and after a separator.
    ['+1 415 555 0132; +44 20 7946 0958; x', "'+1 415 555 0132; +44 20 7946 0958; x"],
    ['Call +1 415 555 0132; +44 20 7946 0958', "Call +1 415 555 0132;' +44 20 7946 0958"],
    ['total;-12.5;', 'total;-12.5;'],
    ['total;-12.5', "total;'-12.5"], // a misaligned reader would read on into the next cell
    ['a\n-12', "a\n'-12"],
    ['total;-12.5 EUR', "total;'-12.5 EUR"],
    [' -12', ' -12'],
  ])('%j is written as %j', (value, expected) => {
    const actual = neutralizeCell(value);
    expect(actual).toBe(expected);
  });

  it.each(['=HYPERLINK(1)', '@SUM(1)', '-2+3', '+1 415 555 0132', '\t=1', `'=x`, `''@y`, `'plain`, 'x'])(
    'restoreCell undoes neutralizeCell for %j',
    (value) => {
      expect(restoreCell(neutralizeCell(value))).toBe(value);
    },
  );

  // Every string of up to 5 characters over the characters that matter: separators, blanks,
  // apostrophes, triggers (ASCII and full-width), digits and a letter.
  const ALPHABET = [',', ';', '\t', '\n', ' ', '\u00a0', '\u200b', "'", '=', '+', '＝', '1', 'a'];
  function* strings(max: number): Generator<string> {
    let level = [''];
    for (let n = 1; n <= max; n++) {
      const next: string[] = [];
      for (const s of level) for (const c of ALPHABET) next.push(s + c);
      yield* next;
      level = next;
    }
  }
  const BLANK = /^[ \u00a0\u200b]*/;
  // Rule 1's numbers (no phone fits in 5 characters): what a spreadsheet reads as a number.
  const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
  const TRIGGER = /^[=+＝\t]/;
  /**
   * The parts of a cell that a reader with separator `sep` may start a cell with (our quoting
   * aside), each with whether a number there is safe: a part that ends at that reader's
   * separator or a line break inside the value, not after a line break.
   */
  function partsOf(cell: string, sep: string): { text: string; numberOk: boolean }[] {
    const out: { text: string; numberOk: boolean }[] = [];
    const isEnd = (c: string) => c === sep || c === '\r' || c === '\n';
    let start = 0;
    let afterBreak = false;
    for (let i = 0; i <= cell.length; i++) {
      if (i < cell.length && !isEnd(cell[i] as string)) continue;
      out.push({ text: cell.slice(start, i), numberOk: start > 0 && i < cell.length && !afterBreak });
      afterBreak = cell[i] === '\r' || cell[i] === '\n';
      start = i + 1;
    }
    return out;
  }

  it('round-trips every short string and leaves no part of a cell starting a formula', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const value of strings(5)) {
      checked++;
      const actual = neutralizeCell(value);
      if (restoreCell(actual) !== value) failures.push(`${JSON.stringify(value)} does not round-trip`);
      // A plain number ("-0,75") is left whole; its comma is inside quotes for a comma reader.
      if (PLAIN_NUMBER.test(value.replace(BLANK, ''))) continue;
      for (const sep of [',', ';', '\t']) {
        for (const part of partsOf(actual, sep)) {
          const text = part.text.replace(BLANK, '');
          if (part.numberOk && PLAIN_NUMBER.test(text)) continue;
          if (TRIGGER.test(text)) failures.push(`${JSON.stringify(value)} → ${JSON.stringify(actual)} (${sep})`);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(checked).toBe(402_233);
  }, 60_000); // about 3 s on an idle machine
});

describe('leadsToCsv', () => {
  const columns = resolveColumns('prospector', DEFAULT_COLUMN_IDS);

  it('writes the default columns in the issue order', () => {
    const expected =
      'First name, Last name, Full name, Title, Company, Company domain, Company website, Email, Other emails, Phone, Other phones, Location, LinkedIn, Other links, Stage, Origin, Last channel, Last touch at, Next follow-up, Tags, Notes, Source URL, Created at, Updated at'.split(
        ', ',
      );
    expect(columns.map((c) => c.header)).toEqual(expected);
  });

  it('starts with a UTF-8 BOM, ends rows with CRLF and quotes per RFC 4180', () => {
    const lead = sampleLead(4); // company with an emoji, notes with line breaks and quotes
    const csv = leadsToCsv([lead], columns);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const notes = lead.notes ?? '';
    expect(csv).toContain(`"${notes.replaceAll('"', '""')}"`);
    // The record separator is CRLF; the LF inside the quoted note stays LF.
    expect(csv.slice(1).split('\r\n')).toHaveLength(3);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(parsed[1]?.[20]).toBe(notes);
  });

  it('builds big files from parts of 1000 rows: one header, one BOM, every row', async () => {
    const parts = await leadsToCsvParts(sampleLeads(2500), columns);
    expect(parts).toHaveLength(3);
    const text = await fileText(parts);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.indexOf(UTF8_BOM, 1)).toBe(-1);
    const rows = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2501);
    expect(rows.filter((r) => r[0] === 'First name')).toHaveLength(1);
    expect(rows[2500]?.[12]).toBe('https://www.linkedin.com/in/person-2499');
  });

  it('writes the same file in steps, from a list or a stream, as in one go', async () => {
    const leads = sampleLeads(2100);
    const whole = leadsToCsv(leads, columns);
    const text = async (parts: Promise<Blob[]>) => fileText(await parts);
    expect(await text(leadsToCsvParts(leads, columns))).toBe(whole);
    async function* stream() {
      for (const lead of leads) yield lead;
    }
    const progress: number[] = [];
    expect(await text(leadsToCsvParts(stream(), columns, {}, { onProgress: (n) => progress.push(n) }))).toBe(whole);
    expect(progress).toEqual([1000, 2000, 2100]);
    expect(await text(leadsToCsvParts([], columns))).toBe(leadsToCsv([], columns));
    // Records only, for one worker's range of a file.
    expect(await text(leadsToCsvParts(leads, columns, {}, { header: false }))).toBe(
      whole.slice(whole.indexOf('\r\n') + 2),
    );
  });

  it('csvRecord writes the bytes Papa.unparse writes, and Papa Parse reads them back', () => {
    const cells = [
      'plain',
      '',
      'a,b',
      'say "hi"',
      'line\nbreak',
      'cr\rhere',
      'crlf\r\nhere',
      ' leading',
      'trailing ',
      '\ttab',
      'Zoë 🚀 Müller',
      `'=1+1`,
      '"',
      ',',
      'CEO;CTO',
      ';',
    ];
    const line = csvRecord(cells);
    // Papa quotes what RFC 4180 needs; we also quote every cell with a `;` (told to Papa per column).
    const quotes = cells.map((c) => c.includes(';'));
    expect(line).toBe(`${Papa.unparse([cells], { newline: '\r\n', quotes, escapeFormulae: false })}\r\n`);
    expect(line).toContain('"CEO;CTO"');
    expect(Papa.parse<string[]>(line, { newline: '\r\n', skipEmptyLines: true }).data).toEqual([cells]);
  });

  it('neutralises formula-like cells but keeps phone numbers', () => {
    const lead = { ...sampleLead(5), title: '-2+3', companyName: '=cmd|x', notes: '@SUM(1)' };
    const csv = leadsToCsv([lead], columns);
    const row = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data[1] ?? [];
    expect(row[3]).toBe(`'-2+3`);
    expect(row[4]).toBe(`'=cmd|x`);
    expect(row[20]).toBe(`'@SUM(1)`);
    expect(row[9]).toBe('+1 4155551005');
  });

  it('keeps guessed emails out of Email unless the user opts in', () => {
    const lead = sampleLead(5); // one found, one guessed
    expect(cellValue(lead, 'email')).toBe('person-5@company5-example.com');
    expect(cellValue(lead, 'otherEmails')).toBe('');
    expect(cellValue(lead, 'guessedEmails')).toBe('guess.person-5@company5-example.com');
    expect(cellValue(lead, 'otherEmails', { includeGuessed: true })).toBe('guess.person-5@company5-example.com');
  });

  it.each([
    ['+14155550132', '+1 4155550132'],
    ['+442079460958', '+44 2079460958'],
    ['+35312345678', '+353 12345678'],
    ['(415) 555-0132', '(415) 555-0132'],
  ])('writes phone %s as %s so spreadsheets keep the plus', (value, expected) => {
    expect(phoneForSpreadsheet(value)).toBe(expected);
  });

  it('writes stage labels from the pipeline and the LinkedIn link in its own column', () => {
    const lead = sampleLead(1);
    expect(cellValue(lead, 'stage', { stageLabels: { researching: 'Researching' } })).toBe('Researching');
    expect(cellValue(lead, 'linkedin')).toBe('https://www.linkedin.com/in/person-1');
    expect(cellValue(lead, 'otherLinks')).toBe('https://github.com/person-1');
    // Found behind other links, in any case, or behind a percent escape in the host.
    for (const link of [
      'HTTPS://WWW.LINKEDIN.COM/in/Jane',
      'https://www.linked%69n.com/in/jane',
      'https://fr.linkedin.com/company/acme',
    ]) {
      const other = { ...lead, links: ['https://github.com/jane', 'https://example.com/linkedin-tips', link] };
      expect(cellValue(other, 'linkedin'), link).toBe(link);
    }
    const none = { ...lead, links: ['https://github.com/jane', 'https://example.com/linkedin-tips'] };
    expect(cellValue(none, 'linkedin')).toBe('');
  });

  it('fills empty first / last names from the full name for CRM presets only', () => {
    const lead = { ...sampleLead(2), firstName: undefined, lastName: undefined, fullName: 'Dr. Mary Ann Jones' };
    expect(cellValue(lead, 'lastName')).toBe('');
    expect(cellValue(lead, 'lastName', { deriveNames: true })).toBe('Jones');
    expect(cellValue(lead, 'firstName', { deriveNames: true })).toBe('Mary Ann');
  });

  it('uses the CRM header names for the presets', () => {
    expect(resolveColumns('hubspot', []).map((c) => c.header)).toContain('Email');
    expect(resolveColumns('salesforce', []).map((c) => c.header)).toEqual(
      expect.arrayContaining(['Last Name', 'Company', 'Description']),
    );
    expect(PRESETS.prospector.columns).toBeNull();
    expect(resolveColumns('prospector', ['email', 'email', 'title']).map((c) => c.header)).toEqual([
      COLUMN_HEADERS.email,
      COLUMN_HEADERS.title,
    ]);
  });
});
