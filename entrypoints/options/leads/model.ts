import { signal } from '@preact/signals';
import { createLeadListModel, toQuery } from '@/components/leadList';
import { store } from '@/components/store';
import type { LeadDraft } from '@/lib/lead/schema';

/** The workspace table's state: the paged list, selection, the active row and the open detail. */
export const list = createLeadListModel(store, 100);
export const selection = signal<ReadonlySet<string>>(new Set());
export const activeIndex = signal(0);
export const tags = signal<string[]>([]);
export const changed = signal(0);
/** Long bulk work: what is happening and how far it got. */
export const progress = signal<{ label: string; done: number; total: number } | null>(null);
/** The last deletion, undoable until the next one. */
export const undo = signal<{ token: string; count: number } | null>(null);
export const notice = signal('');
/** Table or board (by stage). */
export const view = signal<'table' | 'board'>('table');

/** Loads tags for the filter and the bulk tag inputs. */
export async function loadTags(): Promise<void> {
  tags.value = await store.tags().catch(() => []);
}

/** Toggles one lead in the selection. */
export function toggle(id: string, on?: boolean): void {
  const next = new Set(selection.value);
  if (on ?? !next.has(id)) next.add(id);
  else next.delete(id);
  selection.value = next;
}

/** Selects every lead matching the current filters (paging through the store, not just the loaded rows). */
export async function selectAllMatching(): Promise<void> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  const total = list.total.value ?? 0;
  progress.value = { label: 'Selecting', done: 0, total };
  try {
    do {
      const page = await store.query({ ...toQuery(list.filters.value), limit: 1000, cursor });
      for (const lead of page.leads) ids.add(lead.id);
      cursor = page.cursor;
      progress.value = { label: 'Selecting', done: ids.size, total: page.total };
    } while (cursor);
    selection.value = ids;
  } finally {
    progress.value = null;
  }
}

async function eachSelected(label: string, work: (id: string) => Promise<unknown>): Promise<number> {
  const ids = [...selection.value];
  let done = 0;
  progress.value = { label, done, total: ids.length };
  try {
    for (const id of ids) {
      await work(id);
      done++;
      // Repaint the progress every 50 leads, not every lead.
      if (done % 50 === 0) progress.value = { label, done, total: ids.length };
    }
  } finally {
    progress.value = null;
  }
  notice.value = `${label}: ${done} ${done === 1 ? 'lead' : 'leads'} updated.`;
  await list.refresh();
  return done;
}

/** Bulk: hand the selected leads' outreach to a teammate (team sync's owner; synced like any edit). */
export function bulkReassign(owner: string): Promise<number> {
  const name = owner.trim().slice(0, 80);
  if (!name) return Promise.resolve(0);
  return eachSelected(`Reassigned to ${name}`, (id) => store.update(id, { owner: name }));
}

/** Bulk: move the selected leads to a stage. */
export function bulkSetStage(stage: string): Promise<number> {
  return eachSelected('Stage changed', (id) => store.setStage(id, stage));
}

/** Bulk: add or remove a tag on the selected leads. */
export function bulkTag(tag: string, remove: boolean): Promise<number> {
  const clean = tag.trim().slice(0, 60);
  if (!clean) return Promise.resolve(0);
  return eachSelected(remove ? `Tag “${clean}” removed` : `Tag “${clean}” added`, async (id) => {
    const lead = await store.get(id);
    if (!lead) return;
    const has = lead.tags.includes(clean);
    if (remove && has) await store.update(id, { tags: lead.tags.filter((t) => t !== clean) });
    if (!remove && !has) await store.update(id, { tags: [...lead.tags, clean] });
  }).finally(loadTags);
}

/** Bulk: set (or clear) the next follow-up of the selected leads. */
export async function bulkFollowUp(iso: string | undefined): Promise<number> {
  const patch: Partial<LeadDraft> = { nextFollowUpAt: iso };
  return eachSelected('Follow-up set', (id) => store.update(id, patch));
}

/** Bulk: delete the selected leads; the deletion can be undone from the notice. */
export async function bulkDelete(): Promise<void> {
  const ids = [...selection.value];
  if (!ids.length) return;
  const { restoreToken, removed } = await store.remove(ids);
  undo.value = { token: restoreToken, count: removed };
  selection.value = new Set();
  notice.value = '';
  await list.refresh();
}

/** Restores the last deletion. */
export async function undoDelete(): Promise<void> {
  const last = undo.value;
  if (!last) return;
  const restored = await store.restore(last.token);
  undo.value = null;
  notice.value = `Restored ${restored} ${restored === 1 ? 'lead' : 'leads'}.`;
  await list.refresh();
}
