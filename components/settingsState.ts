import { signal } from '@preact/signals';
import { applyTheme, DEFAULT_SETTINGS, getSettings, type Settings, watchSettings } from '@/lib/settings';

/** The settings every extension page reads, as a signal (kept current across pages through storage.watch). */
export const settings = signal<Settings>(DEFAULT_SETTINGS);

let started = false;

/** Loads settings, applies the theme, and follows later changes. Safe to call more than once. */
export async function startSettings(): Promise<void> {
  if (started) return;
  started = true;
  watchSettings((next) => {
    settings.value = next;
    applyTheme(next.theme);
  });
  const current = await getSettings();
  settings.value = current;
  applyTheme(current.theme);
}
