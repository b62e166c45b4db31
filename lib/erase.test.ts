import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { leads } from '@/lib/db';
import { getSettings, settingsItem } from '@/lib/settings';
import { emptyDatabaseEachTest } from '@/test/db';
import { describeErased, eraseAllData } from './erase';

emptyDatabaseEachTest();

describe('erase all data', () => {
  it('erases leads, trash, session drafts, pending selections and local settings, and says so', async () => {
    const kept = await leads.save({ fullName: 'Ada Lovelace' });
    const gone = await leads.save({ fullName: 'Grace Hopper' });
    await leads.remove([gone.lead.id]);
    await fakeBrowser.storage.session.set({
      'capture-draft:7': { url: 'https://a.example/' },
      'capture-pending:7': { url: 'https://a.example/', items: [] },
      'capture-tab:7': { url: 'https://a.example/', leadIds: [kept.lead.id] },
    });
    await settingsItem.setValue({ ...(await getSettings()), theme: 'dark' });
    const forgetSnapshot = vi.fn();

    const erased = await eraseAllData(leads, forgetSnapshot);

    expect(erased).toMatchObject({ leads: 1, trash: 1, drafts: 1, pending: 1 });
    expect(erased.preferences).toContain('settings');
    expect(await leads.count()).toBe(0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await getSettings()).theme).toBe('system');
    expect(forgetSnapshot).toHaveBeenCalledOnce();
    expect(describeErased(erased)).toBe(
      'Erased 1 lead (and 1 deleted lead kept for undo), 1 capture draft, 1 pending selection list, your settings and pipeline (back to defaults). Site permissions are kept; revoke them under Sites with automatic detection.',
    );
  });
});
