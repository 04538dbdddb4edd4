// The prerendered first view (issue 16): the release build writes the finder's
// default view into index.html; it works without JavaScript, and the app
// takes it over in one step.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, servedDataset, waitForFinder, gotoBeforeApp, openFilters, allowErrors } from './fixtures';

const dist = process.env.IA_DIST ?? 'dist';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every agency is listed with working contact links, and no control that needs scripts', async ({ page }) => {
    const dataset = servedDataset() as any;
    await page.goto('./');
    const entries = page.getByTestId('results').locator(':scope > li');
    await expect(entries).toHaveCount(dataset.agencies.length);
    await expect(page.getByTestId('needs-js')).toBeVisible();
    await expect(page.getByTestId('needs-js')).toHaveText(/JavaScript/);
    // Controls that would do nothing are not shown.
    for (const selector of ['form.filters', '.view-switch', '.downloads', '.lang-switch', '.map-pan']) {
      await expect(page.locator(selector).first(), selector).toBeHidden();
    }
    await expect(page.locator('#boot')).toBeHidden();
    // Each agency: its name, and telephone, e-mail and website as real, visible links.
    const listed = await entries.evaluateAll((items) =>
      items.map((li) => ({
        name: li.querySelector('.result__name')?.textContent,
        links: [...li.querySelectorAll('.result__contact a')]
          .filter((a) => (a as HTMLElement).offsetHeight > 0)
          .map((a) => a.getAttribute('href')),
      })),
    );
    expect(listed.map((entry) => entry.name)).toEqual(dataset.agencies.map((a: any) => a.name));
    for (const [i, agency] of dataset.agencies.entries()) {
      const links = listed[i].links;
      if (agency.contact?.phone) expect(links.some((href) => /^tel:\+?[0-9]+$/.test(href ?? '')), agency.name).toBe(true);
      if (agency.contact?.email) expect(links, agency.name).toContain(`mailto:${agency.contact.email}`);
      if (agency.contact?.website) expect(links, agency.name).toContain(agency.contact.website);
    }
    // "Stand" and coverage in the footer, from the shipped dataset.
    await expect(page.getByTestId('as-of')).toContainText('Stand:');
    await expect(page.getByTestId('coverage')).toContainText(String(dataset.agencies.length));
  });

  test('the static map shows every agency, Servicestellen as squares, with a text alternative', async ({ page }) => {
    const dataset = servedDataset() as any;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./');
    const map = page.locator('svg.static-map');
    await expect(map).toBeVisible();
    await expect(map).toHaveAttribute('role', 'img');
    await expect(map.locator('title')).toContainText(`${dataset.agencies.length} Integrationsagenturen`);
    const sada = dataset.agencies.filter((a: any) => a.antidiscrimination).length;
    const squares = ((await map.locator('.static-map__sada').getAttribute('d')) ?? '').match(/h8v8h-8z/g) ?? [];
    const circles = ((await map.locator('.static-map__agency').getAttribute('d')) ?? '').match(/M/g) ?? [];
    expect(squares.length).toBe(sada);
    expect(circles.length).toBe(dataset.agencies.length - sada);
  });
});

test('the page as it shows without scripts passes axe', async ({ page }) => {
  // axe needs scripts in the page, so the page is served without its own
  // scripts instead (gate.js, boot.js): what a browser without JavaScript shows.
  const html = readFileSync(`${dist}/index.html`, 'utf8').replace(/<script\b[^>]*><\/script>/g, '');
  expect(html).not.toContain('<script');
  await page.route(/\/(index\.html)?$/, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await gotoBeforeApp(page, './');
  await expect(page.getByTestId('needs-js')).toBeVisible();
  await expect(page.locator('form.filters')).toBeHidden();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('the app takes over without a layout shift, and both lists name the same agencies in the same order', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  // The names in the prerendered page, as the server sends it.
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const prerendered = [...html.matchAll(/<span[^>]*class="result__name"[^>]*>([^<]*)<\/span>/g)].map(([, name]) =>
    name.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&#39;', "'"),
  );
  expect(prerendered.length).toBe(servedDataset().agencies.length);
  await page.goto('./');
  await waitForFinder(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await page.waitForTimeout(1000);
  const cls = await page.evaluate(() => (window as any).__shifts.reduce((a: number, b: number) => a + b, 0));
  expect(cls).toBeLessThanOrEqual(0.02);
  const live = await page.getByTestId('results').locator('li:not([hidden]) .result__name').allTextContents();
  expect(live).toEqual(prerendered);
});

test('a list entry clicked before the app runs opens the agency\'s own page, whose map link opens the app there', async ({ page }) => {
  const dataset = servedDataset() as any;
  const agency = dataset.agencies[3];
  // Hold the Wasm back until the click has happened.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await gotoBeforeApp(page, './');
  await expect(page.locator('html')).not.toHaveAttribute('data-app', 'ready');
  await page.locator(`#agency-${agency.id} .result__link`).click();
  await expect(page).toHaveURL(new RegExp(`agentur/${agency.id}\\.html$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(agency.name);
  release();
  await page.getByTestId('show-on-map').click();
  await expect(page).toHaveURL(new RegExp(`\\?agency=${agency.id}(&|$)`));
  await expect(page.getByTestId('detail').getByRole('heading', { level: 2 })).toHaveText(agency.name);
});

test('an address with filters shows no prerendered list that would contradict it', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await gotoBeforeApp(page, './?sada=1');
  await expect(page.locator('#prerendered')).toBeHidden();
  await expect(page.locator('#boot')).toBeVisible();
  release();
  await waitForFinder(page);
  const sada = servedDataset().agencies.filter((a) => a.antidiscrimination).length;
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(sada);
});

test('when the app cannot start, the prerendered page works as without JavaScript', async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  // boot.js reports the failure on the console on purpose.
  allowErrors(page, /could not be started|Failed to load resource|WebAssembly/);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
  await expect(page.getByTestId('needs-js')).toBeVisible();
  await expect(page.locator('form.filters')).toBeHidden();
  await expect(page.getByTestId('results').locator('li').first().locator('.result__contact')).toBeVisible();
  await expect(page.locator('#boot')).toContainText('nicht gestartet');
});

for (const [name, viewport, min] of [
  ['phone', { width: 390, height: 844 }, 1],
  // Two whole entries and the start of the third: since issue 27 each entry
  // also says how to reach the agency and, for old or undated sources, to
  // check before a visit (the first entries have both, and the badge).
  ['desktop', { width: 1280, height: 800 }, 2],
] as const) {
  test(`results first (${name}): at least ${min} result entries on the first screen, near me and the Servicestelle switch in view`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('./');
    await waitForFinder(page);
    await expect(page.getByRole('combobox', { name: /In der Nähe von/ })).toBeInViewport();
    await expect(page.getByRole('switch', { name: /Nur Servicestellen/ })).toBeInViewport();
    const filters = page.locator('details.more-filters > summary');
    await expect(filters).toBeInViewport();
    await expect(filters).toHaveText('Filter');
    const entries = page.getByTestId('results').locator('li:not([hidden])');
    for (let i = 0; i < min; i++) await expect(entries.nth(i)).toBeInViewport({ ratio: 1 });
    // The fold counts what is active inside it.
    await openFilters(page);
    await page.getByLabel('Suche nach Name, Träger oder Adresse').fill('Caritas');
    await expect(filters).toHaveText('Filter (1)');
  });
}
