// Takes screenshots of the release build (dist/) at phone and desktop sizes,
// in the main states, into target/screenshots/. For looking at the UI before
// saying a change is done; not a test. Needs `make build` first.
// Usage: node scripts/screenshots.mjs [state ...]   (default: all; --help lists them)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { UsageError, cli } from './lib/cli.mjs';
import { CHROMIUM, enterRepo } from './lib/repo.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const SIZES = { phone: [390, 844], desktop: [1280, 800] };
const PATHS = {
  generator: 'generator.html',
  embed: '?embed=1&place=05315000&lock=place',
  arabic: '?lang=ar&sada=1',
  easy: '?lang=de-x-ls',
  english: '?lang=en&near=50667&radius=25',
  kreis: '?near=Soest',
  // The static pages of issue 20 (a place with agencies, one without).
  ort: 'ort/koeln.html',
  leer: 'ort/leverkusen.html',
  agentur: 'ort/koeln.html',
};
const STATES = {
  generator: async (page) => {
    await page.locator('#embed-sada').check();
  },
  embed: async () => {},
  arabic: async () => {},
  easy: async () => {},
  english: async () => {},
  start: async () => {},
  // The prerendered first view as it shows before the app runs (its code held back).
  prerendered: async () => {},
  // The page without JavaScript.
  nojs: async () => {},
  place: async (page) => {
    await page.locator('details.more-filters > summary').click();
    await page.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' }).fill('reck');
  },
  near: async (page) => {
    const near = page.getByRole('combobox', { name: /In der Nähe/ });
    await near.fill('50667');
    await page.locator('.combobox__list:not([hidden])').getByRole('option').first().waitFor();
    await near.press('Enter');
    await page.locator('#filter-radius').selectOption('10');
  },
  sada: async (page) => {
    await page.getByRole('switch').check();
  },
  map: async (page) => {
    if (page.viewportSize().width < 900) await page.getByRole('button', { name: 'Karte' }).click();
  },
  // A record known only by its Kreis (dataset 1.1), opened.
  kreis: async (page) => {
    await page.locator('.result__distance--kreis').first().locator('xpath=ancestor::a').click();
  },
  ort: async () => {},
  leer: async () => {},
  agentur: async (page) => {
    await page.locator('a[href^="../agentur/"]').first().click();
    await page.waitForLoadState('load');
  },
  detail: async (page) => {
    await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
  },
};

const SPEC = {
  usage: 'node scripts/screenshots.mjs [state ...]',
  about:
    `Screenshots of dist/ at ${Object.entries(SIZES).map(([size, [w, h]]) => `${w}x${h} (${size})`).join(' and ')} into target/screenshots/, ` +
    `one per state and size. States (default: all): ${Object.keys(STATES).join(', ')}.`,
  positionals: { max: Infinity },
  options: {},
};

enterRepo();
const { positionals: wanted } = cli(SPEC, (read) => {
  const unknown = read.positionals.filter((name) => !(name in STATES));
  if (unknown.length) throw new UsageError(`no such state: ${unknown.join(', ')} (states: ${Object.keys(STATES).join(', ')})`);
  return read;
});
const server = await startStaticServer('dist');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
mkdirSync('target/screenshots', { recursive: true });
try {
  for (const [size, [width, height]] of Object.entries(SIZES)) {
    for (const [name, act] of Object.entries(STATES)) {
      if (wanted.length && !wanted.includes(name)) continue;
      const page = await browser.newPage({ viewport: { width, height }, locale: 'de-DE', javaScriptEnabled: name !== 'nojs' });
      await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      if (name === 'prerendered') await page.route(/\.wasm$/, () => {});
      await page.goto(`${server.url}${PATHS[name] ?? ''}`);
      const staticPage = (PATHS[name] ?? '').endsWith('.html') && name !== 'generator';
      if (!staticPage) await page.locator(name === 'generator' ? '#embed-place' : '[data-testid="results"]').first().waitFor();
      if (!staticPage && !['prerendered', 'nojs', 'generator'].includes(name)) await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
      await act(page);
      await page.waitForTimeout(400);
      const file = `target/screenshots/${name}-${size}.png`;
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
