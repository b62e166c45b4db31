import { browser } from '#imports';
import { SYNC_PORT } from './config';

/** How often an open page tells the background it is still there (Chrome stops an idle worker after 30 s). */
const PING_MS = 20_000;

/**
 * Held by every open Prospector page: while one is open, team sync is continuous (the
 * background starts live replication on the first port and stops it after the last). The
 * pings keep the service worker awake; without a sync configuration the background ignores them.
 */
export function keepSyncLive(): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const connect = () => {
    port = browser.runtime.connect({ name: SYNC_PORT });
    // The worker may be restarted (an update, a crash): reconnect once it is back.
    port.onDisconnect.addListener(() => {
      port = null;
    });
  };
  connect();
  timer = setInterval(() => {
    if (!port) connect();
    else port.postMessage({ ping: true });
  }, PING_MS);
  return () => {
    clearInterval(timer);
    port?.disconnect();
  };
}
