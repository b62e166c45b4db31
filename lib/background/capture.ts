import { type Browser, browser } from '#imports';
import { markTabSaved, tabKeys, tabLead, unmarkTab } from '@/lib/capture/badge';
import { addPending, PENDING_KINDS, type PendingKind } from '@/lib/capture/pending';
import { clearDraft } from '@/lib/capture/session';
import { leads } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Lead } from '@/lib/lead/schema';
import type { Handlers } from '@/lib/messaging/server';
import { normalizeEmail, normalizePhone } from '@/lib/normalize';
import { getSettings } from '@/lib/settings';

/**
 * Capture support in the background: the toolbar badge (a check mark on a tab
 * whose lead is saved, a count of prospects where per-site detection runs), the context
 * menu "Add selection to lead as email / phone / note", and the runtime registration of
 * the detection script on the sites the user granted.
 */

const MENU_PARENT = 'prospector-add-selection';
const MENU_LABELS: Record<PendingKind, string> = { email: 'as email', phone: 'as phone', note: 'as note' };

export { markTabSaved } from '@/lib/capture/badge';
export const DETECT_SCRIPT_ID = 'prospector-detect';

/**
 * Wraps the store's 'leads.save' handler: after a save from a tab, the tab's badge shows
 * the check mark and its capture draft is dropped, even when the popup closed meanwhile.
 * The background is the one owner of both: the popup only sends the save.
 */
export function withCaptureBadge<H extends Pick<Handlers, 'leads.save'>>(handlers: H): H {
  const save = handlers['leads.save'];
  return {
    ...handlers,
    'leads.save': async (input, sender) => {
      const output = await save(input, sender);
      const tabId = input.tabId;
      if (tabId !== undefined) {
        const url = input.drafts[0]?.sources?.[0]?.url ?? '';
        await Promise.all([
          markTabSaved(
            tabId,
            url,
            output.results.map((r) => r.lead.id),
          ),
          clearDraft(tabId),
        ]).catch((err: unknown) => console.warn('Prospector: could not mark the tab as saved', err));
      }
      return output;
    },
  };
}

function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU_PARENT, title: 'Add selection to lead', contexts: ['selection'] });
    for (const kind of PENDING_KINDS) {
      browser.contextMenus.create({
        id: `${MENU_PARENT}:${kind}`,
        parentId: MENU_PARENT,
        title: MENU_LABELS[kind],
        contexts: ['selection'],
      });
    }
  });
}

/** Adds a selected value to the page's saved lead, or keeps it for the popup's form when none is saved yet. */
export async function addSelection(
  tabId: number,
  pageUrl: string,
  kind: PendingKind,
  text: string,
): Promise<'lead' | 'draft'> {
  // Selections span line breaks; an address or number must be one line, a note keeps its lines.
  const value = (kind === 'note' ? text : text.replace(/\s+/g, ' ')).trim().slice(0, 10_000);
  if (!value) throw new AppError('invalid', 'Nothing is selected.');
  const known = await tabLead(tabId, pageUrl);
  const lead: Lead | undefined =
    known?.leadIds.length === 1 && known.leadIds[0] ? await leads.get(known.leadIds[0]) : undefined;
  if (!lead) {
    await addPending(tabId, pageUrl, kind, value);
    return 'draft';
  }
  if (kind === 'email') {
    const email = normalizeEmail(value);
    if (!email) throw new AppError('invalid', `“${value.slice(0, 60)}” is not an email address.`);
    if (!lead.emails.some((e) => e.value === email)) {
      await leads.update(lead.id, {
        emails: [...lead.emails, { value: email, source: 'user', status: 'verified-by-user' }],
      });
    }
  } else if (kind === 'phone') {
    const phone = normalizePhone(value, (await getSettings()).defaultCountry);
    if (!phone) throw new AppError('invalid', `“${value.slice(0, 60)}” is not a phone number.`);
    if (!lead.phones.some((p) => p.value === phone.value)) {
      await leads.update(lead.id, {
        phones: [...lead.phones, { value: phone.value, ...(phone.raw ? { raw: phone.raw } : {}), source: 'user' }],
      });
    }
  } else {
    await leads.update(lead.id, { notes: lead.notes ? `${lead.notes}\n${value}` : value });
  }
  return 'lead';
}

async function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  const id = String(info.menuItemId);
  if (!id.startsWith(`${MENU_PARENT}:`) || tab?.id === undefined || !info.selectionText) return;
  const kind = id.slice(MENU_PARENT.length + 1) as PendingKind;
  if (!PENDING_KINDS.includes(kind)) return;
  try {
    await addSelection(tab.id, info.pageUrl ?? tab.url ?? '', kind, info.selectionText);
  } catch (err) {
    console.warn('Prospector: could not add the selection', err);
  }
}

/** Host patterns granted at runtime (optional permissions), i.e. the sites with "always detect". */
async function detectionOrigins(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  return (all.origins ?? []).filter((o) => !required.has(o));
}

/** Registers the detection script on exactly the granted sites (none: unregistered). */
export async function syncDetection(): Promise<string[]> {
  const origins = await detectionOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [DETECT_SCRIPT_ID] });
  if (origins.length === 0) {
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [DETECT_SCRIPT_ID] });
    return [];
  }
  const script = {
    id: DETECT_SCRIPT_ID,
    matches: origins,
    js: ['/detect.js'],
    runAt: 'document_idle' as const,
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (registered.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return origins;
}

/** Registers capture's listeners. Call synchronously at the top of the background's main. */
export function registerCapture(): void {
  browser.runtime.onInstalled.addListener(() => {
    createMenus();
    void syncDetection().catch((err: unknown) => console.warn('Prospector: detection sync failed', err));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  const resync = () =>
    void syncDetection().catch((err: unknown) => console.warn('Prospector: detection sync failed', err));
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabKeys(tabId));
  });
}

export const captureHandlers: Pick<Handlers, 'detect.count' | 'capture.found'> = {
  /** The popup's lookup of the page's stored lead, shown on the tab's badge. */
  'capture.found': async ({ tabId, url, leadId }) => {
    if (leadId) await markTabSaved(tabId, url, [leadId]);
    else await unmarkTab(tabId);
    return { ok: true as const };
  },
  /** The detection script's count of prospects becomes the tab's badge, unless the page's lead is saved. */
  'detect.count': async ({ count }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new AppError('forbidden', 'No tab');
    if (sender.url && (await tabLead(tabId, sender.url))) return { ok: true as const };
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#0f766e' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
    return { ok: true as const };
  },
};
