// A small static server for the end-to-end tests: serves dist/ at "/" and
// again under a sub-path ("/sub/path/"), so the tests prove the build works
// from any static host. Optional security headers mirror docs/deploy.md.
// Usage: node tests/e2e/server.mjs --root dist --port 4173 [--csp] [--frame-ancestors "'self' https://partner.example"]
// (--port 0 picks a free port; the line printed at start names it.)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { MIME_TYPES as TYPES } from '../../scripts/mime-types.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
    return pairs;
  }, []),
);
const root = resolve(args.root ?? 'dist');
const port = Number(args.port ?? 4173);
export const SUB_PATH = '/sub/path/';

/**
 * The headers of docs/deploy.md. The policy is derived from the build: the
 * tile host from config.json, and a sha256 hash for each inline script of
 * index.html (Trunk.toml's pattern_script leaves none; a build with Trunk's
 * default loader gets exactly the hash of its inline script).
 */
function securityHeaders(dist, frameAncestors = "'self'") {
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

const server = createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (path.startsWith(SUB_PATH)) path = '/' + path.slice(SUB_PATH.length);
  else if (path === SUB_PATH.slice(0, -1)) {
    response.writeHead(301, { Location: SUB_PATH + url.search });
    return response.end();
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    response.writeHead(403);
    return response.end();
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(args.csp ? securityHeaders(root, args['frame-ancestors']) : {}),
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('not found');
  }
});
server.listen(port, '127.0.0.1', () => {
  const actual = server.address().port;
  console.log(`serving ${root} on http://127.0.0.1:${actual}/ and ${SUB_PATH}${args.csp ? ' with security headers' : ''}`);
});
