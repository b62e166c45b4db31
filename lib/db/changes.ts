/**
 * Change notifications across contexts: a write in the background, the popup or the
 * options page tells every other context (BroadcastChannel reaches all same-origin
 * contexts, including the service worker) and listeners in the same context.
 */

export const CHANGES_CHANNEL = 'prospector-leads';

export interface LeadsChange {
  type: 'saved' | 'updated' | 'removed' | 'restored' | 'cleared';
  /** Ids of the leads written or removed (empty for "cleared"). */
  ids: string[];
  /** "sync": team sync wrote what it pulled, so sync itself need not push it back. */
  by?: 'sync';
}

type Listener = (change: LeadsChange) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function getChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANGES_CHANNEL);
  // In Node (unit tests) an open channel would keep the process alive.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  // A channel does not hear its own posts, so local listeners are called directly in notify().
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<LeadsChange> | null;
    if (!data || typeof data.type !== 'string' || !Array.isArray(data.ids)) return;
    const ids = data.ids.filter((id): id is string => typeof id === 'string');
    emit({ type: data.type, ids, ...(data.by === 'sync' ? { by: 'sync' as const } : {}) });
  };
  return channel;
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
  emit(change);
  getChannel()?.postMessage(change);
}

/** Calls `cb` after any context writes leads; returns the unsubscribe function. */
export function onLeadsChanged(cb: Listener): () => void {
  getChannel();
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}
