// At 5,000 agencies the map draws markers only in and around its view and
// follows a pan (part of `make bench`, not of `make test`: IA_SPECS=bench npx
// playwright test). The list's paging beyond 400 agencies is a component test
// (tests/web.rs, `a_long_list_comes_a_page_at_a_time`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from '../e2e/fixtures';

const COUNT = 5000;
const FILE = `target/synthetic/agencies-${COUNT}.json`;

test.beforeAll(() => {
  execFileSync('cargo', ['run', '--quiet', '-p', 'ia-datatool', '--', 'synthetic', '--count', String(COUNT), '--out', FILE], {
    stdio: 'inherit',
  });
});

test(`${COUNT} agencies: the map draws markers around the view only, and follows a pan`, async ({ page }) => {
  const body = readFileSync(FILE, 'utf8');
  const n = JSON.parse(body).agencies.length;
  await page.route('**/data/agencies.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
  await page.setViewportSize({ width: 1280, height: 800 });
  // The whole of NRW: every agency is in some marker.
  await page.goto('./');
  await expect(page.getByTestId('result-count')).toHaveText(`${n} Agenturen gefunden`);
  const total = () =>
    page.locator('.ia-marker').evaluateAll((markers) => markers.reduce((sum, m) => sum + Number(m.getAttribute('data-count')), 0));
  const labels = () => page.locator('.ia-marker--agency').evaluateAll((markers) => markers.map((m) => m.getAttribute('aria-label')).sort());
  await expect.poll(total).toBe(n);

  // Zoomed in on Köln: only the agencies in and around the view have markers.
  await page.goto('./?map=14/50.9375/6.9603');
  await expect(page.getByTestId('result-count')).toHaveText(`${n} Agenturen gefunden`);
  await expect.poll(async () => (await labels()).length).toBeGreaterThan(0);
  const before = await labels();
  expect(await total()).toBeLessThan(n / 10);
  expect(await page.locator('.ia-marker').count()).toBeLessThan(400);

  // Panning two map widths east draws the markers there.
  for (let step = 0; step < 6; step += 1) {
    await page.getByRole('button', { name: 'Nach Osten' }).click();
  }
  await expect.poll(async () => (await labels()).filter((label) => !before.includes(label)).length).toBeGreaterThan(0);
  expect(await page.locator('.ia-marker').count()).toBeLessThan(400);
});
