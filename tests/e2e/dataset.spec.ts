// Dataset 1.1 in the app (issue 19): records known only by their Kreis, the
// dates of the evidence, and the coverage stated with its years.
import { readFileSync } from 'node:fs';
import { test, expect, servedDataset, waitForFinder, openFilters } from './fixtures';

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

test('a place without a record: "noch keine … erfasst", the nearest agencies with their distance, the directory and "Agentur melden"', async ({ page }) => {
  const dataset = servedDataset() as any;
  const leverkusen = dataset.kreise.find(([ags]: [string]) => ags === '05316');
  expect(leverkusen, 'the dataset lists Leverkusen among its Kreise').toBeTruthy();
  expect(dataset.agencies.filter((a: any) => a.ags.startsWith('05316')), 'no record in Leverkusen').toHaveLength(0);
  const config = JSON.parse(readFileSync(`${process.env.IA_DIST ?? 'dist'}/config.json`, 'utf8'));
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, report_url: 'mailto:daten@example.org' }) }),
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await waitForFinder(page);
  await openFilters(page);
  const place = page.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' });
  await place.fill('Leverk');
  const option = page.locator('.combobox__list:not([hidden])').getByRole('option', { name: 'Leverkusen (0)' });
  await expect(option).toBeEnabled();
  await option.click();
  await expect(page).toHaveURL(/[?&]place=05316(&|$)/);
  await expect(page.getByTestId('result-count')).toHaveText('Für Leverkusen haben wir noch keine Integrationsagentur erfasst.');
  const gap = page.getByTestId('place-gap');
  await expect(gap).toContainText('Die 3 nächsten Agenturen, mit Entfernung:');
  // The three nearest, each with a distance in km, nearest first.
  const entries = page.locator('.results > li:not([hidden])');
  await expect(entries).toHaveCount(3);
  const kms = await entries.locator('.result__distance').allTextContents();
  const values = kms.map((text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')));
  expect(values.every((km) => km > 0 && km < 40), kms.join(' | ')).toBe(true);
  expect([...values].sort((a, b) => a - b)).toEqual(values);
  await expect(gap.getByTestId('place-gap-directory')).toHaveAttribute('href', 'https://integrationsagenturen-nrw.de/');
  const report = await gap.getByTestId('place-gap-report').getAttribute('href');
  expect(decodeURIComponent(report ?? '')).toBe('mailto:daten@example.org?subject=Agentur melden: Leverkusen');
  // A link straight to the place gives the same answer (the screenshot the
  // issue asks for: the answer on the first screen of a phone).
  await page.goto('./?place=05316');
  await waitForFinder(page);
  await expect(page.getByTestId('result-count')).toHaveText('Für Leverkusen haben wir noch keine Integrationsagentur erfasst.');
  await expect(page.getByTestId('place-gap')).toBeInViewport();
  await page.screenshot({ path: 'test-output/place-gap-390.png' });
  // A Kreis is named as one.
  await page.goto('./?place=05158');
  await waitForFinder(page);
  await expect(page.getByTestId('result-count')).toHaveText('Für Mettmann (Kreis) haben wir noch keine Integrationsagentur erfasst.');
  await expect(page.getByTestId('place-gap')).toBeVisible();
});
