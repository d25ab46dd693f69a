// Dependency-free static file server for the e2e tests (and for manual use).
//
//   import { startServer } from './server.mjs';
//   const srv = await startServer('dist', { cors: true });
//   ... srv.url === 'http://127.0.0.1:<port>/' ...
//   await srv.close();
//
// CLI:  node e2e/server.mjs [rootDir=dist] [port=8080] [--cors] [--precompressed[=br,gzip]]
//
// Binds to 127.0.0.1 only. `/` (and any directory) serves its index.html.
// Paths that would leave rootDir are refused with 404, as are missing files.
// No SPA fallback: an unknown path is a 404, exactly like a plain static host.
// Files are sent as they are unless `precompressed` is on: then `x.br` / `x.gz` (written by
// scripts/precompress.mjs) is sent for `x` when the request accepts it, as nginx's
// brotli_static / gzip_static do.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function mimeType(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** The content codings served from precompressed siblings, and the suffix of each sibling. */
export const SIBLING_SUFFIX = { br: '.br', gzip: '.gz' };

/**
 * The coding of `offered` (in the server's order of preference) that the `Accept-Encoding`
 * header accepts with the highest q-value, ties going to the earlier one; `null` for none (the
 * file as it is). `*` stands for any coding the header does not name; `x-gzip` is gzip.
 */
export function negotiateEncoding(acceptEncoding, offered) {
  if (!acceptEncoding) return null;
  const weights = new Map();
  for (const part of String(acceptEncoding).split(',')) {
    const [name, ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((t) => t.trim());
      if (key.toLowerCase() === 'q') q = Number.isFinite(Number(value)) ? Number(value) : 0;
    }
    weights.set(coding === 'x-gzip' ? 'gzip' : coding, q);
  }
  let best = null;
  let bestQ = 0;
  for (const coding of offered) {
    const q = weights.get(coding) ?? weights.get('*') ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/** The `precompressed` option as a list of codings in order of preference. */
function precompressedCodings(option) {
  if (option === false || option === undefined) return [];
  const codings = option === true ? ['br', 'gzip'] : option;
  if (!Array.isArray(codings) || codings.some((c) => !(c in SIBLING_SUFFIX))) {
    throw new Error(`startServer: precompressed must be true, false or a list of ${Object.keys(SIBLING_SUFFIX).join(', ')}`);
  }
  return codings;
}

/**
 * Resolve a URL pathname to a file path inside root, or null if it escapes root
 * (or is malformed).  root must be an absolute, normalized path.
 */
function resolveInside(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Refuse any `..` segment outright rather than relying on normalization.
  if (decoded.split('/').some((seg) => seg === '..')) return null;
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/**
 * Start a static server.
 * @param {string} rootDir directory to serve
 * @param {{port?: number, extraHeaders?: Record<string,string>, cors?: boolean, host?: string,
 *   precompressed?: boolean | ('br'|'gzip')[]}} [opts]
 *   port: 0 = pick a free one; extraHeaders: added to every response;
 *   cors: send `Access-Control-Allow-Origin: *` (needed when the app is loaded
 *   from an opaque origin, e.g. a sandboxed iframe, because module scripts and
 *   fetch() are then CORS requests); host: the loopback name or address to listen on
 *   (`localhost` gives a second origin beside 127.0.0.1);
 *   precompressed: `false` (the default) sends every file as it is, uncompressed, whatever
 *   lies beside it; `true` sends `x.br` or `x.gz` for `x` when they exist and the request's
 *   Accept-Encoding allows them (brotli preferred), with `Content-Encoding`, the MIME type of
 *   `x` and `Vary: Accept-Encoding`; a list (`['gzip']`) offers only those codings, in that order.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer(
  rootDir,
  { port = 0, extraHeaders = {}, cors = false, host = '127.0.0.1', precompressed = false } = {},
) {
  const codings = precompressedCodings(precompressed);
  const root = await fsp.realpath(path.resolve(rootDir));
  const stat = await fsp.stat(root);
  if (!stat.isDirectory()) throw new Error(`startServer: not a directory: ${root}`);

  const baseHeaders = { 'Cache-Control': 'no-store', ...extraHeaders };
  if (cors) baseHeaders['Access-Control-Allow-Origin'] = '*';

  const server = http.createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      const buf = Buffer.from(body);
      res.writeHead(status, { ...baseHeaders, 'Content-Type': type, 'Content-Length': buf.length });
      res.end(req.method === 'HEAD' ? undefined : buf);
    };
    try {
      if (req.method === 'OPTIONS' && cors) {
        res.writeHead(204, {
          ...baseHeaders,
          'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
          'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        });
        res.end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        send(405, 'Method Not Allowed\n');
        return;
      }
      // Parse only the path: a request line like `//x` must not be read as a host name.
      const pathname = req.url.split('?')[0].split('#')[0].replace(/^\/+/, '/');
      let file = resolveInside(root, pathname);
      if (!file) {
        send(404, 'Not Found\n');
        return;
      }
      let st = await fsp.stat(file).catch(() => null);
      if (st?.isDirectory()) {
        file = path.join(file, 'index.html');
        st = await fsp.stat(file).catch(() => null);
      }
      if (!st?.isFile()) {
        send(404, 'Not Found\n');
        return;
      }
      // Refuse symlinks that point outside root.
      const inside = (p) => p !== root && p.startsWith(root + path.sep);
      const real = await fsp.realpath(file);
      if (!inside(real)) {
        send(404, 'Not Found\n');
        return;
      }
      const headers = { ...baseHeaders, 'Content-Type': mimeType(file), 'Content-Length': st.size };
      let body = real;
      if (codings.length) {
        const siblings = new Map();
        for (const coding of codings) {
          const sibling = await fsp.realpath(real + SIBLING_SUFFIX[coding]).catch(() => null);
          const sst = sibling && inside(sibling) ? await fsp.stat(sibling).catch(() => null) : null;
          if (sst?.isFile()) siblings.set(coding, { path: sibling, size: sst.size });
        }
        if (siblings.size) {
          // The response depends on Accept-Encoding whichever form is sent.
          headers.Vary = 'Accept-Encoding';
          const chosen = negotiateEncoding(req.headers['accept-encoding'], [...siblings.keys()]);
          if (chosen) {
            body = siblings.get(chosen).path;
            headers['Content-Encoding'] = chosen;
            headers['Content-Length'] = siblings.get(chosen).size;
          }
        }
      }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = fs.createReadStream(body);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(500, `Internal Server Error\n`);
      else res.destroy();
      console.error('[e2e server]', err);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    root,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// ---- CLI ------------------------------------------------------------------
const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const cors = args.includes('--cors');
  // --precompressed: br, then gzip; --precompressed=gzip: only gzip.
  const pre = args.find((a) => a === '--precompressed' || a.startsWith('--precompressed='));
  const precompressed = pre === undefined ? false : pre.includes('=') ? pre.split('=')[1].split(',') : true;
  const positional = args.filter((a) => !a.startsWith('--'));
  const dir = positional[0] ?? 'dist';
  const port = Number(positional[1] ?? 8080);
  const srv = await startServer(dir, { port, cors, precompressed });
  const notes = [cors && 'CORS: *', precompressed && `precompressed: ${precompressed === true ? 'br, gzip' : precompressed.join(', ')}`];
  const note = notes.filter(Boolean).join('; ');
  console.log(`Serving ${srv.root} at ${srv.url}${note ? ` (${note})` : ''} — Ctrl+C to stop`);
  const stop = async () => {
    await srv.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
