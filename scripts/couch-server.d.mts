import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CouchUser {
  name: string;
  password: string;
}
export interface CouchServer {
  /** Server root such as http://127.0.0.1:41234 */
  url: string;
  admin: CouchUser;
  /** An admin request (or with `authorization`, another user's; null for none). */
  call(
    method: string,
    path: string,
    body?: unknown,
    authorization?: string | null,
  ): Promise<{ status: number; body: Record<string, unknown> | null }>;
  createUser(user: CouchUser): Promise<void>;
  /** Creates a database whose _security members are `members`. */
  createDatabase(name: string, members?: string[]): Promise<void>;
  deleteDatabase(name: string): Promise<{ status: number; body: Record<string, unknown> | null }>;
  /** Closes the port (the server gone mid-sync); the databases stay in memory. */
  pause(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}
/** Starts PouchDB Server (express-pouchdb, in memory) on 127.0.0.1; port 0 picks a free one. */
export function startCouchServer(options?: {
  port?: number;
  admin?: CouchUser;
  users?: CouchUser[];
  /** Sees every request before it is served (`npm run bench team` counts them). */
  onRequest?: ((req: IncomingMessage, res: ServerResponse) => void) | null;
}): Promise<CouchServer>;
