// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addStage,
  applyTheme,
  DEFAULT_COLUMNS,
  DEFAULT_SETTINGS,
  formatDate,
  getSettings,
  grantedSites,
  MAX_STAGES,
  moveStage,
  normalizeSettings,
  renameStage,
  revokeSite,
  selectableStages,
  setStageArchived,
  settingsItem,
  stageLabel,
  updateSettings,
} from './settings';

describe('settings storage', () => {
  it('returns defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates a v1 value to v2, keeping the user stages and adding the new fields', async () => {
    const v1 = {
      ...DEFAULT_SETTINGS,
      columns: undefined,
      reminders: undefined,
      stages: [
        { id: 'new', label: 'Fresh' },
        { id: 'new', label: 'Duplicate' },
        { id: 'call', label: 'Call', archived: true },
      ],
      defaultStage: 'call',
      theme: 'dark',
    };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem.migrate();
    const actual = await getSettings();
    expect(actual.stages).toEqual([
      { id: 'new', label: 'Fresh', archived: false },
      { id: 'call', label: 'Call', archived: true },
    ]);
    expect(actual.defaultStage).toBe('new');
    expect(actual.theme).toBe('dark');
    expect(actual.columns).toEqual(DEFAULT_COLUMNS);
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
  });

  it('keeps valid fields and replaces only broken ones', () => {
    const actual = normalizeSettings({ theme: 'purple', dateFormat: 'iso', stages: 'nope' });
    expect(actual.theme).toBe('system');
    expect(actual.dateFormat).toBe('iso');
    expect(actual.stages).toEqual(DEFAULT_SETTINGS.stages);
  });

  it('updateSettings stores the change for the next reader', async () => {
    await updateSettings((s) => ({ ...s, dateFormat: 'dmy' }));
    expect((await getSettings()).dateFormat).toBe('dmy');
  });

  it('keeps both of two changes made side by side (the theme picked, a stage renamed before it was written)', async () => {
    fakeBrowser.reset();
    const theme = updateSettings((s) => ({ ...s, theme: 'dark' }));
    const stage = updateSettings((s) => renameStage(s, 'researching', 'Digging in'));
    await Promise.all([theme, stage]);
    const stored = await getSettings();
    expect(stored.theme).toBe('dark');
    expect(stageLabel(stored, 'researching')).toBe('Digging in');
  });

  it('goes on after a change that throws', async () => {
    fakeBrowser.reset();
    await expect(
      updateSettings(() => {
        throw new Error('bad change');
      }),
    ).rejects.toThrow('bad change');
    await updateSettings((s) => ({ ...s, dateFormat: 'mdy' }));
    expect((await getSettings()).dateFormat).toBe('mdy');
  });
});

describe('pipeline stages', () => {
  it('renames without changing the id leads store', () => {
    const actual = renameStage(DEFAULT_SETTINGS, 'replied', 'Answered');
    expect(actual.stages.find((s) => s.id === 'replied')?.label).toBe('Answered');
    expect(stageLabel(actual, 'replied')).toBe('Answered');
  });

  it('reorders and ignores moves past the ends', () => {
    const moved = moveStage(DEFAULT_SETTINGS, 'researching', -1);
    expect(moved.stages.slice(0, 2).map((s) => s.id)).toEqual(['researching', 'new']);
    expect(moveStage(DEFAULT_SETTINGS, 'new', -1)).toBe(DEFAULT_SETTINGS);
  });

  it('adds a stage with a unique slug id', () => {
    const once = addStage(DEFAULT_SETTINGS, 'Démo booked');
    const twice = addStage(once, 'Démo booked');
    expect(twice.stages.slice(-2).map((s) => s.id)).toEqual(['demo-booked', 'demo-booked-2']);
  });

  it('archives a stage: hidden from pickers but still labelled, and offered back for a lead on it', () => {
    const actual = setStageArchived(DEFAULT_SETTINGS, 'nurturing', true);
    expect(selectableStages(actual).map((s) => s.id)).not.toContain('nurturing');
    expect(selectableStages(actual, 'nurturing').map((s) => s.id)).toContain('nurturing');
    expect(stageLabel(actual, 'nurturing')).toBe('Nurturing');
  });

  it('moves the default when its stage is archived and refuses to archive the last live stage', () => {
    const archived = setStageArchived(DEFAULT_SETTINGS, 'new', true);
    expect(archived.defaultStage).toBe('researching');
    const one = { ...DEFAULT_SETTINGS, stages: [{ id: 'only', label: 'Only', archived: false }], defaultStage: 'only' };
    expect(setStageArchived(one, 'only', true).stages[0]?.archived).toBe(false);
  });

  it('shows an unknown stage id as itself', () => {
    expect(stageLabel(DEFAULT_SETTINGS, 'imported-stage')).toBe('imported-stage');
    expect(selectableStages(DEFAULT_SETTINGS, 'imported-stage').at(-1)?.id).toBe('imported-stage');
  });
});

describe('theme and dates', () => {
  it('sets data-theme for light/dark and removes it for system', () => {
    applyTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it.each([
    ['iso', '2026-03-04'],
    ['dmy', '04/03/2026'],
    ['mdy', '03/04/2026'],
  ] as const)('formats %s', (format, expected) => {
    expect(formatDate(new Date(2026, 2, 4, 9, 5).toISOString(), format)).toBe(expected);
  });

  it('returns an empty string for missing or bad dates', () => {
    expect(formatDate(undefined, 'iso')).toBe('');
    expect(formatDate('not a date', 'iso')).toBe('');
  });
});

describe('site permissions', () => {
  it('lists runtime-granted origins without the manifest ones, and revokes', async () => {
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({
      origins: ['https://www.linkedin.com/*', 'http://127.0.0.1/*'],
      permissions: [],
    });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
      host_permissions: ['http://127.0.0.1/*'],
    });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    expect(await grantedSites()).toEqual(['https://www.linkedin.com/*']);
    expect(await revokeSite('https://www.linkedin.com/*')).toBe(true);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://www.linkedin.com/*'] });
  });
});

describe('stage lists stay bounded', () => {
  const stage = (id: string, archived = false) => ({ id, label: id.toUpperCase(), archived });

  it('drops repeated stage ids, keeping the first', () => {
    const actual = normalizeSettings({ stages: [stage('a'), stage('b'), stage('a', true), stage('b')] });
    expect(actual.stages.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('caps a huge stage list from a backup at MAX_STAGES, live stages first, instead of dropping the user’s pipeline', () => {
    const stages = [
      ...Array.from({ length: 30 }, (_, i) => stage(`old-${i}`, true)),
      ...Array.from({ length: 5000 }, (_, i) => stage(`s-${i}`)),
    ];
    const actual = normalizeSettings({ stages });
    expect(actual.stages).toHaveLength(MAX_STAGES);
    expect(actual.stages.every((s) => !s.archived)).toBe(true);
    expect(actual.stages[0]?.id).toBe('s-0');
  });

  it('addStage adds nothing once the pipeline is full', () => {
    const full = normalizeSettings({ stages: Array.from({ length: MAX_STAGES }, (_, i) => stage(`s-${i}`)) });
    expect(addStage(full, 'One more').stages).toHaveLength(MAX_STAGES);
  });
});
