// Beyond 1,000 agencies the list is built a page (100) at a time, so a
// large dataset does not create thousands of entries at once.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

const COUNT = 5000;
const FILE = `target/synthetic/agencies-${COUNT}.json`;

test.beforeAll(() => {
  execFileSync('cargo', ['run', '--quiet', '-p', 'ia-datatool', '--', 'synthetic', '--count', String(COUNT), '--out', FILE], {
    stdio: 'inherit',
  });
});

test(`${COUNT} agencies: one page of the list, more on request`, async ({ page }) => {
  const body = readFileSync(FILE, 'utf8');
  const n = JSON.parse(body).agencies.length;
  await page.route('**/data/agencies.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
  await page.goto('./');
  await expect(page.getByTestId('result-count')).toHaveText(`${n} Agenturen gefunden`);
  const entries = page.getByTestId('results').locator('li');
  await expect(entries).toHaveCount(100);
  await page.getByRole('button', { name: '100 weitere anzeigen' }).click();
  await expect(entries).toHaveCount(200);
  // A filter change starts again with one page.
  await page.getByRole('switch', { name: /Nur Servicestellen/ }).check();
  await expect(entries).toHaveCount(100);
});
