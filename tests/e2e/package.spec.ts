// The publication package (issue 29) on the release build: the maintenance
// page's table is edited as a spreadsheet program would (one phone number
// changed, one agency added, one removed), checked with nothing rejected,
// and "Veröffentlichungspaket herunterladen" makes the ZIP in the browser,
// in the publication Wasm loaded only then. Unpacked, it is compared with
// what ia-prerender writes from the same data into a copy of the site:
// the same files, the same bytes (no difference is allowed: the package and
// the build run the same renderer). The files the new data removes are the
// removed agency's, named in LIESMICH.txt; the unpacked package served by the
// static server shows the new agency's page with its QR code.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import AxeBuilder from '@axe-core/playwright';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';
import { test, expect, servedDataset } from './fixtures';

const DIST = process.env.IA_DIST ?? 'dist';
const OUT = 'target/playwright-package';
const SITE = 'https://karte.example.org/ia/';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xml(text)}</t></is></c>`;

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

const stops: (() => void)[] = [];
test.afterAll(() => {
  for (const stop of stops) stop();
});

/** Serves `root` with the test server on a free port; returns its URL. */
async function serve(root: string): Promise<string> {
  const server = await startStaticServer(root);
  stops.push(server.stop);
  return server.url;
}

test('the package made in the browser equals ia-prerender on the same data, byte for byte', async ({ page }) => {
  test.setTimeout(300_000);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // The site's config.json with a site address, so the package has QR codes and a sitemap.
  const config = { ...JSON.parse(readFileSync(join(DIST, 'config.json'), 'utf8')), site_url: SITE };
  await page.route('**/config.json', (route) => route.fulfill({ body: JSON.stringify(config), contentType: 'application/json' }));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./pflege.html');
  const xlsxButton = page.getByRole('button', { name: 'Tabelle für Excel oder LibreOffice (.xlsx)' });
  await expect(xlsxButton).toBeEnabled();
  const publishWasm = (url: string) => /\/publish-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(url);
  expect(requests.filter(publishWasm), 'the package Wasm loads only when asked for').toEqual([]);

  // The table, edited: a phone number changed, a row added, the last row removed.
  const [download] = await Promise.all([page.waitForEvent('download'), xlsxButton.click()]);
  const dataset = servedDataset() as unknown as { agencies: { id: string; name: string; contact: { phone?: string } }[] };
  const phones = dataset.agencies.map((a) => a.contact.phone).filter((p): p is string => !!p);
  const edited = dataset.agencies.find((a) => a.contact.phone && phones.filter((p) => p === a.contact.phone).length === 1)!;
  const removed = dataset.agencies[dataset.agencies.length - 1];
  expect(removed.id).not.toBe(edited.id);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', strings.replace(`>${xml(edited.contact.phone!)}<`, '>0211 7654321<'));
  let sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
  const last = dataset.agencies.length + 1;
  const lastRow = new RegExp(`<row r="${last}"[^>]*>[\\s\\S]*?</row>`);
  expect(sheet).toMatch(lastRow);
  sheet = sheet.replace(lastRow, '');
  const row = last;
  const added =
    `<row r="${row}">` +
    cell(`B${row}`, 'Beratungsstelle Neustadt (Test)') +
    cell(`C${row}`, 'Beispielträger e.V.') +
    cell(`D${row}`, 'awo') +
    cell(`E${row}`, 'Venloer Straße 10') +
    cell(`F${row}`, '50672') +
    cell(`G${row}`, 'Köln') +
    cell(`N${row}`, 'beratung') +
    cell(`S${row}`, 'https://www.example.org/beratung') +
    cell(`U${row}`, 'https://www.example.org/beratung') +
    cell(`X${row}`, '01.12.2026') +
    `</row>`;
  zip.file('xl/worksheets/sheet2.xml', sheet.replace('</sheetData>', `${added}</sheetData>`));
  const table = `${OUT}/bearbeitet.xlsx`;
  writeFileSync(table, await zip.generateAsync({ type: 'nodebuffer' }));
  await page.getByLabel(/Datei hierher ziehen/).setInputFiles(table);
  const summary = page.locator('.pflege__summary').first();
  await expect(summary).toContainText('geändert: 1');
  await expect(summary).toContainText('neu: 1');
  await expect(summary).toContainText('abgelehnt: 0');
  await expect(summary).toContainText('entfernt: 1');

  // The offer, looked at on a wide and a narrow screen.
  const button = page.getByRole('button', { name: 'Veröffentlichungspaket herunterladen' });
  await expect(button).toBeEnabled();
  await button.scrollIntoViewIfNeeded();
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: `${OUT}/offer-1280x800.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await button.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/offer-390x844.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The package, made here.
  const [zipDownload] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), button.click()]);
  expect(zipDownload.suggestedFilename()).toMatch(/^veroeffentlichungspaket-\d{4}-\d{2}-\d{2}\.zip$/);
  const done = page.getByTestId('package-done');
  await expect(done).toContainText('Paket erstellt und heruntergeladen');
  await expect(page.getByTestId('package')).toContainText('Die neuen Daten entfernen 4 Dateien');
  expect(requests.filter(publishWasm).length, 'glue and Wasm, once each').toBe(2);
  console.log(`package: ${await done.textContent()} (${await done.getAttribute('data-millis')} ms)`);
  await page.screenshot({ path: `${OUT}/done-1280x800.png` });
  const packageFile = `${OUT}/paket.zip`;
  await zipDownload.saveAs(packageFile);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Geprüfte agencies.json herunterladen' }).click()]);
  const checked = readFileSync(await json.path());

  // Unpacked.
  const unpacked = await JSZip.loadAsync(readFileSync(packageFile));
  const packaged = new Map<string, Buffer>();
  for (const entry of Object.values(unpacked.files)) {
    if (!entry.dir) packaged.set(entry.name, await entry.async('nodebuffer'));
  }
  expect(packaged.get('data/agencies.json')!.equals(checked), 'the package holds the checked dataset').toBe(true);

  // ia-prerender on the same data: a copy of the site with the checked dataset and the same config.json.
  const reference = `${OUT}/ia-prerender`;
  cpSync(DIST, reference, { recursive: true });
  writeFileSync(join(reference, 'data/agencies.json'), checked);
  writeFileSync(join(reference, 'config.json'), JSON.stringify(config));
  const before = new Set(filesUnder(reference));
  // Without the compressed copies (FILE.gz, FILE.br) the build writes for
  // servers that send them as they are: they are no part of the package
  // (LIESMICH.txt says to delete the stale copies of every file it replaces).
  const run = spawnSync('target/prerender/ia-prerender', ['--no-precompress', reference], { encoding: 'utf8', env: { ...process.env, IA_SITE_URL: '' } });
  expect(run.status, run.stderr).toBe(0);
  console.log(run.stdout.trim());
  // The renderer's files: the pages, the start page and its image, the files
  // for search engines and the open data (issue 27).
  const OPEN_DATA = ['data/agencies.csv', 'data/agencies.geojson', 'data/dcat.ttl', 'data/index.html'];
  const written = filesUnder(reference).filter((path) => /^(agentur|ort)\//.test(path) || ['index.html', 'sitemap.xml', 'robots.txt', 'vorschau.png', ...OPEN_DATA].includes(path));
  for (const path of OPEN_DATA) expect(packaged.has(path), `${path} in the package`).toBe(true);
  const inPackage = [...packaged.keys()].filter((path) => path !== 'LIESMICH.txt' && path !== 'data/agencies.json').sort();
  expect(inPackage).toEqual(written);
  const differing = inPackage.filter((path) => !packaged.get(path)!.equals(readFileSync(join(reference, path))));
  expect(differing, 'files whose bytes differ from ia-prerender').toEqual([]);
  console.log(`package: ${packaged.size} files, ${statSync(packageFile).size} bytes; ${inPackage.length} equal to ia-prerender's`);

  // What the new data removes: the removed agency's files, named in LIESMICH.txt.
  const readme = packaged.get('LIESMICH.txt')!.toString('utf8');
  const gone = ['html', 'png'].map((ext) => `agentur/${removed.id}.${ext}`).concat(['svg', 'png'].map((ext) => `agentur/${removed.id}-qr.${ext}`)).sort();
  const listed = readme.split('\r\n').filter((line) => line.startsWith('  ')).map((line) => line.trim());
  expect(listed).toEqual(gone);
  for (const path of gone) expect(written).not.toContain(path);
  expect([...before].filter((path) => path.startsWith(`agentur/${removed.id}`)).length).toBeGreaterThan(0);
  expect(readme).toContain('Die Ordner „agentur“ und „ort“ ersetzen Sie als Ganzes');
  expect(readme).toContain('löschen Sie die Kopien aller Dateien, die das Paket ersetzt');

  // The page asked only for its own files.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !/^(blob|data):/.test(url))).toEqual([]);

  // Uploaded as LIESMICH.txt says (the folders replaced), served: the new agency's page.
  const site = `${OUT}/hochgeladen`;
  cpSync(DIST, site, { recursive: true });
  rmSync(join(site, 'agentur'), { recursive: true, force: true });
  rmSync(join(site, 'ort'), { recursive: true, force: true });
  for (const [path, bytes] of packaged) {
    if (path === 'LIESMICH.txt') continue;
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), bytes);
  }
  writeFileSync(join(site, 'config.json'), JSON.stringify(config));
  const newDataset = JSON.parse(checked.toString('utf8')) as { agencies: { id: string; name: string }[] };
  const fresh = newDataset.agencies.find((a) => !dataset.agencies.some((old) => old.id === a.id))!;
  expect(fresh.name).toBe('Beratungsstelle Neustadt (Test)');
  const base = await serve(site);
  await page.unroute('**/config.json');
  await page.goto(`${base}agentur/${fresh.id}.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fresh.name);
  await expect(page.locator(`a[href="${fresh.id}-qr.png"]`)).toBeVisible();
  await page.screenshot({ path: `${OUT}/agency-page-1280x800.png`, fullPage: true });
  const missing = await page.request.get(`${base}agentur/${removed.id}.html`);
  expect(missing.status()).toBe(404);
});
