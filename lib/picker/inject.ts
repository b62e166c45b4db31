import { browser } from '#imports';
import { AppError } from '@/lib/errors';
import { type PageRecords, PageRecordsSchema } from './schema';

/**
 * The popup's two injections for picking by example (activeTab + scripting, top frame
 * only): the picker itself, and a recipe's record read. What a page answers is untrusted
 * and checked with zod before use.
 */

/** Starts the in-page picker on the tab. */
export async function injectPicker(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
  } catch (err) {
    throw new AppError('unavailable', 'Prospector cannot pick on this page (the browser protects it).', { cause: err });
  }
}

/** Reads the records a recipe's selector matches on the tab; null when the page cannot be read or answers nonsense. */
export async function readRecipeRecords(tabId: number, selector: string): Promise<PageRecords | null> {
  try {
    // The selector goes in as an argument (never as code), into the isolated world the reader runs in next.
    await browser.scripting.executeScript({
      target: { tabId },
      func: (value: string) => {
        (globalThis as { prospectorRecipeSelector?: string }).prospectorRecipeSelector = value;
      },
      args: [selector],
    });
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/recipe.js'] });
    const parsed = PageRecordsSchema.safeParse(injection?.result);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
