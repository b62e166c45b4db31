import { signal } from '@preact/signals';
import { type Settings, updateSettings } from '@/lib/settings';

/**
 * The settings screen's state: the settings themselves are the one `settings` signal
 * (components/settingsState); this adds the line that says what was saved last.
 */
export const status = signal('');

/** Saves one change to the settings and says so in the page's status line. */
export async function saveSetting(what: string, change: (s: Settings) => Settings): Promise<void> {
  await updateSettings(change);
  status.value = `${what} saved.`;
}

/** What the user types to confirm "Erase all data". */
export const ERASE_PHRASE = 'erase all leads';

/** Storage used and the browser's quota for this extension; null when the browser does not say. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage, quota } = await navigator.storage.estimate();
  return usage === undefined || quota === undefined ? null : { usage, quota };
}

/** Bytes in a human unit (kB, MB, GB; powers of 1024). */
export function bytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
