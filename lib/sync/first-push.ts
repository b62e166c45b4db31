/// <reference path="./pouchdb-modules.d.ts" />
import Checkpointer from 'pouchdb-checkpointer';
import generateReplicationId from 'pouchdb-generate-replication-id';
import { generation, type LeadDoc } from './docs';
import { timed } from './phases';
import type { PouchDatabase } from './pouch';

/**
 * A first push (a browser holding leads connects to a team database), sent as the first pull
 * is loaded (lib/sync/first-pull.ts): the documents the bridge writes into the empty mirror go
 * to the server's `_bulk_docs` with `new_edits: false` as they are written, the next batch
 * written into the mirror while this one travels; then the replication checkpoints say so, and
 * PouchDB's replicator, which runs right after as in every round, resumes from them.
 *
 * Why, measured with `npm run bench sync` at 5,000 leads (load ~30): the bridge's mirror write
 * took 30 s, then PouchDB's push 29 s against 16.6 s for a raw `_bulk_docs` of the same
 * documents: per batch of 500 it reads the mirror's `_changes`, asks `_revs_diff`, reads the
 * documents back with their revision history, sends them and writes two checkpoints, after the
 * mirror write rather than beside it. Its pull side then listed the 5,000 documents it had just
 * sent and compared their revisions with the mirror's. Here the documents are sent once, while
 * the mirror is written, and neither side compares them again.
 *
 * It is the replicator's own write, not a second protocol: `_bulk_docs` with `new_edits: false`
 * and each document's revision history is what PouchDB's push sends, so a document the server
 * already holds under another revision becomes a conflict there, merged by the bridge as after
 * any replication. Only first revisions are sent (a new mirror holds nothing else); the
 * checkpoints are PouchDB's (pouchdb-checkpointer, at the replication id PouchDB computes), and
 * written only when everything the mirror holds was accepted:
 * - mirror → server at the mirror's sequence, when every mirror write was a sent document;
 * - server → mirror at the server's sequence, when the server was empty before and holds exactly
 *   what was sent after (nobody else wrote meanwhile: its document count and sequence moved by
 *   exactly that many). A team database with other documents is replicated from the start: the
 *   replicator fetches the team's leads, and compares the sent ones without fetching them.
 * A push cut short (server gone, browser closed) writes no checkpoint: the next round's
 * replicator compares and sends what is missing, as before.
 */

/** `_bulk_docs` requests in flight at most (the bridge waits for room before its next batch). */
const IN_FLIGHT = 2;

/** The number a sequence starts with: PouchDB's are numbers, CouchDB's "123-g1AAA…" strings. */
export function seqNumber(seq: unknown): number {
  return typeof seq === 'number' ? seq : Number.parseInt(String(seq), 10);
}

/**
 * Writes PouchDB's checkpoints of the replication from `source` to `target` at `seq` (both
 * sides, one new session), as the replicator writes them after a batch: its next run starts
 * there. Only for what `target` is known to hold up to `seq`.
 */
export async function markReplicated(source: PouchDatabase, target: PouchDatabase, seq: number | string) {
  // The replication id of a sync without filter, doc_ids or selector (as the engine runs it).
  const id = await generateReplicationId(source, target, {});
  await new Checkpointer(source, target, id, { cancelled: false }).writeCheckpoint(seq, crypto.randomUUID());
}

export interface FirstPush {
  /** Sends documents the bridge wrote (with their new revision); resolves when there is room for more. */
  send(docs: LeadDoc[]): Promise<void>;
  /** Waits for what is in flight; writes the checkpoints when all was accepted. True when it did. */
  finish(): Promise<boolean>;
}

/** A first push into `remote`, or null when the mirror is not empty (an ordinary round). */
export async function openFirstPush(mirror: PouchDatabase, remote: PouchDatabase): Promise<FirstPush | null> {
  const [local, before] = await Promise.all([mirror.info(), remote.info()]);
  if (seqNumber(local.update_seq) !== 0) return null;
  const remoteWasEmpty =
    before.doc_count === 0 &&
    ((before as { doc_del_count?: number }).doc_del_count ?? 0) === 0 &&
    seqNumber(before.update_seq) === 0;
  let sent = 0;
  /** A document left to the replicator, or a batch the server refused or never got. */
  let incomplete = false;
  const inFlight = new Set<Promise<void>>();

  async function post(docs: LeadDoc[]): Promise<void> {
    try {
      const body = docs.map((doc) => ({
        ...doc,
        _revisions: { start: 1, ids: [(doc._rev as string).slice(2)] },
      }));
      // With new_edits: false the answer lists the failures only.
      const failed = await timed('firstPush.send', () =>
        remote.bulkDocs(body as PouchDB.Core.PutDocument<object>[], { new_edits: false }),
      );
      const errors = failed.filter((r) => 'error' in r && r.error).length;
      if (errors > 0) incomplete = true;
      sent += docs.length - errors;
    } catch {
      // The server is gone: the mirror holds everything; the replicator sends the rest later.
      incomplete = true;
    }
  }

  return {
    async send(docs) {
      const firsts = docs.filter((d) => d._rev && generation(d._rev) === 1 && !d._deleted);
      if (firsts.length < docs.length) incomplete = true;
      if (incomplete || firsts.length === 0) return;
      const request = post(firsts).finally(() => inFlight.delete(request));
      inFlight.add(request);
      while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    },
    async finish() {
      await Promise.all(inFlight);
      if (incomplete || sent === 0) return false;
      const mirrorSeq = (await mirror.info()).update_seq;
      // Another write into the mirror (not sent here) would be skipped by the checkpoint.
      if (seqNumber(mirrorSeq) !== sent) return false;
      try {
        await timed('firstPush.checkpoints', async () => {
          await markReplicated(mirror, remote, mirrorSeq);
          const after = await remote.info();
          if (remoteWasEmpty && after.doc_count === sent && seqNumber(after.update_seq) === sent)
            await markReplicated(remote, mirror, after.update_seq);
        });
        return true;
      } catch {
        return false; // No checkpoint, or only the first: the replicator compares what is left.
      }
    },
  };
}
