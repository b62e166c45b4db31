import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultOptions, manualDraft } from '@/lib/capture/draft';
import { saveDraft } from '@/lib/capture/session';
import { type Handlers, handleMessages, type Sender } from '@/lib/messaging/server';
import { loadPick } from '@/lib/picker/session';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { pickerHandlers } from './picker';

type Listener = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

const TEAM = 'https://www.example.com/team';
const sender = (frameId = 0, url = TEAM): Sender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: 7 } as Sender['tab'],
  frameId,
});
const card = (name: string, role: string) => ({
  lines: [
    { slot: '>h3', text: name },
    { slot: '>p', text: role },
  ],
  links: [],
  emails: [],
  phones: [],
});
const picked = {
  prospector: 1,
  type: 'picker.picked',
  input: {
    selector: 'li.member',
    total: 3,
    records: [card('Jane Doe', 'CEO'), card('John Roe', 'CTO'), card('Open role', 'You?')],
  },
};

function install(): Listener {
  const spy = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  handleMessages(pickerHandlers as Handlers);
  return spy.mock.calls[0]?.[0] as unknown as Listener;
}

describe("'picker.picked'", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps the records as the tab’s pending selection, for the sender’s own URL, and drops the old draft', async () => {
    await saveDraft(7, { ...manualDraft(TEAM, defaultOptions(DEFAULT_SETTINGS)), dirty: true });
    const actual = await install()(picked, sender());
    expect(actual).toEqual({ value: { people: 2 } });
    const pick = await loadPick(7, TEAM);
    expect(pick).toMatchObject({ url: TEAM, selector: 'li.member', source: 'picker', mapping: { '>h3': 'fullName' } });
    expect(pick?.records).toHaveLength(3);
    expect(await fakeBrowser.storage.session.get('capture-draft:7')).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3');
  });

  it('is refused from an iframe, from an extension page, and with a scripted selector', async () => {
    const listener = install();
    expect(listener(picked, sender(2))).toBeUndefined();
    expect(
      listener(picked, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }),
    ).toBeUndefined();
    const scripted = { ...picked, input: { ...picked.input, selector: 'li{}</style><script>' } };
    expect(await listener(scripted, sender())).toMatchObject({ error: { code: 'invalid' } });
    expect(await loadPick(7)).toBeNull();
  });

  it('keeps nothing for a page that is not http(s)', async () => {
    // Not file: here, whose origin Node reads as "null", like the fake chrome-extension: one.
    expect(await install()(picked, sender(0, 'ftp://files.example.com/team.html'))).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await loadPick(7)).toBeNull();
  });
});
