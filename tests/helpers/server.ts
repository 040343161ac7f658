/**
 * A static file server for a built site, on 127.0.0.1 and a free port, behaving like a static
 * host: `dir/` serves `dir/index.html`, `dir` redirects to `dir/`, unknown paths get `404.html`
 * with status 404, text is gzipped when the browser accepts it, and every response carries the
 * hosting headers from `public/_headers` (including the strict Content-Security-Policy).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  // Pagefind loads its engine with WebAssembly.instantiateStreaming, which needs this type.
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.txt', '.xml', '.svg']);

export interface StaticServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  file: string,
  headers: Record<string, string>,
): Promise<void> {
  const ext = extname(file);
  let body = await readFile(file);
  const responseHeaders: Record<string, string> = {
    ...headers,
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  };
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = gzipSync(body);
    responseHeaders['Content-Encoding'] = 'gzip';
    responseHeaders['Vary'] = 'Accept-Encoding';
  }
  responseHeaders['Content-Length'] = String(body.length);
  res.writeHead(status, responseHeaders);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Serve `root` until `close()`. */
export async function serveStatic(root: string, headers: Record<string, string>): Promise<StaticServer> {
  const rootDir = normalize(root + sep);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const target = normalize(join(rootDir, pathname));
    if (!target.startsWith(rootDir) && target + sep !== rootDir) {
      res.writeHead(403).end();
      return;
    }
    if (pathname.endsWith('/')) {
      const index = await fileAt(join(target, 'index.html'));
      if (index) return send(req, res, 200, index, headers);
    } else {
      const file = await fileAt(target);
      if (file) return send(req, res, 200, file, headers);
      if (await isDirectory(target)) {
        res.writeHead(301, { ...headers, Location: `${url.pathname}/${url.search}` });
        res.end();
        return;
      }
    }
    const notFound = await fileAt(join(rootDir, '404.html'));
    if (notFound) return send(req, res, 404, notFound, headers);
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Not found');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
