// The benchmark's static server (issue 7): the project's static server
// (scripts/lib/static-server.mjs) on 127.0.0.1, for the app and the reference
// page, so both get the same bytes the same way.
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
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cli } from './lib/cli.mjs';
import { serveStatic } from './lib/static-server.mjs';

/** Trunk's and the splitter's hashed names, which docs/deploy.md marks immutable. */
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/;

/**
 * Starts the server (scripts/lib/static-server.mjs with the benchmark's
 * options). `repo` is the repository root; returns
 * { port, url, setDataset(file), log, resetLog(), close() }.
 */
export async function startBenchServer({ repo = '.', dist = 'dist', dataset, port = 0 } = {}) {
  repo = resolve(repo);
  let datasetFile = dataset ? resolve(dataset) : resolve(repo, dist, 'data/agencies.json');
  const log = [];
  const server = await serveStatic({
    mounts: [
      ['/reference/vendor/leaflet/', resolve(repo, 'node_modules/leaflet/dist')],
      ['/reference/vendor/markercluster/', resolve(repo, 'node_modules/leaflet.markercluster/dist')],
      ['/reference/', resolve(repo, 'bench/reference')],
      ['/', resolve(repo, dist)],
    ],
    redirects: ['/reference'],
    files: { '/data/agencies.json': () => datasetFile },
    bodies: {
      '/config.json': async () => {
        const config = JSON.parse(await readFile(resolve(repo, dist, 'config.json'), 'utf8'));
        config.tile_url = '';
        return Buffer.from(JSON.stringify(config, null, 2) + '\n');
      },
    },
    cacheControl: (path) => (HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    everyResponse: true,
    gzip: true,
    etags: true,
    onResponse: (entry) => log.push(entry),
    port,
  });
  return {
    port: server.port,
    url: server.url,
    /** Serves `file` as /data/agencies.json from now on; compresses it now. */
    async setDataset(file) {
      datasetFile = resolve(file);
      await server.gzipped(datasetFile);
    },
    log,
    resetLog() {
      log.length = 0;
    },
    close: server.close,
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
