import { browser } from '#imports';
import type { LeadRepository } from '@/lib/db/api';

/**
 * "Erase all data": the leads and the trash, and everything else Prospector keeps
 * in this browser profile: capture drafts, selections waiting for the popup and the saved
 * state of tabs (storage.session), the settings and the export, insights and ideal-customer
 * preferences (storage.local), and the popup's snapshot of its first rows (localStorage).
 * Site permissions are the browser's, not data: the settings page lists and revokes them.
 */

export interface Erased {
  leads: number;
  trash: number;
  drafts: number;
  pending: number;
  /** Names of the preferences reset to their defaults (storage.local keys). */
  preferences: string[];
}

const count = (keys: string[], prefix: string) => keys.filter((k) => k.startsWith(prefix)).length;

/** Erases every kind of data listed above and says how much of each went. */
export async function eraseAllData(
  repo: Pick<LeadRepository, 'clear'>,
  forgetSnapshot: () => void = () => {},
): Promise<Erased> {
  const { leads, trash } = await repo.clear();
  const session = Object.keys(await browser.storage.session.get(null));
  await browser.storage.session.clear();
  const preferences = Object.keys(await browser.storage.local.get(null)).sort();
  await browser.storage.local.clear();
  forgetSnapshot();
  return {
    leads,
    trash,
    drafts: count(session, 'capture-draft:'),
    pending: count(session, 'capture-pending:') + count(session, 'picker-pick:'),
    preferences,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
// Storage keys as the user knows them; "$"-suffixed keys are WXT's version markers.
const PREFERENCE_NAMES: Record<string, string> = {
  settings: 'settings and pipeline',
  exportPrefs: 'export preferences',
  insightsPrefs: 'insights preferences',
  icp: 'ideal customer profile',
  siteRecipes: 'site recipes',
};

/** What eraseAllData erased, in one sentence for the settings page. */
export function describeErased(erased: Erased): string {
  const prefs = [...new Set(erased.preferences.filter((k) => !k.endsWith('$')).map((k) => PREFERENCE_NAMES[k] ?? k))];
  const parts = [
    `${plural(erased.leads, 'lead')}${erased.trash > 0 ? ` (and ${plural(erased.trash, 'deleted lead')} kept for undo)` : ''}`,
    plural(erased.drafts, 'capture draft'),
    plural(erased.pending, 'pending selection list'),
    prefs.length > 0 ? `your ${prefs.join(', ')} (back to defaults)` : 'no saved preferences',
  ];
  return `Erased ${parts.join(', ')}. Site permissions are kept; revoke them under Sites with automatic detection.`;
}
