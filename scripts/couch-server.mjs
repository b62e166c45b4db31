#!/usr/bin/env node
// A CouchDB-protocol server for the sync tests and `npm run bench sync`: PouchDB Server's
// express-pouchdb over in-memory PouchDB (no native leveldown build), on 127.0.0.1 and a free
// port. Apache CouchDB is not packaged for Debian; this speaks the same replication protocol,
// _session cookie auth, _users and per-database _security.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * Starts the server. `admin` is the server admin (CouchDB 3 has no "admin party");
 * `users` are created in _users. `pages` (path -> { type?, body, headers? }) are served on the
 * same origin: a bench page there reads the databases without CORS (express-pouchdb sends none),
 * as an extension page does with its host permission. `onRequest(req, res)` sees every request
 * before it is served (`npm run bench team` counts them). Resolves to its URL and a stop function.
 */
export async function startCouchServer({
  port = 0,
  admin = { name: 'admin', password: 'admin-pass' },
  users = [],
  pages = {},
  onRequest = null,
} = {}) {
  // express-pouchdb's security layer wraps db.replicate.to/from, so the replicator plugin is needed.
  const PouchDB = require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  const expressPouchDB = require('express-pouchdb');
  const Memory = PouchDB.defaults({ adapter: 'memory' });
  const app = expressPouchDB(Memory, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const listen = (p) =>
    new Promise((resolve, reject) => {
      const s = createServer((req, res) => {
        onRequest?.(req, res);
        const page = pages[new URL(req.url, 'http://x').pathname];
        if (!page) return app(req, res);
        res.writeHead(200, { 'content-type': page.type ?? 'text/html; charset=utf-8', ...page.headers }).end(page.body);
      });
      s.listen(p, '127.0.0.1', () => resolve(s));
      s.on('error', reject);
    });
  const close = (s) =>
    new Promise((resolve) => {
      s.closeAllConnections?.();
      s.close(() => resolve());
    });
  let server = await listen(port);
  const boundPort = server.address().port;
  const url = `http://127.0.0.1:${boundPort}`;
  const auth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  const call = async (method, path, body, authorization = auth) => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  // The first admin may be set without credentials; from then on the server has no admin party.
  const set = await call('PUT', `/_config/admins/${admin.name}`, admin.password, null);
  if (set.status >= 300) throw new Error(`couch-server: could not set the admin (${set.status})`);
  for (const user of users) await createUser(user);

  async function createUser({ name, password }) {
    const res = await call('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, {
      _id: `org.couchdb.user:${name}`,
      name,
      password,
      type: 'user',
      roles: [],
    });
    if (res.status >= 300) throw new Error(`couch-server: user ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  /** Creates a team database whose members are `members` (names). */
  async function createDatabase(name, members = []) {
    const made = await call('PUT', `/${name}`);
    if (made.status >= 300 && made.status !== 412) throw new Error(`couch-server: db ${name}: ${made.status}`);
    const sec = await call('PUT', `/${name}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: members, roles: [] },
    });
    if (sec.status >= 300) throw new Error(`couch-server: _security ${name}: ${sec.status}`);
  }
  return {
    url,
    admin,
    call,
    createUser,
    createDatabase,
    deleteDatabase: (name) => call('DELETE', `/${name}`),
    /** Closes the port (a server gone mid-sync); the databases stay in memory. */
    pause: async () => {
      await close(server);
    },
    /** Listens again on the same port, with the same databases. */
    resume: async () => {
      server = await listen(boundPort);
    },
    stop: () => close(server),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5984);
  const server = await startCouchServer({ port });
  console.log(`CouchDB-protocol test server on ${server.url} (admin ${server.admin.name} / ${server.admin.password})`);
}
