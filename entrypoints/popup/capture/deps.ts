import { injectExtractor, targetTab } from '@/lib/capture/read';
import { leads } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { finalize } from '@/lib/extract';
import { sendMessage } from '@/lib/messaging/client';
import { getSettings } from '@/lib/settings';
import type { CaptureDeps } from './model';
import { afterSave, byExample } from './pick';

/** The real capture dependencies: the tab, the injected extractor, the lead store, the background. */
export const captureDeps: CaptureDeps = {
  targetTab: () => targetTab(),
  read: async (tabId) => {
    const raw = await injectExtractor(tabId);
    if (!raw || typeof raw !== 'object')
      throw new AppError('internal', 'The page did not answer. Reload it and try again.');
    // finalize is the page -> extension boundary: it validates and normalises the raw reading
    // once, and its Extraction is trusted from here on. The user's default country is the
    // last guess for national phone numbers.
    const { defaultCountry } = await getSettings();
    return finalize(raw, { defaultCountry });
  },
  findDuplicates: (draft) => leads.findDuplicates(draft),
  save: async (drafts, tabId) => (await sendMessage('leads.save', { drafts, tabId })).results,
  settings: getSettings,
  byExample,
  afterSave,
  markTab: async (tabId, url, leadId) => {
    // The page's lead was found (or not): the background owns the badge and the context menu's state.
    await sendMessage('capture.found', { tabId, url, leadId });
  },
};
