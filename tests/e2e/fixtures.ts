// Shared test setup: no request leaves 127.0.0.1 (tiles are aborted, as on
// machines without a tile server), and every console error fails the test
// unless the test expects it.
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export type Dataset = { schema_version: number; as_of: string; agencies: { id: string; name: string; antidiscrimination: boolean; municipality: string }[] };

export function servedDataset(): Dataset {
  return JSON.parse(readFileSync(`${process.env.IA_DIST ?? 'dist'}/data/agencies.json`, 'utf8'));
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    const allowed: RegExp[] = [];
    (page as Page & { __allow?: RegExp[] }).__allow = allowed;
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url ?? '';
      const text = `${message.text()} (${where})`;
      if (!where.startsWith('http://127.0.0.1') && /Failed to load resource/.test(message.text())) return;
      // An embed in the generator's preview is reloaded with each setting: the
      // parts it was fetching at start (the map's, the embed's; issue 28) are
      // cancelled, which Chromium logs from the embed's document.
      if (/[?&]embed=1/.test(where) && /^Fetch API cannot load .*\/ia-map-[a-z]+\d*-[0-9a-f]{16}\.wasm/.test(message.text())) return;
      if (!allowed.some((pattern) => pattern.test(text))) errors.push(text);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    // The release build's page shows a prerendered view until the app takes
    // over (src/takeover.rs): a test acts on the app, so every navigation
    // waits for that (or for a page where no app will come: no scripts, no
    // prerendered view, or the app failed). `gotoBeforeApp` does not wait.
    const goto = page.goto.bind(page);
    (page as Page & { __goto?: typeof goto }).__goto = goto;
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await page
        .waitForFunction(
          () =>
            !document.documentElement.classList.contains('js') ||
            !document.getElementById('prerendered') ||
            document.documentElement.dataset.app !== undefined,
          undefined,
          { timeout: 15_000 },
        )
        .catch(() => {});
      return response;
    };
    await use(page);
    expect(errors, 'console errors').toEqual([]);
  },
});

/** Lets a test declare console errors it provokes on purpose. */
export function allowErrors(page: Page, ...patterns: RegExp[]) {
  (page as Page & { __allow?: RegExp[] }).__allow?.push(...patterns);
}

/** Navigates without waiting for the app to take over the prerendered view. */
export async function gotoBeforeApp(page: Page, url: string) {
  return (page as Page & { __goto?: Page['goto'] }).__goto!(url);
}

/** Opens the "Filter (n)" fold (text, place, offers, associations) unless it is open. */
export async function openFilters(page: Page) {
  const fold = page.locator('details.more-filters');
  if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
  // Its fields are a part loaded on first use (issue 28): wait for them.
  await expect(fold.locator('fieldset').first()).toBeAttached();
}

/**
 * Scrolls to the end of the list, where "Teilen" and the downloads are loaded
 * when first seen (issue 28: the part "share"), and waits for them.
 */
export async function showListEnd(page: Page) {
  await page.locator('.part-spot').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('download-csv').or(page.getByTestId('share-view')).first()).toBeVisible();
}

/** Waits for the app to show the finder, then returns the number of agencies in markers. */
export async function markerTotal(page: Page): Promise<number> {
  const counts = await page.locator('.ia-marker').evaluateAll((markers) =>
    markers.map((m) => Number(m.getAttribute('data-count') ?? '0')),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Whether the page has the side-by-side layout (list and map); phones show one at a time. */
export async function isWideLayout(page: Page): Promise<boolean> {
  return page.evaluate(() => matchMedia('(min-width: 56rem)').matches);
}

/**
 * Waits for the finder: the list, and where the map is on screen (the wide
 * layout) its markers. On phones the map is made when "Karte" is chosen.
 */
export async function waitForFinder(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await expect(page.getByTestId('results')).toBeVisible();
  if (await isWideLayout(page)) await expect(page.locator('.ia-marker').first()).toBeAttached();
}

export { expect };
