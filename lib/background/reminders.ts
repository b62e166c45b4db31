import type { Handlers } from '@/lib/messaging/server';

/** Follow-up reminders: alarms and notifications (issue 6). Register synchronously in the background's main. */
export function registerReminders(): void {}

export const remindersHandlers: Pick<Handlers, 'reminders.sync'> = {
  'reminders.sync': async () => ({ scheduled: 0 }),
};
