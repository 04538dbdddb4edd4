// The project's one static server (scripts/lib/static-server.mjs) on a
// temporary folder: the content types, the headers the end-to-end tests and
// the benchmark rely on, and its type table against docs/deploy.md's.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { mimeTypes, readDocs } from '../../tests/deploy/docs.mjs';
import { MIME_TYPES, serveStatic, startStaticServer } from '../lib/static-server.mjs';

let root;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'ia-static-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title><script>var a = 1;</script>');
  writeFileSync(join(root, 'config.json'), '{"tile_url": "https://{s}.tiles.example.org/{z}/{x}/{y}.png"}');
  writeFileSync(join(root, 'ia-map-0123456789abcdef_bg.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(root, 'data/agencies.geojson'), '{"type": "FeatureCollection", "features": []}');
  writeFileSync(join(root, 'data/dcat.ttl'), '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n');
  writeFileSync(join(root, 'manifest.webmanifest'), '{}');
  writeFileSync(join(root, 'data/agencies.json.gz'), Buffer.from([31, 139]));
});
after(() => rmSync(root, { recursive: true, force: true }));

test("every type docs/deploy.md names is the server's (the media type; the server adds charset=utf-8 to text)", () => {
  const mediaType = (type) => type.split(';')[0].trim();
  for (const [ext, accepted] of mimeTypes(readDocs())) {
    assert.ok(MIME_TYPES[ext], `${ext} in MIME_TYPES`);
    assert.ok(accepted.map(mediaType).includes(mediaType(MIME_TYPES[ext])), `${ext}: ${MIME_TYPES[ext]}, documented ${accepted.join(' or ')}`);
  }
});

test('as the end-to-end tests serve: types, no caching, nosniff, the sub-path, its redirect, 404 and 403', async () => {
  const server = await serveStatic({ mounts: [['/sub/path/', root], ['/', root]], redirects: ['/sub/path'] });
  try {
    const types = {
      '': 'text/html; charset=utf-8',
      'sub/path/': 'text/html; charset=utf-8',
      'ia-map-0123456789abcdef_bg.wasm': 'application/wasm',
      'config.json': 'application/json; charset=utf-8',
      'data/agencies.geojson': 'application/geo+json; charset=utf-8',
      'data/dcat.ttl': 'text/turtle; charset=utf-8',
      'manifest.webmanifest': 'application/manifest+json',
      // A precompressed copy is a file like any other here.
      'data/agencies.json.gz': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) {
      const answer = await fetch(server.url + path, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers.get('content-type'), type, path);
      assert.equal(answer.headers.get('cache-control'), 'no-store', path);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(answer.headers.get('content-encoding'), null, path);
      assert.equal(answer.headers.get('etag'), null, path);
    }
    const redirect = await fetch(server.url + 'sub/path?lang=en', { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/sub/path/?lang=en');
    const missing = await fetch(server.url + 'nope.html');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(missing.headers.get('cache-control'), null);
    assert.equal((await fetch(server.url + '..%2fetc%2fpasswd')).status, 403);
  } finally {
    await server.close();
  }
});

test("with --csp (the command line in a child process): docs/deploy.md's headers, derived from the build", async () => {
  const server = await startStaticServer(root, { csp: true });
  try {
    const answer = await fetch(server.url + 'config.json');
    assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
    const csp = answer.headers.get('content-security-policy');
    assert.match(csp, /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'; /);
    assert.match(csp, /img-src 'self' data: https:\/\/\*\.tiles\.example\.org;/);
    assert.match(csp, /frame-ancestors 'self'$/);
    assert.equal(answer.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
  } finally {
    server.stop();
  }
});

test('as the benchmark serves: gzip, ETag with 304, Content-Length, a cache rule per path, replaced files and every response logged', async () => {
  const log = [];
  const server = await serveStatic({
    mounts: [['/', root]],
    files: { '/data/agencies.json': () => join(root, 'data/agencies.geojson') },
    bodies: { '/config.json': async () => Buffer.from('{"tile_url": ""}\n') },
    cacheControl: (path) => (path.endsWith('.wasm') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    everyResponse: true,
    gzip: true,
    etags: true,
    onResponse: (entry) => log.push(entry),
  });
  try {
    const config = await fetch(server.url + 'config.json', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(config.headers.get('content-encoding'), 'gzip');
    assert.equal(config.headers.get('vary'), 'Accept-Encoding');
    assert.equal(config.headers.get('cache-control'), 'no-cache');
    assert.equal(await config.text(), '{"tile_url": ""}\n');
    const etag = config.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]{20}"$/);
    const again = await fetch(server.url + 'config.json', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const wasm = await fetch(server.url + 'ia-map-0123456789abcdef_bg.wasm', { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(wasm.headers.get('content-length'), '8');
    const dataset = await fetch(server.url + 'data/agencies.json');
    assert.equal(dataset.headers.get('content-type'), 'application/geo+json; charset=utf-8');
    const missing = await fetch(server.url + 'nope.html');
    assert.equal(missing.headers.get('cache-control'), 'no-cache');
    assert.deepEqual(log.map(({ path, status, encoding }) => [path, status, encoding]), [
      ['/config.json', 200, 'gzip'],
      ['/config.json', 304, null],
      ['/ia-map-0123456789abcdef_bg.wasm', 200, null],
      ['/data/agencies.json', 200, 'gzip'],
      ['/nope.html', 404, null],
    ]);
    assert.equal(log[2].bytes, 8);
  } finally {
    await server.close();
  }
});
