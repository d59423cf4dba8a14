/**
 * A small static file server for the built site: preview, browser tests and Lighthouse use
 * it. Like the static hosts the site is published on, it gzips text when the browser
 * accepts it, so that what these measure is what a visitor downloads.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.sqlite': 'application/vnd.sqlite3',
  '.gz': 'application/gzip',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.cff': 'text/plain; charset=utf-8',
};

/** Text that hosts compress on the way; downloads and Pagefind's files stay as they are. */
const COMPRESSED_ON_THE_WAY = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.atom']);

function fileFor(root: string, base: string, urlPath: string): string | null {
  let pathname = decodeURIComponent(urlPath.split('?')[0]!);
  if (!pathname.startsWith(base)) return null;
  pathname = `/${pathname.slice(base.length)}`;
  const candidate = path.join(root, path.normalize(pathname));
  if (!candidate.startsWith(root)) return null;
  for (const option of [candidate, path.join(candidate, 'index.html')]) {
    try {
      if (statSync(option).isFile()) return option;
    } catch {
      // try the next option
    }
  }
  return null;
}

/**
 * Serves `root` under `base` (e.g. `/` or `/gospabliki/`); 404.html for what is missing.
 * Rejects with the listen error (e.g. `EADDRINUSE`) instead of throwing it from an event.
 */
export function startStaticServer(
  root: string,
  { port = 0, host = '127.0.0.1', base = '/' } = {},
): Promise<{ server: Server; url: string }> {
  const absoluteRoot = path.resolve(root);
  const normalizedBase = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((request, response) => {
    let file: string | null = null;
    try {
      file = fileFor(absoluteRoot, normalizedBase, request.url ?? '/');
    } catch {
      file = null;
    }
    if (file && !request.url?.split('?')[0]!.endsWith('/') && file.endsWith('index.html') && !request.url?.endsWith('index.html')) {
      response.writeHead(301, { location: `${request.url!.split('?')[0]}/` });
      response.end();
      return;
    }
    const status = file ? 200 : 404;
    const target = file ?? path.join(absoluteRoot, '404.html');
    try {
      statSync(target);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Не найдено');
      return;
    }
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    const relative = path.relative(absoluteRoot, target);
    const gzip =
      COMPRESSED_ON_THE_WAY.has(path.extname(target)) &&
      !relative.startsWith(`data${path.sep}`) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (!gzip) {
      response.writeHead(status, { 'content-type': type });
      createReadStream(target).pipe(response);
      return;
    }
    response.writeHead(status, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
    createReadStream(target).pipe(createGzip()).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://${host}:${actualPort}${normalizedBase}` });
    });
  });
}
