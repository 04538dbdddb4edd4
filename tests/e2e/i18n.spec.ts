// Eight interface languages: chosen by ?lang=, then the browser's
// languages; the switcher keeps the rest of the state; Arabic and Persian
// are right to left with the map not mirrored; axe passes in each language.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, servedDataset, waitForFinder } from './fixtures';

const LANGS = [
  { tag: 'de', dir: 'ltr' },
  { tag: 'de-x-ls', dir: 'ltr' },
  { tag: 'en', dir: 'ltr' },
  { tag: 'tr', dir: 'ltr' },
  { tag: 'ar', dir: 'rtl' },
  { tag: 'fa', dir: 'rtl' },
  { tag: 'uk', dir: 'ltr' },
  { tag: 'ru', dir: 'ltr' },
];

for (const { tag, dir } of LANGS) {
  test(`${tag}: lang and dir are set, the UI is translated, axe passes`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./?lang=${tag}&sada=1`);
    await waitForFinder(page);
    await expect(page.locator('html')).toHaveAttribute('lang', tag);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    const title = await page.locator('h1').first().textContent();
    if (tag === 'de') {
      expect(title).toBe('Integrationsagenturen in NRW');
    } else {
      expect(title).not.toBe('Integrationsagenturen in NRW');
      // Translated pages say once that the agencies' data is in German.
      await expect(page.locator('.data-lang-note')).toHaveCount(1);
    }
    // Agency data stays German and is marked so.
    await expect(page.getByTestId('results').locator('li:not([hidden]) .result__link').first()).toHaveAttribute('lang', 'de');
    // The map is never mirrored.
    await expect(page.locator('.map')).toHaveCSS('direction', 'ltr');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('with a Turkish browser', () => {
  test.use({ locale: 'tr-TR' });
  test('the browser language is used when the URL names none', async ({ page }) => {
    await page.goto('./');
    await waitForFinder(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  });
});

test('the switcher changes the language and keeps the state', async ({ page }) => {
  const n = servedDataset().agencies.filter((a) => a.antidiscrimination).length;
  await page.goto('./?sada=1&lang=en');
  await waitForFinder(page);
  await page.getByLabel(/Language/).selectOption('ar');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveURL(/sada=1/);
  await expect(page).toHaveURL(/lang=ar/);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(n);
});
