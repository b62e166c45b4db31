import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type LeadsNotice, leads, relayLeadsChanges } from '@/lib/db';
import type { Envelope } from '@/lib/messaging/protocol';
import type { Sender } from '@/lib/messaging/server';
import { emptyDatabaseEachTest } from '@/test/db';
import { changesHandlers } from './changes';
import { ALARM_PREFIX, registerReminders } from './reminders';

emptyDatabaseEachTest();

const page: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** The messages this context sent to the background. */
function backgroundInbox(): Envelope[] {
  const inbox: Envelope[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    inbox.push(message as Envelope);
  });
  return inbox;
}

async function followUpAlarms(): Promise<string[]> {
  return (await fakeBrowser.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith(ALARM_PREFIX));
}

describe('lead changes reaching the background', () => {
  it("relays a page's write to the background as a 'leads.changed' message", async () => {
    const inbox = backgroundInbox();

    const { lead } = await leads.save({ fullName: 'Ada Byron', nextFollowUpAt: inAnHour() }, { by: 'import' });

    await expect.poll(() => inbox.length).toBe(1);
    expect(inbox[0]).toMatchObject({
      prospector: 1,
      type: 'leads.changed',
      input: { type: 'saved', ids: [lead.id], key: expect.any(String) },
    });
  });

  it('relays nothing from the background itself', async () => {
    const inbox = backgroundInbox();
    relayLeadsChanges(null);

    await leads.save({ fullName: 'Grace Hopper' }, { by: 'capture' });
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(inbox).toEqual([]);
  });

  it('re-creates the alarms when a notice relayed by a page arrives', async () => {
    // Written before the background listens, as by a page while the service worker was stopped.
    const { lead } = await leads.save({ fullName: 'Katherine Johnson', nextFollowUpAt: inAnHour() });
    registerReminders();
    const before = await followUpAlarms();
    const notice: LeadsNotice = { type: 'saved', ids: [lead.id], key: 'import-1' };

    await changesHandlers['leads.changed'](notice, page);
    await changesHandlers['leads.changed'](notice, page);

    expect(before).toEqual([]);
    await expect.poll(followUpAlarms, { timeout: 5000 }).toEqual([`${ALARM_PREFIX}${lead.id}`]);
  });
});
