import type { Handlers } from '@/lib/messaging/server';

/** Capture support in the background: context menus and the toolbar badge (issue 5). */
export function registerCapture(): void {}

export const captureHandlers: Pick<Handlers, 'detect.count'> = {
  'detect.count': async () => ({ ok: true as const }),
};
