import { AppError } from '@/lib/errors';

/**
 * Checks a team database before sync starts and explains what is wrong in words a rep
 * can act on: unreachable, not CouchDB, wrong username or password, no access,
 * no such database. Also opens the CouchDB session (cookie auth) when the server allows.
 * `fetch` is injected so the checks run in Node against the test server.
 */

export type Fetch = typeof fetch;

export interface DatabaseUrl {
  /** The server root, e.g. https://couch.example.com (or a path prefix behind a proxy). */
  server: string;
  /** The database name, unescaped. */
  db: string;
  /** The origin the optional host permission is asked for. */
  origin: string;
}

/** Splits a database URL into server root and database name; throws AppError('invalid') when it is not one. */
export function parseDatabaseUrl(raw: string): DatabaseUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError(
      'invalid',
      'The server URL is not a URL. Use the database URL, e.g. https://couch.example.com/acme-leads',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError('invalid', 'The server URL must start with https://');
  if (url.username || url.password)
    throw new AppError('invalid', 'Put the username and password in their own fields, not in the URL.');
  const parts = url.pathname.replace(/\/+$/, '').split('/');
  const db = decodeURIComponent(parts.pop() ?? '');
  if (!db)
    throw new AppError('invalid', 'The server URL must name the database, e.g. https://couch.example.com/acme-leads');
  return { server: `${url.origin}${parts.join('/')}`, db, origin: url.origin };
}

/** The database URL with its name escaped, as PouchDB and CouchDB want it. */
export function databaseUrl(target: DatabaseUrl): string {
  return `${target.server}/${encodeURIComponent(target.db)}`;
}

/** The Basic authorization header for a username and password (UTF-8). */
export function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export interface CheckResult {
  /** "cookie" when the server's session cookie came back on a later request; else the password is needed. */
  auth: 'cookie' | 'basic';
  /** Documents in the team database (for the first sync's progress). */
  docCount: number;
}

async function request(fetchFn: Fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchFn(url, { ...init, credentials: 'include', cache: 'no-store' });
  } catch (err) {
    throw new AppError(
      'unavailable',
      `The server at ${new URL(url).origin} cannot be reached. Check the URL and your connection.`,
      {
        cause: err,
      },
    );
  }
}

async function json(res: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await res.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Checks server, credentials and database in that order and returns how to authenticate.
 * Each failure is an AppError whose message says what is wrong.
 */
export async function checkDatabase(
  fetchFn: Fetch,
  target: DatabaseUrl,
  username: string,
  password: string,
): Promise<CheckResult> {
  const root = await request(fetchFn, `${target.server}/`, { method: 'GET' });
  const welcome = await json(root);
  // CouchDB and Cloudant answer {"couchdb":"Welcome"}; PouchDB Server {"express-pouchdb":"Welcome!"}.
  if (!welcome || !('couchdb' in welcome || 'express-pouchdb' in welcome)) {
    if (root.status === 401) {
      // A server that asks for credentials before its welcome: check them on the database.
    } else
      throw new AppError(
        'unavailable',
        `${target.server} does not look like a CouchDB server (status ${root.status}).`,
      );
  }
  const session = await request(fetchFn, `${target.server}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name: username, password }),
  });
  if (session.status === 401) throw new AppError('forbidden', 'Wrong username or password (the server said 401).');
  // Is the session cookie sent back? Only then can the password stay out of storage.
  const who = await json(await request(fetchFn, `${target.server}/_session`, { method: 'GET' }));
  const ctx = who?.userCtx as { name?: unknown } | undefined;
  const auth: CheckResult['auth'] = session.ok && ctx?.name === username ? 'cookie' : 'basic';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth === 'basic') headers.authorization = basicAuth(username, password);
  const db = await request(fetchFn, databaseUrl(target), { method: 'GET', headers });
  const info = await json(db);
  if (db.status === 404)
    throw new AppError(
      'not-found',
      `There is no database "${target.db}" on ${target.server}. Ask your admin to create it.`,
    );
  if (db.status === 401 && auth === 'basic' && !session.ok)
    throw new AppError('forbidden', 'Wrong username or password (the server said 401).');
  if (db.status === 401 || db.status === 403)
    throw new AppError(
      'forbidden',
      `${username} is not a member of "${target.db}" (the server said ${db.status}). Ask your admin to add you to its _security members.`,
    );
  if (!db.ok || !info || typeof info.db_name !== 'string')
    throw new AppError('unavailable', `${databaseUrl(target)} is not a CouchDB database (status ${db.status}).`);
  return { auth, docCount: typeof info.doc_count === 'number' ? info.doc_count : 0 };
}
