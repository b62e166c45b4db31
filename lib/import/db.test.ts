import { deleteDB } from 'idb';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { closeDatabase, DB_NAME, leads } from '@/lib/db';
import { backupToJson, createBackup, parseBackup, parseBackupInSteps } from '@/lib/export/backup';
import { COLUMN_HEADERS, DEFAULT_COLUMN_IDS, resolveColumns } from '@/lib/export/columns';
import { leadsToCsv } from '@/lib/export/csv';
import { DEFAULT_EXPORT_PREFS, exportPrefsItem, getExportPrefs } from '@/lib/export/prefs';
import { collectLeads, restoreBackup } from '@/lib/export/run';
import type { Lead, LeadDraft } from '@/lib/lead/schema';
import { DEFAULT_SETTINGS, getSettings, type Settings } from '@/lib/settings';
import { emptyDatabaseEachTest } from '@/test/db';
import { sampleLeads } from '@/test/sample-leads';
import { sniffCsv } from './csv';
import { buildDrafts, commitDrafts, importSource } from './index';

emptyDatabaseEachTest();

const stageLabels = Object.fromEntries(DEFAULT_SETTINGS.stages.map((s) => [s.id, s.label]));
const byId = (a: Lead, b: Lead) => a.id.localeCompare(b.id);
const rows = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data;

async function importCsv(csv: string) {
  const text = csv.replace(/^\uFEFF/, '');
  const shape = sniffCsv(text);
  let n = 0;
  const batch = await buildDrafts(text, shape, shape.mapping, {
    format: shape.format,
    origin: 'outbound',
    now: new Date().toISOString(),
    newId: () => `touch-${++n}`,
    stages: DEFAULT_SETTINGS.stages,
  });
  const summary = await commitDrafts(
    leads,
    batch.drafts,
    importSource('test.csv', shape.format, new Date().toISOString()),
  );
  return { batch, summary };
}

describe('import into the real store (fake IndexedDB)', () => {
  it('CSV export → import into an empty database → export: equal on every exported column but Updated at (the store’s)', async () => {
    const originals = sampleLeads(50);
    const columns = resolveColumns('prospector', DEFAULT_COLUMN_IDS);
    const csv = leadsToCsv(originals, columns, { stageLabels });
    const { batch, summary } = await importCsv(csv);
    expect(batch.rejected).toEqual([]);
    expect(summary).toMatchObject({ created: 50, merged: 0, unchanged: 0 });

    const stored = await collectLeads(leads, {});
    // Same order as the file: the store gives new ids, so match leads by their LinkedIn link.
    const link = (l: Lead) => l.links[0];
    const order = new Map(originals.map((l, i) => [link(l), i]));
    stored.sort((a, b) => (order.get(link(a)) ?? 0) - (order.get(link(b)) ?? 0));
    const expected = rows(csv);
    const actual = rows(leadsToCsv(stored, columns, { stageLabels }));
    // Created at comes back from the file; Updated at is the time of the import.
    const skip = new Set([COLUMN_HEADERS.updatedAt]);
    const keep = (expected[0] ?? []).map((h, i) => (skip.has(h) ? -1 : i)).filter((i) => i >= 0);
    expect(actual).toHaveLength(51);
    for (let r = 0; r < expected.length; r++) {
      expect(
        keep.map((i) => actual[r]?.[i]),
        `row ${r}`,
      ).toEqual(keep.map((i) => expected[r]?.[i]));
    }
  });

  it('importing the same file twice merges nothing new: every row is unchanged', async () => {
    const csv = leadsToCsv(sampleLeads(20), resolveColumns('prospector', DEFAULT_COLUMN_IDS), { stageLabels });
    await importCsv(csv);
    const { summary } = await importCsv(csv);
    expect(summary.created).toBe(0);
    expect(summary.merged + summary.unchanged).toBe(20);
    expect(await leads.count()).toBe(20);
  });

  it('a failure midway leaves the database as it was', async () => {
    await leads.save({ fullName: 'Already Here', emails: [{ value: 'here@example.com' }] });
    const drafts: LeadDraft[] = [
      { fullName: 'Good One', emails: [{ value: 'good@example.com' }] },
      // Bypasses import validation: the store must refuse it and roll back the first draft too.
      { title: 'no identity at all' },
    ];
    await expect(
      commitDrafts(leads, drafts, importSource('x.csv', 'generic', new Date().toISOString())),
    ).rejects.toThrow();
    const all = await collectLeads(leads, {});
    expect(all.map((l) => l.fullName)).toEqual(['Already Here']);
  });
});

describe('collectLeads', () => {
  it('reads the selection, every page of a filter, or all leads', async () => {
    await leads.bulkPut(sampleLeads(30));
    const all = await collectLeads(leads, {});
    expect(all).toHaveLength(30);
    const picked = await collectLeads(leads, { ids: [all[3]?.id ?? '', 'missing', all[7]?.id ?? ''] });
    expect(picked.map((l) => l.id)).toEqual([all[3]?.id, all[7]?.id]);
    const inbound = all.filter((l) => l.origin === 'inbound').length;
    expect(await collectLeads(leads, { query: { origin: 'inbound', limit: 1 } })).toHaveLength(inbound);
  });
});

describe('JSON backup', () => {
  it('export → restore into an empty database gives deep-equal leads, settings and export prefs', async () => {
    const originals = sampleLeads(40);
    await leads.bulkPut(originals);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      stages: [...DEFAULT_SETTINGS.stages, { id: 'my-custom-stage', label: 'Custom 🚀', archived: false }],
      defaultOrigin: 'inbound',
      theme: 'dark',
    };
    const prefs = { ...DEFAULT_EXPORT_PREFS, columns: DEFAULT_EXPORT_PREFS.columns.slice(0, 5), includeGuessed: true };
    const json = backupToJson(createBackup(await collectLeads(leads, {}), settings, prefs));

    await closeDatabase();
    await deleteDB(DB_NAME);
    await exportPrefsItem.removeValue();
    expect(await leads.count()).toBe(0);

    const parsed = await parseBackupInSteps(json);
    expect(parsed).toEqual(parseBackup(json));
    expect(parsed.rejected).toEqual([]);
    await restoreBackup(leads, parsed, { settings: true });

    const restored = (await collectLeads(leads, {})).sort(byId);
    expect(restored).toEqual([...originals].sort(byId));
    expect(await getSettings()).toEqual(settings);
    expect(await getExportPrefs()).toEqual(prefs);
  });

  it('restoring an old backup keeps leads edited since, unless asked to replace them', async () => {
    const originals = sampleLeads(3);
    await leads.bulkPut(originals);
    const parsed = parseBackup(
      backupToJson(createBackup(await collectLeads(leads, {}), DEFAULT_SETTINGS, DEFAULT_EXPORT_PREFS)),
    );
    const [first, second] = originals as [Lead, Lead];
    await leads.update(first.id, { title: 'Edited after the backup' });
    await leads.remove([second.id]);

    // The removed lead comes back; the edit stays.
    expect(await restoreBackup(leads, parsed, { settings: false })).toEqual({ leads: 2, kept: 1, settings: false });
    expect((await leads.get(first.id))?.title).toBe('Edited after the backup');
    expect(await leads.get(second.id)).toEqual(second);
    expect(await leads.count()).toBe(3);

    // Asked to, the backup's copy replaces the edit.
    expect(await restoreBackup(leads, parsed, { settings: false, replaceNewer: true })).toMatchObject({
      leads: 3,
      kept: 0,
    });
    expect(await leads.get(first.id)).toEqual(first);
  });

  it('lists invalid leads of a backup instead of failing it, and refuses foreign JSON', () => {
    const good = sampleLeads(1)[0];
    const text = JSON.stringify({ format: 'prospector-backup', version: 1, leads: [good, { id: 'x' }] });
    const parsed = parseBackup(text);
    expect(parsed.leads).toHaveLength(1);
    expect(parsed.rejected[0]?.index).toBe(2);
    expect(() => parseBackup('{"hello": 1}')).toThrow(/not a Prospector backup/);
    expect(() => parseBackup('{oops')).toThrow(/not valid JSON/);
    expect(() => parseBackup(JSON.stringify({ format: 'prospector-backup', version: 99, leads: [] }))).toThrow(/newer/);
  });
});
