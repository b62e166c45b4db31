// First: no module may build a zod schema before this runs (lib/jitless.ts says why).
import '@/lib/jitless';
import { defineBackground } from '#imports';
import { captureHandlers, registerCapture, withCaptureBadge } from '@/lib/background/capture';
import { changesHandlers, registerChanges } from '@/lib/background/changes';
import { registerE2eSeam } from '@/lib/background/e2e-seam';
import { leadsHandlers } from '@/lib/background/leads';
import { pickerHandlers } from '@/lib/background/picker';
import { registerReminders } from '@/lib/background/reminders';
import { registerSync, syncHandlers } from '@/lib/background/sync';
import { registerFitSync } from '@/lib/intel/fit-sync';
import { handleMessages } from '@/lib/messaging/server';

export default defineBackground({
  type: 'module',
  main() {
    // Every listener is registered synchronously, before anything is awaited: an MV3
    // service worker is stopped when idle and woken only by events it registered at start.
    handleMessages(
      withCaptureBadge({
        ...leadsHandlers,
        ...changesHandlers,
        ...captureHandlers,
        ...pickerHandlers,
        ...syncHandlers,
      }),
    );
    registerChanges();
    registerReminders();
    registerCapture();
    registerFitSync();
    registerSync();
    // Dead code outside Firefox's e2e build (both are compile-time constants).
    if (import.meta.env.MODE === 'e2e' && import.meta.env.FIREFOX) registerE2eSeam();
  },
});
