import { defineBackground } from '#imports';
import { captureHandlers, registerCapture, withCaptureBadge } from '@/lib/background/capture';
import { leadsHandlers } from '@/lib/background/leads';
import { registerReminders, remindersHandlers } from '@/lib/background/reminders';
import { registerFitSync } from '@/lib/intel/fit-sync';
import { handleMessages } from '@/lib/messaging/server';

export default defineBackground({
  type: 'module',
  main() {
    // Every listener is registered synchronously, before anything is awaited: an MV3
    // service worker is stopped when idle and woken only by events it registered at start.
    handleMessages(withCaptureBadge({ ...leadsHandlers, ...remindersHandlers, ...captureHandlers }));
    registerReminders();
    registerCapture();
    registerFitSync();
  },
});
