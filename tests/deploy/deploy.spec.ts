// What a deployer copies works: the release build (dist/) served by real
// nginx and Caddy with the configurations of docs/deploy.md, extracted from
// the page as written and changed only in port, folder and TLS
// (tests/deploy/docs.mjs, servers.mjs), under the documented sub-path. Runs
// once per server (the projects of tests/deploy/playwright.config.ts).
import { request as httpRequest } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, servedDataset, waitForFinder } from '../e2e/fixtures';

// The helpers are ES modules shared with the scripts' own tests
// (scripts/test/deploy-docs.test.mjs); Playwright would compile a static
// import of them to CommonJS, so they are loaded with import().
type Docs = typeof import('./docs.mjs');
type Servers = typeof import('./servers.mjs');
let startServer: Servers['startServer'];
let SUB_PATH: string;
let SECURITY: [string, string][];
let TYPES: Map<string, string[]>;
let COMPRESS: string[];

const DIST = 'dist';
/** Trunk's hashed names, which every cache rule must cover: `<name>-<16 hex>[_bg].(js|wasm|css)`. */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** What a browser sends (Chromium adds zstd, which Caddy's `encode zstd gzip` would
 * then use on the fly; Node 20 cannot decompress it to compare). */
const ACCEPT_ENCODING = 'gzip, deflate, br';

type Served = Awaited<ReturnType<Servers['startServer']>>;
let served: Served;

test.beforeAll(async ({}, info) => {
  const docs: Docs = await import('./docs.mjs');
  const servers: Servers = await import('./servers.mjs');
  const text = docs.readDocs();
  ({ startServer } = servers);
  SUB_PATH = docs.SUB_PATH;
  SECURITY = docs.securityHeaders(text);
  TYPES = docs.mimeTypes(text);
  COMPRESS = docs.compressedExtensions(text);
  served = await startServer(info.project.name);
  console.log(`[${info.project.name}] ${servers.serverVersion(info.project.name)} serves ${DIST}/ at ${served.url}`);
});

test.afterAll(async () => {
  await served?.stop();
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET with the body as sent (no decompression). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function* files(dir: string, prefix = ''): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const rel = `${prefix}${name}`;
    if (statSync(join(dir, name)).isDirectory()) yield* files(join(dir, name), `${rel}/`);
    else yield rel;
  }
}

/** The build's files, without the compressed copies (FILE.gz, FILE.br), which are forms of FILE. */
function buildFiles(): string[] {
  return [...files(DIST)].filter((rel) => !/\.(gz|br)$/.test(rel) || !existsSync(join(DIST, rel.replace(/\.(gz|br)$/, ''))));
}

const mediaType = (value: unknown) => String(value ?? '').split(';')[0].trim().toLowerCase();

function expectSecurityHeaders(answer: Answer, what: string) {
  for (const [name, value] of SECURITY) expect(answer.headers[name.toLowerCase()], `${what}: ${name}`).toBe(value);
}

test('every file of the build: the documented headers, cache rule, type, and the compressed bytes as written', async ({}, info) => {
  const server = info.project.name;
  const counts = { files: 0, immutable: 0, revalidate: 0, copiesSent: 0, compressedOnTheFly: 0, plain: 0, typed: 0 };
  const problems: string[] = [];
  for (const rel of buildFiles()) {
    const answer = await get(`${served.url}${rel}`, { 'accept-encoding': ACCEPT_ENCODING });
    counts.files += 1;
    const problem = (text: string) => problems.push(`${rel}: ${text}`);
    if (answer.status !== 200) {
      problem(`HTTP ${answer.status}`);
      continue;
    }
    for (const [name, value] of SECURITY) {
      if (answer.headers[name.toLowerCase()] !== value) problem(`${name} is ${JSON.stringify(answer.headers[name.toLowerCase()])}`);
    }
    const cache = answer.headers['cache-control'];
    const wanted = HASHED.test(rel) ? IMMUTABLE : 'no-cache';
    if (cache !== wanted) problem(`Cache-Control ${JSON.stringify(cache)}, documented ${wanted}`);
    else if (wanted === IMMUTABLE) counts.immutable += 1;
    else counts.revalidate += 1;
    const ext = extname(rel);
    const accepted = TYPES.get(ext);
    if (accepted) {
      counts.typed += 1;
      if (!accepted.map(mediaType).includes(mediaType(answer.headers['content-type']))) {
        problem(`Content-Type ${answer.headers['content-type']}, documented ${accepted.join(' or ')}`);
      }
    }
    // The bytes: a compressed copy is sent exactly as written; anything
    // compressed on the fly must decompress to the file.
    const file = readFileSync(join(DIST, rel));
    const encoding = answer.headers['content-encoding'];
    const copy = { gzip: `${rel}.gz`, br: `${rel}.br` }[String(encoding)];
    if (!encoding) {
      counts.plain += 1;
      if (!answer.body.equals(file)) problem('the body is not the file');
      if (COMPRESS.includes(ext) && file.length >= 1024) problem(`not compressed (${file.length} bytes; the docs say to compress ${ext})`);
    } else if (copy && existsSync(join(DIST, copy))) {
      counts.copiesSent += 1;
      if (!answer.body.equals(readFileSync(join(DIST, copy)))) problem(`the ${encoding} body is not ${copy} as written`);
    } else {
      counts.compressedOnTheFly += 1;
      const plain = encoding === 'gzip' ? gunzipSync(answer.body) : encoding === 'br' ? brotliDecompressSync(answer.body) : null;
      if (!plain?.equals(file)) problem(`the ${encoding} body does not decompress to the file`);
    }
    // Where the build wrote a copy, the documented configuration sends one:
    // Caddy's `precompressed br gzip` the .br, nginx's `gzip_static` the .gz.
    const preferred = server === 'caddy' ? 'br' : 'gzip';
    const preferredCopy = `${rel}.${preferred === 'br' ? 'br' : 'gz'}`;
    if (existsSync(join(DIST, preferredCopy)) && encoding !== preferred) problem(`sent as ${encoding ?? 'identity'}, though ${preferredCopy} is there`);
  }
  console.log(
    `[${server}] ${counts.files} files: security headers on all; ${counts.immutable} immutable (hashed), ${counts.revalidate} no-cache; ` +
      `${counts.typed} with a documented type; ${counts.copiesSent} sent as their compressed copy, byte for byte, ${counts.compressedOnTheFly} compressed on the fly, ${counts.plain} uncompressed`,
  );
  expect(problems).toEqual([]);
  expect(counts.immutable).toBeGreaterThanOrEqual(8);
  expect(counts.copiesSent).toBeGreaterThan(100);
});

test('the service worker, the app Wasm and the data: headers and compression as documented', async ({}, info) => {
  const wasm = readdirSync(DIST).filter((name) => /_bg\.wasm$/.test(name));
  expect(wasm.length).toBeGreaterThanOrEqual(3);
  for (const name of wasm) {
    const answer = await get(`${served.url}${name}`, { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-type'], name).toBe('application/wasm');
    expect(answer.headers['cache-control'], name).toBe(IMMUTABLE);
    expect(answer.headers['content-encoding'], name).toBe('gzip');
    // A browser on plain HTTP asks for gzip only: the .gz copy, as written.
    expect(answer.body.equals(readFileSync(join(DIST, `${name}.gz`))), `${name}: the .gz copy`).toBe(true);
  }
  const sw = await get(`${served.url}sw.js`, { 'accept-encoding': ACCEPT_ENCODING });
  expectSecurityHeaders(sw, 'sw.js');
  expect(sw.headers['cache-control']).toBe('no-cache');
  for (const rel of ['config.json', 'data/agencies.json', 'index.html']) {
    const answer = await get(`${served.url}${rel}`, { 'accept-encoding': ACCEPT_ENCODING });
    expect(answer.headers['cache-control'], rel).toBe('no-cache');
    // "Revalidate": the browser asks again and gets a cheap 304.
    const validator: Record<string, string> = answer.headers.etag
      ? { 'if-none-match': String(answer.headers.etag) }
      : { 'if-modified-since': String(answer.headers['last-modified']) };
    const again = await get(`${served.url}${rel}`, { 'accept-encoding': ACCEPT_ENCODING, ...validator });
    expect(again.status, `${rel} revalidated`).toBe(304);
  }
  console.log(`[${info.project.name}] ${wasm.length} Wasm files application/wasm, immutable, gzip copy sent; sw.js with the security headers; config, data, page revalidate with 304`);
});

test('the folder without its slash redirects, with the query string', async ({}, info) => {
  const folder = SUB_PATH.replace(/\/$/, '');
  for (const query of ['', '?place=koeln&sada=1']) {
    const answer = await get(`${served.origin}${folder}${query}`);
    expect([301, 308], `${folder}${query}`).toContain(answer.status);
    const location = new URL(String(answer.headers.location), served.origin);
    expect(location.pathname).toBe(SUB_PATH);
    expect(location.search.replace(/^\?$/, '')).toBe(query);
  }
  console.log(`[${info.project.name}] ${folder} → ${SUB_PATH} (2 redirects, query kept)`);
});

test('an unknown path stays a 404 (no SPA fallback), with the security headers', async ({}, info) => {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const marker = '<!-- prerendered:start -->';
  expect(index).toContain(marker);
  const unknown = ['nope', 'nope/', 'agentur/nope.html', 'ort/nowhere.html', 'data/nope.json', 'kreis/koeln.html'];
  for (const path of unknown) {
    const answer = await get(`${served.url}${path}`, { 'accept-encoding': 'identity' });
    expect(answer.status, path).toBe(404);
    expect(answer.body.toString('utf8'), path).not.toContain(marker);
    expectSecurityHeaders(answer, path);
  }
  console.log(`[${info.project.name}] ${unknown.length} unknown paths: 404 with the security headers, never index.html`);
});

/** Collects CSP violations (the `securitypolicyviolation` event) in every document from its first script on. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as any).__violations.push(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI} (${event.sample})`);
    });
  });
  return async () => {
    const all: string[] = [];
    for (const frame of page.frames()) all.push(...(await frame.evaluate(() => (window as any).__violations ?? []).catch(() => [])));
    return all;
  };
}

test('the app starts with no CSP violation: finder, Arabic, an embed, the generator, the maintenance page, an agency page, a place page', async ({ page }, info) => {
  const violations = await recordViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const wasm: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.wasm')) wasm.push(`${response.url().split('/').pop()} ${response.headers()['content-encoding'] ?? 'identity'}`);
  });
  const dataset = servedDataset();
  const agency = dataset.agencies[0];
  const journeys: [string, string, () => Promise<void>][] = [
    ['finder', '', async () => {
      await waitForFinder(page);
      await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length);
      await expect(page.locator('.leaflet-overlay-pane path').first()).toBeAttached();
    }],
    ['Arabic', '?lang=ar', async () => {
      await waitForFinder(page);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }],
    ['embed', '?embed=1&place=05315000&sada=1&lock=place,sada', async () => {
      await waitForFinder(page);
      await expect(page.getByTestId('preset')).toContainText('Köln');
    }],
    ['generator', 'generator.html', async () => {
      await page.locator('#embed-place').selectOption({ label: 'Köln' });
      await expect(page.frameLocator('.generator__preview[data-width="600"]').getByTestId('preset')).toContainText('Köln');
    }],
    ['maintenance page', 'pflege.html', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daten pflegen: Integrationsagenturen in NRW');
      await expect(page.getByText('sendet nichts ins Internet')).toBeVisible();
    }],
    ['agency page', `agentur/${agency.id}.html`, async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(agency.name);
    }],
    ['place page', 'ort/koeln.html', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Köln');
    }],
  ];
  for (const [name, path, ready] of journeys) {
    const response = await page.goto(`${served.url}${path}`);
    expect(response?.status(), name).toBe(200);
    expect(response?.headers()['content-security-policy'], name).toBe(SECURITY.find(([n]) => n === 'Content-Security-Policy')![1]);
    await ready();
    expect(await violations(), name).toEqual([]);
  }
  // What the browser received for the Wasm: compressed.
  expect(wasm.length).toBeGreaterThanOrEqual(3);
  for (const line of wasm) expect(line).toMatch(/ (gzip|br)$/);
  console.log(`[${info.project.name}] ${journeys.length} pages without a CSP violation or console error (${journeys.map(([n]) => n).join(', ')}); Wasm received: ${[...new Set(wasm)].join(', ')}`);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the service worker installs, and the finder reloads offline', async ({ page, context }, info) => {
    // A server of its own, stopped for the offline part.
    const own = await startServer(info.project.name, { name: `${info.project.name}-offline` });
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(own.url);
      await waitForFinder(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await waitForFinder(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${own.url}sw.js`);
      await own.stop();
      await context.setOffline(true);
      await page.reload();
      const dataset = servedDataset();
      await waitForFinder(page);
      await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length);
      await expect(page.locator('.leaflet-overlay-pane path').first()).toBeAttached();
      const [year, month, day] = dataset.as_of.split('-');
      await expect(page.getByTestId('as-of')).toHaveText(`Stand: ${day}.${month}.${year}`);
      console.log(`[${info.project.name}] service worker installed at ${own.url}sw.js; offline reload with the server stopped: ${dataset.agencies.length} agencies, map and Stand`);
    } finally {
      await own.stop();
    }
  });
});
