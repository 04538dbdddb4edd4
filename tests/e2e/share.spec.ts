// "Teilen" (issue 20): the Web Share API where the browser has it, else
// "Link kopieren" with the confirmation in the result count's live region,
// else the link selected in a read-only field; the link to the generator's
// QR code; the printed list; the start page's link preview.
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The library itself: the package's index.js reads a test file when it is
// not required from another module.
// @ts-expect-error no type declarations
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import type { Page } from '@playwright/test';
import { test, expect, servedDataset, waitForFinder, showListEnd } from './fixtures';

const DIST = process.env.IA_DIST ?? 'dist';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The browser without the Web Share API (as desktop Chromium on Linux). */
async function withoutWebShare(page: Page) {
  await page.addInitScript(() => {
    delete (Navigator.prototype as any).share;
    delete (navigator as any).share;
  });
}

async function grantClipboard(page: Page) {
  const origin = new URL(page.url() === 'about:blank' ? test.info().project.use.baseURL! : page.url()).origin;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}

async function openFirstAgency(page: Page) {
  await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
  await expect(page.getByTestId('detail')).toBeVisible();
}

test('"Link kopieren" copies the view\'s address and says so in the live region', async ({ page, baseURL }) => {
  await withoutWebShare(page);
  await grantClipboard(page);
  await page.goto('./?sada=1');
  await waitForFinder(page);
  await showListEnd(page);
  const share = page.getByRole('group', { name: 'Diese Auswahl teilen' });
  await expect(share).toHaveAttribute('data-testid', 'share-view');
  await share.getByRole('button', { name: 'Link kopieren' }).click();
  const count = page.getByTestId('result-count');
  await expect(count).toHaveAttribute('aria-live', 'polite');
  await expect(count.getByTestId('share-note')).toHaveText('Link kopiert.');
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.origin + copied.pathname).toBe(new URL('./', baseURL).href);
  expect(copied.searchParams.get('sada')).toBe('1');
  // The QR-code link carries the same address to the generator page.
  const qr = share.getByRole('link', { name: 'QR-Code' });
  const href = new URL((await qr.getAttribute('href'))!, baseURL);
  expect(href.pathname).toBe('/generator.html');
  // The same view; the map may have written its first position (`map=`) into the
  // address since the copy, which the QR link follows.
  const withoutMap = (url: string) => {
    const parsed = new URL(url);
    parsed.searchParams.delete('map');
    return parsed.href;
  };
  expect(withoutMap(href.searchParams.get('qr')!)).toBe(withoutMap(copied.href));
  // A new view: the confirmation belongs to the old one.
  await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
  await expect(count.getByTestId('share-note')).toHaveCount(0);
});

test("an agency's \"Link kopieren\" copies its static page's absolute address", async ({ page, baseURL, request }) => {
  await withoutWebShare(page);
  await grantClipboard(page);
  await page.goto('./');
  await waitForFinder(page);
  await openFirstAgency(page);
  await expect(page).toHaveURL(/agency=/);
  const id = await page.evaluate(() => new URL(location.href).searchParams.get('agency'));
  await page.getByTestId('share-agency').getByRole('button', { name: 'Link kopieren' }).click();
  await expect(page.getByTestId('share-note')).toHaveText('Link kopiert.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL(`agentur/${id}.html`, baseURL).href);
  const qr = await page.getByTestId('share-agency').getByRole('link', { name: 'QR-Code für Aushang/Flyer' }).getAttribute('href');
  expect(new URL(qr!, baseURL).searchParams.get('qr')).toBe(copied);
  const response = await request.get(copied);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain(servedDataset().agencies.find((a) => a.id === id)!.name.replace(/&/g, '&amp;'));
});

test('where the clipboard is refused, the link is shown selected to copy by hand', async ({ page, baseURL }) => {
  await withoutWebShare(page);
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) },
    });
  });
  await page.goto('./?sada=1');
  await waitForFinder(page);
  await showListEnd(page);
  await page.getByTestId('share-view').getByRole('button', { name: 'Link kopieren' }).click();
  const field = page.getByRole('textbox', { name: 'Link' });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('readonly', '');
  const url = new URL(await field.inputValue());
  expect(url.origin).toBe(new URL(baseURL!).origin);
  expect(url.searchParams.get('sada')).toBe('1');
  const selected = await field.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart!, input.selectionEnd!));
  expect(selected).toBe(url.href);
  await expect(page.getByTestId('share-note')).toHaveText(/Der Link ist markiert/);
});

test('where the browser has the Web Share API, "Teilen" hands it the address and title', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    (window as any).__shared = [];
    Object.defineProperty(navigator, 'share', {
      value: (data: ShareData) => {
        (window as any).__shared.push(data);
        return Promise.resolve();
      },
    });
  });
  await page.goto('./?sada=1');
  await waitForFinder(page);
  await showListEnd(page);
  await page.getByTestId('share-view').getByRole('button', { name: 'Teilen', exact: true }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__shared.length)).toBe(1);
  const [view] = await page.evaluate(() => (window as any).__shared);
  expect(new URL(view.url).searchParams.get('sada')).toBe('1');
  expect(view.title).toBe('Integrationsagenturen in NRW');
  // Shared through the sheet: nothing was copied, nothing to announce.
  await expect(page.getByTestId('share-note')).toHaveCount(0);
  await openFirstAgency(page);
  await page.getByTestId('share-agency').getByRole('button', { name: 'Teilen', exact: true }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__shared.length)).toBe(2);
  const agency = (await page.evaluate(() => (window as any).__shared))[1];
  await expect(page).toHaveURL(/agency=/);
  const id = await page.evaluate(() => new URL(location.href).searchParams.get('agency'));
  expect(agency.url).toBe(new URL(`agentur/${id}.html`, baseURL).href);
  expect(agency.title).toBe(servedDataset().agencies.find((a) => a.id === id)!.name);
});

test('a cancelled share sheet says nothing and copies nothing', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__copied = [];
    Object.defineProperty(navigator, 'share', { value: () => Promise.reject(new DOMException('cancelled', 'AbortError')) });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: (t: string) => ((window as any).__copied.push(t), Promise.resolve()) } });
  });
  await page.goto('./');
  await waitForFinder(page);
  await showListEnd(page);
  const button = page.getByTestId('share-view').getByRole('button', { name: 'Teilen', exact: true });
  await button.click();
  // The app marks how the click ended (src/ui/share.rs).
  await expect(button).toHaveAttribute('data-outcome', 'cancelled');
  expect(await page.evaluate(() => (window as any).__copied)).toEqual([]);
  await expect(page.getByTestId('share-note')).toHaveCount(0);
});

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]] as const) {
  test(`no axe violations with the share controls and the copy-by-hand field open (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await withoutWebShare(page);
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('no')) } });
    });
    await page.goto('./');
    await waitForFinder(page);
    await showListEnd(page);
    await page.getByTestId('share-view').getByRole('button', { name: 'Link kopieren' }).click();
    await expect(page.getByRole('textbox', { name: 'Link' })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await openFirstAgency(page);
    await expect(page.getByTestId('share-agency')).toBeVisible();
    // The controls under test on screen: where the detail opened, the near
    // field stood half under the sticky "Liste | Karte" bar, which axe's
    // target-size counts for that scroll position.
    await page.getByTestId('share-agency').scrollIntoViewIfNeeded();
    const detail = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(detail.violations.map((v) => v.id)).toEqual([]);
  });
}

test('embeds show no share controls', async ({ page }) => {
  await page.goto('./?embed=1');
  await waitForFinder(page);
  await expect(page.getByTestId('share-view')).toHaveCount(0);
  await openFirstAgency(page);
  await expect(page.getByTestId('share-agency')).toHaveCount(0);
});

/**
 * A text as compared with the PDF's: line breaks and no-break characters as
 * plain spaces and hyphens, and no space after a hyphen (a line may break there).
 */
function flat(text: string): string {
  return text.replace(/[\u00a0\s]+/g, ' ').replace(/\u2011/g, '-').replace(/- /g, '-');
}

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await pdfParse(pdf);
  return flat(text as string);
}

test('printed, the list has the selection and "Stand" on top, every agency with its contact, and no controls', async ({ page }) => {
  await page.goto('./?sada=1');
  await waitForFinder(page);
  const dataset = servedDataset() as any;
  const listed = dataset.agencies.filter((a: any) => a.antidiscrimination);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-head')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  const text = await pdfText(pdf);
  for (const agency of listed) {
    expect(text, agency.name).toContain(flat(agency.name));
  }
  expect(text).toContain('Auswahl: nur Servicestellen für Antidiskriminierungsarbeit');
  const [d, m, y] = [dataset.as_of.slice(8, 10), dataset.as_of.slice(5, 7), dataset.as_of.slice(0, 4)];
  expect(text).toContain(`Stand: ${d}.${m}.${y}`);
  // The selection and "Stand" come before the first agency.
  expect(text.indexOf('Auswahl:')).toBeLessThan(text.indexOf(flat(listed[0].name)));
  // Phone, e-mail and website as text.
  const withPhone = listed.find((a: any) => a.contact?.phone);
  expect(text.replace(/\D/g, '')).toContain(withPhone.contact.phone.replace(/\D/g, ''));
  expect(text).toContain(listed.find((a: any) => a.contact?.email).contact.email);
  expect(text).toContain('Servicestelle');
  for (const control of ['Link kopieren', 'Teilen', 'QR-Code für', 'CSV', 'GeoJSON', 'Zurück zur Liste', 'Karte (', 'Filter zurücksetzen', 'Route planen', 'In Karten-App öffnen']) {
    expect(text, control).not.toContain(control);
  }
  // On screen, the entries stay as they were: no contact links in the list.
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.result__contact').first()).toBeHidden();
  await expect(page.getByTestId('print-head')).toBeHidden();
});

test('index.html has its link preview: Open Graph and Twitter tags, the image, canonical only with a site address', async () => {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const tag = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];
  expect(tag(index, 'og:title')).toBe('Integrationsagenturen in NRW finden');
  expect(tag(index, 'og:image')).toBe('vorschau.png');
  expect(tag(index, 'twitter:card')).toBe('summary_large_image');
  expect(index.match(/og:image"/g)).toHaveLength(1);
  const image = readFileSync(join(DIST, 'vorschau.png'));
  expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([1200, 630]);
  expect(image.length).toBeLessThanOrEqual(100 * 1024);

  const SITE = 'https://karte.example.org/integrationsagenturen/';
  const copy = mkdtempSync(join(tmpdir(), 'ia-share-'));
  try {
    cpSync(DIST, copy, { recursive: true });
    const run = spawnSync('target/prerender/ia-prerender', [copy], { env: { ...process.env, IA_SITE_URL: SITE }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const withSite = readFileSync(join(copy, 'index.html'), 'utf8');
    expect(withSite).toContain(`<link rel="canonical" href="${SITE}">`);
    expect(tag(withSite, 'og:url')).toBe(SITE);
    expect(tag(withSite, 'og:image')).toBe(`${SITE}vorschau.png`);
    expect(tag(withSite, 'twitter:image')).toBe(`${SITE}vorschau.png`);
    expect(tag(withSite, 'og:description')).toBe(tag(withSite, 'description'));
    expect(withSite.match(/<title>/g)).toHaveLength(1);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
