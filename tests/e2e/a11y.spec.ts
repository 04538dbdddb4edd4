// axe-core finds no WCAG A/AA violations, on first load and in the states
// with the most interactive UI: the place list open, filters set, a detail.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, servedDataset, waitForFinder, openFilters } from './fixtures';

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

// A second engine beside axe: IBM Equal Access (the npm package
// accessibility-checker-engine, its browser script `ace.js` injected into the
// page; it downloads nothing). Every failure it reports must be one of these,
// each a reasoned decision; anything else fails the test.
const IBM_ACCEPTED: [rule: string, element: RegExp, why: string][] = [
  // The skip link comes first, before the header landmark, so that it is the
  // first thing a keyboard reaches (WCAG technique G1); axe's `region` rule
  // exempts it likewise.
  ['aria_content_in_landmark', /^<a [^>]*class="skip-link"/, 'skip link before the landmarks'],
  // Leaflet makes the map's container focusable for keyboard panning; it is a
  // named region (the list carries the content), not a widget, and the
  // `application` role IBM would like changes how screen readers read it.
  ['element_tabbable_role_valid', /^<div tabindex="0"(?: data-map="[a-z-]+")? aria-label="Karte der Integrationsagenturen" role="region"/, 'the map container'],
];

async function ibmFailures(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/accessibility-checker-engine/ace.js' });
  const failures: { rule: string; snippet: string; message: string }[] = await page.evaluate(async () => {
    const report = await new (window as any).ace.Checker().check(document, ['IBM_Accessibility']);
    return report.results
      .filter((result: any) => result.value[1] === 'FAIL')
      .map((result: any) => ({ rule: result.ruleId, snippet: result.snippet ?? '', message: result.message }));
  });
  return failures
    .filter(({ rule, snippet }) => !IBM_ACCEPTED.some(([accepted, element]) => accepted === rule && element.test(snippet)))
    .map(({ rule, snippet, message }) => `${rule}: ${message} ${snippet.slice(0, 160)}`);
}

test('IBM Equal Access: the finder with its map and filters (desktop), the map on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?near=50667&radius=10');
  await waitForFinder(page);
  // The outline and the radius circle (Leaflet's overlay pane) and the map's own background are drawn.
  await expect(page.locator('.leaflet-overlay-pane svg path')).not.toHaveCount(0);
  await expect(page.locator('.basemap-label').first()).toBeAttached();
  // Both SVGs are background the list says in words: hidden from assistive
  // technology (IBM's svg_graphics_labelled flagged them unnamed).
  await expect(page.locator('.leaflet-overlay-pane')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.locator('.leaflet-basemap-pane')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.locator('.leaflet-basemap-pane svg').first()).toBeAttached();
  // Closed <details> content counts as shown for this engine: open the filters.
  await openFilters(page);
  expect(await ibmFailures(page)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await waitForFinder(page);
  await page.getByRole('button', { name: 'Karte', exact: true }).click();
  await expect(page.locator('.leaflet-overlay-pane svg path')).not.toHaveCount(0);
  expect(await ibmFailures(page)).toEqual([]);
});

test('IBM Equal Access: an embed, the generator, the maintenance page, an agency page and a place page', async ({ page }) => {
  const agency = servedDataset().agencies[0];
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?embed=1&place=05315000');
  await waitForFinder(page);
  await openFilters(page);
  // Leaving a page, or removing a frame, while it still fetches the map's
  // part cancels the fetch, which Chromium logs as a console error (a CI run
  // failed so): every embed leaves only once its map is there.
  await expect(page.locator('.map')).toHaveAttribute('data-map', 'ready');
  expect(await ibmFailures(page)).toEqual([]);
  // The generator's live previews are that embed in frames, which this
  // engine checks as part of the page (it then counts three <main>s and the
  // frames' closed filters): the page is checked without them.
  await page.goto('./generator.html');
  await expect(page.locator('.generator__preview')).toHaveCount(3);
  for (const width of [360, 600, 1000]) {
    const frame = page.frameLocator(`.generator__preview[data-width="${width}"]`);
    await expect(frame.getByTestId('results')).toBeVisible();
    await expect(frame.locator('.map')).toHaveAttribute('data-map', 'ready');
  }
  await page.evaluate(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));
  expect(await ibmFailures(page)).toEqual([]);
  await page.goto('./pflege.html');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await ibmFailures(page)).toEqual([]);
  for (const path of [`agentur/${agency.id}.html`, 'ort/koeln.html']) {
    await page.goto(`./${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await ibmFailures(page), path).toEqual([]);
  }
});
