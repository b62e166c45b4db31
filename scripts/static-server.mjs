// A tiny static file server bound to 127.0.0.1 only, used by `npm start` (demo pages)
// and by the e2e tests (saved pages). Any Host header is accepted, because e2e runs map
// every host name to 127.0.0.1 so a page can be opened as http://www.linkedin.com:PORT/in/x.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root`; with `mounts` ({ '/peer/': dir }), paths under a prefix come from that dir.
 * @param {string} root
 * @param {Record<string, string>} [mounts]
 */
export async function startStaticServer(root, mounts = {}) {
  const bases = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const rootAbs = resolve(root);
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let base = rootAbs;
    let rel = pathname;
    for (const [prefix, dir] of bases) {
      if (pathname.startsWith(prefix)) {
        base = dir;
        rel = pathname.slice(prefix.length - 1);
        break;
      }
    }
    let file = normalize(join(base, rel));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // Pages saved from sites with clean URLs (/in/jane-doe) are stored as jane-doe.html.
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    /** @param {string} path @param {string} [host] */
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok(undefined));
        // Chromium keeps connections alive; drop them so close() returns.
        server.closeAllConnections();
      }),
  };
}
