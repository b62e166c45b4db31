import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takePending } from '@/lib/capture/pending';
import { loadDraft, saveDraft } from '@/lib/capture/session';
import { leads } from '@/lib/db';
import type { Lead } from '@/lib/lead/schema';
import type { Handlers, Sender } from '@/lib/messaging/server';
import { addSelection, captureHandlers, markTabSaved, syncDetection, withCaptureBadge } from './capture';

const PAGE = 'https://www.linkedin.com/in/jane-doe';
const sender = { id: fakeBrowser.runtime.id, url: 'chrome-extension://x/popup.html' } as Sender;

async function savedLead(): Promise<Lead> {
  const { lead } = await leads.save({ fullName: 'Jane Doe', links: [PAGE] });
  return lead;
}

describe('capture background', () => {
  beforeEach(async () => {
    await leads.clear();
  });

  it('marks the tab saved and drops its draft after a save from that tab', async () => {
    const lead = await savedLead();
    await saveDraft(4, {
      url: PAGE,
      mode: 'manual',
      forms: [],
      selected: [],
      options: {
        origin: 'outbound',
        stage: 'new',
        channel: '',
        touch: { enabled: false, note: '' },
        followUp: '',
      },
      extractor: 'manual',
      dirty: true,
    });
    const save: Handlers['leads.save'] = vi.fn(async () => ({ results: [{ lead, outcome: 'created' as const }] }));
    const handlers = withCaptureBadge({ 'leads.save': save });
    const input = {
      drafts: [
        {
          fullName: 'Jane Doe',
          emails: [],
          phones: [],
          links: [],
          sources: [{ url: PAGE, capturedAt: new Date().toISOString(), extractor: 'json-ld' }],
        },
      ],
      tabId: 4,
    } as unknown as Parameters<Handlers['leads.save']>[0];

    const actual = await handlers['leads.save'](input, sender);

    expect(actual.results[0]?.lead.id).toBe(lead.id);
    expect(save).toHaveBeenCalledOnce();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('✓');
    expect(await loadDraft(4)).toBeNull();
  });

  it('keeps a selection for the popup form when the page has no saved lead', async () => {
    expect(await addSelection(9, PAGE, 'email', '  jane@acme.com \n')).toBe('draft');
    expect(await addSelection(9, PAGE, 'note', 'Met at\nAutomatica')).toBe('draft');
    expect(await takePending(9, 'https://other.test/')).toEqual([]);
    expect(await takePending(9, PAGE)).toEqual([
      { kind: 'email', value: 'jane@acme.com' },
      { kind: 'note', value: 'Met at\nAutomatica' },
    ]);
    expect(await takePending(9, PAGE)).toEqual([]);
  });

  it("adds a selection to the page's saved lead as a hand edit", async () => {
    const lead = await savedLead();
    await markTabSaved(5, PAGE, [lead.id]);

    await addSelection(5, PAGE, 'email', 'Jane@Acme.com');
    await addSelection(5, PAGE, 'phone', '+49 30 1234567');
    await addSelection(5, PAGE, 'note', 'Prefers mornings');
    await addSelection(5, PAGE, 'email', 'jane@acme.com');

    const actual = await leads.get(lead.id);
    expect(actual?.emails).toEqual([expect.objectContaining({ value: 'jane@acme.com', source: 'user' })]);
    expect(actual?.phones.map((p) => p.value)).toEqual(['+49301234567']);
    expect(actual?.notes).toBe('Prefers mornings');
    await expect(addSelection(5, PAGE, 'email', 'not an address')).rejects.toThrow(/not an email/);
  });

  it('shows the detection count on the badge unless the page is saved', async () => {
    const from = (tabId: number, url: string) =>
      ({ id: fakeBrowser.runtime.id, tab: { id: tabId }, frameId: 0, url }) as unknown as Sender;
    await captureHandlers['detect.count']({ count: 12 }, from(7, 'https://acme.com/team'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('12');
    await markTabSaved(8, PAGE, ['x']);
    await captureHandlers['detect.count']({ count: 3 }, from(8, PAGE));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('✓');
  });

  it('registers the detection script on exactly the sites granted at runtime', async () => {
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined);
    const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined);
    const registered = vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts');
    const getAll = vi.spyOn(fakeBrowser.permissions, 'getAll');
    // The manifest's own hosts are not per-site grants.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      host_permissions: ['http://127.0.0.1/*'],
    } as never);

    registered.mockResolvedValue([]);
    getAll.mockResolvedValue({ origins: ['http://127.0.0.1/*', 'https://www.linkedin.com/*'], permissions: [] });
    expect(await syncDetection()).toEqual(['https://www.linkedin.com/*']);
    expect(register).toHaveBeenCalledWith([
      expect.objectContaining({ id: 'prospector-detect', matches: ['https://www.linkedin.com/*'], js: ['/detect.js'] }),
    ]);

    registered.mockResolvedValue([{ id: 'prospector-detect' } as never]);
    getAll.mockResolvedValue({ origins: [], permissions: [] });
    expect(await syncDetection()).toEqual([]);
    expect(unregister).toHaveBeenCalledWith({ ids: ['prospector-detect'] });
  });
});
