import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** Origin such as http://127.0.0.1:41234 */
  origin: string;
  port: number;
  /** URL of a file under the served root, on any host name (all resolve to 127.0.0.1 in e2e). */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 only; `/peer/...` maps to ../shared/peer-pages when present. */
export async function startStaticServer(root: string, peerRoot?: string): Promise<StaticServer> {
  const rootAbs = resolve(root);
  const peerAbs = peerRoot ? resolve(peerRoot) : undefined;
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let base = rootAbs;
    let rel = pathname;
    if (peerAbs && pathname.startsWith('/peer/')) {
      base = peerAbs;
      rel = pathname.slice('/peer'.length);
    }
    let file = normalize(join(base, rel));
    if (!file.startsWith(base + sep) && file !== base) {
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
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Chromium keeps connections alive; drop them so close() returns.
        server.closeAllConnections();
      }),
  };
}
