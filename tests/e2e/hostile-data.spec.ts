// Hostile dataset content is shown as text and never runs: markup, script and
// data URLs, bidi and zero-width characters, a 10,000-character name, emoji
// and a spreadsheet formula (tests/fixtures/hostile/, made by make.mjs from real
// records). Every script payload sets window.__pwned; it must stay undefined.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, allowErrors, waitForFinder, openFilters, showListEnd } from './fixtures';

// page.route serves the fixture; a service worker would fetch past it on the next navigation.
test.use({ serviceWorkers: 'block' });

const FIXTURE = 'tests/fixtures/hostile/agencies-hostile.json';
const hostile = JSON.parse(readFileSync(FIXTURE, 'utf8'));
const byId = (prefix: string) => hostile.agencies.find((a: any) => a.id.startsWith(prefix));
const SHOWN = 7; // the first seven records render, the last three have non-http(s) URLs

async function serveHostile(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/data/agencies.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(FIXTURE, 'utf8') }),
  );
  return dialogs;
}

/** Nothing injected: no payload ran, no element carries an event handler or a frame. */
async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter(
        (el) =>
          ['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ||
          (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
          [...el.attributes].some((attr) => attr.name.startsWith('on')),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(injected).toEqual([]);
  // The only scripts are those of index.html (the gate, the app's loader)
  // and Leaflet's, which the app adds when the map is first on screen.
  const scripts = await page.evaluate(() =>
    [...document.scripts]
      .filter((s) => !(s.hasAttribute('data-leaflet') && s.getAttribute('src') === 'vendor/leaflet/leaflet.js'))
      .map((s) => s.getAttribute('src') ?? `inline: ${s.text.slice(0, 60)}`),
  );
  const served = await (await page.request.get('./')).text();
  expect(scripts).toHaveLength((served.match(/<script\b/g) ?? []).length);
}

/** Every link the page has is http(s), tel:, mailto:, a geo: position, a list entry (`?agency=id#agency-id`), or a fragment; new-tab links are noopener noreferrer. */
async function expectSafeLinks(page: Page) {
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')].map((a) => ({
      href: a.getAttribute('href')!,
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel') ?? '',
      inApp: !a.closest('.leaflet-control-attribution'),
    })),
  );
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect(link.href, JSON.stringify(link)).toMatch(/^(generator\.html$|generator\.html\?qr=https?%3A%2F%2F[^\s<>\"]+$|agentur\/[a-z0-9-]+\.html$|data\/index\.html$|https?:\/\/|tel:\+?\d+$|mailto:[^\s<>"]+$|geo:-?\d+\.\d+,-?\d+\.\d+$|#)/);
    if (link.target === '_blank' || (link.inApp && /^https?:/.test(link.href))) {
      expect(link.rel.split(/\s+/), JSON.stringify(link)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
  }
}

test('markup and script URLs in the data are shown as text and never run', async ({ page }) => {
  const dialogs = await serveHostile(page);
  await page.goto('./');
  await waitForFinder(page);
  const list = page.getByTestId('results').locator('li:not([hidden])');
  await expect(list).toHaveCount(SHOWN);
  // Records whose website or source is not http(s) are skipped, not linked.
  await expect(page.getByTestId('skipped-notice')).toHaveText('3 Einträge konnten nicht angezeigt werden.');
  await expect(page.getByText('Skipped:')).toHaveCount(0);

  const markup = byId('adira-');
  const entry = page.locator(`#agency-${markup.id}`);
  await expect(entry.locator('.result__name')).toHaveText(markup.name);
  await expect(entry).toContainText(markup.carrier);
  await expect(entry).toContainText(markup.address.street);
  await expect(page.locator('b', { hasText: 'Fett' })).toHaveCount(0);
  await expectNothingRan(page, dialogs);

  // The detail: text stays text, the website link keeps its odd URL as an attribute value.
  await entry.getByRole('link').click();
  const detail = page.getByTestId('detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(markup.name);
  await expect(detail).toContainText(markup.carrier);
  const website = detail.getByRole('link', { name: /Website/ });
  await expect(website).toHaveAttribute('href', markup.contact.website);
  await expect(website).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(detail.getByRole('link', { name: /E-Mail/ })).toHaveAttribute('href', `mailto:${markup.contact.email}`);
  await expectSafeLinks(page);
  await expectNothingRan(page, dialogs);
  await page.keyboard.press('Escape');

  // The footer: a javascript: source URL is not linked; markup in source and licence is text.
  await page.getByText('Quelle, Lizenz und Kartengrundlagen').click();
  const footer = page.getByTestId('footer');
  await expect(footer).toContainText(hostile.source.text);
  await expect(footer).toContainText(hostile.licence);
  await expect(footer.locator('a[href^="javascript"]')).toHaveCount(0);
  await expectSafeLinks(page);
  await expectNothingRan(page, dialogs);
});

test('hostile place names are text in the place picker and in marker labels', async ({ page }) => {
  const dialogs = await serveHostile(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForFinder(page);
  await openFilters(page);
  const place = page.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' });
  await place.fill('ahlen');
  const hostilePlace = byId('awo-integrationsagentur-ahlen');
  await expect(page.locator('.combobox__list:not([hidden])').getByRole('option').first()).toHaveText(`${hostilePlace.municipality} (1)`);
  await place.press('ArrowDown');
  await expectNothingRan(page, dialogs);
  await place.press('Escape');
  await place.press('Escape');

  // Markers: labels are the plain name; an agency marker has no child elements.
  const markup = byId('adira-');
  await page.goto(`./?place=${markup.ags}`);
  await waitForFinder(page);
  const marker = page.locator('.ia-marker--agency').first();
  await expect(marker).toHaveAttribute('aria-label', `${markup.name} – Servicestelle für Antidiskriminierungsarbeit`);
  const labels = await page.locator('.ia-marker').evaluateAll((markers) =>
    markers.map((m) => ({ agency: m.classList.contains('ia-marker--agency'), children: m.querySelectorAll('*').length, html: m.innerHTML })),
  );
  for (const label of labels) {
    if (label.agency) expect(label.children, label.html).toBe(0);
    else expect(label.html).toMatch(/^<span aria-hidden="true">\d+<\/span>$/);
  }
  await expectNothingRan(page, dialogs);
});

test('zero-width characters and emoji are kept as text; explicit bidi controls are dropped', async ({ page }) => {
  await serveHostile(page);
  await page.goto('./');
  await waitForFinder(page);
  // The loader removes explicit bidi controls (they could reverse the app's own text).
  const withoutBidi = (text: string) => text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  for (const prefix of ['antidiskriminierungsbuero-im-rhein-erft', 'aric-nrw-', 'caritas-integrationsagentur-muenster']) {
    const agency = byId(prefix);
    const entry = page.locator(`#agency-${agency.id}`);
    await expect(entry.locator('.result__name')).toHaveText(withoutBidi(agency.name));
    await expect(entry).toContainText(withoutBidi(agency.carrier));
  }
  // Search still finds the agency whose name has zero-width characters inside it.
  await openFilters(page);
  await page.getByLabel('Suche nach Name, Träger oder Adresse').fill('Servicestelle');
  await expect(page.locator(`#agency-${byId('aric-nrw-').id}`)).toBeVisible();
});

// Data text and the app's own text would share one bidi paragraph: data strings followed by
// UI text are in <bdi>, and the loader drops explicit bidi controls from text fields.
test('an unterminated right-to-left override in a name does not reverse the app\'s own text', async ({ page }) => {
  await serveHostile(page);
  const agency = byId('antidiskriminierungsbuero-im-rhein-erft');
  await page.goto(`./?agency=${agency.id}`);
  const detail = page.getByTestId('detail');
  await expect(detail).toBeVisible();
  // The carrier "DRK \u202E…" has no closing PDF; the umbrella label the app adds after it,
  // "(DRK)", must still read left to right: its first letter left of its last.
  const umbrella = await detail.locator('dd').first().evaluate((dd) => {
    const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
    let node: Node | null;
    while ((node = walker.nextNode())) {
      if (node.textContent !== 'DRK') continue;
      const range = document.createRange();
      const x = (i: number) => {
        range.setStart(node!, i);
        range.setEnd(node!, i + 1);
        return range.getBoundingClientRect().left;
      };
      return { first: x(0), last: x(2) };
    }
    return null;
  });
  expect(umbrella, 'the umbrella label is a text node of its own').not.toBeNull();
  expect(umbrella!.first, '"DRK" after the carrier is drawn right to left').toBeLessThan(umbrella!.last);
});

test('a 10,000-character name wraps: no horizontal scrolling on a phone', async ({ page }) => {
  await serveHostile(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const long = byId('awo-integrationsagenturen-bonn');
  expect(long.name).toHaveLength(10_000);
  const noHorizontalScroll = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  await page.goto('./');
  await waitForFinder(page);
  await expect(page.locator(`#agency-${long.id} .result__name`)).toHaveText(long.name);
  expect(await noHorizontalScroll()).toBe(true);
  const box = await page.locator(`#agency-${long.id}`).boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await page.locator(`#agency-${long.id} .result__link`).click();
  await expect(page.getByTestId('detail').getByRole('heading', { level: 2 })).toHaveText(long.name);
  expect(await noHorizontalScroll()).toBe(true);
  // The rest of the page is still reachable below the name.
  await expect(page.getByRole('button', { name: 'Zurück zur Übersicht' })).toBeVisible();
});

test('a formula in a name is defused in the CSV download', async ({ page }) => {
  await serveHostile(page);
  await page.goto('./');
  await waitForFinder(page);
  await showListEnd(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  const formula = byId('gleichbehandlungsbuero-aachen');
  // A cell that starts with = + - @ gets a leading apostrophe, so spreadsheets show it as text.
  expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  expect(text).toContain(`'${formula.name.replace(/"/g, '""')}`);
  expect(text).not.toMatch(/(^|,)"?@SUM/m);
});

test('a hostile config.json: attribution is text, a script report URL is not linked, a foreign dataset is not fetched', async ({ page }) => {
  const dialogs = await serveHostile(page);
  // The browser refuses to fetch a javascript: outline or background URL (the app does not
  // check outline_url or basemap_dir). Tiles load at once (tile_consent: always) so that the
  // attribution is shown.
  allowErrors(page, /Fetch API cannot load javascript:/);
  const config = JSON.parse(readFileSync(`${process.env.IA_DIST ?? 'dist'}/config.json`, 'utf8'));
  const attribution = `<img src=x onerror="window.__pwned='attribution'">OSM`;
  await page.route('**/config.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ...config,
        tile_attribution: attribution,
        report_url: `javascript:window.__pwned='report'`,
        outline_url: `javascript:window.__pwned='outline'`,
        basemap_dir: `javascript:window.__pwned='basemap'/`,
        tile_consent: 'always',
      }),
    }),
  );
  await page.goto(`./?agency=${byId('adira-').id}`);
  await expect(page.getByTestId('detail')).toBeVisible();
  await expect(page.locator('.leaflet-control-attribution')).toContainText(attribution);
  await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
  await expectSafeLinks(page);
  await expectNothingRan(page, dialogs);

  // An absolute dataset URL on an origin config.json does not list is refused, not fetched.
  allowErrors(page, /dataset not loaded/);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.unroute('**/config.json');
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...config, dataset_url: 'https://evil.example/agencies.json' }) }),
  );
  await page.goto('./');
  const error = page.getByTestId('load-error');
  await expect(error).toBeVisible();
  await error.locator('summary').click();
  await expect(error.locator('code')).toContainText('not allowed by config.json');
  expect(requested.filter((url) => url.includes('evil.example'))).toEqual([]);
});

test('a carrier\'s website and the sources of single fields stay text and attributes (issue 27)', async ({ page }) => {
  const dialogs = await serveHostile(page);
  const agency = byId('awo-integrationsagentur-ahlen');
  await page.goto(`./?agency=${agency.id}`);
  const detail = page.getByTestId('detail');
  await expect(detail.getByTestId('carrier-website')).toHaveAttribute('href', agency.contact.website);
  await expect(detail.locator('.provenance')).toContainText(agency.source_credit);
  await expect(detail.locator('.provenance')).toContainText(agency.field_sources[0].credit);
  await expect(detail.locator('.provenance a', { hasText: agency.field_sources[0].credit })).toHaveAttribute('href', agency.field_sources[0].url);
  await expect(page.locator('b', { hasText: 'Fett' })).toHaveCount(0);
  await expect(page.locator('svg[onload]')).toHaveCount(0);
  await expectSafeLinks(page);
  await expectNothingRan(page, dialogs);
});
