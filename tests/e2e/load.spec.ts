// The walking skeleton: the release build loads, shows every agency in the
// list and on the map, the NRW outline, and the dataset's "Stand".
import { readFileSync } from 'node:fs';
import { test, expect, servedDataset, markerTotal, waitForFinder, allowErrors } from './fixtures';

test('shows every agency in the list and on the map without console errors', async ({ page }) => {
  const dataset = servedDataset();
  await page.goto('./');
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length);
  await expect.poll(() => markerTotal(page)).toBe(dataset.agencies.length);
  await expect(page.getByTestId('result-count')).toHaveText(`${dataset.agencies.length} Agenturen gefunden`);
  // The outline is drawn (an SVG path in Leaflet's overlay pane) so the map means something without tiles.
  await expect(page.locator('.leaflet-overlay-pane path')).not.toHaveCount(0);
  // Every agency is in NRW, so every marker sits inside the outline's box
  // (a CSS rule that overrode Leaflet's positioning once moved them out).
  const outline = (await page.locator('.leaflet-overlay-pane path').first().boundingBox())!;
  const outside = await page.locator('.ia-marker').evaluateAll(
    (markers, box) =>
      markers
        .map((m) => m.getBoundingClientRect())
        .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 }))
        .filter(({ x, y }) => x < box.x - 2 || x > box.x + box.width + 2 || y < box.y - 2 || y > box.y + box.height + 2),
    outline,
  );
  expect(outside).toEqual([]);
  const [year, month, day] = dataset.as_of.split('-');
  await expect(page.getByTestId('as-of')).toHaveText(`Stand: ${day}.${month}.${year}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('works under a sub-path of a static host', async ({ page }) => {
  const dataset = servedDataset();
  await page.goto('./sub/path/');
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length);
});

test('with tile_consent "always" tiles load at once, and the app does not depend on them', async ({ page }) => {
  const config = JSON.parse(readFileSync('public/config.json', 'utf8'));
  const tileOrigin = new URL(config.tile_url.replace(/\{[a-z]\}/g, '0')).origin;
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...config, tile_consent: 'always' }) }),
  );
  const tileRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(tileOrigin)) tileRequests.push(request.url());
  });
  await page.goto('./');
  await waitForFinder(page);
  expect(tileRequests.length).toBeGreaterThan(0);
  await expect(page.locator('.map-note')).toBeVisible();
});

// The default dataset is fetched together with config.json (not after it);
// a config that names another file must still get that file, even when the
// default path is missing on that host.
test('a config.json naming another dataset loads that one, even without the default file', async ({ page }) => {
  allowErrors(page, /Failed to load resource.*404/);
  const small = readFileSync('tests/fixtures/small-dataset.json', 'utf8');
  const config = JSON.parse(readFileSync('public/config.json', 'utf8'));
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...config, dataset_url: 'data/other.json' }) }),
  );
  await page.route('**/data/agencies.json', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.route('**/data/other.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: small }));
  await page.goto('./');
  await waitForFinder(page);
  const count = JSON.parse(small).agencies.length;
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(count);
  await expect(page.getByTestId('result-count')).toHaveText(`${count} Agenturen gefunden`);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});
