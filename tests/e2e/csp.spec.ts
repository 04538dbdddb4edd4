// The release build works under the strict Content-Security-Policy of
// docs/deploy.md, served by tests/e2e/server.mjs --csp: a journey (load,
// filter, open a detail, pan and zoom the map, download) causes no CSP
// violation and no console error, and the policy really is enforced.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { test, expect, allowErrors, servedDataset, waitForFinder, openFilters, showListEnd } from './fixtures';

// With the service worker on, as deployed (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const DIST = process.env.IA_DIST ?? 'dist';
const stops: (() => void)[] = [];
let base = '';

/** Starts the test server with the security headers on a free port; returns its URL. */
async function startServer(...extra: string[]): Promise<string> {
  const server = await startStaticServer(DIST, { csp: true, args: extra });
  stops.push(server.stop);
  return server.url;
}

test.beforeAll(async () => {
  base = await startServer();
});

test.afterAll(() => {
  for (const stop of stops) stop();
});

/** Collects CSP violations in the page from its first script on. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as any).__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI} (${event.sample})`);
    });
  });
  return () => page.evaluate(() => (window as any).__violations as string[]);
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name, values]));
}

test('the policy is strict: no unsafe-eval, no unsafe-inline script, only the inline scripts index.html has', async ({ request }) => {
  const response = await request.get(base);
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
  const csp = directives(headers['content-security-policy']);
  expect(csp.get('default-src')).toEqual(["'none'"]);
  const scripts = csp.get('script-src')!;
  expect(scripts).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain("'unsafe-inline'");
  // Computed from the served index.html at test time: the hashes allowed are exactly those of its inline scripts.
  const html = await response.text();
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
  expect(scripts.filter((source) => source.startsWith("'sha")).sort()).toEqual(inline.sort());
  // Leaflet and the app set styles through the CSSOM only, so no inline style is allowed at all.
  expect(csp.get('style-src')).toEqual(["'self'"]);
  expect(csp.has('style-src-attr')).toBe(false);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  const config = await (await request.get(`${base}config.json`)).json();
  expect(csp.get('img-src')).toEqual(["'self'", 'data:', new URL(config.tile_url.replace(/\{[a-z]\}/g, '0')).origin]);
  expect(csp.get('frame-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toBeDefined();
  expect(csp.get('base-uri')).toEqual(["'self'"]);
});

for (const path of ['', 'sub/path/']) {
  test(`a journey under the CSP causes no violation (/${path})`, async ({ page, context }) => {
    const violations = await recordViolations(page);
    const dataset = servedDataset();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${base}${path}`);
    await waitForFinder(page);
    await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length);
    // The outline and the map's own background are fetched and drawn, the names placed (CSSOM only).
    await expect(page.locator('.leaflet-overlay-pane path')).not.toHaveCount(0);
    await expect(page.locator('.basemap-label').first()).toBeAttached();
    // "Stadtplan laden": tiles are requested (and aborted by the fixture: no network here).
    await page.getByRole('button', { name: 'Stadtplan laden' }).click();
    // A cluster zooms in (Leaflet animates with inline styles), then back to the whole list.
    await page.locator('.ia-marker--cluster').first().click();
    await expect(page).toHaveURL(/map=/);

    // Filter: the Servicestelle switch and the place picker.
    await page.getByRole('switch', { name: /Nur Servicestellen/ }).check();
    await openFilters(page);
    const place = page.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' });
    await place.fill('koln');
    await place.press('Enter');
    await expect(page).toHaveURL(/place=05315000/);

    // "Near me" with the browser's location (the place index is fetched, a circle drawn).
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 50.9375, longitude: 6.9603 });
    await page.getByRole('button', { name: 'Meinen Standort verwenden' }).click();
    await expect(page).toHaveURL(/near=\d{5}/);

    // Open a detail and close it again.
    await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
    await expect(page.getByTestId('detail')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('detail')).toHaveCount(0);

    // Pan the map by dragging, zoom with the control.
    const map = page.locator('.map');
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 80, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/map=/);
    await page.locator('.leaflet-control-zoom-out').click();
    await page.getByRole('button', { name: 'Alle Filter zurücksetzen' }).click();
    await expect(page).not.toHaveURL(/place=/);
    await expect(page.getByTestId('result-count')).toHaveText(`${dataset.agencies.length} Agenturen gefunden`);

    // A download is made in the page (a blob: URL).
    await showListEnd(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    expect(await violations()).toEqual([]);
  });
}

test('the embed generator (its same-origin preview iframe) and embed mode cause no violation', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}generator.html`);
  await page.locator('#embed-place').selectOption({ label: 'Köln' });
  await page.locator('#embed-sada').check();
  const preview = page.frameLocator('.generator__preview[data-width="600"]');
  await expect(preview.getByTestId('preset')).toContainText('Köln');
  await expect(preview.locator('.ia-marker').first()).toBeAttached();
  expect(await violations()).toEqual([]);
  // The preview's own document reports its violations to itself: check it too.
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes('embed=1'))!;
  expect(await frame.evaluate(() => (window as any).__violations ?? [])).toEqual([]);

  await page.goto(`${base}?embed=1&place=05315000&sada=1&lock=place,sada&tiles=click`);
  await expect(page.getByTestId('results').locator('li:not([hidden])').first()).toBeVisible();
  await expect(page.locator('.ia-marker').first()).toBeAttached();
  expect(await violations()).toEqual([]);
});

test('sharing a view and drawing its QR code (SVG on screen, PNG through a canvas) cause no violation', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  await page.goto(`${base}?sada=1`);
  await waitForFinder(page);
  await showListEnd(page);
  await page.getByTestId('share-view').getByRole('button').click();
  await expect(page.getByTestId('share-note')).toBeVisible();
  await page.goto(`${base}generator.html?qr=${encodeURIComponent(`${base}?sada=1`)}`);
  await expect(page.getByTestId('qr-svg').locator('svg')).toBeVisible();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qr-download-png').click()]);
  expect(png.suggestedFilename()).toBe('qr-code.png');
  expect(await violations()).toEqual([]);
});

test('the policy is enforced: an injected inline script and a style attribute are blocked', async ({ page }) => {
  allowErrors(page, /Content Security Policy/);
  const violations = await recordViolations(page);
  await page.goto(base);
  await waitForFinder(page);
  const result = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    const div = document.createElement('div');
    div.setAttribute('style', 'width: 123px');
    document.body.append(div);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { injected: (window as any).__injected ?? false, width: getComputedStyle(div).width };
  });
  expect(result.injected).toBe(false);
  expect(result.width).not.toBe('123px');
  const seen = (await violations()).join('\n');
  expect(seen).toMatch(/script-src-elem blocked inline/);
  expect(seen).toMatch(/style-src-attr blocked inline/);
});

test('frame-ancestors: other sites cannot frame the app, a listed partner can', async ({ page }) => {
  allowErrors(page, /frame-ancestors/, /Refused to frame/);
  // The plain Playwright server (another port, so another origin) plays the partner site:
  // a page there gets an iframe with the app served with the security headers.
  const partner = new URL(test.info().project.use.baseURL!).origin;
  const embed = async (src: string) => {
    await page.goto(`${partner}/`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.width = '1000';
      frame.height = '700';
      document.body.append(frame);
    }, src);
    return page.frameLocator('iframe');
  };

  const blocked = await embed(base);
  await expect.poll(() => page.frames().some((frame) => frame.url().startsWith('chrome-error:'))).toBe(true);
  await expect(blocked.getByTestId('results')).toHaveCount(0);

  const allowed = await embed(await startServer('--frame-ancestors', `'self' ${partner}`));
  await expect(allowed.getByTestId('results').locator('li:not([hidden])')).toHaveCount(servedDataset().agencies.length);
});
