// The benchmark's static server (issue 7): one server, on 127.0.0.1, for the
// app and the reference page, so both get the same bytes the same way.
//
//   /                       the release build (dist/)
//   /reference/             bench/reference/ (the reference page)
//   /reference/vendor/leaflet/        node_modules/leaflet/dist/ (Leaflet 1.9.4)
//   /reference/vendor/markercluster/  node_modules/leaflet.markercluster/dist/ (1.5.3)
//   /data/agencies.json     the dataset chosen with --dataset / setDataset()
//   /config.json            dist/config.json with "tile_url": "" (no tile
//                           server is reachable here; both pages then draw no tiles)
//
// Text, JSON and Wasm responses are gzip-compressed (level 9, as
// scripts/size-report.mjs counts) when the browser accepts gzip, with
// Content-Encoding: gzip and the compressed Content-Length, compressed once per
// file and kept in memory (like a host serving precompressed files).
// Cache-Control as docs/deploy.md advises (hashed app files immutable, the
// rest no-cache); the harness loads every page in a fresh browser context
// and Lighthouse clears the cache, so every measured load is a first visit.
// Like the usual static hosts (nginx, Apache, Caddy), every response has an
// ETag and a request that names it (If-None-Match) gets 304 without a body:
// what a revalidation costs, e.g. the service worker's install fetching the
// page and the dataset again right after the page did (the first-visit pass).
// Every response's body size on the wire is logged, so the harness can check
// the browser's figures.
//
// On its own, to look at a dataset in both pages (--help for the options):
//   node scripts/bench-server.mjs --dataset target/bench/agencies-10000-seed7.json
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { cli } from './lib/cli.mjs';
import { MIME_TYPES as TYPES } from './mime-types.mjs';

const gzip = promisify(gzipCallback);

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.geojson', '.svg', '.txt', '.webmanifest', '.map']);

/**
 * Starts the server. `repo` is the repository root; returns
 * { port, url, setDataset(file), log, resetLog(), close() }.
 */
export async function startBenchServer({ repo = '.', dist = 'dist', dataset, port = 0 } = {}) {
  repo = resolve(repo);
  const mounts = [
    ['/reference/vendor/leaflet/', resolve(repo, 'node_modules/leaflet/dist')],
    ['/reference/vendor/markercluster/', resolve(repo, 'node_modules/leaflet.markercluster/dist')],
    ['/reference/', resolve(repo, 'bench/reference')],
    ['/', resolve(repo, dist)],
  ];
  let datasetFile = dataset ? resolve(dataset) : resolve(repo, dist, 'data/agencies.json');
  const compressed = new Map(); // file -> { mtimeMs, size, body }
  const log = [];

  const configBody = async () => {
    const config = JSON.parse(await readFile(resolve(repo, dist, 'config.json'), 'utf8'));
    config.tile_url = '';
    return Buffer.from(JSON.stringify(config, null, 2) + '\n');
  };

  async function gzipped(file, raw) {
    const info = await stat(file);
    const cached = compressed.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.body;
    const body = await gzip(raw ?? (await readFile(file)), { level: 9 });
    compressed.set(file, { mtimeMs: info.mtimeMs, size: info.size, body });
    return body;
  }

  function locate(path) {
    if (path === '/data/agencies.json') return datasetFile;
    if (path === '/reference') return null;
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      let rest = path.slice(prefix.length);
      if (rest === '' || rest.endsWith('/')) rest += 'index.html';
      const file = normalize(join(dir, rest));
      return file.startsWith(dir) ? file : null;
    }
    return null;
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const hashed = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/.test(path);
    const send = (status, headers, body) => {
      response.writeHead(status, {
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      log.push({ path, status, bytes: body?.length ?? 0, encoding: headers['Content-Encoding'] ?? null });
    };
    if (path === '/reference') return send(301, { Location: '/reference/' + url.search });
    const file = locate(path);
    try {
      if (!file) throw new Error('outside');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const ext = extname(file);
      const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' };
      const isConfig = path === '/config.json';
      const raw = isConfig ? await configBody() : undefined;
      const acceptsGzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      let body;
      if (COMPRESSIBLE.has(ext) && acceptsGzip) {
        body = isConfig ? await gzip(raw, { level: 9 }) : await gzipped(file);
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      } else {
        body = raw ?? (await readFile(file));
      }
      headers.ETag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
      const known = (request.headers['if-none-match'] ?? '').split(/\s*,\s*/);
      if (known.includes(headers.ETag)) {
        delete headers['Content-Type'];
        return send(304, { ETag: headers.ETag, ...(headers.Vary ? { Vary: headers.Vary } : {}) }, Buffer.alloc(0));
      }
      headers['Content-Length'] = String(body.length);
      send(200, headers, body);
    } catch {
      send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('not found'));
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    /** Serves `file` as /data/agencies.json from now on; compresses it now. */
    async setDataset(file) {
      datasetFile = resolve(file);
      await gzipped(datasetFile);
    },
    log,
    resetLog() {
      log.length = 0;
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((done) => server.close(done));
    },
  };
}

/** The command line when it runs on its own (`--help` prints the usage). */
const SPEC = {
  usage: 'node scripts/bench-server.mjs [options]',
  about: 'Serves the app and the reference page as the benchmark does, to look at a dataset in both pages.',
  options: {
    port: { type: 'number', default: 8090, help: 'port on 127.0.0.1 (0 picks a free one)' },
    dist: { type: 'string', value: 'DIR', default: 'dist', help: 'the build served at /' },
    dataset: { type: 'string', value: 'FILE', help: 'served as /data/agencies.json (default: the build\'s own)' },
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = cli(SPEC);
  const server = await startBenchServer({ dist: values.dist, dataset: values.dataset, port: values.port });
  console.log(`app on ${server.url} and the reference page on ${server.url}reference/ (Ctrl+C to stop)`);
}
