import { z } from 'zod';
import { browser } from '#imports';
import type { FormDraft } from './schemas';

/**
 * Values the user sent from the page's context menu ("Add selection to lead as email /
 * phone / note") while no saved lead matched the page: kept per tab and page in
 * storage.session until the popup opens and puts them into its form.
 */

export const PENDING_KINDS = ['email', 'phone', 'note'] as const;
export type PendingKind = (typeof PENDING_KINDS)[number];

const PendingSchema = z.object({
  url: z.string().max(4096),
  items: z.array(z.object({ kind: z.enum(PENDING_KINDS), value: z.string().max(10_000) })).max(100),
});
export type Pending = z.infer<typeof PendingSchema>;

const key = (tabId: number) => `capture-pending:${tabId}`;

/** Adds a selected value for the tab's page (a value for another page of the tab replaces the old list). */
export async function addPending(tabId: number, url: string, kind: PendingKind, value: string): Promise<void> {
  const current = await readPending(tabId);
  const items = current && current.url === url ? current.items : [];
  const next: Pending = { url, items: [...items, { kind, value: value.trim().slice(0, 10_000) }].slice(-100) };
  await browser.storage.session.set({ [key(tabId)]: next });
}

async function readPending(tabId: number): Promise<Pending | null> {
  const raw = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  const parsed = PendingSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Takes (and forgets) the values waiting for the tab's page. */
export async function takePending(tabId: number, url: string): Promise<Pending['items']> {
  const current = await readPending(tabId);
  if (!current || current.url !== url) return [];
  await browser.storage.session.remove(key(tabId));
  return current.items;
}

/** Puts pending values into a form, as typed by the user. */
export function applyPending(form: FormDraft, items: Pending['items']): FormDraft {
  const next = { ...form, emails: [...form.emails], phones: [...form.phones], edited: [...form.edited] };
  const mark = (field: string) => {
    if (!next.edited.includes(field)) next.edited.push(field);
    next.sources = { ...next.sources, [field]: 'user' };
  };
  for (const item of items) {
    if (item.kind === 'email' && !next.emails.includes(item.value)) {
      next.emails.push(item.value);
      mark('emails');
    } else if (item.kind === 'phone' && !next.phones.includes(item.value)) {
      next.phones.push(item.value);
      mark('phones');
    } else if (item.kind === 'note') {
      next.notes = next.notes ? `${next.notes}\n${item.value}` : item.value;
      mark('notes');
    }
  }
  return next;
}
