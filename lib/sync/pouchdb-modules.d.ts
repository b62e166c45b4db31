// Types for two PouchDB modules the replicator is built from (no @types package): team sync
// writes PouchDB's own replication checkpoints after a first push or pull (lib/sync/first-push.ts).

declare module 'pouchdb-generate-replication-id' {
  /** The `_local/…` id of the replication from `source` to `target` with these options. */
  export default function generateReplicationId(
    source: PouchDB.Database,
    target: PouchDB.Database,
    opts: Record<string, unknown>,
  ): Promise<string>;
}

declare module 'pouchdb-checkpointer' {
  /** Reads and writes a replication's checkpoint documents on both databases. */
  export default class Checkpointer {
    constructor(
      source: PouchDB.Database,
      target: PouchDB.Database,
      id: string,
      returnValue: { cancelled: boolean },
      opts?: { writeSourceCheckpoint?: boolean; writeTargetCheckpoint?: boolean },
    );
    writeCheckpoint(seq: number | string, session: string): Promise<unknown>;
    getCheckpoint(): Promise<number | string>;
  }
}

declare module 'pouchdb-adapter-indexeddb' {
  /** PouchDB's "indexeddb" adapter (one object store, native indexes; no @types package). */
  const plugin: PouchDB.Plugin;
  export default plugin;
}

declare module 'pouchdb-md5' {
  /** The hex MD5 of a string: PouchDB's revision id of a new document is that of its JSON. */
  export function stringMd5(string: string): string;
}
