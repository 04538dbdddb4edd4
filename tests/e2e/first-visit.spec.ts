// A resident's first visit (issue 28): every request the page and its
// service worker make, until 10 s after the page's load event, is a file of
// the explicit list in scripts/first-visit.mjs: the finder's shell. No page
// under agentur/ or ort/ (the list links to all of them), no image or QR
// code of theirs, no other page's files. Those are cached when visited.
import type { BrowserContext, Request } from '@playwright/test';
import { FIRST_VISIT, allowedOnFirstVisit } from '../../scripts/first-visit.mjs';
import { test, expect, waitForFinder } from './fixtures';

// The service worker's requests are what this is about (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

/** The window after the load event that counts as the first visit (issue 28's target). */
const WINDOW_MS = 10_000;

type Seen = { path: string; byWorker: boolean };

/** Records every request of the context: the pages' and (Chromium reports them here too) the service worker's. */
function record(context: BrowserContext, base: string): Seen[] {
  const seen: Seen[] = [];
  context.on('request', (request: Request) => {
    const url = request.url();
    if (!url.startsWith(base)) return;
    seen.push({ path: decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length)), byWorker: request.serviceWorker() !== null });
  });
  return seen;
}

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]] as const) {
  test(`a first visit fetches only the shell, also in its service worker (${name})`, async ({ page, context, baseURL }) => {
    test.setTimeout(WINDOW_MS + 30_000);
    const seen = record(context, baseURL!);
    await page.setViewportSize({ width, height });
    await page.goto('./', { waitUntil: 'load' });
    const loaded = Date.now();
    await waitForFinder(page);
    // The service worker has installed the shell (a positive signal that its requests were recorded).
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => seen.filter((s) => s.byWorker).length).toBeGreaterThan(5);
    await page.waitForTimeout(Math.max(0, loaded + WINDOW_MS - Date.now()));

    const paths = [...new Set(seen.map((s) => s.path.split('?')[0]))].sort();
    expect(paths.filter((path) => !allowedOnFirstVisit(path, { wide: width >= 900 })), `outside the list in scripts/first-visit.mjs: ${JSON.stringify(FIRST_VISIT.map((e) => e.path ?? String(e.pattern)))}`).toEqual([]);
    expect(paths.filter((path) => /^(agentur|ort)\//.test(path))).toEqual([]);
    // What the worker installed: the page, the dataset, the first band and
    // Leaflet's script (which a phone's page never asks for itself).
    const byWorker = new Set(seen.filter((s) => s.byWorker).map((s) => s.path));
    for (const path of ['', 'config.json', 'data/agencies.json', 'data/boundaries/nrw-land.geojson', 'data/basemap/kreise.json', 'vendor/leaflet/leaflet.js']) {
      expect(byWorker.has(path), `the service worker installs ${path || 'the page'}`).toBe(true);
    }
    expect([...byWorker].some((path) => /^ia-map-[0-9a-f]{12,16}_bg\.wasm$/.test(path)), 'the service worker installs the Wasm').toBe(true);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
      return urls;
    });
    expect(cached.filter((url) => /\/(agentur|ort)\//.test(url))).toEqual([]);
  });
}
