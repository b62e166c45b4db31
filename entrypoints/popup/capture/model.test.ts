import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withCaptureBadge } from '@/lib/background/capture';
import { leadsHandlers } from '@/lib/background/leads';
import { SAVED_MARK } from '@/lib/capture/badge';
import { defaultOptions, manualDraft, manualForm } from '@/lib/capture/draft';
import { loadDraft } from '@/lib/capture/session';
import { AppError } from '@/lib/errors';
import type { Extraction } from '@/lib/extract/types';
import type { Lead, LeadDraft } from '@/lib/lead/schema';
import type { Sender } from '@/lib/messaging/server';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import * as model from './model';

const URL_A = 'https://www.linkedin.com/in/jane-doe';
const jane: Extraction = {
  url: URL_A,
  pageKind: 'person',
  company: null,
  people: [
    {
      fullName: 'Jane Doe',
      title: 'VP Sales',
      emails: [],
      phones: [],
      links: [URL_A],
      sources: { fullName: 'json-ld' },
    },
  ],
};

function deps(over: Partial<model.CaptureDeps> = {}): model.CaptureDeps {
  return {
    targetTab: async () => ({ id: 11, url: URL_A }),
    read: async () => jane,
    findDuplicates: async () => [],
    save: async (drafts: LeadDraft[]) =>
      drafts.map((d, i) => ({
        lead: { ...d, id: `id-${i}`, createdAt: '', updatedAt: '', stage: 'new' } as unknown as Lead,
        outcome: 'created' as const,
      })),
    settings: async () => DEFAULT_SETTINGS,
    now: () => new Date('2026-11-26T12:00:00Z'),
    ...over,
  };
}

describe('capture model', () => {
  it('leaves the badge and the draft to the background: a save marks the tab and drops its draft once', async () => {
    // The popup's save goes through the real background handler, as the message would.
    const background = withCaptureBadge(leadsHandlers);
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') } as Sender;
    const removed = vi.spyOn(fakeBrowser.storage.session, 'remove');
    const marked = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await model.start(
      deps({
        save: async (drafts, tabId) => {
          // The protocol parses the message first; the handler's input type is the parsed one.
          const input = { drafts, tabId } as Parameters<(typeof background)['leads.save']>[0];
          return (await background['leads.save'](input, popup)).results;
        },
      }),
    );
    model.setField('p0', 'title', 'Chief Revenue Officer');
    removed.mockClear();
    marked.mockClear();

    await model.save();

    expect(model.phase.value).toBe('saved');
    const draftRemovals = removed.mock.calls.filter(([keys]) => [keys].flat().includes('capture-draft:11'));
    expect(draftRemovals).toHaveLength(1);
    expect(marked.mock.calls.filter(([d]) => d.tabId === 11 && d.text === SAVED_MARK)).toHaveLength(1);
    expect(await loadDraft(11, URL_A)).toBeNull();
  });

  it('keeps everything typed and says why when the save fails', async () => {
    const save = vi.fn(async () => {
      throw new AppError('quota', 'The browser storage for Prospector is full.');
    });
    await model.start(deps({ save }));
    model.setField('p0', 'title', 'Chief Revenue Officer');
    await model.save();

    expect(save).toHaveBeenCalledOnce();
    expect(model.phase.value).toBe('ready');
    expect(model.error.value).toContain('storage for Prospector is full');
    expect(model.singleForm.value?.title).toBe('Chief Revenue Officer');
    expect((await loadDraft(11, URL_A))?.forms[0]?.title).toBe('Chief Revenue Officer');
  });

  it('uses a kept draft only for the same page URL (single-page apps change it without loading)', async () => {
    await model.start(deps());
    model.setField('p0', 'title', 'Typed by hand');
    const other: Extraction = {
      ...jane,
      url: 'https://www.linkedin.com/in/max',
      people: [{ ...jane.people[0], fullName: 'Max Muster' } as never],
    };
    await model.start(deps({ read: async () => other }));
    expect(model.singleForm.value).toMatchObject({ fullName: 'Max Muster', title: 'VP Sales' });
    await model.start(deps());
    expect(model.singleForm.value?.title).toBe('Typed by hand');
  });

  it('turns a page it cannot read into the manual form with the reason', async () => {
    await model.start(
      deps({
        targetTab: async () => ({ id: 12, url: 'chrome://settings/' }),
        read: async () => {
          throw new AppError('unavailable', 'Prospector cannot read this page.');
        },
      }),
    );
    expect(model.draft.value?.mode).toBe('manual');
    expect(model.notice.value).toBe('Prospector cannot read this page.');
  });

  it('saves an existing lead as an update that keeps its stage and refuses a form without identity', async () => {
    const stored = {
      id: 'a',
      createdAt: '2026-11-20T00:00:00Z',
      updatedAt: '2026-11-20T00:00:00Z',
      stage: 'contacted',
      origin: 'outbound',
      edited: [],
      emails: [],
      phones: [],
      links: [URL_A],
      tags: [],
      touches: [],
      sources: [],
      fullName: 'Jane Doe',
      title: 'Sales',
    } as unknown as Lead;
    const save = vi.fn(deps().save);
    await model.start(deps({ findDuplicates: async () => [stored], save }));
    expect(model.changes.value.map((c) => c.field)).toEqual(['title']);
    await model.save();
    expect(save.mock.calls[0]?.[0][0]?.stage).toBe('contacted');

    await model.start(
      deps({
        read: async () => ({ ...jane, url: 'https://x.test/', people: [] }),
        targetTab: async () => ({ id: 13 }),
      }),
    );
    model.setListValue('manual', 'links', 0, null);
    model.setField('manual', 'companyName', '');
    await model.save();
    expect(model.error.value).toMatch(/needs at least a name/);
    expect(model.phase.value).toBe('ready');
  });

  it('refuses a link that is not http(s) with a message, and saves nothing', async () => {
    const save = vi.fn(deps().save);
    await model.start(deps({ save }));
    model.setListValue('p0', 'links', 1, 'javascript:alert(1)');
    await model.save();
    expect(save).not.toHaveBeenCalled();
    expect(model.error.value).toContain('“javascript:alert(1)” is not a web link');
    expect(model.singleForm.value?.links).toContain('javascript:alert(1)');

    model.setListValue('p0', 'links', 1, 'https://acme.example/team');
    await model.save();
    expect(save).toHaveBeenCalledOnce();
    expect(save.mock.calls[0]?.[0][0]?.links).toContain('https://acme.example/team');
  });
});

describe('capture model: people picked by example', () => {
  const picked = (url: string) => ({
    ...manualDraft(url, defaultOptions(DEFAULT_SETTINGS)),
    mode: 'list' as const,
    extractor: 'site-recipe',
    forms: [{ ...manualForm(url), key: 'r0', kind: 'person' as const, fullName: 'Ines Duarte' }],
    selected: ['r0'],
  });

  it('shows the picked list instead of reading the page, and hands the saved draft to afterSave', async () => {
    const read = vi.fn(async () => jane);
    const afterSave = vi.fn(async () => {});
    await model.start(deps({ read, afterSave, byExample: async (tab) => picked(tab.url ?? '') }));
    expect(read).not.toHaveBeenCalled();
    expect(model.draft.value).toMatchObject({ mode: 'list', extractor: 'site-recipe' });
    await model.save();
    expect(model.phase.value).toBe('saved');
    expect(afterSave).toHaveBeenCalledWith(expect.objectContaining({ extractor: 'site-recipe', selected: ['r0'] }));
  });

  it('reads the page as before when nothing was picked and no recipe fits', async () => {
    await model.start(deps({ byExample: async () => null }));
    expect(model.singleForm.value?.fullName).toBe('Jane Doe');
  });
});
