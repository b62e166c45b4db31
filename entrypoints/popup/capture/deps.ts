import { browser } from '#imports';
import { checkExtraction, injectExtractor, targetTab } from '@/lib/capture/read';
import { leads } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { finalize } from '@/lib/extract';
import { sendMessage } from '@/lib/messaging/client';
import { getSettings } from '@/lib/settings';
import type { CaptureDeps } from './model';

/** The real capture dependencies: the tab, the injected extractor, the lead store, the background. */
export const captureDeps: CaptureDeps = {
  targetTab: () => targetTab(),
  read: async (tabId) => {
    const raw = await injectExtractor(tabId);
    if (!raw || typeof raw !== 'object')
      throw new AppError('internal', 'The page did not answer. Reload it and try again.');
    // finalize validates and normalises the page's raw reading; the schema check is the popup's own guard.
    return checkExtraction(finalize(raw));
  },
  findDuplicates: (draft) => leads.findDuplicates(draft),
  save: async (drafts, tabId) => (await sendMessage('leads.save', { drafts, tabId })).results,
  settings: getSettings,
  markTab: async (tabId, isSaved) => {
    // Only the check mark is ours to clear: a detection count on the badge stays.
    if (isSaved) await browser.action.setBadgeText({ tabId, text: '✓' });
    else if ((await browser.action.getBadgeText({ tabId })) === '✓')
      await browser.action.setBadgeText({ tabId, text: '' });
  },
};
