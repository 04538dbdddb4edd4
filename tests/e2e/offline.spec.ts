// Offline and installable: after one online visit the service worker serves
// the app, the dataset and the outline without a network; a new dataset is
// picked up on the next online visit; tiles are never cached; the manifest
// and icons are there. Each test serves its own copy of the build (so it can
// change the dataset and stop the server) with the security headers on.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { test, expect, allowErrors, markerTotal, openFilters, servedDataset, waitForFinder } from './fixtures';

// The service worker is what these tests are about (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const DIST = process.env.IA_DIST ?? 'dist';

type Served = { url: string; root: string; stop: () => void };

async function serveCopy(): Promise<Served> {
  const root = mkdtempSync(join(tmpdir(), 'ia-offline-'));
  cpSync(DIST, root, { recursive: true });
  const server = await startStaticServer(root, { csp: true });
  return {
    url: server.url,
    root,
    stop: () => {
      server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Loads the page online until the service worker controls it. */
async function visitOnline(page: Page, url: string) {
  await page.goto(url);
  await waitForFinder(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // No clients.claim(): the worker takes over from the next load on, so a page never changes hands.
  await page.reload();
  await waitForFinder(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(new URL('sw.js', url).href);
}

async function expectFinder(page: Page, dataset: { as_of: string; agencies: unknown[] }) {
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length);
  await expect.poll(() => markerTotal(page)).toBe(dataset.agencies.length);
  await expect(page.locator('.leaflet-overlay-pane path')).not.toHaveCount(0);
  const [year, month, day] = dataset.as_of.split('-');
  await expect(page.getByTestId('as-of')).toHaveText(`Stand: ${day}.${month}.${year}`);
}

/** The parts index.html lists (issue 28; `<meta name="ia-part" data-part>`), as absolute URLs. */
async function partUrls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('meta[name="ia-part"]')].map((meta) => new URL(meta.getAttribute('data-part')!, document.baseURI).href),
  );
}

async function cached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });
}

/**
 * What the app asks once it has been idle for a while (public/sw-register.js,
 * 30 s without input): the service worker fetches the parts not used yet.
 * Asked here at once; resolves when every part is cached.
 */
async function prefetchParts(page: Page) {
  const parts = await partUrls(page);
  expect(parts.length).toBeGreaterThan(2);
  await page.evaluate(() => navigator.serviceWorker.controller!.postMessage({ type: 'ia-map:prefetch-parts' }));
  await expect.poll(async () => {
    const inCache = new Set(await cached(page));
    return parts.filter((url) => !inCache.has(url));
  }).toEqual([]);
}

async function goOffline(context: BrowserContext, served: Served) {
  await context.setOffline(true);
  served.stop(); // and really gone, whatever the emulation covers
}

for (const path of ['', 'sub/path/']) {
  test(`after one online visit the finder works offline (/${path})`, async ({ page, context }) => {
    // Opening an agency zooms the map in, where the Gemeinde band of the
    // map's background (not fetched online) is asked for and cannot come.
    allowErrors(page, /basemap\/gemeinden\.json/);
    const served = await serveCopy();
    try {
      const url = `${served.url}${path}`;
      await visitOnline(page, url);
      // The parts not used online (the detail's, the filters' …) come with
      // the idle prefetch.
      await prefetchParts(page);
      await goOffline(context, served);
      await page.reload();
      await expectFinder(page, servedDataset());
      // Filters and a detail work offline, and so does a link with filters.
      await page.getByRole('switch', { name: /Nur Servicestellen/ }).check();
      const sada = servedDataset().agencies.filter((a) => a.antidiscrimination).length;
      await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(sada);
      await page.goto(`${url}?sada=1`);
      await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(sada);
      await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
      await expect(page.getByTestId('detail')).toBeVisible();
    } finally {
      served.stop();
    }
  });
}

test('a part used online works offline; one never used says so offline, and the rest works', async ({ page, context }) => {
  allowErrors(page, /ia-map-detail|Failed to fetch|failed to load|TypeError|net::ERR/i);
  await page.setViewportSize({ width: 390, height: 844 });
  const served = await serveCopy();
  try {
    await visitOnline(page, served.url);
    // Not the first visit's business: no part is cached until used.
    const parts = await partUrls(page);
    expect((await cached(page)).filter((url) => parts.includes(url))).toEqual([]);
    await openFilters(page);
    await expect(page.locator('#filter-text')).toBeVisible();
    await goOffline(context, served);
    await page.reload();
    await waitForFinder(page);
    await openFilters(page);
    await page.locator('#filter-text').fill('Caritas');
    await expect(page.getByTestId('result-count')).not.toHaveText(/^104 /);
    await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
    await expect(page.getByTestId('part-failed').filter({ hasText: 'Angaben zur Agentur' })).toBeVisible();
    await expect(page.getByTestId('part-status')).toHaveText('Angaben zur Agentur: konnte nicht geladen werden.');
    await expect(page.locator('#filter-text')).toBeEditable();
  } finally {
    served.stop();
  }
});

/**
 * Before the page's scripts: records the service worker's messages from the
 * page (`window.__asked`), and `window.__registered` resolves once
 * public/sw-register.js has run what follows its registration (the idle
 * timer is armed then, or not at all).
 */
async function watchPrefetch(page: Page, saveData: boolean) {
  await page.addInitScript((saveData: boolean) => {
    const w = window as unknown as { __asked: unknown[]; __registered: Promise<boolean> };
    w.__asked = [];
    const post = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (this: ServiceWorker, message: unknown, ...rest: never[]) {
      w.__asked.push(message);
      return post.call(this, message, ...rest);
    };
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      const registered = register.apply(this, args);
      // Reactions run in the order they were added: this one's second step
      // comes after sw-register.js's own `.then`.
      w.__registered = registered.then(() => null).then(() => true);
      return registered;
    };
    if (saveData) Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true }) });
  }, saveData);
}

const asked = (page: Page) => page.evaluate(() => (window as unknown as { __asked: unknown[] }).__asked.length);

test('after 30 s without input the parts not used yet are fetched; input starts the wait again', async ({ page }) => {
  const served = await serveCopy();
  try {
    await page.clock.install();
    await watchPrefetch(page, false);
    await visitOnline(page, served.url);
    await page.evaluate(() => (window as unknown as { __registered: Promise<boolean> }).__registered);
    const parts = await partUrls(page);
    expect(parts.length).toBeGreaterThan(2);
    await page.clock.fastForward(20_000);
    await page.keyboard.press('Shift');
    await page.clock.fastForward(20_000);
    // 40 s after load, 20 s after the key: the clock is ours, so not yet.
    expect(await asked(page)).toBe(0);
    await page.clock.fastForward(11_000);
    await expect.poll(() => asked(page)).toBe(1);
    await expect.poll(async () => {
      const inCache = new Set(await cached(page));
      return parts.filter((url) => !inCache.has(url));
    }).toEqual([]);
  } finally {
    served.stop();
  }
});

test('a browser that asks to save data never fetches parts ahead', async ({ page }) => {
  // A phone: no part is used at start (wide screens use the map's).
  await page.setViewportSize({ width: 390, height: 844 });
  const served = await serveCopy();
  try {
    await page.clock.install();
    await watchPrefetch(page, true);
    await visitOnline(page, served.url);
    await page.evaluate(() => (window as unknown as { __registered: Promise<boolean> }).__registered);
    await page.clock.fastForward(120_000);
    expect(await asked(page)).toBe(0);
    const parts = await partUrls(page);
    expect((await cached(page)).filter((url) => parts.includes(url))).toEqual([]);
  } finally {
    served.stop();
  }
});

test('the generator is not cached for residents; once visited it works offline too', async ({ page, context }) => {
  const served = await serveCopy();
  const cachedUrls = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
  try {
    await visitOnline(page, served.url);
    expect((await cachedUrls()).filter((url) => url.includes('generator'))).toEqual([]);
    const heading = page.getByRole('heading', { name: 'Karte auf Ihrer Website einbinden' });
    await page.goto(`${served.url}generator.html`);
    await expect(heading).toBeVisible();
    // Its previews are embeds: the map's and the embed's parts (issue 28)
    // are cached once they have fetched them.
    await expect.poll(async () => (await cachedUrls()).filter((url) => /\/ia-map-(map|embed)-[0-9a-f]{16}\.wasm$/.test(url)).length).toBe(2);
    // A later visit to the finder keeps the generator's files.
    await page.goto(served.url);
    await waitForFinder(page);
    await expect.poll(async () => (await cachedUrls()).filter((url) => /generator-[0-9a-f]+(_bg)?\.(js|wasm)$/.test(url)).length).toBe(2);
    await goOffline(context, served);
    // The previews zoom to Köln, where the map's own background would show
    // Gemeinde borders: that file (75 KB) is fetched only when first needed,
    // never cached ahead, so offline the Kreis borders stand in.
    allowErrors(page, /Failed to load resource.*data\/basemap\/gemeinden\.json/);
    await page.goto(`${served.url}generator.html?lang=de`);
    await expect(heading).toBeVisible();
    await page.locator('#embed-place').selectOption({ label: 'Köln' });
    await expect(page.frameLocator('.generator__preview[data-width="600"]').getByTestId('preset')).toContainText('Köln');
  } finally {
    served.stop();
  }
});

test('the maintenance page, once visited, works offline too and survives a later visit to the finder', async ({ page, context }) => {
  const served = await serveCopy();
  const cachedPflege = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls.filter((url) => /pflege-[0-9a-f]+(_bg)?\.(js|wasm)$/.test(url)).length;
    });
  try {
    await visitOnline(page, served.url);
    const heading = page.getByRole('heading', { name: 'Daten pflegen: Integrationsagenturen in NRW' });
    await page.goto(`${served.url}pflege.html`);
    await expect(heading).toBeVisible();
    await page.goto(served.url);
    await waitForFinder(page);
    await expect.poll(cachedPflege).toBe(2);
    await goOffline(context, served);
    await page.goto(`${served.url}pflege.html`);
    await expect(heading).toBeVisible();
  } finally {
    served.stop();
  }
});

test('an agency\'s page is cached when visited, not before, and then works offline', async ({ page, context }) => {
  const served = await serveCopy();
  const cachedPages = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls.filter((url) => /\/(agentur|ort)\//.test(url)).map((url) => new URL(url).pathname);
    });
  try {
    const [first, second] = servedDataset().agencies;
    await visitOnline(page, served.url);
    expect(await cachedPages()).toEqual([]);
    await page.goto(`${served.url}agentur/${first.id}.html`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.name);
    await expect.poll(cachedPages).toEqual([`/agentur/${first.id}.html`]);
    await goOffline(context, served);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.name);
    // One not visited is not there offline.
    allowErrors(page, /Failed to load resource/);
    await expect(page.goto(`${served.url}agentur/${second.id}.html`)).rejects.toThrow();
  } finally {
    served.stop();
  }
});

test('a new dataset is shown on the next online visit, and then offline too', async ({ page, context }) => {
  const served = await serveCopy();
  try {
    await visitOnline(page, served.url);
    const updated = { ...servedDataset(), as_of: '2031-01-15' };
    updated.agencies = updated.agencies.slice(1);
    writeFileSync(join(served.root, 'data/agencies.json'), JSON.stringify(updated));
    await page.reload();
    await expectFinder(page, updated);
    // The new copy is in the cache before the network goes.
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.match('data/agencies.json'))?.json())?.as_of))
      .toBe(updated.as_of);
    await goOffline(context, served);
    await page.reload();
    await expectFinder(page, updated);
  } finally {
    served.stop();
  }
});

test('the cache holds only public files of the app: no tiles, nothing from other origins', async ({ page }) => {
  const served = await serveCopy();
  try {
    const tiles: string[] = [];
    const { tile_url: template } = JSON.parse(readFileSync(join(served.root, 'config.json'), 'utf8'));
    const tileOrigin = new URL(template.replace(/\{[a-z]\}/g, '0')).origin;
    page.on('request', (request) => {
      if (request.url().startsWith(tileOrigin)) tiles.push(request.url());
    });
    await visitOnline(page, served.url);
    // Tiles only after "Stadtplan laden" (tile_consent: ask); then they are asked for.
    await page.getByRole('button', { name: 'Stadtplan laden' }).click();
    await page.locator('.leaflet-control-zoom-in').click();
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
    expect(cached.length).toBeGreaterThan(5);
    const files = new Set(readdirSync(served.root, { recursive: true }).map((file) => String(file).replaceAll('\\', '/')));
    for (const url of cached) {
      expect(url.startsWith(served.url), url).toBe(true);
      const path = url.slice(served.url.length).split('?')[0];
      expect(path === '' || files.has(path), `${url} is a file of the build`).toBe(true);
    }
    // The app shell is complete: the page, every file its head names, config, dataset, outline.
    const html = readFileSync(join(served.root, 'index.html'), 'utf8');
    // (Not the list's `?agency=` links, views of the page itself, nor the
    // footer's links: only what the page's head names.)
    const head = html.slice(0, html.indexOf('</head>'));
    const app = /<meta name="ia-app" content="([^"]*)"/.exec(head)![1].split(' ');
    expect(app, 'the app\'s glue and Wasm in <meta name="ia-app">').toHaveLength(2);
    const named = [...[...head.matchAll(/\b(?:href|src)="([^"#:?][^"#:]*)"/g)].map(([, url]) => url), ...app].map((url) => new URL(url, served.url).href);
    const config = JSON.parse(readFileSync(join(served.root, 'config.json'), 'utf8'));
    for (const url of [...named, `${served.url}config.json`, new URL(config.dataset_url, served.url).href, new URL(config.outline_url, served.url).href]) {
      expect(cached, url).toContain(url);
    }
    // Not what the body links to (issue 28): the agencies' and places' pages, the generator's page.
    expect(cached.filter((url) => /\/(agentur|ort)\/|\/generator\.html$/.test(url))).toEqual([]);
  } finally {
    served.stop();
  }
});

test('the app can be installed: manifest with relative start URL, theme colour and icons', async ({ page, request }) => {
  await page.goto('./');
  await waitForFinder(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const manifestUrl = new URL(href!, page.url()).href;
  const response = await request.get(manifestUrl);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ start_url: './', scope: './', display: 'standalone', theme_color: '#1d4f91', lang: 'de' });
  expect(manifest.name).toBe('Integrationsagenturen in NRW finden');
  expect(manifest.short_name.length).toBeLessThanOrEqual(15);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#1d4f91');
  const purposes = new Set<string>();
  for (const icon of manifest.icons) {
    const image = await request.get(new URL(icon.src, manifestUrl).href);
    expect(image.ok(), icon.src).toBe(true);
    const bytes = await image.body();
    // A PNG of the size it claims: width and height are in the IHDR chunk.
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const [width, height] = icon.sizes.split('x').map(Number);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], icon.src).toEqual([width, height]);
    purposes.add(icon.purpose);
  }
  expect([...purposes].sort()).toEqual(['any', 'maskable']);
  expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
});
