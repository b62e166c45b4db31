import { z } from 'zod';
import { storage } from '#imports';

/**
 * Team sync settings and status, in extension storage apart from `settings`,
 * so they are never in a backup or an export. The password is stored only when the
 * server would not keep a session cookie (then `auth` is "basic"); with a cookie session
 * only the server's AuthSession cookie, in the browser's cookie jar, proves who we are.
 */

/** The port a Prospector page holds open: sync is continuous while one is (lib/background/sync.ts). */
export const SYNC_PORT = 'prospector-sync';

export const SyncConfigSchema = z.object({
  /** The team database URL, e.g. https://couch.example.com/acme-leads (no credentials in it). */
  url: z.url({ protocol: /^https?$/ }).max(2000),
  username: z.string().min(1).max(200),
  /** Shown to teammates as the owner of the leads this browser captures. */
  name: z.string().trim().min(1).max(80),
  auth: z.enum(['cookie', 'basic']),
  password: z.string().max(1000).optional(),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;

export const SYNC_STATES = ['off', 'connecting', 'syncing', 'idle', 'paused', 'error'] as const;

export const SyncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  lastSyncedAt: z.string().optional(),
  /** Local changes not yet on the server (leads written to the mirror since the last push). */
  pending: z.number().int().min(0).default(0),
  /**
   * A first sync of a big list: documents moved so far, and the total when the server says it.
   * Step "copy": a first pull's leads are all stored (the list is usable) and the local copy sync
   * replicates from is being filled (lib/sync/first-pull).
   */
  progress: z
    .object({ done: z.number().int(), total: z.number().int().optional(), step: z.enum(['copy']).optional() })
    .optional(),
  error: z.string().optional(),
  /** Leads a teammate removed that this browser moved to its trash: the token restores them. */
  removedByTeam: z.object({ token: z.string(), count: z.number().int(), at: z.string() }).optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const syncConfigItem = storage.defineItem<SyncConfig | null>('local:syncConfig', { fallback: null });
export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: { state: 'off', pending: 0 },
});

/** The stored sync configuration, or null when sync is off or the stored value is damaged. */
export async function getSyncConfig(): Promise<SyncConfig | null> {
  const parsed = SyncConfigSchema.safeParse(await syncConfigItem.getValue());
  return parsed.success ? parsed.data : null;
}

/** Merges `patch` into the stored status. */
export async function patchSyncStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const current = SyncStatusSchema.safeParse(await syncStatusItem.getValue());
  const next = { ...(current.success ? current.data : { state: 'off' as const, pending: 0 }), ...patch };
  for (const key of Object.keys(patch) as (keyof SyncStatus)[]) if (patch[key] === undefined) delete next[key];
  await syncStatusItem.setValue(next);
  return next;
}
