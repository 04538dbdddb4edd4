// Keeps the benchmark's reference page (bench/reference/, issue 7) honest
// (part of `make bench`, not of `make test`: IA_SPECS=bench npx playwright test):
// for the real dataset it must show the same result count as the app, with
// no filter, with filters from the URL and after the same clicks. The
// benchmark (scripts/bench.mjs) checks the counts after every change too;
// this test also checks the same clicks and the offer labels. The page and
// its two libraries (from node_modules) are routed in, so no extra build or
// server is needed; config.json and the data are the app's own.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { test, expect, servedDataset, waitForFinder, type Dataset } from '../e2e/fixtures';
import type { Page } from '@playwright/test';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};
const MOUNTS: [string, string][] = [
  ['vendor/leaflet/', 'node_modules/leaflet/dist/'],
  ['vendor/markercluster/', 'node_modules/leaflet.markercluster/dist/'],
  ['', 'bench/reference/'],
];

/** Serves /reference/ from the repository (once per page). */
async function routeReference(page: Page) {
  await page.route('**/reference/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^.*?\/reference\//, '') || 'index.html';
    const [prefix, dir] = MOUNTS.find(([prefix]) => path.startsWith(prefix))!;
    const file = join(dir, path.slice(prefix.length));
    if (path.includes('..') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
  });
}

async function openReference(page: Page, query = '') {
  await page.goto(`./reference/${query}`);
  await expect(page.locator('.leaflet-marker-icon').first()).toBeAttached();
}

const countText = (n: number) => (n === 0 ? 'Keine Agentur gefunden' : n === 1 ? '1 Agentur gefunden' : `${n} Agenturen gefunden`);

type Agency = Dataset['agencies'][number] & { offers: string[]; ags: string };

test('the reference page shows the same results as the app', async ({ page }) => {
  await routeReference(page);
  const agencies = servedDataset().agencies as Agency[];
  const kreis = agencies[0].ags.slice(0, 5);
  const cases: [string, number][] = [
    ['', agencies.length],
    ['?sada=1&offers=counselling', agencies.filter((a) => a.antidiscrimination && a.offers.includes('counselling')).length],
    [`?place=${kreis}`, agencies.filter((a) => a.ags.startsWith(kreis)).length],
    ['?offers=intercultural_opening,networking', agencies.filter((a) => a.offers.some((o) => ['intercultural_opening', 'networking'].includes(o))).length],
  ];
  const count = page.getByTestId('result-count');
  for (const [query, expected] of cases) {
    await page.goto(`./${query}`);
    await waitForFinder(page);
    await expect(count, `app ${query}`).toHaveText(countText(expected));
    await openReference(page, query);
    await expect(count, `reference ${query}`).toHaveText(countText(expected));
    await expect(page.getByTestId('results').locator('li'), `reference list ${query}`).toHaveCount(expected);
  }

  // The same clicks: the switch, then the first offer (as the benchmark does).
  const sada = agencies.filter((a) => a.antidiscrimination).length;
  await page.goto('./');
  await waitForFinder(page);
  await page.locator('#filter-sada').click();
  await expect(count).toHaveText(countText(sada));
  await openReference(page);
  await page.locator('#ref-sada').click();
  await expect(count).toHaveText(countText(sada));
  const appLabel = await (async () => {
    await page.goto('./');
    await waitForFinder(page);
    await page.locator('.more-filters > summary').click();
    return page.locator('label[for="filter-offer-0"]').textContent();
  })();
  await openReference(page);
  const referenceLabel = (await page.locator('label[for="ref-offer-0"]').textContent()) ?? '';
  expect(appLabel?.startsWith(referenceLabel), `offer 0: app "${appLabel}", reference "${referenceLabel}"`).toBe(true);
});
