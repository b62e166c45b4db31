import type { LeadRepository, LeadsChange } from '@/lib/db';
import { openDatabase, type ProspectorDatabase } from '@/lib/db/database';
import { AppError } from '@/lib/errors';
import type { SyncBases } from './bases';
import { type Bridge, createBridge, NOTICE_EVERY, type PullResult, readStoredLeads } from './bridge';
import type { SyncConfig, SyncStatus } from './config';
import { canLoadFirstPull, type FirstPullDeps, finishLoad, hasUnfinishedLoad, loadFirstPull } from './first-pull';
import { type FirstPushDeps, finishPush, hasUnfinishedPush, pushFirst } from './first-push';
import { timed } from './phases';
import type { PouchDatabase } from './pouch';

/**
 * The team sync engine, owned by the background: one mirror, one bridge and
 * one replication at a time. Continuous (PouchDB live sync plus the mirror's live changes)
 * while a Prospector page holds a port open; one round on an alarm otherwise. Every step
 * runs in one queue, so a push and a pull never interleave on the same lead.
 * Without a configuration it does nothing: no PouchDB is opened and no request is made.
 */

export interface EngineDeps {
  leads: LeadRepository;
  getConfig: () => Promise<SyncConfig | null>;
  setStatus: (patch: Partial<SyncStatus>) => Promise<unknown>;
  openMirror: () => PouchDatabase;
  /** The bases of the mirror's leads (lib/sync/bases), forgotten with the mirror. */
  openBases: () => SyncBases;
  openRemote: (config: SyncConfig) => PouchDatabase;
  onLeadsChanged: (cb: (change: LeadsChange) => void) => () => void;
  /** The store's database (the one `leads` writes); lib/db's by default. */
  openStore?: () => Promise<ProspectorDatabase>;
  now?: () => string;
}

const WATERMARK_ID = '_local/prospector-watermark';
/** Documents per replication batch (PouchDB's default is 100: a request and checkpoint each). */
const BATCH_SIZE = 500;
/**
 * Documents per batch of the replication right after a first pull's load or a first push: it
 * compares revisions only (no document travels), so bigger batches mean fewer requests and
 * checkpoints. Usually it has nothing to compare: both write the checkpoints it resumes from.
 */
const COMPARE_BATCH_SIZE = 2000;
/**
 * A catch-up reads back this far before its last one: a write that was under way while it
 * read (its updatedAt set, its transaction not yet committed) is read by the next one.
 */
const CATCH_UP_OVERLAP_MS = 60_000;
/** How long after a page closed the store is read back (several pages closing: one read). */
const CATCH_UP_DELAY_MS = 200;
/** Retries of a failing live sync wait 1 s, 2 s, 4 s ... up to 5 minutes. */
export function backOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(delay * 2, 5 * 60_000);
}

/** A replication or HTTP error in words (the local list is never touched by one). */
export function explainSyncError(err: unknown): string {
  const e = err as { status?: number; message?: string; reason?: string; name?: string } | null;
  if (err instanceof AppError) return err.message;
  switch (e?.status) {
    case 401:
      return 'The server no longer accepts your session or password (401). Enter your password and Connect again. Nothing was deleted.';
    case 403:
      return 'You are not a member of the team database (403). Ask your admin. Nothing was deleted.';
    case 404:
      return 'The team database no longer exists on the server (404). Your local list is untouched.';
    default:
      if (!e?.status || e.status >= 500 || e.name === 'TypeError')
        return 'The server cannot be reached; sync will retry. Your changes are kept.';
      return `Sync failed: ${e.reason ?? e.message ?? String(err)}`;
  }
}

interface Session {
  config: SyncConfig;
  mirror: PouchDatabase;
  bases: SyncBases;
  remote: PouchDatabase;
  bridge: Bridge;
  unsubscribe: () => void;
  /**
   * A first pull's mirror is not filled yet (lib/sync/first-pull): local changes wait for the
   * round that finishes it, since a push needs each lead's base revision in the mirror.
   */
  unfinishedLoad: boolean;
  /** A first push's mirror is not written yet (lib/sync/first-push): the same wait, for the same reason. */
  unfinishedPush: boolean;
}

/** Creates the engine (no work until asked). */
export function createSyncEngine(deps: EngineDeps) {
  const now = deps.now ?? (() => new Date().toISOString());
  const openStore = deps.openStore ?? openDatabase;
  let session: Session | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const dirty = new Set<string>();
  const pending = new Set<string>();
  let live: { cancel(): void } | null = null;
  let feed: { cancel(): void } | null = null;
  /** The live replication failed and is waiting out its backoff (up to 5 minutes). */
  let liveFailing = false;
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  let pullTimer: ReturnType<typeof setTimeout> | undefined;
  let catchUpTimer: ReturnType<typeof setTimeout> | undefined;

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  }

  async function open(): Promise<Session | null> {
    if (session) return session;
    const config = await deps.getConfig();
    if (!config) return null;
    const mirror = deps.openMirror();
    const bases = deps.openBases();
    const bridge = createBridge({
      leads: deps.leads,
      mirror,
      bases,
      me: config.name,
      readLeads: (ids) => readStoredLeads(ids, openStore),
    });
    const unsubscribe = deps.onLeadsChanged((change) => {
      if (change.type === 'cleared') return; // Erasing this browser's list does not erase the team's.
      if (change.by === 'sync') return; // What sync itself stored is in the mirror already.
      for (const id of change.ids) dirty.add(id);
      clearTimeout(pushTimer);
      pushTimer = setTimeout(() => void flush().catch(() => {}), 50);
    });
    const [unfinishedLoad, unfinishedPush] = await Promise.all([hasUnfinishedLoad(mirror), hasUnfinishedPush(mirror)]);
    session = {
      config,
      mirror,
      bases,
      remote: deps.openRemote(config),
      bridge,
      unsubscribe,
      unfinishedLoad,
      unfinishedPush,
    };
    return session;
  }

  async function status(patch: Partial<SyncStatus>): Promise<void> {
    await deps.setStatus({ pending: pending.size, ...patch });
  }

  /** Pushes the leads changed since the last push into the mirror. */
  function flush(): Promise<number> {
    return exclusive(async () => {
      const s = await open();
      if (!s || dirty.size === 0 || s.unfinishedLoad || s.unfinishedPush) return 0;
      const ids = [...dirty];
      dirty.clear();
      const written = await timed('flush.push', () => s.bridge.push(ids));
      if (written > 0) for (const id of ids) pending.add(id);
      await status({});
      // A live replication waiting out its backoff would hold this change for up to 5 minutes.
      if (written > 0 && liveFailing) restartLive(s);
      return written;
    });
  }

  /**
   * Reads the store back for changes no notice announced and sends them: into the live
   * replication, or in one round when none runs. Called when a page closed: a write it made
   * just before (a delete, then the tab closed) can commit while the page goes away before its
   * notice leaves it, and would otherwise wait for the next alarm.
   */
  function catchUpSoon(): void {
    clearTimeout(catchUpTimer);
    catchUpTimer = setTimeout(() => {
      if (!live) return void syncOnce();
      void exclusive(async () => {
        const s = await open();
        if (s) await timed('catchUp', () => catchUp(s));
      })
        .then(flush)
        .catch((err) => void status({ state: 'error', error: explainSyncError(err) }));
    }, CATCH_UP_DELAY_MS);
  }

  /** Leads and removals newer than the watermark (changes made while no sync context was awake). */
  async function catchUp(s: Session): Promise<void> {
    let mark: { _id: string; _rev?: string; at: string } = { _id: WATERMARK_ID, at: '' };
    try {
      mark = (await s.mirror.get(WATERMARK_ID)) as unknown as typeof mark;
    } catch {
      // No watermark: every stored lead is new to the mirror.
    }
    const started = now();
    const db = await openStore();
    const since = mark.at ? Date.parse(mark.at) : Number.POSITIVE_INFINITY;
    const tx = db.transaction(['leads', 'trash'], 'readonly');
    const [ids, removed] = await Promise.all([
      mark.at
        ? tx
            .objectStore('leads')
            .index('by-updated')
            .getAllKeys(IDBKeyRange.upperBound([-since], true))
        : tx.objectStore('leads').getAllKeys(),
      mark.at ? tx.objectStore('trash').index('by-removed').getAllKeys(IDBKeyRange.lowerBound(mark.at, true)) : [],
    ]);
    for (const id of [...ids, ...removed]) dirty.add(String(id));
    mark.at = new Date(Date.parse(started) - CATCH_UP_OVERLAP_MS).toISOString();
    const saved = await s.mirror.put(mark as PouchDB.Core.PutDocument<object>);
    mark._rev = saved.rev;
  }

  /** One full round: local changes into the mirror, the mirror with the server, then into the store. */
  function syncOnce(): Promise<SyncStatus | null> {
    return exclusive(async () => {
      const s = await open();
      if (!s) return null;
      try {
        await status({ state: 'syncing', error: undefined });
        // A first pull cut short: its mirror is finished before anything is pushed.
        if (s.unfinishedLoad) await timed('load.finish', () => finishLoad(loadDeps(s), storedRevs));
        s.unfinishedLoad = false;
        // A first push cut short: likewise, every stored lead reaches the mirror first.
        if (s.unfinishedPush) await timed('push.finish', async () => finishPush(pushDeps(s), await storedIds()));
        s.unfinishedPush = false;
        const info = await s.mirror.info();
        const first = info.doc_count === 0;
        await timed('catchUp', () => catchUp(s));
        const ids = [...dirty];
        dirty.clear();
        // Into a new mirror the stored leads go to the server first, then into the mirror
        // (lib/sync/first-push); a push cut short leaves a marker that the next round finishes.
        let pushed = false;
        if (ids.length > 0 && info.update_seq === 0) {
          s.unfinishedPush = true;
          pushed = await timed('firstPush', () => pushFirst(pushDeps(s), ids));
          s.unfinishedPush = false;
        } else await timed('bridge.push', () => s.bridge.push(ids));
        // A new teammate's empty browser loads the team's list directly (lib/sync/first-pull);
        // the replication that follows only compares revisions, so it reports no progress.
        const loaded = first && (await canLoadFirstPull(s.mirror, deps.leads));
        if (loaded) await timed('load', () => load(s));
        await replicate(s, first && !loaded, loaded || pushed ? COMPARE_BATCH_SIZE : BATCH_SIZE);
        pending.clear();
        // The server answers again: a live replication need not wait out its backoff.
        if (live && liveFailing) restartLive(s);
        // Applied after the replication, not beside it: both run on the service worker's one
        // thread, and overlapping them made a first pull of 5,000 leads slower (65 s against
        // 25 s in `npm run bench sync`), the replication's batches waiting on the store's.
        await noteRemoved(
          await timed('bridge.pull', () =>
            // After a load, the status keeps saying the leads are synced and the copy is finishing.
            s.bridge.pull((applied) => first && !loaded && void status({ progress: { done: applied } })),
          ),
        );
        const next = {
          state: live ? ('idle' as const) : ('paused' as const),
          lastSyncedAt: now(),
          progress: undefined,
        };
        await status(next);
        return { ...next, pending: 0 };
      } catch (err) {
        const next = { state: 'error' as const, error: explainSyncError(err), progress: undefined };
        await status(next);
        return { ...next, pending: pending.size };
      }
    });
  }

  /** What a first pull works with; its progress goes to the status. */
  function loadDeps(s: Session): FirstPullDeps {
    return {
      remote: s.remote,
      mirror: s.mirror,
      leads: deps.leads,
      skipOwn: s.bridge.skipOwn,
      noticeEvery: NOTICE_EVERY,
      onProgress: (done, total) => void status({ progress: { done, total: Math.max(done, total) } }),
      onCopy: (done, total) => void status({ progress: { done, total, step: 'copy' } }),
    };
  }

  /** What a first push works with; its progress goes to the status, as a first pull's fill. */
  function pushDeps(s: Session): FirstPushDeps {
    return {
      remote: s.remote,
      mirror: s.mirror,
      bridge: s.bridge,
      bases: s.bases,
      onSent: (sent) => void status({ lastSyncedAt: now(), progress: { done: 0, total: sent, step: 'copy' } }),
      onCopy: (done, total) => void status({ progress: { done, total, step: 'copy' } }),
    };
  }

  /** Every stored lead's id (a cut first push's mirror is finished from them). */
  async function storedIds(): Promise<string[]> {
    return (await (await openStore()).getAllKeys('leads')).map(String);
  }

  /** The revision each stored lead was pulled at (a cut first pull's mirror is finished from them). */
  async function storedRevs(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [id, lead] of await readStoredLeads(ids, openStore)) if (lead.syncRev) out.set(id, lead.syncRev);
    return out;
  }

  /**
   * A first pull into the empty mirror and store. Once the leads are stored the list is usable,
   * and the status says it is synced while the mirror is filled.
   */
  async function load(s: Session): Promise<void> {
    s.unfinishedLoad = true;
    await loadFirstPull({
      ...loadDeps(s),
      onStored: (stored) => void status({ lastSyncedAt: now(), progress: { done: 0, total: stored, step: 'copy' } }),
    });
    s.unfinishedLoad = false;
  }

  /** The mirror with the server, once (both ways at a time); a first pull's progress in the status. */
  async function replicate(s: Session, first: boolean, batchSize = BATCH_SIZE): Promise<void> {
    await timed(
      'mirror.sync',
      () =>
        s.mirror.sync(s.remote, { batch_size: batchSize }).on('change', (info) => {
          if (info.direction !== 'pull' || !first) return;
          // docs_written counts from the start of the replication.
          const done = info.change.docs_written;
          const total = (info.change as { pending?: number }).pending;
          void status({ progress: { done, ...(total !== undefined ? { total: done + total } : {}) } });
        }) as unknown as Promise<unknown>,
    );
  }

  /** Leads a teammate removed go to this browser's trash; the status offers to restore them. */
  async function noteRemoved(result: PullResult): Promise<void> {
    if (result.restoreToken) {
      await status({ removedByTeam: { token: result.restoreToken, count: result.removed, at: now() } });
    }
  }

  function schedulePull(): void {
    clearTimeout(pullTimer);
    pullTimer = setTimeout(() => {
      void exclusive(async () => {
        const s = session;
        if (!s) return;
        await noteRemoved(await timed('live.pull', () => s.bridge.pull()));
      }).catch((err) => void status({ state: 'error', error: explainSyncError(err) }));
    }, 100);
  }

  /** The live replication of the mirror with the server. */
  function replicateLive(s: Session): { cancel(): void } {
    const sync = s.mirror.sync(s.remote, {
      live: true,
      retry: true,
      batch_size: BATCH_SIZE,
      back_off_function: backOff,
    });
    const failed = (err: unknown) => {
      if (live !== sync) return; // A replaced replication's last events.
      liveFailing = true;
      void status({ state: 'error', error: explainSyncError(err) });
    };
    sync
      .on('active', () => {
        if (live !== sync) return;
        liveFailing = false;
        void status({ state: 'syncing' });
      })
      .on('paused', (err) => {
        if (live !== sync) return;
        if (err) return failed(err);
        liveFailing = false;
        pending.clear();
        void status({ state: 'idle', lastSyncedAt: now(), error: undefined });
      })
      .on('denied', (err) => void status({ state: 'error', error: explainSyncError(err) }))
      .on('error', failed);
    return sync;
  }

  /** Replaces a failing live replication by a new one, which tries at once. */
  function restartLive(s: Session): void {
    live?.cancel();
    liveFailing = false;
    live = replicateLive(s);
  }

  /** Starts continuous sync (a page is open); a first round runs before. */
  async function startLive(): Promise<void> {
    if (live) return;
    const s = await open();
    if (!s) return;
    await syncOnce();
    if (live || !session) return;
    liveFailing = false;
    live = replicateLive(s);
    feed = s.mirror.changes({ live: true, since: 'now' }).on('change', schedulePull);
  }

  /** Stops continuous sync (the last page closed); the alarm takes over. */
  function stopLive(): void {
    live?.cancel();
    feed?.cancel();
    live = null;
    feed = null;
    liveFailing = false;
  }

  /** Stops everything and forgets the mirror (after Disconnect). */
  async function close(destroyMirror: boolean): Promise<void> {
    stopLive();
    clearTimeout(pushTimer);
    clearTimeout(pullTimer);
    clearTimeout(catchUpTimer);
    await queue;
    const s = session;
    session = null;
    dirty.clear();
    pending.clear();
    if (!s) return;
    s.unsubscribe();
    if (destroyMirror) await Promise.all([s.mirror.destroy(), s.bases.destroy()]);
    else await s.mirror.close();
  }

  return { syncOnce, startLive, stopLive, flush, catchUpSoon, close, isLive: () => live !== null };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
