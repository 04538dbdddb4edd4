// Embedding in a partner's page on another origin: presets and locks, the
// height protocol, the "open the full map" link, the wheel not taken over,
// a sandboxed iframe, the generator, and axe in embed mode.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, servedDataset } from './fixtures';

// As in playwright.config.ts: the app on PORT, the partner page on PORT + 2.
const PORT = Number(process.env.IA_PORT ?? 4173);
const APP = `http://127.0.0.1:${PORT}/`;
const HOST = `http://127.0.0.1:${PORT + 2}/`;

async function host(page: Page, appQuery: string, sandbox?: string) {
  const src = `${APP}?${appQuery}`;
  const extra = sandbox ? `&sandbox=${encodeURIComponent(sandbox)}` : '';
  await page.goto(`${HOST}?src=${encodeURIComponent(src)}${extra}`);
  const frame = page.frameLocator('#finder');
  await expect(frame.getByTestId('results')).toBeAttached();
  return frame;
}

test('a locked preset shows as fixed; other filters still work; reset keeps it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const dataset = servedDataset() as any;
  const koelnSada = dataset.agencies.filter((a: any) => a.ags === '05315000' && a.antidiscrimination);
  const frame = await host(page, 'embed=1&place=05315000&sada=1&lock=place,sada');
  await expect(frame.locator('.site-header')).toHaveCount(0);
  await expect(frame.getByTestId('preset')).toHaveText(/Köln · nur Servicestellen/);
  await expect(frame.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' })).toHaveCount(0);
  await expect(frame.getByRole('switch')).toBeHidden();
  const visible = frame.getByTestId('results').locator('li:not([hidden])');
  await expect(visible).toHaveCount(koelnSada.length);

  await frame.locator('.more-filters > summary').click();
  await frame.getByLabel('Suche nach Name, Träger oder Adresse').fill('zzzz-nothing');
  await expect(visible).toHaveCount(0);
  await frame.getByRole('button', { name: 'Alle Filter zurücksetzen' }).click();
  await expect(visible).toHaveCount(koelnSada.length);

  // "Open the full map" carries the state, without the embed parameters.
  const full = frame.getByRole('link', { name: /Vollständige Karte öffnen/ });
  await expect(full).toHaveAttribute('target', '_blank');
  const href = (await full.getAttribute('href'))!;
  expect(href).toContain('place=05315000');
  expect(href).toContain('sada=1');
  expect(href).not.toMatch(/embed=|lock=/);
});

test('the app reports its height and the host resizes the iframe', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const frame = await host(page, 'embed=1&list=bottom&place=05315000');
  await expect.poll(() => page.evaluate(() => (window as any).__heights.length)).toBeGreaterThan(0);
  const last = await page.evaluate(() => (window as any).__heights.at(-1));
  expect(last).toBeGreaterThan(420);
  await expect(page.locator('#finder')).toHaveAttribute('style', new RegExp(`height: ${Math.ceil(last)}px`));
  // More results make the page taller, and the host follows.
  await frame.locator('.more-filters > summary').click();
  await frame.getByRole('button', { name: /Ort zurücksetzen/ }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__heights.at(-1))).toBeGreaterThan(last);
});

test('the wheel scrolls the host page, not the map; Ctrl + wheel zooms', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const frame = await host(page, 'embed=1');
  await expect(frame.locator('.ia-marker').first()).toBeAttached();
  const map = frame.locator('.map');
  // The app writes the map view (zoom/lat/lon) into its URL after each move.
  const zoom = async () => {
    const search = await frame.locator('body').evaluate(() => location.search);
    return Number(/map=(\d+)\//.exec(search)?.[1] ?? NaN);
  };
  await expect.poll(zoom).toBeGreaterThan(0);
  await map.scrollIntoViewIfNeeded();
  const zoomBefore = await zoom();
  const before = await page.evaluate(() => scrollY);
  // Every hint the map shows is recorded: it stays 1.5 s (src/map/gestures.rs),
  // less than a busy machine may take to look.
  await frame.locator('body').evaluate(() => {
    const hints: string[] = ((window as any).__hints = []);
    new MutationObserver(() => document.querySelectorAll('.map-hint').forEach((hint) => hints.push(hint.textContent ?? ''))).observe(
      document.body,
      { subtree: true, childList: true, characterData: true },
    );
  });
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before);
  await expect.poll(() => frame.locator('body').evaluate(() => (window as any).__hints.join(' | '))).toMatch(/Strg/);
  expect(await zoom()).toBe(zoomBefore);
  // With Ctrl, the wheel zooms the map.
  const box2 = (await map.boundingBox())!;
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect.poll(zoom).toBe(zoomBefore + 1);
});

test('works in a sandboxed iframe without storage', async ({ page }) => {
  const frame = await host(page, 'embed=1', 'allow-scripts allow-same-origin allow-popups');
  await expect(frame.getByTestId('result-count')).toHaveText(`${servedDataset().agencies.length} Agenturen gefunden`);
  await expect(frame.locator('.ia-marker').first()).toBeAttached();
});

test('the generator previews the embed and gives a snippet that works on another origin', async ({ page }) => {
  await page.goto('./generator.html');
  await page.locator('#embed-place').selectOption({ label: 'Köln' });
  await page.locator('#embed-sada').check();
  const snippet = await page.locator('.generator__snippet').inputValue();
  expect(snippet).toContain('embed=1');
  expect(snippet).toContain('lock=place,sada');
  expect(snippet).toContain('place=05315000');
  expect(snippet).toMatch(/title="[^"]+"/);
  expect(snippet).toContain('loading="lazy"');
  expect(snippet).toContain('allow="geolocation"');
  const preview = page.frameLocator('.generator__preview[data-width="600"]');
  await expect(preview.getByTestId('preset')).toContainText('Köln');
  // The same embed at the three widths partners use, each with its map.
  await expect(page.locator('.generator__preview')).toHaveCount(3);
  for (const width of [360, 600, 1000]) {
    const frame = page.frameLocator(`.generator__preview[data-width="${width}"]`);
    await expect(frame.getByTestId('preset')).toContainText('Köln');
    await expect(frame.locator('.map')).toBeVisible();
  }
  // The snippet's iframe address works from the partner page.
  const src = snippet.match(/src="([^"]+)"/)![1];
  const frame = await host(page, src.split('?')[1]);
  await expect(frame.getByTestId('preset')).toContainText('Köln');
});

test('no axe violations in embed mode', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('./?embed=1&place=05315000&lock=place');
  await expect(page.getByTestId('results')).toBeAttached();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('with tiles=click no tile is requested before the user asks', async ({ page }) => {
  const tileRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).hostname === 'sgx.geodatenzentrum.de') tileRequests.push(request.url());
  });
  await page.goto('./?embed=1&tiles=click');
  await expect(page.locator('.ia-marker').first()).toBeAttached();
  // The map is made and waits for the visitor: no tile layer, no tile image.
  await expect(page.locator('.map')).toHaveAttribute('data-map', 'ready');
  await expect(page.getByRole('button', { name: 'Stadtplan laden' })).toBeVisible();
  await expect(page.locator('.leaflet-tile')).toHaveCount(0);
  expect(tileRequests).toEqual([]);
  await page.getByRole('button', { name: 'Stadtplan laden' }).click();
  await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Stadtplan laden' })).toHaveCount(0);
});

test('hide= leaves controls out; a hidden preset is shown as fixed and kept on reset', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const dataset = servedDataset() as any;
  const sada = dataset.agencies.filter((a: any) => a.antidiscrimination);
  const frame = await host(page, 'embed=1&sada=1&hide=near,text,sada,umbrellas');
  await expect(frame.getByLabel('In der Nähe von (PLZ oder Ort)')).toHaveCount(0);
  await expect(frame.getByLabel('Suche nach Name, Träger oder Adresse')).toBeHidden();
  await expect(frame.getByRole('switch')).toBeHidden();
  await expect(frame.getByRole('group', { name: 'Wohlfahrtsverband' })).toBeHidden();
  // Not hidden: the place and the offer types (in the "Filter" fold).
  await frame.locator('.more-filters > summary').click();
  await expect(frame.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' })).toBeVisible();
  await expect(frame.getByRole('group', { name: 'Angebote' })).toBeVisible();
  // The hidden but preset Servicestelle filter is said and stays after a reset.
  await expect(frame.getByTestId('preset')).toHaveText(/nur Servicestellen/);
  const visible = frame.getByTestId('results').locator('li:not([hidden])');
  await expect(visible).toHaveCount(sada.length);
  const id = await frame.getByRole('group', { name: 'Angebote' }).getByRole('checkbox', { disabled: false }).first().getAttribute('id');
  const offer = frame.locator(`[id="${id}"]`);
  await offer.check();
  await frame.getByRole('button', { name: 'Alle Filter zurücksetzen' }).click();
  await expect(offer).not.toBeChecked();
  await expect(visible).toHaveCount(sada.length);
  await expect(frame.getByTestId('preset')).toHaveText(/nur Servicestellen/);
});

test('the generator sets the language and the shown controls', async ({ page }) => {
  await page.goto('./generator.html');
  await page.locator('#embed-lang').selectOption('tr');
  await page.getByLabel('Suche nach Name, Träger oder Adresse').uncheck();
  await page.getByLabel('In der Nähe von (PLZ oder Ort)').uncheck();
  const snippet = await page.locator('.generator__snippet').inputValue();
  expect(snippet).toContain('hide=text,near');
  expect(snippet).toContain('lang=tr');
  const preview = page.frameLocator('.generator__preview[data-width="600"]');
  await expect(preview.locator('html')).toHaveAttribute('lang', 'tr');
  await expect(preview.locator('#filter-text')).toBeHidden();
  await expect(preview.locator('.filters')).toBeVisible();
});

test.describe('on a touch screen', () => {
  // Short, so that the embed is taller than the window and can scroll.
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 420 } });

  test('one finger scrolls the page with a hint, the map stays put', async ({ page }) => {
    await page.goto('./?embed=1&list=bottom');
    await expect(page.getByTestId('results')).toBeAttached();
    await page.getByRole('button', { name: 'Karte', exact: true }).click();
    const map = page.locator('.map');
    await expect(map).toBeVisible();
    // Leaflet's own touch dragging is off, so the browser may scroll the page.
    await expect(map).not.toHaveClass(/leaflet-touch-drag/);
    // Where the map's pane is moved to, in px (a drag of 225 px would move it as far).
    const offset = () =>
      page.locator('.leaflet-map-pane').evaluate((pane) => {
        const matrix = new DOMMatrix(getComputedStyle(pane).transform);
        return [matrix.m41, matrix.m42];
      });
    const before = await offset();
    const box = (await map.boundingBox())!;
    const x = box.x + box.width / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: string, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    let y = box.y + box.height - 40;
    await touch('touchStart', y);
    for (let step = 0; step < 10; step += 1) {
      y -= 25;
      await touch('touchMove', y);
    }
    await touch('touchEnd', y);
    await expect(page.locator('.map-hint')).toHaveText('Karte mit zwei Fingern verschieben und zoomen');
    const after = await offset();
    expect(Math.abs(after[0] - before[0]) + Math.abs(after[1] - before[1])).toBeLessThan(5);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });
});

test('the footer link opens the generator, and its link leads back to the finder', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('results')).toBeAttached();
  await page.getByRole('link', { name: 'Karte auf Ihrer Website einbinden' }).click();
  await expect(page.getByRole('heading', { name: 'Karte auf Ihrer Website einbinden' })).toBeVisible();
  await expect(page).toHaveURL(/\/generator\.html$/);
  await page.getByRole('link', { name: 'Zurück zur Karte' }).click();
  await expect(page.getByTestId('results')).toBeAttached();
  await expect(page.getByRole('heading', { name: 'Karte auf Ihrer Website einbinden' })).toHaveCount(0);
});

test('an old generator address (?view=embed) leads to its page, keeping the other parameters', async ({ page }) => {
  await page.goto('./?lang=en&view=embed');
  await expect(page).toHaveURL(/\/generator\.html\?lang=en$/);
  await expect(page.getByRole('heading', { name: 'Embed the map on your website' })).toBeVisible();
  await expect(page).toHaveTitle('Embed the map on your website');
});

test('each page loads its own Wasm; the finder requests nothing of the generator', async ({ page }) => {
  // The app's glue and Wasm, as Trunk.toml's <meta name="ia-app" content="JS WASM"> names them.
  const scripts = (html: string) => /<meta name="ia-app" content="([^"]+)"/.exec(html)?.[1].split(' ') ?? [];
  const finder = scripts(await (await page.request.get('./')).text());
  const generator = scripts(await (await page.request.get('./generator.html')).text());
  expect(finder).toEqual([expect.stringMatching(/^\.\/ia-map-[0-9a-f]+\.js$/), expect.stringMatching(/^\.\/ia-map-[0-9a-f]+_bg\.wasm$/)]);
  expect(generator).toEqual([expect.stringMatching(/^\.\/generator-[0-9a-f]+\.js$/), expect.stringMatching(/^\.\/generator-[0-9a-f]+_bg\.wasm$/)]);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./');
  await expect(page.getByTestId('results')).toBeAttached();
  expect(requested.filter((path) => path.includes('generator'))).toEqual([]);
});

// Partner frames of the sizes partners use (issue 18): a sidebar box, a
// content column, a full-width band, each with the generator's height script
// (the frame starts at that size and grows to its content). Each shows the map
// with its markers (never only the list), the wheel over the map scrolls the
// host and leaves the zoom alone, and axe finds nothing inside the frame.
// Console errors fail every test (fixtures.ts).
for (const [width, height, layout] of [
  [400, 500, 'the map on top, the list under it'],
  [800, 600, 'map and list side by side'],
  [1200, 700, 'map and list side by side'],
] as const) {
  test(`a ${width}x${height} partner frame shows ${layout}; the wheel scrolls the host; axe is clean`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${HOST}?src=${encodeURIComponent(`${APP}?embed=1`)}&w=${width}&h=${height}`);
    const frame = page.frameLocator('#finder');
    await expect(frame.getByTestId('results')).toBeAttached();
    const map = frame.locator('.map');
    await expect(map).toBeVisible();
    await expect(frame.locator('.ia-marker').first()).toBeVisible();
    await expect(frame.locator('.view-switch')).toBeHidden();
    const mapBox = (await map.boundingBox())!;
    const listBox = (await frame.locator('.sidebar').boundingBox())!;
    if (width >= 600) {
      expect(listBox.x + listBox.width, 'the list beside the map').toBeLessThanOrEqual(mapBox.x + 1);
      expect(mapBox.y).toBeCloseTo(listBox.y, -1);
    } else {
      expect(mapBox.y + mapBox.height, 'the list under the map').toBeLessThanOrEqual(listBox.y + 1);
      expect(mapBox.height).toBeGreaterThan(200);
    }
    await page.locator('#finder').screenshot({ path: `test-output/embed-${width}x${height}.png` });
    const zoom = async () => {
      const search = await frame.locator('body').evaluate(() => location.search);
      return Number(/map=(\d+)\//.exec(search)?.[1] ?? NaN);
    };
    await expect.poll(zoom).toBeGreaterThan(0);
    const zoomBefore = await zoom();
    await page.evaluate(() => scrollTo(0, 0));
    await map.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => scrollY);
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before);
    expect(await zoom()).toBe(zoomBefore);
    const results = await new AxeBuilder({ page }).include('#finder').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('a short, narrow partner frame (360x400) offers Karte/Liste and starts on the map', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${HOST}?src=${encodeURIComponent(`${APP}?embed=1`)}&w=360&h=400&fixed=1`);
  const frame = page.frameLocator('#finder');
  await expect(frame.locator('.ia-marker').first()).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Karte' })).toHaveAttribute('aria-pressed', 'true');
  await expect(frame.getByTestId('results')).toBeHidden();
  await frame.getByRole('button', { name: /^Liste/ }).click();
  await expect(frame.getByTestId('results')).toBeVisible();
});
