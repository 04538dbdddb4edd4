// Issue 28: the finder's Wasm in parts loaded on first use. A phone's first
// load fetches none of them; each comes when first used, with a short wait
// that is shown and said in the finder's live region; a part that cannot be
// fetched says so and can be fetched again; wide screens fetch the map's part
// at start; after the app has been idle the service worker fetches the rest,
// and then the finder works offline with parts never used online.
import type { Page, Route } from '@playwright/test';
import { test, expect, allowErrors, waitForFinder } from './fixtures';

const PHONE = { width: 390, height: 844 };
// The parts' files (scripts/split-wasm.mjs): ia-map-<part>-<hash>.wasm.
const PART = /\/ia-map-([a-z]+\d*)-[0-9a-f]{16}\.wasm$/;

/**
 * The parts fetched so far, by name; `chunks` the modules of code several
 * parts share (`chunk<n>`), which come with the parts that need them.
 */
function partsFetched(page: Page): { parts: string[]; chunks: string[] } {
  const seen = { parts: [] as string[], chunks: [] as string[] };
  page.on('request', (request) => {
    const part = PART.exec(new URL(request.url()).pathname)?.[1];
    if (part) (part.startsWith('chunk') ? seen.chunks : seen.parts).push(part);
  });
  return seen;
}

/** Holds the responses to `pattern` until the returned function is called. */
async function hold(page: Page, pattern: RegExp): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the first load fetches no part; "Filter" fetches its own, with an announced wait', async ({ page }) => {
    const fetched = partsFetched(page);
    const release = await hold(page, /ia-map-filters-[0-9a-f]{16}\.wasm$/);
    await page.goto('./');
    await waitForFinder(page);
    await expect(page.getByTestId('results').locator('li').first()).toBeVisible();
    expect(fetched, 'no part on the first load').toEqual({ parts: [], chunks: [] });
    await expect(page.getByTestId('part-status')).toHaveText('');

    await page.locator('details.more-filters summary').click();
    await expect(page.getByTestId('part-status')).toHaveText('Filter: wird geladen …');
    await expect(page.getByTestId('part-wait')).toBeVisible();
    expect(fetched.parts).toEqual(['filters']);
    release();
    await expect(page.locator('#filter-text')).toBeVisible();
    await expect(page.getByTestId('part-status')).toHaveText('');
    await page.locator('#filter-text').fill('Caritas');
    await expect(page.getByTestId('result-count')).not.toHaveText(/^104 /);
    // Closed and opened again: no second fetch.
    await page.locator('details.more-filters summary').click();
    await page.locator('details.more-filters summary').click();
    await expect(page.locator('#filter-text')).toHaveValue('Caritas');
    expect(fetched.parts).toEqual(['filters']);
  });

  test('the end of the list, the detail and the map each fetch their part when first used', async ({ page }) => {
    const { parts } = partsFetched(page);
    await page.goto('./');
    await waitForFinder(page);
    expect(parts).toEqual([]);
    // Under the list: "Teilen" and the downloads, when the list's end comes near.
    await page.locator('.part-spot').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('share-view')).toBeVisible();
    await expect(page.getByTestId('download-csv')).toBeVisible();
    expect(parts).toEqual(['share']);

    await page.getByTestId('results').locator('li a').first().click();
    await expect(page.getByTestId('detail')).toBeVisible();
    expect(parts).toEqual(['share', 'detail']);
    await page.getByRole('button', { name: 'Zurück zur Übersicht' }).click();
    await expect(page.getByTestId('results')).toBeVisible();

    await page.locator('.view-switch button').nth(1).click();
    await expect(page.locator('.ia-marker').first()).toBeVisible();
    expect(parts).toEqual(['share', 'detail', 'map']);
  });

  test('near me fetches its part with the place index when first used', async ({ page }) => {
    const { parts } = partsFetched(page);
    await page.goto('./');
    await waitForFinder(page);
    await page.locator('#filter-near').click();
    await page.locator('#filter-near').fill('5066');
    await expect(page.locator('.combobox__list:not([hidden])').getByRole('option').first()).toHaveText('50667 Köln');
    expect(parts).toEqual(['near']);
  });

  test('a part that cannot be fetched says so, keeps the way back to the list, and "Erneut versuchen" fetches it', async ({ page }) => {
    allowErrors(page, /ia-map-detail|Failed to fetch|failed to load|TypeError/i);
    let refuse = true;
    await page.route(/ia-map-detail-[0-9a-f]{16}\.wasm$/, (route) => (refuse ? route.abort() : route.continue()));
    await page.goto('./');
    await waitForFinder(page);
    await page.getByTestId('results').locator('li a').first().click();
    await expect(page.getByTestId('part-failed')).toBeVisible();
    await expect(page.getByTestId('part-status')).toHaveText('Angaben zur Agentur: konnte nicht geladen werden.');
    // The rest of the finder still works, and the way back to the list is there.
    await expect(page.getByRole('switch', { name: /Nur Servicestellen/ })).toBeEnabled();
    await page.getByRole('button', { name: 'Zurück zur Übersicht' }).click();
    await expect(page.getByTestId('results').locator('li').first()).toBeVisible();
    // Opened again: fetched again (and refused again).
    await page.getByTestId('results').locator('li a').first().click();
    await expect(page.getByTestId('part-failed')).toBeVisible();
    refuse = false;
    await page.getByTestId('part-failed').getByRole('button', { name: 'Erneut versuchen' }).click();
    await expect(page.getByTestId('detail')).toBeVisible();
    await expect(page.getByTestId('part-status')).toHaveText('');
    // The detail's own way back, once: the one offered while waiting is gone.
    await expect(page.getByRole('button', { name: 'Zurück zur Übersicht' })).toHaveCount(1);
  });
});

test('wide screens fetch the map\'s part at start, and nothing else', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { parts } = partsFetched(page);
  await page.goto('./');
  await waitForFinder(page);
  await expect(page.locator('.ia-marker').first()).toBeVisible();
  expect(parts).toEqual(['map']);
});

test('an embed in a partner\'s frame fetches the map\'s and the embed\'s parts at start, and reports its height', async ({ page }) => {
  const port = Number(process.env.IA_PORT ?? 4173);
  await page.setViewportSize({ width: 1280, height: 900 });
  const { parts } = partsFetched(page);
  // The partner's page (on PORT + 2) records the app's height messages.
  await page.addInitScript(() => {
    const heights: number[] = ((window as unknown as { __heights: number[] }).__heights = []);
    addEventListener('message', (event) => {
      if (event.data?.type === 'ia-map:height') heights.push(event.data.height);
    });
  });
  const src = `http://127.0.0.1:${port}/?embed=1`;
  await page.goto(`http://127.0.0.1:${port + 2}/?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#finder');
  await expect(frame.locator('.ia-marker').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __heights: number[] }).__heights.length)).toBeGreaterThan(0);
  expect([...parts].sort()).toEqual(['embed', 'map']);
});

test('the same embed address opened on its own (not in a frame) does not fetch the embed\'s part', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { parts } = partsFetched(page);
  await page.goto('./?embed=1');
  await waitForFinder(page);
  await expect(page.locator('.ia-marker').first()).toBeVisible();
  // The map's part, fetched beside the embed's when framed, has come.
  expect(parts).toEqual(['map']);
});
