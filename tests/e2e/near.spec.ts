// "Near me": postcode and place search over the place index, distances,
// radius, the user's location (turned into a postcode), and the notes.
import { test, expect, servedDataset, waitForFinder, markerTotal } from './fixtures';

const distances = async (page: import('@playwright/test').Page) =>
  (await page.getByTestId('results').locator('li:not([hidden]) .result__distance').allTextContents()).map((text) =>
    Number(text.replace(' entfernt', '').replace(' km', '').replace(',', '.')),
  );

test('a postcode sorts the list by distance; the radius filters it and is in the URL', async ({ page }) => {
  const placeRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('places.json')) placeRequests.push(request.url());
  });
  await page.goto('./');
  await waitForFinder(page);
  // The place index is loaded only when the search is used.
  expect(placeRequests).toEqual([]);

  const near = page.getByRole('combobox', { name: /In der Nähe von/ });
  await near.fill('50667');
  await expect(page.locator('.combobox__list:not([hidden])').getByRole('option').first()).toHaveText('50667 Köln');
  await near.press('Enter');
  await expect(near).toHaveValue('50667 Köln');
  await expect(page).toHaveURL(/near=50667/);
  expect(placeRequests.length).toBe(1);

  const first = page.getByTestId('results').locator('li:not([hidden])').first();
  await expect(first).toContainText('Köln');
  await expect(first.locator('.result__distance')).toHaveText(/^\d+,\d km entfernt$/);
  const all = await distances(page);
  expect(all.length).toBe(servedDataset().agencies.length);
  expect([...all].sort((a, b) => a - b)).toEqual(all);

  // A radius keeps the nearer ones, updates count, map and URL.
  await page.locator('#filter-radius').selectOption('10');
  await expect(page).toHaveURL(/near=50667&radius=10/);
  await expect.poll(async () => (await distances(page)).every((km) => km <= 10)).toBe(true);
  const inside = (await distances(page)).length;
  expect(inside).toBeGreaterThan(0);
  expect(inside).toBeLessThan(all.length);
  await expect(page.getByTestId('result-count')).toHaveText(`${inside} Agenturen gefunden`);
  await expect.poll(() => markerTotal(page)).toBe(inside);
  await expect(page.locator('.ia-origin')).toHaveAttribute('aria-label', 'Ausgangspunkt für Entfernungen: 50667 Köln');

  // The URL restores the same view in a fresh page.
  const again = await page.context().newPage();
  await again.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  await again.goto(page.url());
  await expect(again.getByRole('combobox', { name: /In der Nähe von/ })).toHaveValue('50667 Köln');
  await expect(again.getByTestId('result-count')).toHaveText(`${inside} Agenturen gefunden`);

  // Clearing the place removes distances and radius.
  await page.getByRole('button', { name: 'Ausgangsort löschen' }).click();
  await expect(page).not.toHaveURL(/near=|radius=/);
  await expect(page.getByTestId('results').locator('.result__distance')).toHaveCount(0);
});

test('place names are found without umlauts; an empty radius shows the nearest few', async ({ page }) => {
  await page.goto('./');
  await waitForFinder(page);
  const near = page.getByRole('combobox', { name: /In der Nähe von/ });
  await near.fill('Schmallenb');
  await expect(page.locator('.combobox__list:not([hidden])').getByRole('option').first()).toHaveText(/^Schmallenberg/);
  await near.press('Enter');
  await page.locator('#filter-radius').selectOption('5');
  await expect(page.getByTestId('nearest-instead')).toHaveText(
    'Im Umkreis von 5 km gibt es keine passende Agentur. Hier die 3 nächsten:',
  );
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(3);
  const km = await distances(page);
  expect(km.every((d) => d > 5)).toBe(true);

  await near.fill('muelheim an der');
  await expect(page.locator('.combobox__list:not([hidden])').getByRole('option').first()).toHaveText(/^Mülheim an der Ruhr/);
});

test('with the Servicestelle toggle, a far nearest one is explained', async ({ page }) => {
  await page.goto('./?near=Schmallenberg&sada=1');
  await waitForFinder(page);
  await expect(page.getByTestId('sada-far')).toContainText('beraten meist für eine ganze Region');
});

test('a denied location says so and puts focus in the search box', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.geolocation.getCurrentPosition = (_ok, fail) =>
      fail?.({ code: 1, message: 'denied', PERMISSION_DENIED: 1 } as GeolocationPositionError);
  });
  await page.goto('./');
  await waitForFinder(page);
  await page.getByRole('button', { name: 'Meinen Standort verwenden' }).click();
  await expect(page.getByText('Ihr Standort ist nicht freigegeben.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: /In der Nähe von/ })).toBeFocused();
  await expect(page).not.toHaveURL(/near=/);
});

test('a granted location becomes its postcode, never coordinates in the URL', async ({ page, context }) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 50.9413, longitude: 6.9583 });
  await page.goto('./');
  await waitForFinder(page);
  await page.getByRole('button', { name: 'Meinen Standort verwenden' }).click();
  await expect(page).toHaveURL(/near=50\d{3}(&|$)/);
  expect(page.url()).not.toMatch(/50\.94|6\.95/);
  await expect(page.getByRole('combobox', { name: /In der Nähe von/ })).toHaveValue(/^50\d{3} Köln$/);
});
