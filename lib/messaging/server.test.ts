import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { leadsHandlers } from '@/lib/background/leads';
import { leads } from '@/lib/db';
import { LeadDraftSchema } from '@/lib/lead/schema';
import { type Handlers, handleMessages, isExtensionPage, isOurContentScript, type Sender } from './server';

type Listener = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/** Registers handlers and returns the listener the background installed, to call it with any sender. */
function install(overrides: Partial<Handlers> = {}): Listener {
  const spy = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  const handlers: Handlers = {
    'leads.save': vi.fn(async () => ({ results: [] })),
    'leads.changed': vi.fn(async () => ({ ok: true as const })),
    'detect.count': vi.fn(async () => ({ ok: true as const })),
    'capture.found': vi.fn(async () => ({ ok: true as const })),
    'picker.picked': vi.fn(async () => ({ people: 0 })),
    'sync.connect': vi.fn(async () => ({ state: 'idle' as const, pending: 0 })),
    'sync.now': vi.fn(async () => ({ state: 'idle' as const, pending: 0 })),
    'sync.disconnect': vi.fn(async () => ({ state: 'off' as const, pending: 0 })),
    ...overrides,
  };
  handleMessages(handlers);
  const listener = spy.mock.calls[0]?.[0] as unknown as Listener;
  return listener;
}

const NOTICE = { type: 'saved', ids: ['lead-1'], key: 'notice-1' };
const extensionPage = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const contentScript = (frameId = 0): Sender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://www.example.com/team',
  tab: { id: 7 } as Sender['tab'],
  frameId,
});

describe('handleMessages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('answers a valid message from an extension page with its value', async () => {
    const listener = install();
    const actual = await listener({ prospector: 1, type: 'leads.changed', input: NOTICE }, extensionPage());
    expect(actual).toEqual({ value: { ok: true } });
  });

  it('gives no answer to unknown message types or foreign envelopes', () => {
    const listener = install();
    expect(listener({ prospector: 1, type: 'leads.dropAll', input: {} }, extensionPage())).toBeUndefined();
    expect(listener({ type: 'leads.changed' }, extensionPage())).toBeUndefined();
    expect(listener({ prospector: 1, type: '__proto__', input: {} }, extensionPage())).toBeUndefined();
  });

  it('refuses extension-only messages from content scripts and other extensions', () => {
    const listener = install();
    const msg = { prospector: 1, type: 'leads.changed', input: NOTICE };
    expect(listener(msg, contentScript())).toBeUndefined();
    expect(listener(msg, { ...extensionPage(), id: 'another-extension' })).toBeUndefined();
    expect(listener(msg, { id: fakeBrowser.runtime.id, url: 'https://evil.example/popup.html' })).toBeUndefined();
  });

  it('accepts content-script messages only from a top frame', async () => {
    const detect = vi.fn(async () => ({ ok: true as const }));
    const listener = install({ 'detect.count': detect });
    const msg = { prospector: 1, type: 'detect.count', input: { count: 4 } };
    expect(listener(msg, contentScript(3))).toBeUndefined();
    expect(listener(msg, extensionPage())).toBeUndefined();
    expect(await listener(msg, contentScript(0))).toEqual({ value: { ok: true } });
    expect(detect).toHaveBeenCalledWith({ count: 4 }, expect.objectContaining({ frameId: 0 }));
  });

  it('replies with a typed invalid error when the input fails its schema, without calling the handler', async () => {
    const detect = vi.fn(async () => ({ ok: true as const }));
    const listener = install({ 'detect.count': detect });
    const actual = await listener({ prospector: 1, type: 'detect.count', input: { count: -1 } }, contentScript());
    expect(actual).toMatchObject({ error: { code: 'invalid' } });
    expect(detect).not.toHaveBeenCalled();
  });

  it('validates a saved draft once, at the store, and refuses a bad one with a typed error', async () => {
    await leads.clear();
    const listener = install({ 'leads.save': leadsHandlers['leads.save'] });
    const parse = vi.spyOn(LeadDraftSchema, 'safeParse');
    const save = (drafts: unknown[]) =>
      listener({ prospector: 1, type: 'leads.save', input: { drafts } }, extensionPage());

    const saved = await save([
      { fullName: 'Jane Doe', emails: [{ value: 'jane@acme.com', source: 'page', status: 'found' }] },
    ]);
    const refused = await save([{ fullName: 42 }]);

    expect(saved).toMatchObject({ value: { results: [{ outcome: 'created' }] } });
    expect(refused).toMatchObject({ error: { code: 'invalid' } });
    expect(parse).toHaveBeenCalledTimes(2);
    expect(await leads.count()).toBe(1);
  });

  it('turns a handler failure into an error reply', async () => {
    const listener = install({
      'leads.changed': async () => {
        throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
      },
    });
    const actual = await listener({ prospector: 1, type: 'leads.changed', input: NOTICE }, extensionPage());
    expect(actual).toMatchObject({ error: { code: 'quota' } });
  });
});

describe('sender checks', () => {
  it('knows extension pages by id and origin', () => {
    expect(isExtensionPage(extensionPage())).toBe(true);
    expect(isExtensionPage({ id: fakeBrowser.runtime.id })).toBe(false);
  });
  it('knows content scripts by tab and top frame', () => {
    expect(isOurContentScript(contentScript(0))).toBe(true);
    expect(isOurContentScript(contentScript(2))).toBe(false);
    expect(isOurContentScript({ id: fakeBrowser.runtime.id, frameId: 0 })).toBe(false);
  });
});
