// When the dataset cannot be loaded the user gets a clear German message and
// a retry button that works; a partly broken dataset still shows the rest.
import { test, expect, allowErrors, servedDataset, waitForFinder } from './fixtures';

const DATASET = '**/data/agencies.json';

test('404 shows an error with retry, and retry recovers', async ({ page }) => {
  allowErrors(page, /404/, /dataset not loaded/);
  let calls = 0;
  await page.route(DATASET, (route) => (calls++ === 0 ? route.fulfill({ status: 404, body: 'gone' }) : route.fallback()));
  await page.goto('./');
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('konnte nicht geladen werden');
  await expect(error).toContainText('Fehler 404');
  await error.getByRole('button', { name: 'Erneut versuchen' }).click();
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(servedDataset().agencies.length);
});

test('malformed JSON shows an error', async ({ page }) => {
  allowErrors(page, /dataset not loaded/);
  await page.route(DATASET, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "agencies": [' }));
  await page.goto('./');
  await expect(page.getByTestId('load-error')).toContainText('beschädigt');
  await expect(page.getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
});

test('a dataset that is not UTF-8 says so, with line and column', async ({ page }) => {
  allowErrors(page, /dataset not loaded/);
  // Latin-1 "ö" (0xF6) as a spreadsheet export might write it.
  const body = Buffer.concat([Buffer.from('{\n  "as_of": "K'), Buffer.from([0xf6]), Buffer.from('ln"}')]);
  await page.route(DATASET, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('./');
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('beschädigt');
  await error.locator('summary').click();
  await expect(error).toContainText(/line 2, column 14.*UTF-8|UTF-8.*line 2/);
});

test('network failure shows an error', async ({ page }) => {
  allowErrors(page, /dataset not loaded/, /Failed to load resource/);
  await page.route(DATASET, (route) => route.abort());
  await page.goto('./');
  await expect(page.getByTestId('load-error')).toContainText('Keine Verbindung');
});

test('unknown schema version says so', async ({ page }) => {
  allowErrors(page, /dataset not loaded/);
  const dataset = { ...servedDataset(), schema_version: 99 };
  await page.route(DATASET, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(dataset) }));
  await page.goto('./');
  await expect(page.getByTestId('load-error')).toContainText('Version');
});

test('broken records are skipped and counted, the rest works', async ({ page }) => {
  const dataset = servedDataset();
  const broken = structuredClone(dataset) as any;
  broken.agencies[0].location.lat = 'north';
  delete broken.agencies[1].name;
  broken.agencies[2].offers = ['teleportation'];
  broken.agencies[3].unexpected_field = { ignored: true };
  await page.route(DATASET, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }));
  await page.goto('./');
  await waitForFinder(page);
  await expect(page.getByTestId('skipped-notice')).toHaveText('3 Einträge konnten nicht angezeigt werden.');
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length - 3);
});
