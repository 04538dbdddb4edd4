// The deploy test's reading of docs/deploy.md (tests/deploy/docs.mjs): it
// finds the nginx and Caddy configurations as written, changes only the
// port, the folder and TLS, and fails loudly when the page no longer has
// what it looks for. Also: the documented rule for hashed files covers every
// name the build makes, and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  caddyConfig,
  codeBlocks,
  compressedExtensions,
  DOCS_FOLDER,
  localizeCaddy,
  localizeNginx,
  mimeTypes,
  nginxConfig,
  readDocs,
  securityHeaders,
} from '../../tests/deploy/docs.mjs';

const docs = readDocs();
const local = { port: 4650, folder: '/tmp/ia-dist' };

/** The lines of `after` that differ from `before` (same line count), as [before, after]. */
function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'the same number of lines');
  return a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
}

test('the nginx server block changes only in listen and folder', () => {
  const { snippet, server } = nginxConfig(docs);
  assert.equal(snippet.path, 'snippets/ia-map-headers.conf');
  assert.match(snippet.text, /add_header Content-Security-Policy/);
  const changed = changedLines(server, localizeNginx(server, local));
  assert.deepEqual(
    changed.map(([, after]) => after.trim()),
    ['listen 127.0.0.1:4650;', '# At the root: root /tmp/ia-dist;  Under a sub-path, as here:', 'alias /tmp/ia-dist/;'],
  );
  for (const [before] of changed) assert.match(before, new RegExp(`listen 443 ssl|${DOCS_FOLDER}`));
});

test('the Caddyfile changes only in the site address and folder, behind a block without the admin endpoint', () => {
  const caddyfile = caddyConfig(docs);
  const localized = localizeCaddy(caddyfile, local);
  const [options, site] = [localized.slice(0, localized.indexOf('\n\n') + 2), localized.slice(localized.indexOf('\n\n') + 2)];
  assert.equal(options, '{\n\tadmin off\n}\n\n');
  const changed = changedLines(caddyfile, site);
  assert.deepEqual(
    changed.map(([, after]) => after.trim()),
    ['http://127.0.0.1:4650 {', 'root * /tmp/ia-dist'],
  );
});

test('a page without the expected pieces is an error, not a silent pass', () => {
  assert.throws(() => nginxConfig('no blocks'), /expected 2 nginx blocks/);
  assert.throws(() => caddyConfig('```caddyfile\na\n```\n```caddyfile\nb\n```\n'), /expected 1 caddyfile block/);
  const { server } = nginxConfig(docs);
  assert.throws(() => localizeNginx(server.replace('listen 443 ssl;', 'listen 80;'), local), /no "listen 443 ssl;"/);
  assert.throws(() => localizeNginx(server.replaceAll(DOCS_FOLDER, '/var/www'), local), /nginx folder/);
  assert.throws(() => localizeCaddy(caddyConfig(docs).replace('karte.example.org {', ':80 {'), local), /site block/);
  assert.throws(() => securityHeaders('## Security headers\nnone'), /no header block/);
  assert.deepEqual(codeBlocks('```nginx\na\n```\n\n```sh\nb\n```\n', 'nginx'), ['a\n']);
});

test('the headers, types and compressed extensions are read from the page', () => {
  const headers = securityHeaders(docs);
  assert.deepEqual(headers.map(([name]) => name), ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy']);
  assert.match(headers[0][1], /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval';/);
  const types = mimeTypes(docs);
  assert.deepEqual(types.get('.wasm'), ['application/wasm']);
  assert.deepEqual(types.get('.js'), ['text/javascript', 'application/javascript']);
  assert.deepEqual(compressedExtensions(docs), ['.wasm', '.js', '.css', '.json', '.geojson', '.html', '.webmanifest', '.csv', '.ttl']);
});

test('both configurations mark exactly the hashed names immutable', () => {
  const nginx = /location ~ "([^"]+)" \{\n\s*include snippets\/ia-map-headers\.conf;[^\n]*\n\s*add_header Cache-Control "public, max-age=31536000, immutable"/.exec(nginxConfig(docs).server)?.[1];
  const caddy = /@hashed path_regexp (\S+)\n/.exec(caddyConfig(docs))?.[1];
  assert.ok(nginx && caddy, 'a hashed-file rule in each');
  const hashed = [
    'ia-map-2f4e2aed0457c4af_bg.wasm',
    'ia-map-2f4e2aed0457c4af.js',
    'app-1611459b0f4ac2ba.css',
    'sw-register-5a817ba4d0195ec2.js',
    'ia-map-part-3-0123456789abcdef.wasm',
    'chunk-fedcba9876543210.js',
    // Trunk writes its hash without leading zeros: 15 digits (and rarely fewer).
    'app-f1903ed5141fbee.css',
    'generator-39df472af2fa6fb_bg.wasm',
  ];
  const plain = ['sw.js', 'vendor/leaflet/leaflet.js', 'leaflet.css', 'config.json', 'app-1611459b0f4ac2ba.css.gz', 'x-0123456789a.js', 'x-0123456789ABCDEF.js', 'index.html'];
  for (const pattern of [nginx, caddy]) {
    const rule = new RegExp(pattern);
    for (const name of hashed) assert.ok(rule.test(`/integrationsagenturen/${name}`), `${pattern} covers ${name}`);
    for (const name of plain) assert.ok(!rule.test(`/integrationsagenturen/${name}`), `${pattern} leaves out ${name}`);
  }
});
