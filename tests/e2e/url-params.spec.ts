// The query string is untrusted input: 50 random and malicious query strings
// never cause a console error, are never reflected as markup, never run
// script, and leave the page working. The dataset, config and outline are
// never taken from the query string. (The core's property tests cover the
// parser; finder.spec.ts has one hostile-parameter test.)
import type { Page } from '@playwright/test';
import { test, expect, servedDataset, openFilters } from './fixtures';

const PARAMS = ['place', 'offers', 'sada', 'topics', 'umbrellas', 'q', 'near', 'radius', 'agency', 'map', 'lang', 'embed', 'lock', 'list', 'tiles', 'view'];

const MALICIOUS = [
  'q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
  'q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D2%3E',
  "q=';window.__pwned=3;//",
  'agency=%3Csvg%20onload%3Dwindow.__pwned%3D4%3E',
  'agency=javascript:window.__pwned=5',
  'agency=../../../etc/passwd',
  'place=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D6%3E',
  'place=05315000%00%3Cscript%3E',
  'offers=counselling,%3Cscript%3Ewindow.__pwned%3D7%3C%2Fscript%3E,counselling',
  'topics=%E2%80%AEracism',
  'umbrellas=caritas&umbrellas=%3Cb%3E&umbrellas=awo',
  'sada=1&sada=0&sada=%3Cscript%3E',
  'map=7/51.4/7.6/extra',
  'map=NaN/NaN/NaN',
  'map=1e308/-1e308/1e308',
  'map=-1/91/181',
  'map=18/51.4/Infinity',
  'near=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D8%3E&radius=-5',
  'near=51.5,7.4&radius=1e309',
  'near=geo:51,7&radius=NaN',
  'lang=%3Cscript%3E',
  'lang=ar&dir=rtl',
  'embed=%3Ciframe%20src%3Djavascript%3Awindow.__pwned%3D9%3E',
  'embed=1&lock=place,sada,near,%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D11%3E&place=05315000&sada=1',
  'embed=true&tiles=click&list=%3Cscript%3E&view=%3Cscript%3E',
  'q=%',
  'q=%zz%G0%',
  'q=%ED%A0%80', // an encoded lone surrogate: not valid UTF-8
  'q=%FF%FE%FD',
  '__proto__[polluted]=1&constructor[prototype][polluted]=1',
  'q=' + 'A'.repeat(10_000),
  'offers=' + Array.from({ length: 1_000 }, () => 'counselling').join(','), // 12 KB: under the 16 KB header limit of most servers
  '&&&===&=&q',
  'q=a+b%2Bc%20d',
  'q=%F0%9F%8F%B3%EF%B8%8F%E2%80%8D%F0%9F%8C%88%E2%80%8B',
  '#%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D10%3E',
];

/** Random query strings from a fixed seed: known and unknown keys, broken escapes, odd characters. */
function randomQueries(n: number, seed: number): string[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const pieces = ['', '1', '0', '-', ',', '.', '/', '%', '%25', '%2', '%00', '%0A', '%3C', '%3E', '%22', "'", '<', '>', '"', '+', ' ',
    'köln', '05315000', '0531', 'counselling', 'racism', 'caritas', '51.5', '7.4', '99', '-1', '1e9', 'NaN', '😀', '\u202E', '\u200B',
    'javascript:', 'data:text/html,', '<script>', 'onerror=', '&', '=', '#', '?', '\\', '%F0%9F', '%C3', 'null', 'undefined'];
  const queries: string[] = [];
  for (let i = 0; i < n; i++) {
    const pairs: string[] = [];
    const count = 1 + Math.floor(random() * 5);
    for (let j = 0; j < count; j++) {
      const key = random() < 0.8 ? pick(PARAMS) : pick(pieces) + pick(pieces);
      let value = '';
      const length = Math.floor(random() * 6);
      for (let k = 0; k < length; k++) value += pick(pieces);
      // Raw characters that a URL cannot carry as they are get encoded, the rest stays raw.
      pairs.push(`${key}=${value.replace(/[ #&<>"\\\u0080-\uffff]/gu, (c) => (random() < 0.5 ? encodeURIComponent(c) : c === '#' || c === '&' ? encodeURIComponent(c) : c))}`);
    }
    queries.push(pairs.join('&'));
  }
  return queries;
}

const QUERIES = [...MALICIOUS, ...randomQueries(50 - MALICIOUS.length, 20261125)];

async function expectSafeAndWorking(page: Page, query: string, dialogs: string[]) {
  const where = `?${query.slice(0, 200)}`;
  await expect(page.getByTestId('result-count'), where).toBeVisible();
  await expect(page.getByTestId('load-error'), where).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned), where).toBeUndefined();
  expect(await page.evaluate(() => (Object.prototype as any).polluted), where).toBeUndefined();
  expect(dialogs, where).toEqual([]);
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter(
        (el) =>
          ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) && !(el.tagName === 'SCRIPT' && el.closest('head')) ||
          (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
          [...el.attributes].some((attr) => attr.name.startsWith('on')),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(injected, where).toEqual([]);
  // A lang parameter may choose a supported language; it never writes anything else.
  expect(await page.locator('html').getAttribute('lang'), where).toMatch(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i);
  expect(await page.locator('html').getAttribute('dir'), where).toMatch(/^(ltr|rtl)$/);
  // Still working, whatever the language and filters: a search that matches nothing
  // empties the list, and the previous search brings the same list back.
  const shown = page.getByTestId('results').locator('li:not([hidden])');
  await openFilters(page);
  const search = page.locator('#filter-text');
  const before = await shown.count();
  const text = await search.inputValue();
  await search.fill('zzzz-nothing-matches');
  await expect(shown, where).toHaveCount(0);
  await search.fill(text);
  await expect(shown, where).toHaveCount(before);
  if (before === 0) {
    // Everything filtered out by the query: the plain page still shows every agency.
    await page.goto('./');
    await expect(shown, where).toHaveCount(servedDataset().agencies.length);
  }
}

const CHUNK = 10;
for (let start = 0; start < QUERIES.length; start += CHUNK) {
  test(`random and malicious query strings ${start + 1}–${Math.min(start + CHUNK, QUERIES.length)} of ${QUERIES.length}`, async ({ page }) => {
    test.setTimeout(90_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const query of QUERIES.slice(start, start + CHUNK)) {
      await page.goto(`./?${query}`);
      await expectSafeAndWorking(page, query, dialogs);
    }
  });
}

test('the dataset, config and outline are never taken from the query string', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const evil = [
    'dataset_url=https://evil.example/x.json',
    'dataset_url=//evil.example/x.json',
    'dataset_url=data/evil.json',
    'data=https://evil.example/data.json',
    'dataset=https://evil.example/dataset.json',
    'url=https://evil.example/url.json',
    'src=https://evil.example/src.json',
    'config=https://evil.example/config.json',
    'config_url=https://evil.example/config2.json',
    'tile_url=https://evil.example/{z}/{x}/{y}.png',
    'outline_url=https://evil.example/outline.geojson',
    'basemap_dir=https://evil.example/basemap/',
    'report_url=javascript:window.__pwned=1',
  ].join('&');
  const dataset = servedDataset();
  await page.goto(`./?${evil}`);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(dataset.agencies.length);
  await expect(page.locator('.ia-marker').first()).toBeAttached();
  await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
  await expect(page.getByTestId('detail')).toBeVisible();
  const fetched = requests.map((url) => new URL(url));
  expect(fetched.filter((url) => /evil/.test(url.hostname + url.pathname)).map(String)).toEqual([]);
  // Every JSON file the app fetched is one of its own, on its own origin.
  const origin = new URL(page.url()).origin;
  const json = requests.filter((url) => /\.(geo)?json(\?|$)/.test(url));
  expect(json.length).toBeGreaterThan(0);
  for (const url of json) {
    expect(url.startsWith(`${origin}/`), url).toBe(true);
    expect(new URL(url).pathname, url).toMatch(/^\/(config\.json|data\/[a-z0-9-]+\.json|data\/boundaries\/[a-z0-9-]+\.geojson|data\/basemap\/[a-z0-9-]+\.json)$/);
  }
  await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
});
