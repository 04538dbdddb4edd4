// axe-core finds no WCAG A/AA violations, on first load and in the states
// with the most interactive UI: the place list open, filters set, a detail.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, waitForFinder, openFilters } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]] as const) {
  test(`no axe violations on first load (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await waitForFinder(page);
    expect(await violations(page)).toEqual([]);
  });

  test(`no axe violations with the place list open, filters set and a detail (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('./?sada=1');
    await waitForFinder(page);
    await openFilters(page);
    const place = page.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' });
    await place.fill('k');
    await place.press('ArrowDown');
    await expect(place).toHaveAttribute('aria-activedescendant', /filter-place-option/);
    expect(await violations(page)).toEqual([]);
    await place.press('Escape');
    // Fold the filters again: the detail scrolls to the top, and axe counts a
    // checkbox that is passing under the sticky list/map switch as obscured.
    await page.locator('details.more-filters > summary').click();
    await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
    await expect(page.getByTestId('detail')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test(`no axe violations in the answer for a place without an agency (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('./?place=05316');
    await waitForFinder(page);
    await expect(page.getByTestId('place-gap')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}
