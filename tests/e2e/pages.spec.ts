// The static pages per agency and per Kreis (issue 20; src/pages/, written
// by ia-prerender into dist/agentur/ and dist/ort/): one per agency and per
// Kreis, valid HTML (html-validate), JSON-LD that names the agency, preview
// images that exist, axe without violations, working without JavaScript,
// and tied to the app both ways. With a site address (IA_SITE_URL) the
// build adds canonical URLs, the sitemap and QR codes that decode back to
// the page's address.
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { test, expect, servedDataset, waitForFinder } from './fixtures';

const DIST = process.env.IA_DIST ?? 'dist';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const KREISE = 53;

function pageFiles(dir: string): string[] {
  return readdirSync(join(DIST, dir)).filter((name) => name.endsWith('.html'));
}

function meta(html: string, key: string): string | undefined {
  const found = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html);
  return found?.[1];
}

function jsonLd(html: string): any {
  const found = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return found ? JSON.parse(found[1]) : undefined;
}

/** Width, height and size of a PNG file. */
function png(path: string) {
  const bytes = readFileSync(path);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), size: bytes.length };
}

test('the build writes one page per agency and per Kreis, each valid HTML with its image and JSON-LD', async () => {
  test.setTimeout(120_000);
  const dataset = servedDataset();
  const agencies = pageFiles('agentur');
  const places = pageFiles('ort');
  expect(agencies.sort()).toEqual(dataset.agencies.map((a) => `${a.id}.html`).sort());
  expect(places).toHaveLength(KREISE);
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const problems: string[] = [];
  for (const [dir, files] of [['agentur', agencies], ['ort', places]] as const) {
    for (const file of files) {
      const path = join(DIST, dir, file);
      const report = await validator.validateFile(path);
      for (const message of report.results.flatMap((r) => r.messages)) {
        problems.push(`${dir}/${file}:${message.line} ${message.ruleId}: ${message.message}`);
      }
      const html = readFileSync(path, 'utf8');
      // The preview image: relative without a site address, next to the page, 1200x630, <= 100 KB.
      const image = meta(html, 'og:image')!;
      expect(image, file).toMatch(/^\.\.\/(agentur|ort)\/[a-z0-9-]+\.png$/);
      expect(meta(html, 'twitter:image')).toBe(image);
      const file_ = join(DIST, dir, image);
      expect(existsSync(file_), image).toBe(true);
      const { width, height, size } = png(file_);
      expect([width, height]).toEqual([1200, 630]);
      expect(size, image).toBeLessThanOrEqual(100 * 1024);
      expect(meta(html, 'og:title')).toBeTruthy();
      expect(meta(html, 'description')!.length).toBeLessThanOrEqual(160);
      if (dir === 'agentur') {
        const agency = dataset.agencies.find((a) => `${a.id}.html` === file)!;
        const ld = jsonLd(html);
        expect(ld['@type']).toBe('Organization');
        expect(ld.name).toBe(agency.name);
        expect(ld.parentOrganization.name).toBeTruthy();
        expect(typeof ld.location.geo.latitude).toBe('number');
      }
    }
  }
  expect(problems).toEqual([]);
});

test('an agency page without JavaScript shows the agency with working links and leads to the app', async ({ browser }) => {
  const agency = (servedDataset() as any).agencies.find((a: any) => a.contact?.email && a.contact?.website);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const response = await page.goto(`agentur/${agency.id}.html`);
  expect(response!.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(agency.name);
  // A long one-word name is hyphenated where the browser knows German, not cut mid-word.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('hyphens', 'auto');
  await expect(page.getByRole('link', { name: /E-Mail/ })).toHaveAttribute('href', `mailto:${agency.contact.email}`);
  await expect(page.getByRole('link', { name: /Website/ })).toHaveAttribute('href', agency.contact.website);
  await expect(page.locator('.page-map svg.static-map')).toBeVisible();
  await expect(page.getByTestId('show-on-map')).toHaveAttribute('href', `../?agency=${agency.id}`);
  // Every link within the site leads to a file that exists.
  const local = await page.locator('a[href^="../"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(local.length).toBeGreaterThan(1);
  for (const href of local) {
    const status = (await page.request.get(new URL(href, page.url()).href)).status();
    expect(status, href).toBe(200);
  }
  // The stylesheet loaded (relative to the page).
  expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(29, 79, 145)');
  await context.close();
});

test('"Auf der Karte zeigen" opens the app at that agency, also under a sub-path', async ({ page }) => {
  const agency = servedDataset().agencies[5];
  for (const base of ['', 'sub/path/']) {
    await page.goto(`${base}agentur/${agency.id}.html`);
    await page.getByTestId('show-on-map').click();
    await expect(page).toHaveURL(new RegExp(`${base}\\?agency=${agency.id}(&|$)`));
    await expect(page.getByTestId('detail').getByRole('heading', { level: 2 })).toHaveText(agency.name);
  }
});

test("the app's list entries link to the pages, and the running app opens them in place", async ({ page }) => {
  const agency = servedDataset().agencies[2];
  await page.goto('./');
  await waitForFinder(page);
  const link = page.locator(`#agency-${agency.id} .result__link`);
  await expect(link).toHaveAttribute('href', `agentur/${agency.id}.html`);
  await link.click();
  await expect(page.getByTestId('detail').getByRole('heading', { level: 2 })).toHaveText(agency.name);
  await expect(page).toHaveURL(new RegExp(`\\?agency=${agency.id}(&|$)`));
});

test('a place page lists its agencies, or says there is none and names the nearest', async ({ page }) => {
  const dataset = servedDataset() as any;
  let sawEmpty = false;
  let sawFull = false;
  for (const file of pageFiles('ort')) {
    const html = readFileSync(join(DIST, 'ort', file), 'utf8');
    const entries = (html.match(/class="page-entry"/g) ?? []).length;
    if (html.includes('Unser Datensatz enthält keine Integrationsagentur')) {
      sawEmpty = true;
      expect(entries, file).toBe(3);
      expect(html).toContain(' km entfernt');
    } else {
      sawFull = true;
      expect(entries, file).toBeGreaterThan(0);
    }
  }
  expect(sawEmpty && sawFull).toBe(true);
  // Without agencies, "Auf der Karte zeigen" opens the app on the place (its code), which names the nearest.
  await page.goto('ort/kreis-mettmann.html');
  await expect(page.getByTestId('show-on-map')).toHaveAttribute('href', '../?place=05158');
  await page.getByTestId('show-on-map').click();
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])').first()).toBeVisible();
  await page.goto('ort/koeln.html');
  const koeln = dataset.agencies.filter((a: any) => a.ags.startsWith('05315'));
  await expect(page.getByTestId('place-agencies').locator('.page-entry')).toHaveCount(koeln.length);
  // The link names the place by its slug; the app, once running, may already
  // have written the code and its map view into the address (a race to check).
  await expect(page.getByTestId('show-on-map')).toHaveAttribute('href', /\?place=koeln$/);
  await page.getByTestId('show-on-map').click();
  await expect(page).toHaveURL(/\?place=(koeln$|05315\b)/);
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(koeln.length);
});

test('place=<slug> filters like the digit code, and the app keeps writing the code', async ({ page }) => {
  const dataset = servedDataset() as any;
  const koeln = dataset.agencies.filter((a: any) => a.ags.startsWith('05315'));
  await page.goto('./?place=koeln');
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(koeln.length);
  await page.getByTestId('results').locator('li:not([hidden]) .result__link').first().click();
  await expect(page).toHaveURL(/\?place=05315&agency=/);
});

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]] as const) {
  test(`no axe violations on an agency page and a place page (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const agency = servedDataset().agencies.find((a) => a.antidiscrimination)!;
    for (const url of [`agentur/${agency.id}.html`, 'ort/koeln.html', 'ort/kreis-mettmann.html']) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
}

test.describe('with a site address', () => {
  const SITE = 'https://karte.example.org/integrationsagenturen/';
  let copy = '';
  let stopServer: (() => void) | undefined;
  let base = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    copy = mkdtempSync(join(tmpdir(), 'ia-pages-'));
    cpSync(DIST, copy, { recursive: true });
    const run = spawnSync('target/prerender/ia-prerender', [copy], { env: { ...process.env, IA_SITE_URL: SITE }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const server = await startStaticServer(copy, { csp: true });
    stopServer = server.stop;
    base = server.url;
  });

  test.afterAll(() => {
    stopServer?.();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  test('pages have canonical URLs, the sitemap lists them with dates, robots.txt names it', async () => {
    const agency = servedDataset().agencies[0];
    const html = readFileSync(join(copy, 'agentur', `${agency.id}.html`), 'utf8');
    const url = `${SITE}agentur/${agency.id}.html`;
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(meta(html, 'og:url')).toBe(url);
    expect(meta(html, 'og:image')).toBe(`${SITE}agentur/${agency.id}.png`);
    expect(jsonLd(html)['@id']).toBe(url);
    const sitemap = readFileSync(join(copy, 'sitemap.xml'), 'utf8');
    // The start page, the agencies, the Kreise and the open-data page.
    expect(sitemap.match(/<url>/g)).toHaveLength(1 + servedDataset().agencies.length + KREISE + 1);
    expect(sitemap).toContain(`<url><loc>${SITE}data/index.html</loc><lastmod>`);
    expect(sitemap).toContain(`<url><loc>${url}</loc><lastmod>`);
    expect(readFileSync(join(copy, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}sitemap.xml`);
  });

  test('the QR code of an agency page (PNG and SVG) decodes back to its address', async () => {
    const agency = servedDataset().agencies[1];
    const url = `${SITE}agentur/${agency.id}.html`;
    const image = PNG.sync.read(readFileSync(join(copy, 'agentur', `${agency.id}-qr.png`)));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(url);
    expect(statSync(join(copy, 'agentur', `${agency.id}-qr.svg`)).size).toBeGreaterThan(500);
  });

  test('a page shows its address and QR code, under the strict CSP without violations', async ({ page }) => {
    const agency = servedDataset().agencies[1];
    await page.addInitScript(() => {
      (window as any).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(`${base}agentur/${agency.id}.html`);
    await expect(page.getByTestId('page-url')).toHaveText(`${SITE}agentur/${agency.id}.html`);
    await expect(page.locator('.page-share__qr svg')).toBeVisible();
    await expect(page.getByRole('link', { name: 'QR-Code als PNG herunterladen' })).toHaveAttribute('href', `${agency.id}-qr.png`);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
  });
});

test('printed, an agency page keeps name, contact and map as text on one A4 page, without controls', async ({ page }) => {
  const agency = (servedDataset() as any).agencies.find((a: any) => a.antidiscrimination && a.contact?.email);
  await page.goto(`agentur/${agency.id}.html`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(`E-Mail: ${agency.contact.email}`)).toBeVisible();
  await expect(page.locator('.badge--sada').first()).toBeVisible();
  for (const hidden of [page.getByTestId('show-on-map'), page.locator('.breadcrumbs'), page.locator('.skip-link'), page.getByRole('link', { name: /Route planen/ })]) {
    await expect(hidden).toBeHidden();
  }
  const pdf = await page.pdf({ format: 'A4' });
  // One page: the PDF's page tree counts its pages.
  const count = /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(pdf.toString('latin1'));
  expect(Number(count?.[1])).toBe(1);
});

test('printed, the finder shows the current list and "Stand", without filters, map or buttons', async ({ page }) => {
  await page.goto('./?sada=1');
  await waitForFinder(page);
  await page.emulateMedia({ media: 'print' });
  const sada = servedDataset().agencies.filter((a) => a.antidiscrimination);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(sada.length);
  await expect(page.getByTestId('results').locator('li:not([hidden])').first()).toBeVisible();
  await expect(page.getByTestId('result-count')).toBeVisible();
  await expect(page.getByTestId('as-of')).toBeVisible();
  for (const hidden of ['form.filters', '.map-wrap', '.downloads', '.lang-switch', '.view-switch']) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
});
