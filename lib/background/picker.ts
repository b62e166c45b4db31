import { browser } from '#imports';
import { clearDraft } from '@/lib/capture/session';
import { AppError } from '@/lib/errors';
import type { Handlers } from '@/lib/messaging/server';
import { peopleOf } from '@/lib/picker/draft';
import { guessMapping } from '@/lib/picker/fields';
import { PickStateSchema } from '@/lib/picker/schema';
import { savePick } from '@/lib/picker/session';

/**
 * The background's side of picking by example: it receives the records the
 * in-page picker confirmed (the popup was closed by the page taking focus), guesses the
 * line → field mapping once, and keeps them as the tab's pending selection, which the
 * popup shows as its checklist when it opens again. The badge shows how many people wait.
 */
export const pickerHandlers: Pick<Handlers, 'picker.picked'> = {
  'picker.picked': async (input, sender) => {
    const tabId = sender.tab?.id;
    // The page is the sender's own URL, never a value the page script claims.
    const pick = PickStateSchema.safeParse({
      ...input,
      url: sender.url,
      mapping: guessMapping(input.records),
      source: 'picker',
    });
    if (tabId === undefined || !pick.success) throw new AppError('forbidden', 'Not a page Prospector can keep.');
    await savePick(tabId, pick.data);
    // A new pick replaces whatever the popup had kept for this page.
    await clearDraft(tabId);
    const named = peopleOf(pick.data).filter((p) => p.named).length;
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#0f766e' });
    await browser.action.setBadgeText({ tabId, text: String(Math.min(pick.data.records.length, 999)) });
    // Chrome 127+ may open the popup without a click; elsewhere the badge says the list is waiting.
    try {
      await browser.action.openPopup?.();
    } catch {
      // Not allowed here (no focused window, older browser): the badge is enough.
    }
    return { people: named };
  },
};
