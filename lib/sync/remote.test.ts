// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer } from '@/scripts/couch-server.mjs';
import { checkDatabase, parseDatabaseUrl } from './remote';

// The checks against a real CouchDB-protocol server (PouchDB Server on 127.0.0.1).
let server: Awaited<ReturnType<typeof startCouchServer>>;

beforeAll(async () => {
  server = await startCouchServer({
    users: [
      { name: 'sam', password: 'pw' },
      { name: 'eve', password: 'pw' },
    ],
  });
  await server.createDatabase('team', ['sam']);
}, 30_000);
afterAll(() => server?.stop());

const check = (path: string, user = 'sam', password = 'pw') =>
  checkDatabase(fetch, parseDatabaseUrl(server.url + path), user, password);

describe('checkDatabase', () => {
  it('accepts a member with the right password', async () => {
    const actual = await check('/team');
    // Node's fetch keeps no cookies, so the password is needed here (a browser keeps the session).
    expect(actual.auth).toBe('basic');
    expect(actual.docCount).toBe(0);
  });

  it.each([
    ['a wrong password', '/team', 'sam', 'nope', /Wrong username or password/],
    ['a user who is not a member', '/team', 'eve', 'pw', /not a member of "team"/],
    ['a database that does not exist', '/nope', 'sam', 'pw', /no database "nope"/],
  ])('explains %s', async (_name, path, user, password, expected) => {
    await expect(check(path, user, password)).rejects.toThrow(expected);
  });

  it('says when the server cannot be reached', async () => {
    const url = parseDatabaseUrl('http://127.0.0.1:9/team');
    await expect(checkDatabase(fetch, url, 'sam', 'pw')).rejects.toThrow(/cannot be reached/);
  });

  it('says when the server is not CouchDB', async () => {
    const notCouch = (async () => new Response('<html>hello</html>', { status: 200 })) as typeof fetch;
    await expect(checkDatabase(notCouch, parseDatabaseUrl('https://example.com/team'), 'sam', 'pw')).rejects.toThrow(
      /does not look like a CouchDB server/,
    );
  });
});

describe('parseDatabaseUrl', () => {
  it('splits server and database, keeping a proxy prefix', () => {
    expect(parseDatabaseUrl('https://couch.example.com/db/acme-leads/')).toEqual({
      server: 'https://couch.example.com/db',
      db: 'acme-leads',
      origin: 'https://couch.example.com',
    });
  });
  it.each(['not a url', 'ftp://x/db', 'https://u:p@x.example/db', 'https://x.example/'])('rejects %s', (raw) => {
    expect(() => parseDatabaseUrl(raw)).toThrow();
  });
});
