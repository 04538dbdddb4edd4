// The map's own background (issue 18): with every request that leaves
// 127.0.0.1 blocked (the fixture aborts them; these tests also log them), the
// map shows Kreis borders and the large cities' names at NRW zoom, Gemeinde
// borders and the town's name at Köln zoom; third-party tiles wait for
// "Stadtplan laden", which lasts for the browser session.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, waitForFinder, isWideLayout, servedDataset } from './fixtures';

const config = JSON.parse(readFileSync(`${process.env.IA_DIST ?? 'dist'}/config.json`, 'utf8'));
const TILE_ORIGIN = new URL(config.tile_url.replace(/\{[a-z]\}/g, '0')).origin;
const BIG_CITIES = ['Köln', 'Düsseldorf', 'Dortmund', 'Essen'];
// A 1x1 grey PNG, the fake tile.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4AwAA4gDhR/1nVQAAAABJRU5ErkJggg==',
  'base64',
);

/** Every request to another host than 127.0.0.1, in order. */
function logExternal(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) external.push(request.url());
  });
  return external;
}

async function showMap(page: Page) {
  await waitForFinder(page);
  if (!(await isWideLayout(page))) await page.getByRole('button', { name: 'Karte', exact: true }).click();
  await expect(page.locator('.leaflet-container')).toBeVisible();
}

/** The names drawn, with their boxes. */
async function labels(page: Page) {
  return page.locator('.basemap-label').evaluateAll((spans) =>
    spans.map((span) => {
      const r = span.getBoundingClientRect();
      return { text: span.textContent ?? '', x: r.left, y: r.top, right: r.right, bottom: r.bottom };
    }),
  );
}

async function mapBox(page: Page) {
  return (await page.locator('.leaflet-container').boundingBox())!;
}

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]] as const) {
  test(`NRW zoom without any external request: Kreis borders and city names (${name})`, async ({ page }) => {
    const external = logExternal(page);
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await showMap(page);
    const borders = page.locator('.leaflet-basemap-pane path');
    await expect(borders.first()).toBeAttached();
    // The Kreis borders cover most of the map, under the markers.
    const map = await mapBox(page);
    const box = (await borders.first().boundingBox())!;
    expect(box.width).toBeGreaterThan(map.width * 0.3);
    // Names: no two overlap, all inside the map, the largest cities among them.
    const cities = name === 'desktop' ? BIG_CITIES : ['Köln'];
    // Once the map has settled (names are placed again after every move).
    await expect
      .poll(async () => {
        const now = await labels(page);
        return cities.every((city) => now.some((l) => l.text === city)) && now.every((l) => l.right > l.x);
      })
      .toBe(true);
    const shown = await labels(page);
    for (const [i, a] of shown.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(map.x - 1);
      expect(a.right).toBeLessThanOrEqual(map.x + map.width + 1);
      for (const b of shown.slice(i + 1)) {
        const apart = a.right <= b.x || b.right <= a.x || a.bottom <= b.y || b.bottom <= a.y;
        expect(apart, `${a.text} / ${b.text}`).toBe(true);
      }
    }
    // The names are decoration for screen readers; the list is the accessible view.
    await expect(page.locator('.leaflet-basemapLabels-pane')).toHaveAttribute('aria-hidden', 'true');
    // Nothing but 127.0.0.1 was asked: no tiles before "Stadtplan laden".
    expect(external).toEqual([]);
    await page.screenshot({ path: `test-output/basemap/nrw-${width}x${height}.png` });
  });

  test(`Köln zoom: Gemeinde borders, the city's name (${name})`, async ({ page }) => {
    const external = logExternal(page);
    await page.setViewportSize({ width, height });
    const gemeinden = page.waitForResponse((response) => response.url().endsWith('/data/basemap/gemeinden.json'));
    await page.goto('./?map=11/50.94/6.96');
    await showMap(page);
    expect((await gemeinden).status()).toBe(200);
    await expect.poll(async () => (await labels(page)).map((l) => l.text)).toContain('Köln');
    // Neighbouring towns are named too, and Köln's border (a Kreis line) is drawn.
    const shown = (await labels(page)).map((l) => l.text);
    expect(shown.length).toBeGreaterThan(2);
    expect(await page.locator('.leaflet-basemap-pane path').count()).toBeGreaterThanOrEqual(2);
    expect(external).toEqual([]);
    await page.screenshot({ path: `test-output/basemap/koeln-${width}x${height}.png` });
  });
}

test('tiles wait for "Stadtplan laden"; the choice lasts for the session', async ({ page }) => {
  const tiles: string[] = [];
  await page.route(`${TILE_ORIGIN}/**`, (route) => {
    tiles.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await showMap(page);
  const load = page.getByRole('button', { name: 'Stadtplan laden' });
  await expect(load).toBeVisible();
  // The own background is complete, and still no tile was asked for.
  await expect.poll(async () => (await labels(page)).length).toBeGreaterThan(3);
  expect(tiles).toEqual([]);
  await load.click();
  await expect.poll(() => tiles.length).toBeGreaterThan(0);
  await expect(page.locator('.leaflet-tile-loaded').first()).toBeAttached();
  await expect(load).toBeHidden();
  // With tiles on, the own background steps aside (the tiles have names).
  await expect(page.locator('.basemap-label')).toHaveCount(0);
  await expect(page.locator('.leaflet-basemap-pane path')).toHaveCount(0);
  // Reload in the same session: tiles at once, no question.
  tiles.length = 0;
  await page.reload();
  await showMap(page);
  await expect.poll(() => tiles.length).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Stadtplan laden' })).toHaveCount(0);
});

test('failing tiles bring the own background back with the note', async ({ page }) => {
  // The fixture aborts the tile requests.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await showMap(page);
  await page.getByRole('button', { name: 'Stadtplan laden' }).click();
  await expect(page.getByText('Hintergrundkarte nicht erreichbar')).toBeVisible();
  await expect.poll(async () => (await labels(page)).map((l) => l.text)).toContain('Köln');
  await expect(page.locator('.leaflet-basemap-pane path').first()).toBeAttached();
});

test('no axe violations with the own background drawn', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?map=11/50.94/6.96');
  await showMap(page);
  await expect.poll(async () => (await labels(page)).length).toBeGreaterThan(2);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('in a small embed the legend starts folded behind a disclosure button; in a large one it is open', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 500 });
  await page.goto('./?embed=1');
  await expect(page.locator('.ia-marker').first()).toBeAttached();
  const toggle = page.getByRole('button', { name: 'Zeichenerklärung' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const legend = page.locator('#map-legend');
  await expect(legend).toBeHidden();
  // Keyboard: focus and Enter unfold it.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('Servicestelle');
  await toggle.click();
  await expect(legend).toBeHidden();

  await page.setViewportSize({ width: 1200, height: 700 });
  await page.goto('./?embed=1');
  await expect(page.locator('.ia-marker').first()).toBeAttached();
  await expect(page.getByRole('button', { name: 'Zeichenerklärung' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#map-legend')).toBeVisible();
});

// Issue 28: placing the names reads the markers' and controls' boxes. Read
// in the task of a filter change, right after the list and markers changed,
// that made the browser lay the whole page out inside the change (twice: the
// draw and its fit's moveend), and a filter change took about 10 ms longer at
// the real dataset. The names are placed after the frame instead.
test('a filter change reads no layout before its frame; the names are placed again after it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await showMap(page);
  await expect.poll(async () => (await labels(page)).length).toBeGreaterThan(3);
  const outcome = await page.evaluate(
    () =>
      new Promise<{ reads: string[]; namesBefore: number; sada: number }>((resolve) => {
        // Every call that makes the browser lay the page out when the DOM has changed.
        const reads: string[] = [];
        const count = (name: string) => reads.push(name);
        const methods: [object, string][] = [
          [Element.prototype, 'getBoundingClientRect'],
          [Element.prototype, 'getClientRects'],
          [window, 'getComputedStyle'],
        ];
        const getters: [object, string][] = [
          ...['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft', 'offsetParent', 'innerText'].map((p) => [HTMLElement.prototype, p] as [object, string]),
          ...['clientWidth', 'clientHeight', 'clientTop', 'clientLeft', 'scrollWidth', 'scrollHeight', 'scrollTop', 'scrollLeft'].map((p) => [Element.prototype, p] as [object, string]),
        ];
        const restore: (() => void)[] = [];
        for (const [target, name] of methods) {
          const original = (target as any)[name];
          (target as any)[name] = function (this: unknown, ...args: unknown[]) {
            count(name);
            return original.apply(this, args);
          };
          restore.push(() => ((target as any)[name] = original));
        }
        for (const [target, name] of getters) {
          const descriptor = Object.getOwnPropertyDescriptor(target, name)!;
          Object.defineProperty(target, name, {
            ...descriptor,
            get(this: unknown) {
              count(name);
              return descriptor.get!.call(this);
            },
          });
          restore.push(() => Object.defineProperty(target, name, descriptor));
        }
        const old = [...document.querySelectorAll('.basemap-label')];
        for (const span of old) (span as any).__old = true;
        // The change's task and its microtasks end before this frame's callbacks run.
        (document.querySelector('#filter-sada') as HTMLInputElement).click();
        requestAnimationFrame(() => {
          for (const undo of restore) undo();
          const sada = document.querySelectorAll('[data-testid="results"] > li:not([hidden])').length;
          resolve({ reads, namesBefore: old.filter((span) => span.isConnected).length, sada });
        });
      }),
  );
  const dataset = servedDataset();
  expect(outcome.sada).toBe(dataset.agencies.filter((a) => a.antidiscrimination).length);
  expect(outcome.reads).toEqual([]);
  // The old names stay until the new ones are placed (no blink) …
  expect(outcome.namesBefore).toBeGreaterThan(3);
  // … which happens after the frame: the spans are made anew, off the new markers.
  await expect.poll(() => page.locator('.basemap-label').evaluateAll((spans) => spans.length > 0 && spans.every((s) => !(s as any).__old))).toBe(true);
});
