import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_IDS } from './columns';
import { exportFileName } from './files';
import { DEFAULT_EXPORT_PREFS, exportPrefsItem, getExportPrefs, normalizeExportPrefs, setExportPrefs } from './prefs';

describe('export prefs', () => {
  it('default to the issue columns, our own preset and no guessed emails', async () => {
    const actual = await getExportPrefs();
    expect(actual).toEqual(DEFAULT_EXPORT_PREFS);
    expect(actual.columns).toEqual(DEFAULT_COLUMN_IDS);
  });

  it('are remembered', async () => {
    const expected = {
      columns: ['email' as const, 'fullName' as const],
      preset: 'hubspot' as const,
      includeGuessed: true,
    };
    await setExportPrefs(expected);
    expect(await getExportPrefs()).toEqual(expected);
  });

  it('repair unknown or duplicate columns and bad presets instead of failing', async () => {
    await exportPrefsItem.setValue({ columns: ['email', 'fromTheFuture', 'email'], preset: 'zoho' } as never);
    expect(await getExportPrefs()).toEqual({ columns: ['email'], preset: 'prospector', includeGuessed: false });
    expect(normalizeExportPrefs(null)).toEqual(DEFAULT_EXPORT_PREFS);
  });
});

describe('exportFileName', () => {
  it.each([
    ['csv', 'prospector-leads-2026-03-05.csv'],
    ['json', 'prospector-leads-2026-03-05.json'],
    ['vcf', 'prospector-leads-2026-03-05.vcf'],
  ] as const)('names a %s export by the local date', (format, expected) => {
    expect(exportFileName(format, new Date(2026, 2, 5, 23, 59))).toBe(expected);
  });
});
