// The finder journey: filter by place and Servicestelle, open a detail, and
// get exactly the same view from the copied URL; odd parameters never break it.
import { readFileSync } from 'node:fs';
import { test, expect, servedDataset, waitForFinder, markerTotal, openFilters, showListEnd } from './fixtures';

test('place → Servicestelle → detail, and the URL restores the same view', async ({ page, context }) => {
  const dataset = servedDataset();
  const inKoeln = dataset.agencies.filter((a: any) => a.ags.startsWith('05315'));
  const sadaInKoeln = inKoeln.filter((a) => a.antidiscrimination);
  expect(sadaInKoeln.length).toBeGreaterThan(0);

  await page.goto('./');
  await waitForFinder(page);
  // Type-ahead, umlaut-insensitive: "koln" suggests Köln first; Enter picks it.
  await openFilters(page);
  const place = page.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' });
  await place.fill('koln');
  await expect(page.locator('.combobox__list:not([hidden])').getByRole('option').first()).toHaveText(`Köln (${inKoeln.length})`);
  await place.press('Enter');
  await expect(place).toHaveValue('Köln');
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
  await first.getByRole('link').click();
  const detail = page.getByTestId('detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
  // A long one-word name is hyphenated where the browser knows German, not cut mid-word.
  await expect(detail.getByRole('heading', { level: 2 })).toHaveCSS('hyphens', 'auto');
  await expect(detail).toContainText('Servicestelle für Antidiskriminierungsarbeit');
  await expect(detail).toContainText('gelesen am');
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
  await expect(page.getByTestId('results').locator(`li:not([hidden])`).first().getByRole('link')).toBeFocused();
});

test('a marker opens its agency; closing goes to its entry in the list', async ({ page }) => {
  const dataset = servedDataset() as any;
  // The last agency of a place with several: its entry is far down the list.
  const agency = dataset.agencies[dataset.agencies.length - 1];
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`./?place=${agency.ags}`);
  await waitForFinder(page);
  await page.locator('.ia-marker').first().click();
  let marker = page.locator(`.ia-marker--agency[aria-label^="${agency.name.replace(/"/g, '\\"')}"]`);
  // A cluster zooms in on activation; then the agency's own marker appears.
  await expect(marker).toHaveCount(1);
  await marker.press('Enter');
  const detail = page.getByTestId('detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(agency.name);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  const entry = page.locator(`#agency-${agency.id} .result__link`);
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
});

test('opening an agency restyles its marker; no marker is drawn again', async ({ page }) => {
  const dataset = servedDataset() as any;
  const km = (a: any, b: any) => {
    const rad = Math.PI / 180;
    const dLat = (b.location.lat - a.location.lat) * rad;
    const dLon = (b.location.lon - a.location.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.location.lat * rad) * Math.cos(b.location.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  };
  // An agency with no other within 3 km has a marker of its own at zoom 13.
  const agency = dataset.agencies.find((a: any) => dataset.agencies.every((b: any) => b === a || km(a, b) > 3));
  expect(agency).toBeTruthy();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`./?map=13/${agency.location.lat.toFixed(4)}/${agency.location.lon.toFixed(4)}`);
  await waitForFinder(page);
  const marker = page.locator(`.ia-marker--agency[aria-label^="${agency.name.replace(/"/g, '\\"')}"]`);
  await expect(marker).toHaveCount(1);
  // Every marker on the map gets a mark; a marker drawn anew would not have it.
  const n = await page.locator('.ia-marker').evaluateAll((markers) => {
    for (const m of markers) (m as any).__drawn = true;
    return markers.length;
  });
  const kept = () => page.locator('.ia-marker').evaluateAll((markers) => markers.filter((m) => (m as any).__drawn).length);

  await page.locator(`#agency-${agency.id} .result__link`).click();
  await expect(page.getByTestId('detail')).toBeVisible();
  await expect(marker).toHaveClass(/is-selected/);
  await expect(marker).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.ia-marker.is-selected')).toHaveCount(1);
  expect(await kept()).toBe(n);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail')).toHaveCount(0);
  await expect(marker).not.toHaveClass(/is-selected/);
  await expect(marker).not.toHaveAttribute('aria-current');
  expect(await kept()).toBe(n);
});

test('a filter the open agency still matches keeps it open; one it does not closes it', async ({ page }) => {
  const dataset = servedDataset() as any;
  // No Servicestelle, in a town that has one (so that the switch can be turned on).
  const agency = dataset.agencies.find(
    (a: any) => !a.antidiscrimination && dataset.agencies.some((b: any) => b.antidiscrimination && b.municipality === a.municipality),
  );
  await page.goto(`./?agency=${agency.id}`);
  const heading = page.getByTestId('detail').getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(agency.name);
  await openFilters(page);
  await page.getByLabel('Suche nach Name, Träger oder Adresse').fill(agency.municipality);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(heading).toHaveText(agency.name);
  await expect(page).toHaveURL(new RegExp(`agency=${agency.id}`));
  // The agency is no Servicestelle: the switch hides it, and its detail closes.
  await page.getByRole('switch', { name: /Nur Servicestellen/ }).check();
  await expect(page.getByTestId('detail')).toHaveCount(0);
  await expect(page).toHaveURL(/sada=1/);
  await expect(page).not.toHaveURL(/agency=/);
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
  await openFilters(page);
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
  await showListEnd(page);
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

test('the place picker works with the keyboard, counts live and covers a Kreis', async ({ page }) => {
  const dataset = servedDataset() as any;
  const inKreis = dataset.agencies.filter((a: any) => a.ags.startsWith('05562'));
  const towns = new Set(inKreis.map((a: any) => a.municipality));
  expect(towns.size).toBeGreaterThan(1);
  await page.goto('./');
  await waitForFinder(page);
  await openFilters(page);
  const place = page.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' });
  await expect(place).toHaveAttribute('aria-expanded', 'false');

  // Typing opens the list; the Kreis comes first, then its towns.
  await place.fill('recklingh');
  await expect(place).toHaveAttribute('aria-expanded', 'true');
  const options = page.locator('.combobox__list:not([hidden])').getByRole('option');
  await expect(options.first()).toHaveText(`Recklinghausen (Kreis) (${inKreis.length})`);
  await expect(page.getByRole('status').filter({ hasText: /Vorschl/ })).toHaveText(/\d+ Vorschl(ag|äge)/);
  // Arrow keys move the highlight (aria-activedescendant), Enter picks.
  await place.press('ArrowDown');
  const second = await options.nth(1).getAttribute('id');
  await expect(place).toHaveAttribute('aria-activedescendant', second!);
  await place.press('ArrowUp');
  await expect(place).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
  await place.press('Enter');
  await expect(place).toHaveAttribute('aria-expanded', 'false');
  await expect(place).toHaveValue('Recklinghausen (Kreis)');
  await expect(page).toHaveURL(/place=05562/);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(inKreis.length);
  await expect.poll(() => markerTotal(page)).toBe(inKreis.length);

  // Places without results under the other filters are shown disabled.
  await page.getByRole('switch', { name: /Nur Servicestellen/ }).check();
  await place.fill('');
  await place.press('ArrowDown');
  const sadaPlaces = new Set(dataset.agencies.filter((a: any) => a.antidiscrimination).map((a: any) => a.ags));
  const withoutSada = dataset.agencies.find((a: any) => !sadaPlaces.has(a.ags) && !a.antidiscrimination);
  const disabled = page.locator('.combobox__list:not([hidden])').getByRole('option', { name: new RegExp(`^${withoutSada.municipality} \\(0\\)`) });
  await expect(disabled).toHaveAttribute('aria-disabled', 'true');
  await disabled.dispatchEvent('click'); // Playwright would refuse a real click on it, as a user cannot pick it.
  await expect(page).toHaveURL(/place=05562/);
  // Escape closes the list, a second Escape clears the place.
  await place.press('Escape');
  await expect(place).toHaveAttribute('aria-expanded', 'false');
  await place.press('Escape');
  await expect(place).toHaveValue('');
  await expect(page).not.toHaveURL(/place=/);
});

test('on a phone the list comes first and the map is one tap away', async ({ page }) => {
  const dataset = servedDataset();
  const outlineRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/boundaries/')) outlineRequests.push(request.url());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await waitForFinder(page);
  const listButton = page.getByRole('button', { name: `Liste (${dataset.agencies.length})` });
  const mapButton = page.getByRole('button', { name: 'Karte' });
  await expect(listButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('results')).toBeVisible();
  // The map is made only when it is first shown: no Leaflet map, no markers
  // and no outline (index.html preloads it for the wide layout only) while
  // the list is on screen. The app marks that it decided so (src/map/mod.rs).
  await expect(page.locator('.map')).toHaveAttribute('data-map', 'off-screen');
  await expect(page.locator('.leaflet-container')).toHaveCount(0);
  await expect(page.locator('.ia-marker')).toHaveCount(0);
  expect(outlineRequests).toEqual([]);

  await mapButton.click();
  await expect(mapButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('results')).toBeHidden();
  const marker = page.locator('.ia-marker--agency').first();
  await expect(marker).toBeInViewport();
  await expect.poll(() => markerTotal(page)).toBe(dataset.agencies.length);
  await expect(page.locator('.leaflet-overlay-pane path')).not.toHaveCount(0);
  // A tapped marker opens its agency; closing it goes back to the map.
  await marker.click();
  await expect(page.getByTestId('detail')).toBeVisible();
  await page.getByRole('button', { name: 'Zurück zur Übersicht' }).click();
  await expect(page.getByTestId('detail')).toHaveCount(0);
  await expect(page.locator('.ia-marker').first()).toBeVisible();

  await listButton.click();
  await expect(page.getByTestId('results')).toBeVisible();
});

test('a phone turned to the wide layout gets its map without a tap', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await waitForFinder(page);
  await expect(page.locator('.map')).toHaveAttribute('data-map', 'off-screen');
  await expect(page.locator('.leaflet-container')).toHaveCount(0);
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.locator('.map')).toHaveAttribute('data-map', 'ready');
  await expect(page.locator('.ia-marker').first()).toBeVisible();
  await expect(page.locator('.leaflet-overlay-pane path')).not.toHaveCount(0);
});

test('pan buttons move the map without dragging', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?map=9/51.2000/7.0000');
  await waitForFinder(page);
  await page.getByRole('group', { name: 'Karte verschieben' }).getByRole('button', { name: 'Nach Osten' }).click();
  await expect.poll(() => Number(/map=\d+\/[\d.]+\/([\d.]+)/.exec(page.url())?.[1] ?? 0)).toBeGreaterThan(7.0);
  await page.getByRole('button', { name: 'Nach Norden' }).click();
  await expect.poll(() => Number(/map=\d+\/([\d.]+)\//.exec(page.url())?.[1] ?? 0)).toBeGreaterThan(51.2);
});

test('"Fehler melden" goes to the configured address and names the agency', async ({ page }) => {
  const agency = servedDataset().agencies[0] as any;
  const config = JSON.parse(readFileSync(`${process.env.IA_DIST ?? 'dist'}/config.json`, 'utf8'));
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, report_url: 'mailto:daten@example.org' }) }),
  );
  await page.goto(`./?agency=${agency.id}`);
  const link = page.getByTestId('detail').getByRole('link', { name: 'Fehler melden' });
  await expect(link).toHaveAttribute('href', new RegExp(`^mailto:daten@example\\.org\\?subject=Fehler%20melden%3A%20.*${agency.id}`));
  // An unsafe address is never used.
  await page.unroute('**/config.json');
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, report_url: 'javascript:alert(1)' }) }),
  );
  await page.reload();
  await expect(page.getByTestId('detail')).toBeVisible();
  await expect(page.getByTestId('detail').getByRole('link', { name: 'Fehler melden' })).toHaveCount(0);
});

test('the footer links the configured accessibility statement, never an unsafe address', async ({ page }) => {
  const config = JSON.parse(readFileSync(`${process.env.IA_DIST ?? 'dist'}/config.json`, 'utf8'));
  // As shipped: no address, no link.
  await page.goto('./');
  await waitForFinder(page);
  await expect(page.getByTestId('accessibility-statement')).toHaveCount(0);
  for (const [url, expected] of [
    ['https://www.example.nrw/barrierefreiheit', 'https://www.example.nrw/barrierefreiheit'],
    ['javascript:alert(1)', null],
  ] as const) {
    await page.unroute('**/config.json');
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, accessibility_url: url }) }),
    );
    await page.goto('./?embed=1');
    await waitForFinder(page);
    const link = page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' });
    if (expected) await expect(link).toHaveAttribute('href', expected);
    else await expect(link).toHaveCount(0);
  }
});

test('"Filter (n)" counts the offers of a link, and stays open when the last box is unchecked', async ({ page }) => {
  const dataset = servedDataset() as any;
  const offer = dataset.agencies.flatMap((a: any) => a.offers)[0];
  await page.goto(`./?offers=${offer}`);
  await waitForFinder(page);
  const more = page.locator('details.more-filters');
  // Results first: the fold is not opened for the user; it says what is active.
  await expect(more.locator('summary')).toHaveText('Filter (1)');
  await openFilters(page);
  const checked = more.getByRole('checkbox', { checked: true });
  await expect(checked).toHaveCount(1);
  await checked.uncheck();
  await expect(more.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(more).toHaveAttribute('open', '');
  await expect(more.locator('summary')).toHaveText('Filter');
});
