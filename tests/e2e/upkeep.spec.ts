// The maintenance page (pflege.html, issue 21) on the release build: the
// current table downloaded as .xlsx, edited here as a spreadsheet program
// would (a phone number changed, a row added without postcode in a place
// that is no Gemeinde), checked in the browser with the import's own code,
// the report read, agencies.json downloaded, validated with the command
// line and loaded into the finder (it lists every agency from it). Axe clean; no request leaves 127.0.0.1
// and the page asks only for its own files.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, servedDataset, waitForFinder, datatool } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OUT = 'target/playwright-upkeep';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell with an inline string, as LibreOffice and Excel may write one. */
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xml(text)}</t></is></c>`;

test('download the table, edit it, check it, download and validate agencies.json', async ({ page }) => {
  test.setTimeout(90_000);
  mkdirSync(OUT, { recursive: true });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./pflege.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daten pflegen: Integrationsagenturen in NRW');
  await expect(page.getByText('sendet nichts ins Internet')).toBeVisible();
  const xlsxButton = page.getByRole('button', { name: 'Tabelle für Excel oder LibreOffice (.xlsx)' });
  await expect(xlsxButton).toBeEnabled();
  expect(await violations(page)).toEqual([]);

  // 1. The current table.
  const [download] = await Promise.all([page.waitForEvent('download'), xlsxButton.click()]);
  expect(download.suggestedFilename()).toBe('agenturen.xlsx');
  const original = readFileSync(await download.path());

  // 2. Edited: a phone number that only one agency has, and a new row.
  const dataset = servedDataset() as unknown as { agencies: { id: string; name: string; contact: { phone?: string } }[] };
  const phones = dataset.agencies.map((a) => a.contact.phone).filter((p): p is string => !!p);
  const agency = dataset.agencies.find((a) => a.contact.phone && phones.filter((p) => p === a.contact.phone).length === 1)!;
  const oldPhone = agency.contact.phone!;
  const zip = await JSZip.loadAsync(original);
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  expect(strings).toContain(`>${xml(oldPhone)}<`);
  zip.file('xl/sharedStrings.xml', strings.replace(`>${xml(oldPhone)}<`, '>0211 1234567<'));
  const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
  const row = dataset.agencies.length + 2;
  const added =
    `<row r="${row}">` +
    cell(`B${row}`, 'Neue Beratungsstelle') +
    cell(`C${row}`, 'Beispielträger e.V.') +
    cell(`D${row}`, 'awo') +
    cell(`G${row}`, 'Ehrenfeld') +
    cell(`U${row}`, 'https://www.example.org/beratung') +
    cell(`X${row}`, '01.12.2026') +
    `</row>`;
  zip.file('xl/worksheets/sheet2.xml', sheet.replace('</sheetData>', `${added}</sheetData>`));
  const edited = `${OUT}/bearbeitet.xlsx`;
  writeFileSync(edited, await zip.generateAsync({ type: 'nodebuffer' }));

  // 3. Chosen through the drop zone's file button.
  await page.getByLabel(/Datei hierher ziehen/).setInputFiles(edited);

  // 4. The report: one changed row, one rejected with the cell named.
  const summary = page.locator('.pflege__summary');
  await expect(summary).toContainText('geändert: 1');
  await expect(summary).toContainText('abgelehnt: 1');
  await expect(summary).toContainText('entfernt: 0');
  const problem = page.locator('.pflege__problem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText(`Zeile ${row}, Spalte G „Ort“ = „Ehrenfeld“`);
  await expect(page.locator('.pflege__changed')).toContainText(`Telefon: „${oldPhone}“ → „0211 1234567“`);
  const visibleRows = page.locator('.pflege__rows > li:not([hidden])');
  await expect(visibleRows).toHaveCount(dataset.agencies.length + 1);
  await page.getByLabel('Nur Probleme zeigen').check();
  await expect(visibleRows).toHaveCount(1);
  await expect(visibleRows).toContainText('abgelehnt – wird nicht aufgenommen');
  expect(await violations(page)).toEqual([]);
  // For the closing note: the page with a report.
  await page.locator('.pflege__summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/report.png` });
  await page.screenshot({ path: `${OUT}/report-full.png`, fullPage: true });

  // 5. The checked dataset.
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Geprüfte agencies.json herunterladen' }).click(),
  ]);
  const checked = `${OUT}/agencies.json`;
  await json.saveAs(checked);
  const output = datatool(['validate', checked]);
  expect(output).toContain(`${dataset.agencies.length}`);
  const result = JSON.parse(readFileSync(checked, 'utf8'));
  expect(result.agencies).toHaveLength(dataset.agencies.length);
  expect(result.agencies.find((a: { id: string }) => a.id === agency.id).contact.phone).toBe('0211 1234567');

  // The page asked only for its own files, all on this origin.
  const base = new URL(page.url());
  const outside = requests.filter((url) => new URL(url).origin !== base.origin && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(outside).toEqual([]);

  // The finder shows the new data.
  const body = readFileSync(checked, 'utf8');
  let served = 0;
  await page.route('**/data/agencies.json', (route) => {
    served += 1;
    return route.fulfill({ body, contentType: 'application/json' });
  });
  await page.goto('./');
  await waitForFinder(page);
  expect(served).toBeGreaterThan(0);
  await expect(page.getByText(`${dataset.agencies.length} Agenturen gefunden`)).toBeVisible();
  await expect(page.locator(`#agency-${agency.id}`)).toBeAttached();
});

test('a file dropped on the drop zone is checked; too many removals block the download', async ({ page }) => {
  await page.goto('./pflege.html');
  await expect(page.getByRole('button', { name: 'Tabelle als CSV' })).toBeEnabled();
  // A CSV with the header and one row only: every other record would be removed.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tabelle als CSV' }).click()]);
  const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
  const csv = `${lines[0]}\r\n${lines[1]}\r\n`;
  await page.locator('.pflege__drop').evaluate((zone, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'kurz.csv', { type: 'text/csv' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, csv);
  await expect(page.locator('.pflege__summary')).toContainText('„kurz.csv“');
  await expect(page.getByRole('alert')).toContainText('Nichts zum Herunterladen');
  await expect(page.getByRole('button', { name: 'Geprüfte agencies.json herunterladen' })).toHaveCount(0);
});
