import HttpAdapter from 'pouchdb-adapter-http';
import IdbAdapter from 'pouchdb-adapter-idb';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';
import type { SyncConfig } from './config';
import { basicAuth, databaseUrl, parseDatabaseUrl } from './remote';

/**
 * PouchDB as team sync uses it: a local mirror of the team database in IndexedDB
 * (PouchDB's "idb" adapter, in the extension's origin) and the remote database over
 * HTTP, replicated by PouchDB's implementation of the CouchDB replication protocol
 * (checkpoints, batching, retries). Built only when sync is configured.
 */

PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

/** The mirror's IndexedDB database name (PouchDB prefixes it with "_pouch_"). */
export const MIRROR_NAME = 'prospector-team';

export type PouchDatabase = PouchDB.Database;

/** The local mirror of the team database. */
export function openMirror(name = MIRROR_NAME): PouchDatabase {
  // No auto-compaction: the bridge reads the revision a lead was last synced from (its base).
  return new PouchDB(name, { adapter: 'idb', auto_compaction: false });
}

/**
 * The remote team database. With cookie auth the browser sends the AuthSession cookie
 * (credentials: include); with basic auth each request carries the password.
 */
export function openRemote(config: SyncConfig, fetchFn: typeof fetch = fetch): PouchDatabase {
  const url = databaseUrl(parseDatabaseUrl(config.url));
  const authorization =
    config.auth === 'basic' && config.password !== undefined ? basicAuth(config.username, config.password) : null;
  return new PouchDB(url, {
    adapter: 'http',
    // Never create the team database: a missing one is an error the user must see.
    skip_setup: true,
    fetch: (input: string | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      if (authorization) headers.set('Authorization', authorization);
      return fetchFn(input, { ...init, headers, credentials: 'include' });
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

export { PouchDB };
