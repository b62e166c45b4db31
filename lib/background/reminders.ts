import { type Browser, browser } from '#imports';
import { type LeadsChange, leads, onLeadsChanged } from '@/lib/db';
import type { LeadRepository } from '@/lib/db/api';
import { leadName } from '@/lib/lead/name';
import { DEFAULT_SETTINGS, getSettings, type Settings, settingsItem } from '@/lib/settings';

/**
 * Follow-up reminders: one alarm per upcoming follow-up; when it fires, a
 * notification names the lead and opens it in the workspace on click. The toolbar
 * badge counts follow-ups due today (tabs with their own badge, set by capture, win).
 * Alarms are re-created from the database on install, on browser start, after any change
 * to the leads and when the reminders setting changes, since Chrome does not keep alarms
 * across browser restarts and the service worker keeps nothing in memory. This module owns
 * the alarms: no page asks for a resync; every write to the store reaches the background as
 * a change notice (lib/db/changes.ts), which wakes it when stopped.
 */

export const ALARM_PREFIX = 'followup:';
export const NOTIFICATION_PREFIX = 'lead:';
/** Re-sync alarm: at the next local midnight (the badge's "today" changes) or when more follow-ups wait. */
export const REFRESH_ALARM = 'reminders:refresh';
/** Chrome allows 500 active alarms per extension; the nearest follow-ups get one, the rest wait for a refresh. */
export const MAX_FOLLOW_UP_ALARMS = 400;
const FAR_FUTURE = '9999-12-31T23:59:59.999Z';
const BADGE_COLOR = '#b42318';

export interface ReminderDeps {
  repo: Pick<LeadRepository, 'query' | 'get'>;
  settings: () => Promise<Pick<Settings, 'reminders'>>;
  now: () => Date;
}

const defaultDeps = (): ReminderDeps => ({ repo: leads, settings: getSettings, now: () => new Date() });

function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

/** Sets the global badge to the number of follow-ups due by the end of today (empty when none). */
export async function updateDueBadge(deps: ReminderDeps = defaultDeps()): Promise<number> {
  const { total } = await deps.repo.query({ dueBefore: endOfDay(deps.now()).toISOString(), limit: 1 });
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setBadgeText({ text: total > 0 ? String(Math.min(total, 999)) : '' });
  await browser.action.setTitle({
    title: total > 0 ? `Prospector: ${total} follow-up${total === 1 ? '' : 's'} due today` : 'Prospector',
  });
  return total;
}

/**
 * Re-creates the follow-up alarms from the database: clears ours, schedules the nearest
 * upcoming follow-ups, and a refresh alarm. Returns how many follow-up alarms exist.
 */
export async function syncReminders(deps: ReminderDeps = defaultDeps()): Promise<number> {
  const now = deps.now();
  const existing = await browser.alarms.getAll();
  await Promise.all(existing.filter((a) => a.name.startsWith(ALARM_PREFIX)).map((a) => browser.alarms.clear(a.name)));
  const upcoming: { id: string; when: number }[] = [];
  let more = false;
  if ((await deps.settings()).reminders) {
    let cursor: string | null = null;
    // Indexed by follow-up date, soonest first: only the pages up to the first 400 future ones are read.
    do {
      const page = await deps.repo.query({
        dueBefore: FAR_FUTURE,
        sort: 'followUp',
        direction: 'asc',
        limit: 500,
        cursor,
      });
      for (const lead of page.leads) {
        const when = lead.nextFollowUpAt ? Date.parse(lead.nextFollowUpAt) : Number.NaN;
        if (!(when > now.getTime())) continue;
        if (upcoming.length >= MAX_FOLLOW_UP_ALARMS) {
          more = true;
          break;
        }
        upcoming.push({ id: lead.id, when });
      }
      cursor = more ? null : page.cursor;
    } while (cursor);
  }
  for (const { id, when } of upcoming) browser.alarms.create(`${ALARM_PREFIX}${id}`, { when });
  const midnight = endOfDay(now).getTime() + 1;
  const last = upcoming[upcoming.length - 1]?.when;
  browser.alarms.create(REFRESH_ALARM, { when: more && last !== undefined ? Math.min(midnight, last) : midnight });
  await updateDueBadge(deps);
  return upcoming.length;
}

/** Handles a fired alarm: a follow-up shows its notification; the refresh alarm re-syncs. */
export async function onReminderAlarm(
  alarm: Pick<Browser.alarms.Alarm, 'name'>,
  deps: ReminderDeps = defaultDeps(),
): Promise<string | null> {
  if (alarm.name === REFRESH_ALARM) {
    await syncReminders(deps);
    return null;
  }
  if (!alarm.name.startsWith(ALARM_PREFIX)) return null;
  const id = alarm.name.slice(ALARM_PREFIX.length);
  await updateDueBadge(deps);
  const [lead, settings] = await Promise.all([deps.repo.get(id), deps.settings()]);
  // The follow-up may have been cleared or moved later since the alarm was set (alarms fire up to a minute late or early).
  if (!lead?.nextFollowUpAt || !settings.reminders) return null;
  if (Date.parse(lead.nextFollowUpAt) > deps.now().getTime() + 5 * 60_000) return null;
  const role = [lead.title, lead.companyName].filter(Boolean).join(' at ');
  const notificationId = `${NOTIFICATION_PREFIX}${lead.id}`;
  await browser.notifications.create(notificationId, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `Follow up with ${leadName(lead, 'a lead')}`,
    message: role || 'A follow-up is due.',
    contextMessage: 'Prospector · click to open the lead',
    priority: 1,
  });
  return notificationId;
}

/** Opens the lead a clicked notification names, in the workspace. */
export async function onReminderClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const id = notificationId.slice(NOTIFICATION_PREFIX.length);
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#leads/${id}`) });
  await browser.notifications.clear(notificationId);
}

/** A burst of changes naming at most this many leads is checked by its leads before a resync. */
export const CHECK_AT_MOST = 50;

/**
 * After changes to `ids` only: re-creates the alarms when one of those leads has a follow-up
 * or an alarm, else only recounts the badge (a lead whose due follow-up was cleared has no
 * alarm, as it is past, but counted). A resync pages through every lead with a follow-up;
 * with team sync live, a teammate's change arrives every few seconds, mostly to leads whose
 * follow-ups it does not touch, and each resync held the origin's IndexedDB while the sync
 * writing the next change waited (issue 15). Returns whether it re-created the alarms.
 */
export async function syncChangedReminders(deps: ReminderDeps, ids: readonly string[]): Promise<boolean> {
  const alarms = new Set((await browser.alarms.getAll()).map((a) => a.name));
  const changed = await Promise.all(
    ids.map((id) =>
      deps.repo.get(id).then(
        (lead) => ({ lead }),
        () => null,
      ),
    ),
  );
  const resync =
    ids.some((id) => alarms.has(`${ALARM_PREFIX}${id}`)) ||
    changed.some((read) => read === null || Boolean(read.lead?.nextFollowUpAt));
  if (resync) await syncReminders(deps);
  else await updateDueBadge(deps);
  return resync;
}

let pending: ReturnType<typeof setTimeout> | undefined;
/** Leads named by the changes waiting for the pending run; null: re-create everything. */
let pendingIds: Set<string> | null = new Set();
/** Coalesces bursts of writes (a bulk edit, an import) into one run; small ones are checked by their leads. */
function scheduleSync(deps: () => ReminderDeps, change?: LeadsChange): void {
  if (!change || change.type === 'cleared') pendingIds = null;
  else if (pendingIds) {
    for (const id of change.ids) pendingIds.add(id);
    if (pendingIds.size > CHECK_AT_MOST) pendingIds = null;
  }
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    const ids = pendingIds;
    pendingIds = new Set();
    (ids ? syncChangedReminders(deps(), [...ids]) : syncReminders(deps())).catch((err: unknown) =>
      console.error('reminder sync failed', err),
    );
  }, 1500);
}

/**
 * Follow-up reminders: alarms and notifications. Register synchronously in the
 * background's main. `deps` is for tests; the background uses the lead store.
 */
export function registerReminders(deps: () => ReminderDeps = defaultDeps): void {
  const report = (err: unknown) => console.error('reminders failed', err);
  browser.alarms.onAlarm.addListener((alarm) => {
    onReminderAlarm(alarm, deps()).catch(report);
  });
  browser.notifications.onClicked.addListener((id) => {
    onReminderClicked(id).catch(report);
  });
  browser.runtime.onInstalled.addListener(() => {
    syncReminders(deps()).catch(report);
  });
  browser.runtime.onStartup.addListener(() => {
    syncReminders(deps()).catch(report);
  });
  // Any write from any context: the background's own, and pages' notices (channel or relayed message).
  onLeadsChanged((change) => scheduleSync(deps, change));
  // Turning notifications on or off (also by "Erase all data" or a restored backup's settings).
  settingsItem.watch((next, previous) => {
    if ((next ?? DEFAULT_SETTINGS).reminders !== (previous ?? DEFAULT_SETTINGS).reminders) scheduleSync(deps);
  });
}
