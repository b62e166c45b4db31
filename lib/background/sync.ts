import { browser } from '#imports';
import { leads, onLeadsChanged } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Handlers } from '@/lib/messaging/server';
import { isExtensionPage } from '@/lib/messaging/server';
import { idbBases } from '@/lib/sync/bases';
import { getSyncConfig, patchSyncStatus, SYNC_PORT, type SyncStatus, syncConfigItem } from '@/lib/sync/config';
import { createSyncEngine } from '@/lib/sync/engine';
import { openMirror, openRemote } from '@/lib/sync/pouch';
import { checkDatabase, databaseUrl, parseDatabaseUrl } from '@/lib/sync/remote';

/**
 * Team sync in the background: the engine's one owner. Pages hold a port named
 * SYNC_PORT while open (continuous sync, and the port keeps the service worker awake);
 * with none open, an alarm runs one round every SYNC_PERIOD_MINUTES. A page closing sends what it
 * wrote at once (the last one: one round). Nothing runs, and no
 * request is made, until the user connects in Settings → Team sync.
 */

export const SYNC_ALARM = 'sync:round';
export const SYNC_PERIOD_MINUTES = 5;

const engine = createSyncEngine({
  leads,
  getConfig: getSyncConfig,
  setStatus: patchSyncStatus,
  openMirror: () => openMirror(),
  openBases: () => idbBases(),
  openRemote: (config) => openRemote(config),
  onLeadsChanged,
});

const ports = new Set<unknown>();

/** Registers the port, alarm and start-up listeners; call synchronously in the background's main. */
export function registerSync(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SYNC_PORT || !port.sender || !isExtensionPage(port.sender)) return;
    ports.add(port);
    void engine.startLive();
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      // The closed page's last write may have committed without its notice reaching this
      // worker: read the store back now rather than at the next alarm.
      if (ports.size === 0) engine.stopLive();
      engine.catchUpSoon();
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM && !engine.isLive()) void engine.syncOnce();
  });
}

async function current(): Promise<SyncStatus> {
  return patchSyncStatus({});
}

export const syncHandlers: Pick<Handlers, 'sync.connect' | 'sync.now' | 'sync.disconnect'> = {
  'sync.connect': async ({ url, username, password, name }) => {
    const target = parseDatabaseUrl(url);
    // The page asked for this origin on the user's click; without it no request could go out.
    const granted = await browser.permissions.contains({ origins: [`${target.origin}/*`] });
    if (!granted) throw new AppError('forbidden', `Prospector may not reach ${target.origin}: allow it when asked.`);
    await engine.close(true);
    await patchSyncStatus({ state: 'connecting', error: undefined, lastSyncedAt: undefined, progress: undefined });
    try {
      const { auth, docCount } = await checkDatabase(fetch, target, username, password);
      await syncConfigItem.setValue({
        url: databaseUrl(target),
        username,
        name,
        auth,
        // With a session cookie the password is not kept.
        ...(auth === 'basic' ? { password } : {}),
      });
      await patchSyncStatus({ state: 'syncing', progress: { done: 0, total: docCount } });
    } catch (err) {
      await patchSyncStatus({ state: 'off', error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    if (ports.size > 0) await engine.startLive();
    else await engine.syncOnce();
    return current();
  },
  'sync.now': async () => {
    if (!(await getSyncConfig())) throw new AppError('invalid', 'Team sync is not connected.');
    await engine.syncOnce();
    return current();
  },
  'sync.disconnect': async () => {
    await engine.close(true);
    await syncConfigItem.setValue(null);
    await browser.alarms.clear(SYNC_ALARM);
    return patchSyncStatus({
      state: 'off',
      pending: 0,
      error: undefined,
      lastSyncedAt: undefined,
      progress: undefined,
      removedByTeam: undefined,
    });
  },
};
