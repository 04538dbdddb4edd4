// The finder journey: filter by place and Servicestelle, open a detail, and
// get exactly the same view from the copied URL; odd parameters never break it.
import { readFileSync } from 'node:fs';
import { test, expect, servedDataset, waitForFinder, markerTotal } from './fixtures';

test('place → Servicestelle → detail, and the URL restores the same view', async ({ page, context }) => {
  const dataset = servedDataset();
  const inKoeln = dataset.agencies.filter((a: any) => a.ags.startsWith('05315'));
  const sadaInKoeln = inKoeln.filter((a) => a.antidiscrimination);
  expect(sadaInKoeln.length).toBeGreaterThan(0);

  await page.goto('./');
  await waitForFinder(page);
  await page.locator('#filter-place').selectOption({ label: `Köln (${inKoeln.length})` });
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(inKoeln.length);
  await expect(page).toHaveURL(/place=05315000/);
  await expect.poll(() => markerTotal(page)).toBe(inKoeln.length);

  await page.getByRole('switch', { name: /Nur Servicestellen/ }).check();
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(sadaInKoeln.length);
  await expect(page.getByTestId('result-count')).toHaveText(
    sadaInKoeln.length === 1 ? '1 Agentur gefunden' : `${sadaInKoeln.length} Agenturen gefunden`,
  );
  await expect(page).toHaveURL(/sada=1/);

  const first = page.getByTestId('results').locator('li:not([hidden])').first();
  const name = (await first.locator('.result__name').textContent())!.trim();
  await first.getByRole('button').click();
  const detail = page.getByTestId('detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(detail).toContainText('Servicestelle für Antidiskriminierungsarbeit');
  await expect(detail).toContainText('zuletzt geprüft am');
  await expect(page).toHaveURL(/agency=/);

  // A copied URL gives the same view in a fresh page.
  const copied = page.url();
  const again = await context.newPage();
  await again.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  await again.goto(copied);
  await expect(again.getByTestId('detail').getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(again.locator('#filter-sada')).toBeChecked();
  await expect(again.getByTestId('result-count')).toHaveText(await page.getByTestId('result-count').textContent() as string);

  // Back closes the detail and keeps the filters; focus returns to the list.
  await page.goBack();
  await expect(page.getByTestId('detail')).toHaveCount(0);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(sadaInKoeln.length);
});

test('approximate positions are labelled as such', async ({ page }) => {
  const dataset = servedDataset();
  const approximate = dataset.agencies.find((a: any) => a.location.precision !== 'address') as any;
  await page.goto(`./?agency=${approximate.id}`);
  await expect(page.getByTestId('detail')).toContainText('Position ungefähr');
});

test('free text is case- and umlaut-insensitive', async ({ page }) => {
  const dataset = servedDataset();
  await page.goto('./');
  await waitForFinder(page);
  await page.getByLabel('Suche nach Name, Träger oder Adresse').fill('koln');
  const n = dataset.agencies.filter((a: any) => /köln/i.test(JSON.stringify([a.name, a.carrier, a.address, a.municipality, a.kreis]))).length;
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(n);
  expect(n).toBeGreaterThan(0);
});

test('odd and hostile URL parameters are ignored without breaking the page', async ({ page }) => {
  const dataset = servedDataset();
  const odd = [
    'place=abc', 'offers=teleport,%3Cscript%3E', 'sada=maybe', 'topics=', 'umbrellas=,,,',
    'map=99/1000/-1000', 'agency=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'q=%00%E2%80%AE', 'lang=xx', 'unknown=1',
  ].join('&');
  await page.goto(`./?${odd}`);
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('the filtered list downloads as CSV and GeoJSON', async ({ page }) => {
  const dataset = servedDataset();
  const n = dataset.agencies.filter((a) => a.antidiscrimination).length;
  await page.goto('./?sada=1');
  await waitForFinder(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(csv.suggestedFilename()).toBe('integrationsagenturen-nrw.csv');
  const csvText = readFileSync(await csv.path(), 'utf8');
  // Header line plus one line per agency (no field in this dataset contains a line break).
  expect(csvText.trim().split('\r\n')).toHaveLength(n + 1);
  const [geo] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-geojson').click()]);
  const geojson = JSON.parse(readFileSync(await geo.path(), 'utf8'));
  expect(geojson.type).toBe('FeatureCollection');
  expect(geojson.features).toHaveLength(n);
});
