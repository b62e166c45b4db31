import { describe, expect, it, vi } from 'vitest';
import { backupToJson, createBackup, parseBackup } from '@/lib/export/backup';
import { normalizeExportPrefs } from '@/lib/export/prefs';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { makeLead } from '@/test/factories';
import { prepareImport } from './index';
import { EXTRA_LIMITS, MAX_IMPORT_BYTES } from './limits';

/** A backup file's text holding these leads, as stored (extra fields included). */
function backupOf(leads: object[]): string {
  return backupToJson(createBackup(leads as never, DEFAULT_SETTINGS, normalizeExportPrefs({})));
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

describe('import limits', () => {
  it('refuses a file over 100 MB with a clear message, before reading a byte', async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const huge = { size: MAX_IMPORT_BYTES + 1, arrayBuffer } as unknown as Blob;
    await expect(prepareImport(huge, 'leads.csv')).rejects.toThrow(
      'This file is 100.1 MB; Prospector imports files up to 100 MB. Split it into smaller files.',
    );
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('keeps a lead whose unknown fields are small, as they are', () => {
    const lead = { ...makeLead(1), fromTheFuture: { score: 3, notes: ['a', 'b'] } };
    const { leads, rejected } = parseBackup(backupOf([lead]));
    expect(rejected).toEqual([]);
    expect(leads[0]).toMatchObject({ fromTheFuture: { score: 3, notes: ['a', 'b'] } });
  });

  it.each([
    [
      'nested too deep',
      { deep: nested(EXTRA_LIMITS.depth + 1) },
      'unknown field "deep" is nested deeper than 8 levels',
    ],
    ['too large', { blob: 'x'.repeat(EXTRA_LIMITS.size + 1) }, 'fields unknown to this version hold more than 64 KB'],
    [
      'too many',
      Object.fromEntries(Array.from({ length: EXTRA_LIMITS.keys + 1 }, (_, i) => [`k${i}`, i])),
      'has more than 50 fields unknown to this version',
    ],
  ])('lists a lead with unknown fields %s as rejected, with the reason', (_what, extra, reason) => {
    const { leads, rejected } = parseBackup(backupOf([makeLead(1), { ...makeLead(2), ...extra }]));
    expect(leads.map((l) => l.id)).toEqual([makeLead(1).id]);
    expect(rejected).toEqual([{ index: 2, reason }]);
  });

  it('checks the loose objects inside a lead too (emails, touches, sources)', () => {
    const lead = makeLead(1, {
      emails: [{ value: 'a@acme.com', source: 'page', status: 'found', tracking: nested(20) } as never],
    });
    const { rejected } = parseBackup(backupOf([lead]));
    expect(rejected).toEqual([
      { index: 1, reason: 'emails.0: unknown field "tracking" is nested deeper than 8 levels' },
    ]);
  });

  it('stops measuring a hostile value once over the budget', () => {
    const wide = Array.from({ length: 1_000_000 }, () => 1);
    const started = performance.now();
    const { rejected } = parseBackup(backupOf([{ ...makeLead(1), wide }]));
    expect(rejected[0]?.reason).toContain('more than 64 KB');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
