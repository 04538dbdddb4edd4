// One bad setting does not cost the others (issue 30): config.json with
// every key set to a usable value other than its default, then each key
// broken in turn. The broken key falls back to its default, every other key
// still applies, the console names exactly that key, and the generator page
// (the operators' page) lists it. The parse itself is tested natively in
// src/config.rs.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, allowErrors, servedDataset, waitForFinder } from './fixtures';

const DIST = process.env.IA_DIST ?? 'dist';
const DEFAULT_DIRECTORY = 'https://integrationsagenturen-nrw.de/';
const ALT_AS_OF = ['2027-01-15', 'Stand: 15.01.2027'];

const GOOD: Record<string, unknown> = {
  tile_url: 'tiles/{z}/{x}/{y}.png',
  tile_attribution: '© Testkacheln',
  dataset_url: 'data/agencies-alt.json',
  allowed_data_origins: ['https://daten.example.nrw'],
  tile_consent: 'always',
  outline_url: 'data/alt-land.geojson',
  basemap_dir: 'alt-basemap/',
  report_url: 'mailto:daten@example.nrw',
  directory_url: 'https://ia.example.nrw/',
  accessibility_url: 'barrierefreiheit.html',
  site_url: 'https://karte.example.nrw/',
};
/** For each key a value that cannot be used: a wrong type, an unknown word, an address of the wrong kind. */
const BROKEN: Record<string, unknown> = {
  tile_url: 'https://tiles.example.nrw/plan.png',
  tile_attribution: ['© Testkacheln'],
  dataset_url: 42,
  allowed_data_origins: 'https://daten.example.nrw',
  tile_consent: 'never',
  outline_url: null,
  basemap_dir: false,
  report_url: 'daten@example.nrw',
  directory_url: 'javascript:alert(1)',
  accessibility_url: 'data:text/html,x',
  site_url: {},
};

/** Serves `config` as config.json and the alternative files it names; returns the requests and config warnings seen. */
async function serve(page: Page, config: Record<string, unknown>) {
  const dataset = JSON.parse(readFileSync(`${DIST}/data/agencies.json`, 'utf8'));
  dataset.as_of = ALT_AS_OF[0];
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config, null, 2) }));
  await page.route('**/data/agencies-alt.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(dataset) }));
  await page.route('**/data/alt-land.geojson', (route) => route.fulfill({ path: `${DIST}/data/boundaries/nrw-land.geojson`, contentType: 'application/geo+json' }));
  await page.route('**/alt-basemap/*.json', (route) => route.fulfill({ path: `${DIST}/data/basemap/${route.request().url().split('/').pop()}`, contentType: 'application/json' }));
  // No tile server here: tiles fail (so the map's own background is drawn).
  await page.route('**/tiles/**', (route) => route.abort());
  allowErrors(page, /\/tiles\/\d+\/\d+\/\d+\.png/);
  const requests: string[] = [];
  const warnings: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('config.json')) warnings.push(message.text());
  });
  return { requests, warnings };
}

/** The keys the console warnings name as ignored. */
const ignoredKeys = (warnings: string[]) => warnings.map((w) => /config\.json: "([^"]+)" ignored/.exec(w)?.[1] ?? w).sort();

for (const broken of [null, ...Object.keys(GOOD)]) {
  test(broken ? `config.json with "${broken}" unusable: its default, every other key as written` : 'config.json with every key set: all apply', async ({ page }) => {
    const config = { ...GOOD, ...(broken ? { [broken]: BROKEN[broken] } : {}) };
    const own = (key: string) => key !== broken;
    const { requests, warnings } = await serve(page, config);
    await page.setViewportSize({ width: 1280, height: 800 });
    // A place without an agency: the answer links the directory.
    await page.goto('./?place=05316');
    await waitForFinder(page);
    const requested = (part: string) => requests.filter((url) => url.includes(part)).length;

    // dataset_url: the other dataset (its "Stand"), or the default one.
    await expect(page.getByTestId('as-of')).toHaveText(own('dataset_url') ? ALT_AS_OF[1] : `Stand: ${servedDataset().as_of.split('-').reverse().join('.')}`);
    // directory_url: in the answer for a place without an agency.
    await expect(page.getByTestId('place-gap-directory')).toHaveAttribute('href', own('directory_url') ? String(GOOD.directory_url) : DEFAULT_DIRECTORY);
    // report_url and accessibility_url: footer links, hidden by their empty defaults.
    const footer = page.getByTestId('footer');
    await expect(footer).toBeVisible();
    if (own('report_url')) await expect(footer.getByTestId('get-listed')).toHaveAttribute('href', /^mailto:daten@example\.nrw\?subject=/);
    else await expect(footer.getByTestId('get-listed')).toHaveCount(0);
    if (own('accessibility_url')) await expect(footer.getByTestId('accessibility-statement')).toHaveAttribute('href', 'barrierefreiheit.html');
    else await expect(footer.getByTestId('accessibility-statement')).toHaveCount(0);
    // tile_consent "always": tiles at once; its default "ask" waits for the button.
    if (!own('tile_consent')) await page.getByRole('button', { name: 'Stadtplan laden' }).click();
    // tile_url: tiles from this server, or from the default (basemap.de; aborted here).
    await expect.poll(() => requested(own('tile_url') ? '/tiles/' : 'sgx.geodatenzentrum.de')).toBeGreaterThan(0);
    // tile_attribution: with the tiles.
    await expect(page.locator('.leaflet-control-attribution')).toContainText(own('tile_attribution') ? '© Testkacheln' : '© basemap.de / BKG');
    // outline_url and basemap_dir: where the map's outline and own background come from.
    await expect(page.locator('.leaflet-overlay-pane path').first()).toBeAttached();
    await expect.poll(() => requested(own('basemap_dir') ? 'alt-basemap/kreise.json' : 'data/basemap/kreise.json')).toBeGreaterThan(0);
    if (own('outline_url')) await expect.poll(() => requested('data/alt-land.geojson')).toBeGreaterThan(0);
    else expect(requested('data/alt-land.geojson')).toBe(0);
    // allowed_data_origins and site_url change nothing on this page; the warning says they were ignored.
    expect(ignoredKeys(warnings)).toEqual(broken ? [broken] : []);

    // The generator page, which operators use, lists what was ignored.
    await page.goto('./generator.html');
    await expect(page.locator('#embed-place option')).not.toHaveCount(0);
    const note = page.getByTestId('config-note');
    if (broken) {
      await expect(note.locator('li')).toHaveCount(1);
      await expect(note.locator('li code')).toHaveText(broken);
      await expect(note).toContainText('config.json');
    } else {
      await expect(note).toHaveCount(0);
    }
  });
}

test('a config.json that is not JSON: the defaults, a warning, and the note on the generator page', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"tile_url": "x",}' }));
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('config.json')) warnings.push(message.text());
  });
  await page.goto('./');
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(servedDataset().agencies.length);
  expect(warnings).toEqual([expect.stringMatching(/^config\.json ignored, the defaults apply: /)]);
  await page.goto('./generator.html');
  await expect(page.getByTestId('config-note').locator('li code')).toHaveText('config.json');
});
