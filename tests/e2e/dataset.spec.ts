// Dataset 1.1 in the app (issue 19): records known only by their Kreis, the
// dates of the evidence, and the coverage stated with its years.
import { test, expect, servedDataset, waitForFinder } from './fixtures';

const kreisOnly = () => (servedDataset() as any).agencies.filter((a: any) => a.location.precision === 'kreis');

test('a record known only by its Kreis: the detail says the address is unknown, distances say "im Kreis …", the marker and legend show it', async ({ page }) => {
  const soest = kreisOnly().find((a: any) => a.kreis === 'Soest');
  expect(soest, 'the dataset has a Kreis-only record in Soest').toBeTruthy();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?near=Soest');
  await waitForFinder(page);
  const entry = page.locator(`#agency-${soest.id}`);
  await expect(entry.locator('.result__distance')).toHaveText('im Kreis Soest');
  await expect(entry.locator('.result__distance')).not.toContainText('km');
  // Other entries keep their kilometres.
  await expect(page.locator('.result__distance:not(.result__distance--kreis)').first()).toContainText('km');
  await expect(page.locator('.map-legend')).toContainText('Ort nur als Kreis bekannt');
  await entry.locator('.result__link').click();
  const detail = page.getByTestId('detail');
  await expect(detail.getByTestId('kreis-note')).toContainText('Die genaue Adresse dieser Agentur ist nicht bekannt');
  await expect(detail).not.toContainText(' km');
  await expect(detail).toContainText('Quelle');
  await expect(detail).toContainText(/gelesen am \d\d\.\d\d\.\d{4}/);
});

test('Kreis-only agencies are drawn distinguishably on the map', async ({ page }) => {
  const soest = kreisOnly().find((a: any) => a.kreis === 'Soest');
  await page.setViewportSize({ width: 1280, height: 800 });
  // Zoomed in where the Kreis-only record of the Kreis Soest is drawn.
  await page.goto(`./?map=16/${soest.location.lat.toFixed(4)}/${soest.location.lon.toFixed(4)}`);
  await waitForFinder(page);
  await expect(page.locator('.ia-marker--kreis').first()).toBeAttached();
  const label = await page.locator('.ia-marker--kreis').first().getAttribute('aria-label');
  expect(label).toContain('Ort nur als Kreis bekannt');
});

test('the footer states the coverage with the year of each figure, matching the dataset', async ({ page }) => {
  const dataset = servedDataset() as any;
  await page.goto('./');
  await waitForFinder(page);
  const { estimated_total, estimated_total_year, servicestellen_total, servicestellen_year } = dataset.coverage;
  await expect(page.getByTestId('coverage')).toHaveText(
    `${dataset.agencies.length} von rund ${estimated_total} Integrationsagenturen erfasst · Gesamtzahl Stand ${estimated_total_year}; davon ${servicestellen_total} Servicestellen für Antidiskriminierungsarbeit (Stand ${servicestellen_year})`,
  );
  await expect(page.getByTestId('as-of')).toContainText('Stand:');
});
