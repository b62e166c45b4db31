import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LeadsChange } from '@/lib/db';
import type { LeadPage, LeadQuery } from '@/lib/db/api';
import type { Lead } from '@/lib/lead/schema';
import { makeLead } from '@/test/factories';

// The store lands separately; these tests hand the reminders a repository over an array.
const changeListeners = vi.hoisted(() => [] as Array<(change: LeadsChange) => void>);
vi.mock('@/lib/db', () => ({
  leads: {},
  onLeadsChanged: (cb: (change: LeadsChange) => void) => {
    changeListeners.push(cb);
    return () => {};
  },
}));

const {
  ALARM_PREFIX,
  onReminderAlarm,
  onReminderClicked,
  REFRESH_ALARM,
  registerReminders,
  syncReminders,
  updateDueBadge,
} = await import('./reminders');

const NOW = new Date(2026, 10, 26, 12, 0, 0);
let n = 0;
function lead(patch: Partial<Lead>): Lead {
  n++;
  return makeLead(n, { createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), ...patch });
}

/** A repository over an array that honours dueBefore, followUp sort and paging. */
function arrayRepo(all: Lead[]) {
  return {
    async query(q: LeadQuery): Promise<LeadPage> {
      let rows = all.filter((l) => !q.dueBefore || (l.nextFollowUpAt && l.nextFollowUpAt <= q.dueBefore));
      if (q.sort === 'followUp')
        rows = [...rows].sort((a, b) => (a.nextFollowUpAt ?? '').localeCompare(b.nextFollowUpAt ?? ''));
      const start = q.cursor ? Number(q.cursor) : 0;
      const limit = q.limit ?? 50;
      const page = rows.slice(start, start + limit);
      return { leads: page, total: rows.length, cursor: start + limit < rows.length ? String(start + limit) : null };
    },
    async get(id: string) {
      return all.find((l) => l.id === id);
    },
  };
}

const inHours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

function deps(all: Lead[], reminders = true) {
  return { repo: arrayRepo(all), settings: async () => ({ reminders }), now: () => NOW };
}

describe('reminders', () => {
  it('creates one alarm per upcoming follow-up, none for past or missing ones, plus the refresh alarm', async () => {
    const future = lead({ nextFollowUpAt: inHours(2) });
    const past = lead({ nextFollowUpAt: inHours(-2) });
    const none = lead({});
    await fakeBrowser.alarms.create(`${ALARM_PREFIX}stale`, { when: NOW.getTime() + 1000 });

    const scheduled = await syncReminders(deps([future, past, none]));

    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
    expect(scheduled).toBe(1);
    expect(names).toEqual([`${ALARM_PREFIX}${future.id}`, REFRESH_ALARM].sort());
    const alarm = await fakeBrowser.alarms.get(`${ALARM_PREFIX}${future.id}`);
    expect(alarm?.scheduledTime).toBe(Date.parse(inHours(2)));
  });

  it('schedules no follow-up alarms when reminders are off', async () => {
    const scheduled = await syncReminders(deps([lead({ nextFollowUpAt: inHours(2) })], false));
    expect(scheduled).toBe(0);
  });

  it('caps alarms at 400 and refreshes when the last scheduled one fires', async () => {
    const many = Array.from({ length: 450 }, (_, i) => lead({ nextFollowUpAt: inHours(1 + i / 100) }));
    const scheduled = await syncReminders(deps(many));
    expect(scheduled).toBe(400);
    const refresh = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(refresh?.scheduledTime).toBe(Date.parse(many[399]?.nextFollowUpAt ?? ''));
  });

  it('badges the follow-ups due today (including overdue) and clears the badge when none', async () => {
    const all = [lead({ nextFollowUpAt: inHours(-30) }), lead({ nextFollowUpAt: inHours(3) }), lead({})];
    all.push(lead({ nextFollowUpAt: inHours(48) }));
    expect(await updateDueBadge(deps(all))).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await updateDueBadge(deps([]))).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('notifies with the lead name when its alarm fires, and opens the lead on click', async () => {
    const due = lead({
      fullName: 'Ada Lovelace',
      title: 'CTO',
      companyName: 'Engines',
      nextFollowUpAt: NOW.toISOString(),
    });
    const id = await onReminderAlarm({ name: `${ALARM_PREFIX}${due.id}` }, deps([due]));
    const shown = await fakeBrowser.notifications.getAll();
    expect(id).toBe(`lead:${due.id}`);
    expect(shown[`lead:${due.id}`]).toMatchObject({ title: 'Follow up with Ada Lovelace', message: 'CTO at Engines' });

    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await onReminderClicked(`lead:${due.id}`);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(new RegExp(`/options.html#leads/${due.id}$`)) });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('stays silent when the follow-up was cleared or moved later', async () => {
    const cleared = lead({});
    const moved = lead({ nextFollowUpAt: inHours(24) });
    expect(await onReminderAlarm({ name: `${ALARM_PREFIX}${cleared.id}` }, deps([cleared, moved]))).toBeNull();
    expect(await onReminderAlarm({ name: `${ALARM_PREFIX}${moved.id}` }, deps([cleared, moved]))).toBeNull();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});

describe('registered listeners', () => {
  it('re-creates alarms from the database on browser start, and a fired alarm shows its notification', async () => {
    const due = lead({ fullName: 'Grace Hopper', nextFollowUpAt: inHours(1) });
    const all = [due];
    registerReminders(() => deps(all));

    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(`${ALARM_PREFIX}${due.id}`)).toBeDefined());

    // The follow-up time comes: the alarm fires and the notification names the lead.
    all[0] = { ...due, nextFollowUpAt: NOW.toISOString() };
    await fakeBrowser.alarms.onAlarm.trigger({ name: `${ALARM_PREFIX}${due.id}`, scheduledTime: NOW.getTime() });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.notifications.getAll())[`lead:${due.id}`]).toMatchObject({
        title: 'Follow up with Grace Hopper',
      }),
    );
  });

  it('schedules on install too', async () => {
    const soon = lead({ nextFollowUpAt: inHours(5) });
    registerReminders(() => deps([soon]));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(`${ALARM_PREFIX}${soon.id}`)).toBeDefined());
  });

  it('after a change to leads without follow-ups or alarms, recounts the badge only; a follow-up re-creates the alarms', async () => {
    // Arrange: 30 upcoming follow-ups with their alarms, and a lead without one (a teammate's change).
    const followed = Array.from({ length: 30 }, (_, i) => lead({ nextFollowUpAt: inHours(i + 1) }));
    const plain = lead({ fullName: 'No follow-up' });
    const all = [...followed, plain];
    const repo = arrayRepo(all);
    const query = vi.spyOn(repo, 'query');
    changeListeners.length = 0;
    registerReminders(() => ({ repo, settings: async () => ({ reminders: true }), now: () => NOW }));
    await syncReminders({ repo, settings: async () => ({ reminders: true }), now: () => NOW });
    query.mockClear();
    // Act: a change to the lead without a follow-up
    for (const cb of changeListeners) cb({ type: 'saved', ids: [plain.id], by: 'sync' });
    await vi.waitFor(() => expect(query).toHaveBeenCalled(), { timeout: 4000 });
    await new Promise((r) => setTimeout(r, 50));
    // Assert: one count for the badge, no page of follow-ups
    expect(query.mock.calls.map(([q]) => q.limit)).toEqual([1]);
    // Act: a follow-up set on it re-creates the alarms
    query.mockClear();
    all[all.length - 1] = { ...plain, nextFollowUpAt: inHours(100) };
    for (const cb of changeListeners) cb({ type: 'updated', ids: [plain.id] });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(`${ALARM_PREFIX}${plain.id}`)).toBeDefined(), {
      timeout: 4000,
    });
    expect(query.mock.calls.some(([q]) => q.sort === 'followUp')).toBe(true);
  });
});
