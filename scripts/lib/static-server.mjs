// The project's one local static server and its content-type table: the
// end-to-end tests (tests/e2e/server.mjs, its command line, which Playwright's
// webServer, `make serve`, the engine suite and the scripts start), and the
// benchmark (scripts/bench-server.mjs, in its own process) are this server
// with other options. docs/deploy.md lists the types for real hosts;
// scripts/test/static-server.test.mjs checks that the two agree.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** Content types by file extension; anything else is application/octet-stream. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ttl': 'text/turtle; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
};

/** What the `gzip` option compresses. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.geojson', '.svg', '.txt', '.webmanifest', '.map']);

/**
 * The headers of docs/deploy.md for the build in `dist`. The policy is
 * derived from the build: the tile host from config.json, and a sha256 hash
 * for each inline script of index.html (Trunk.toml's pattern_script leaves
 * none; a build with Trunk's default loader gets exactly the hash of its
 * inline script).
 */
export function securityHeaders(dist, frameAncestors = "'self'") {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
  let tiles = '';
  try {
    const { tile_url: template } = JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8'));
    // "https://{s}.tile.example.org/{z}/{x}/{y}.png" -> "https://*.tile.example.org"
    tiles = /^https:\/\/[^/?#]+/.exec(template ?? '')?.[0].replace('{s}', '*') ?? '';
  } catch {
    // No readable config.json: the app falls back to its built-in tile URL.
    tiles = 'https://sgx.geodatenzentrum.de';
  }
  const csp = [
    "default-src 'none'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self'",
    // data: for the blank image Leaflet puts into tiles it stops loading (L.Util.emptyImageUrl).
    `img-src 'self' data: ${tiles}`.trim(),
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    // The embed-code generator (generator.html) previews the app in a same-origin iframe.
    "frame-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'geolocation=(self), camera=(), microphone=()',
  };
}

/**
 * Serves files on 127.0.0.1 (`port` 0 picks a free one). Options:
 * - `mounts`: [prefix, folder] pairs, the first whose prefix starts the path
 *   serves it ("…/" → "…/index.html"); a path outside its folder gets 403;
 * - `redirects`: paths without their trailing slash ("/sub/path"), answered
 *   with 301 to the path with it (query kept);
 * - `files`: path → () => the file to serve there instead (a dataset);
 * - `bodies`: path → async () => the bytes to send there instead of the
 *   mounted file's (which must exist);
 * - `cacheControl`: path → the Cache-Control value (default "no-store");
 * - `headers`: () => more headers for every file sent (the security headers);
 * - `everyResponse`: Cache-Control and nosniff on redirects and errors too;
 * - `gzip`: compress the text, JSON and Wasm types (level 9, as
 *   scripts/size-report.mjs counts) when the request accepts gzip, once per
 *   file while it is unchanged;
 * - `etags`: as the usual static hosts (nginx, Apache, Caddy): an ETag and
 *   Content-Length on every file, 304 without a body to a request naming it;
 * - `onResponse`: called with { path, status, bytes, encoding } per response.
 * Resolves with { port, url, close() }.
 */
export async function serveStatic({
  mounts,
  redirects = [],
  files = {},
  bodies = {},
  cacheControl = () => 'no-store',
  headers: extraHeaders,
  everyResponse = false,
  gzip: compress = false,
  etags = false,
  onResponse,
  port = 0,
}) {
  mounts = mounts.map(([prefix, dir]) => [prefix, resolve(dir)]);
  const compressed = new Map(); // file -> { mtimeMs, size, body }

  async function gzipped(file) {
    const info = await stat(file);
    const cached = compressed.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.body;
    const body = await gzip(await readFile(file), { level: 9 });
    compressed.set(file, { mtimeMs: info.mtimeMs, size: info.size, body });
    return body;
  }

  /** The file for `path`, or 'outside' (403), or null (404). */
  function locate(path) {
    if (files[path]) return files[path]();
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      let rest = path.slice(prefix.length);
      if (rest === '' || rest.endsWith('/')) rest += 'index.html';
      const file = normalize(join(dir, rest));
      return file.startsWith(dir) ? file : 'outside';
    }
    return null;
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const send = (status, headers, body) => {
      const always = status === 200 || everyResponse ? { 'Cache-Control': cacheControl(path), 'X-Content-Type-Options': 'nosniff' } : {};
      response.writeHead(status, { ...always, ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
      onResponse?.({ path, status, bytes: body?.length ?? 0, encoding: headers['Content-Encoding'] ?? null });
    };
    if (redirects.includes(path)) return send(301, { Location: path + '/' + url.search });
    const file = locate(path);
    if (file === 'outside') return send(403, {});
    try {
      if (!file) throw new Error('not served');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const ext = extname(file);
      const head = { 'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream' };
      const raw = bodies[path] ? await bodies[path]() : undefined;
      let body;
      if (compress && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        body = raw ? await gzip(raw, { level: 9 }) : await gzipped(file);
        head['Content-Encoding'] = 'gzip';
        head.Vary = 'Accept-Encoding';
      } else {
        body = raw ?? (await readFile(file));
      }
      if (etags) {
        head.ETag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
        const known = (request.headers['if-none-match'] ?? '').split(/\s*,\s*/);
        if (known.includes(head.ETag)) return send(304, { ETag: head.ETag, ...(head.Vary ? { Vary: head.Vary } : {}) }, Buffer.alloc(0));
        head['Content-Length'] = String(body.length);
      }
      send(200, { ...head, ...extraHeaders?.() }, body);
    } catch {
      send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('not found'));
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    /** Compresses `file` now (with `gzip`), so its first request does not wait for it. */
    gzipped,
    close() {
      server.closeAllConnections?.();
      return new Promise((done) => server.close(done));
    },
  };
}

/**
 * The end-to-end tests' server (tests/e2e/server.mjs) in a child process on a
 * free port, serving `root` (and with `csp` the security headers of
 * docs/deploy.md), for scripts and test suites that drive a browser outside
 * Playwright's test runner, and for the specs that serve a folder of their own;
 * resolves once it has named its URL: { url, stop() }. The script's path is
 * relative to the checkout's root, where every caller runs (make, Playwright,
 * tests/engines/run.sh, scripts through enterRepo): Playwright loads this file
 * through its own transform, under which `import.meta` (and so repo.mjs's REPO)
 * breaks the import.
 */
export async function startStaticServer(root, { csp = false, args = [] } = {}) {
  const command = [resolve('tests/e2e/server.mjs'), '--root', root, '--port', '0', ...(csp ? ['--csp'] : []), ...args];
  const server = spawn(process.execPath, command, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolveUrl, reject) => {
    server.once('exit', (code) => reject(new Error(`the static server exited with ${code}`)));
    server.stdout.on('data', (chunk) => {
      const found = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString());
      if (found) resolveUrl(found[1]);
    });
  });
  return { url, stop: () => server.kill() };
}
