// Eight interface languages: chosen by ?lang=, then the browser's
// languages; the switcher keeps the rest of the state; Arabic and Persian
// are right to left with the map not mirrored; axe passes in each language.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, allowErrors, servedDataset, waitForFinder } from './fixtures';

const LANGS = [
  { tag: 'de', dir: 'ltr' },
  { tag: 'de-x-ls', dir: 'ltr' },
  { tag: 'en', dir: 'ltr' },
  { tag: 'tr', dir: 'ltr' },
  { tag: 'ar', dir: 'rtl' },
  { tag: 'fa', dir: 'rtl' },
  { tag: 'uk', dir: 'ltr' },
  { tag: 'ru', dir: 'ltr' },
];

for (const { tag, dir } of LANGS) {
  test(`${tag}: lang and dir are set, the UI is translated, axe passes`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./?lang=${tag}&sada=1`);
    await waitForFinder(page);
    await expect(page.locator('html')).toHaveAttribute('lang', tag);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    const title = await page.locator('h1').first().textContent();
    if (tag === 'de') {
      expect(title).toBe('Integrationsagenturen in NRW');
    } else {
      expect(title).not.toBe('Integrationsagenturen in NRW');
      // Translated pages say once that the agencies' data is in German.
      await expect(page.locator('.data-lang-note')).toHaveCount(1);
    }
    // Agency data stays German and is marked so.
    await expect(page.getByTestId('results').locator('li:not([hidden]) .result__link').first()).toHaveAttribute('lang', 'de');
    // The map is never mirrored.
    await expect(page.locator('.map')).toHaveCSS('direction', 'ltr');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('with a Turkish browser', () => {
  test.use({ locale: 'tr-TR' });
  test('the browser language is used when the URL names none', async ({ page }) => {
    await page.goto('./');
    await waitForFinder(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  });
});

test('the switcher changes the language and keeps the state', async ({ page }) => {
  const n = servedDataset().agencies.filter((a) => a.antidiscrimination).length;
  await page.goto('./?sada=1&lang=en');
  await waitForFinder(page);
  await page.getByLabel(/Language/).selectOption('ar');
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveURL(/sada=1/);
  await expect(page).toHaveURL(/lang=ar/);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(n);
});

type LocaleFile = { needs_review?: string[]; messages: Record<string, string> };
const locale = (tag: string): LocaleFile => JSON.parse(readFileSync(`${process.env.IA_DIST ?? 'dist'}/locales/${tag}.json`, 'utf8'));

/**
 * German interface texts that must not show on a page in `tag`: every
 * message of de.json, cut at its placeholders, without short pieces and
 * without those the other language uses too (names such as "Caritas",
 * "OpenStreetMap", units).
 */
function germanOnly(tag: string): string[] {
  const other = Object.values(locale(tag).messages).join('\n');
  return [...new Set(Object.values(locale('de').messages).flatMap((text) => text.split(/\{[a-z_]+\}/)))]
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= 5 && !other.includes(piece));
}

/** The page's visible text outside agency data (which is German by design and marked lang="de"). */
async function visibleUiText(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('body [lang="de"], script, style, noscript')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)) continue;
      parts.push(node.textContent ?? '');
    }
    return parts.join('\n');
  });
}

for (const tag of ['ar', 'uk']) {
  test(`${tag}: the language file is loaded once and no German interface text shows`, async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.includes('/locales/')) requests.push(new URL(request.url()).pathname);
    });
    await page.goto(`./?lang=${tag}`);
    await waitForFinder(page);
    await expect(page.locator('html')).not.toHaveClass(/\bpending\b/);
    await expect(page.locator('html')).toHaveAttribute('lang', tag);
    expect(requests).toEqual([expect.stringMatching(new RegExp(`/locales/${tag}\\.json$`))]);
    const text = await visibleUiText(page);
    const german = germanOnly(tag);
    expect(german.length).toBeGreaterThan(100);
    expect(german.filter((piece) => text.includes(piece))).toEqual([]);
    // The list's entries are there (their data is German and marked so).
    await expect(page.getByTestId('results').locator('li:not([hidden]) .result__link').first()).toHaveAttribute('lang', 'de');
  });
}

test('a missing language file leaves the page German, with a notice', async ({ page }) => {
  // The browser reports the 404 itself; the app only warns.
  allowErrors(page, /Failed to load resource.*404/);
  await page.route('**/locales/ar.json', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto('./?lang=ar');
  await waitForFinder(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).not.toHaveClass(/\bpending\b/);
  const notice = page.getByTestId('language-failed');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('Die gewählte Sprache konnte nicht geladen werden');
  await expect(notice).toContainText('The chosen language could not be loaded.');
  await expect(page.locator('h1').first()).toHaveText('Integrationsagenturen in NRW');
});

test('a broken language file leaves the page German, with a notice', async ({ page }) => {
  await page.route('**/locales/uk.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"messages": {"app_title": "x"}}' }));
  await page.goto('./?lang=uk');
  await waitForFinder(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByTestId('language-failed')).toBeVisible();
});

test('the lang parameter is percent-decoded, before and after the app starts', async ({ page }) => {
  await page.goto('./?lang=de%2Dx%2Dls');
  // public/gate.js has set the language before the app.
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-x-ls');
  await waitForFinder(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de-x-ls');
  await expect(page.locator('h1').first()).toHaveText(locale('de-x-ls').messages.app_title);
});

test('German needs no language file', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/locales/')) requests.push(request.url());
  });
  await page.goto('./?lang=de');
  await waitForFinder(page);
  await expect(page.locator('html')).not.toHaveClass(/\bpending\b/);
  expect(requests).toEqual([]);
});
