import { signal } from '@preact/signals';
import { createLeadListModel } from '@/components/leadList';
import { store } from '@/components/store';

/** The popup's Leads view state: the paged list, the open lead, tags for the filter. */
export const list = createLeadListModel(store, 50);
/** The lead whose detail is open; null shows the list. */
export const openId = signal<string | null>(null);
/** Index of the row that has keyboard focus. */
export const activeIndex = signal(0);
export const tags = signal<string[]>([]);
/** Bumped on every store change so an open detail reloads. */
export const changed = signal(0);
/** The row the list returns to after the detail closes. */
export const scrollTop = signal(0);

/** Loads tags for the filter (cheap; the store keeps a tag index). */
export async function loadTags(): Promise<void> {
  try {
    tags.value = await store.tags();
  } catch {
    tags.value = [];
  }
}
