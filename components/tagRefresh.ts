import type { LeadsChange } from '@/lib/db';
import type { LeadRepository } from '@/lib/db/api';
import { foldText } from '@/lib/normalize';

/**
 * When a lead list's tag filter re-reads every tag in use. The list re-read them (the tag
 * index, one step per tagged lead in Chromium's unique cursor) after every change notice;
 * with team sync live at 50,000 leads that walk ran per teammate change on each open popup
 * and workspace, while the sync writing the next change waited on the same database (issue
 * 15). Now a change is checked by its own leads: a tag not in the list yet reloads at once
 * (a new tag shows up as before); otherwise the only thing the change can do to the list is
 * leave a tag without leads, which a reload catches later, once for a burst of changes.
 */

/** A notice naming more leads than this reloads at once (an import, a first sync). */
export const CHECK_AT_MOST = 50;
/** The later reload after changes that brought no new tag waits this long, or 10x the last reload. */
export const LATER_MS = 5000;

/** Returns the change listener; `tags` is the list shown, `load` re-reads it. */
export function createTagRefresh(
  repo: Pick<LeadRepository, 'get'>,
  tags: { readonly value: readonly string[] },
  load: () => Promise<void>,
): { onChange(change: LeadsChange): void; stop(): void } {
  let later: ReturnType<typeof setTimeout> | undefined;
  let lastMs = 0;
  const reload = async () => {
    clearTimeout(later);
    later = undefined;
    const started = Date.now();
    await load();
    lastMs = Date.now() - started;
  };
  const check = async (ids: readonly string[]) => {
    const known = new Set(tags.value.map(foldText));
    const changed = await Promise.all(ids.map((id) => repo.get(id).catch(() => undefined)));
    if (changed.some((lead) => lead?.tags.some((tag) => !known.has(foldText(tag))))) return reload();
    later ??= setTimeout(() => void reload(), Math.max(LATER_MS, 10 * lastMs));
  };
  return {
    onChange(change) {
      if (change.type === 'cleared' || change.ids.length > CHECK_AT_MOST) void reload();
      else void check(change.ids);
    },
    stop: () => clearTimeout(later),
  };
}
