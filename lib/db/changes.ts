import { z } from 'zod';

/**
 * Change notifications across contexts. A write in the background, the popup or the
 * options page tells listeners in its own context directly, every other running context
 * through a BroadcastChannel (all same-origin contexts, the service worker included), and,
 * through the relay, the background even when it is stopped: a BroadcastChannel does not
 * wake a stopped MV3 service worker, so pages also send each notice as a runtime message
 * (lib/db/index.ts sets that relay; lib/background/changes.ts receives it). Each notice
 * carries a key, so a context that hears one notice both ways acts on it once.
 */

export const CHANGES_CHANNEL = 'prospector-leads';
/** Ids one notice may carry: an import of the largest file the importer accepts, with room. */
const MAX_IDS = 200_000;
/** Notice keys remembered for de-duplication (a notice arrives twice within moments, never later). */
const REMEMBERED = 500;

/** What changed: the kind of write and the ids of the leads written or removed (empty for "cleared"). */
export const LeadsChangeSchema = z.object({
  type: z.enum(['saved', 'updated', 'removed', 'restored', 'cleared']),
  ids: z.array(z.string().max(200)).max(MAX_IDS),
  /** "sync": team sync wrote what it pulled, so sync itself need not push it back. */
  by: z.literal('sync').optional(),
});
export type LeadsChange = z.infer<typeof LeadsChangeSchema>;

/** A change as it travels between contexts: `key` names the notice (one per committed write). */
export const LeadsNoticeSchema = LeadsChangeSchema.extend({ key: z.string().min(1).max(100) });
export type LeadsNotice = z.infer<typeof LeadsNoticeSchema>;

type Listener = (change: LeadsChange) => void;
const listeners = new Set<Listener>();
/** Keys of the notices this context has acted on, oldest first. */
const heard = new Set<string>();
let channel: BroadcastChannel | null = null;
let relay: ((notice: LeadsNotice) => void) | null = null;

function getChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANGES_CHANNEL);
  // In Node (unit tests) an open channel would keep the process alive.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  // A channel does not hear its own posts, so local listeners are called directly in notify().
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const notice = LeadsNoticeSchema.safeParse(event.data);
    if (notice.success) receiveLeadsNotice(notice.data);
  };
  return channel;
}

/** True the first time a key is seen; remembers the last REMEMBERED keys. */
function firstHearing(key: string): boolean {
  if (heard.has(key)) return false;
  heard.add(key);
  if (heard.size > REMEMBERED) {
    const oldest = heard.values().next().value;
    if (oldest !== undefined) heard.delete(oldest);
  }
  return true;
}

function emit(change: LeadsChange) {
  for (const listener of [...listeners]) {
    try {
      listener(change);
    } catch (err) {
      console.error('onLeadsChanged listener failed', err);
    }
  }
}

/** Tells this context and every other one that leads changed (after the write committed). */
export function notifyLeadsChanged(change: LeadsChange): void {
  const notice: LeadsNotice = {
    type: change.type,
    ids: change.ids,
    ...(change.by ? { by: change.by } : {}),
    key: crypto.randomUUID(),
  };
  firstHearing(notice.key);
  emit(change);
  getChannel()?.postMessage(notice);
  try {
    relay?.(notice);
  } catch (err) {
    // The write committed; a relay that fails only delays the background (it resyncs on start).
    console.warn('lead change relay failed', err);
  }
}

/**
 * Sets how this context's notices also reach the background when it may be stopped (null:
 * none, in the background itself). Pages set it once, in lib/db/index.ts.
 */
export function relayLeadsChanges(send: ((notice: LeadsNotice) => void) | null): void {
  relay = send;
}

/**
 * Delivers a notice that arrived from another context (the channel, or the relay's runtime
 * message in the background); returns false when this context has already acted on it.
 */
export function receiveLeadsNotice(notice: LeadsNotice): boolean {
  if (!firstHearing(notice.key)) return false;
  emit({ type: notice.type, ids: notice.ids, ...(notice.by ? { by: notice.by } : {}) });
  return true;
}

/** Calls `cb` after any context writes leads; returns the unsubscribe function. */
export function onLeadsChanged(cb: Listener): () => void {
  getChannel();
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}
