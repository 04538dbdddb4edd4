// axe-core finds no WCAG A/AA violations.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, waitForFinder } from './fixtures';

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]] as const) {
  test(`no axe violations on first load (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await waitForFinder(page);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
