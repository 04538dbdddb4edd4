// The generator page's QR code for any address (issue 20): opened from the
// finder's "QR-Code für Aushang/Flyer" with `?qr=` (or `#qr=`), it draws the
// address as SVG and offers SVG and PNG downloads; each decodes (jsQR) back
// to the address.
import { readFileSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { test, expect, waitForFinder, showListEnd } from './fixtures';

/** Decodes a QR code from RGBA pixels. */
function decode(data: Uint8Array, width: number, height: number): string | undefined {
  return jsQR(new Uint8ClampedArray(data), width, height)?.data;
}

/**
 * Decodes the SVG the page draws, read as what it is (one unit per module,
 * "M{x},{y}h1v1h-1z" per dark module), drawn at 8 px per module.
 */
function decodeSvg(svg: string): string | undefined {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  const scale = 8;
  const size = side * scale;
  const pixels = new Uint8Array(size * size * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+),(\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * size + Number(x) * scale + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
    }
  }
  return decode(pixels, size, size);
}

async function download(page: Page, testid: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the finder\'s QR link opens the generator with the address, whose SVG and PNG decode back to it', async ({ page, baseURL }) => {
  await page.goto('./?sada=1');
  await waitForFinder(page);
  await showListEnd(page);
  const href = await page.getByTestId('share-view').getByRole('link', { name: 'QR-Code' }).getAttribute('href');
  const address = new URL(href!, baseURL).searchParams.get('qr')!;
  expect(new URL(address).searchParams.get('sada')).toBe('1');

  await page.goto(href!);
  const section = page.getByTestId('qr');
  await expect(section.getByRole('heading', { name: 'QR-Code für Aushang und Flyer' })).toBeVisible();
  // Opened for a QR code, the section comes before the embed code.
  expect(await page.locator('main > section').first().getAttribute('data-testid')).toBe('qr');
  await expect(section.getByLabel('Adresse (URL)')).toHaveValue(address);
  const shown = section.getByTestId('qr-svg').locator('svg');
  await expect(shown).toHaveAttribute('aria-label', `QR-Code mit der Adresse ${address}`);
  expect(decodeSvg(await shown.evaluate((svg) => svg.outerHTML))).toBe(address);
  // What is on screen reads too (the browser's own rendering of the SVG).
  const shot = await shown.screenshot();
  writeFileSync(test.info().outputPath('qr-on-screen.png'), shot);
  const screenshot = PNG.sync.read(shot);
  expect(decode(screenshot.data, screenshot.width, screenshot.height)).toBe(address);

  const svg = await download(page, 'qr-download-svg');
  expect(svg.name).toBe('qr-code.svg');
  expect(decodeSvg(svg.bytes.toString('utf8'))).toBe(address);
  const png = await download(page, 'qr-download-png');
  expect(png.name).toBe('qr-code.png');
  const image = PNG.sync.read(png.bytes);
  expect(image.width).toBe(image.height);
  expect(image.width % 10).toBe(0);
  expect(decode(image.data, image.width, image.height)).toBe(address);
});

test('the QR section takes #qr= too, redraws as the address is typed, and refuses what is not http(s)', async ({ page }) => {
  await page.goto(`generator.html#qr=${encodeURIComponent('https://karte.example.org/agentur/x.html')}`);
  const section = page.getByTestId('qr');
  const field = section.getByLabel('Adresse (URL)');
  await expect(field).toHaveValue('https://karte.example.org/agentur/x.html');
  await field.fill('https://example.org/flyer');
  await expect(section.getByTestId('qr-svg').locator('svg')).toHaveAttribute('aria-label', 'QR-Code mit der Adresse https://example.org/flyer');
  expect(decodeSvg(await section.getByTestId('qr-svg').innerHTML())).toBe('https://example.org/flyer');
  await field.fill('javascript:alert(1)');
  await expect(section.getByTestId('qr-svg')).toHaveCount(0);
  await expect(section.getByTestId('qr-download-png')).toHaveCount(0);
  await expect(section.getByRole('status')).toHaveText(/mit https:\/\/ oder http:\/\/ beginnt/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('');
  await expect(section.locator('#qr-problem')).toHaveText('');
});

test('without a qr parameter the QR section follows the embed code, empty', async ({ page }) => {
  await page.goto('generator.html');
  await expect(page.locator('#embed-place')).toBeVisible();
  const sections = page.locator('main > section');
  await expect(sections.last()).toHaveAttribute('data-testid', 'qr');
  await expect(page.getByLabel('Adresse (URL)')).toHaveValue('');
  await expect(page.getByTestId('qr-svg')).toHaveCount(0);
});
