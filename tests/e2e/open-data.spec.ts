// Issue 27: a way to reach every agency, old sources said plainly, and the
// dataset as open data (the data page, its downloads and catalogue record).
import { readFileSync } from 'node:fs';
import { expect, test, servedDataset } from './fixtures';

type Record = {
  id: string;
  name: string;
  source_date?: string;
  last_verified?: string;
  location: { precision: string };
  address: { street?: string; carrier_servicestelle?: boolean };
  contact: { phone?: string | null; email?: string | null; website?: string | null; carrier_website?: boolean };
};

const DIST = process.env.IA_DIST ?? 'dist';
const agencies = () => (servedDataset() as unknown as { agencies: Record[] }).agencies;
const config = () => JSON.parse(readFileSync(`${DIST}/config.json`, 'utf8'));

// The same rules as ia_core::reach, written again from docs/dataset.md.
function kind(a: Record): 'own' | 'carrier' | 'nothing' {
  const c = a.contact;
  if (c.phone || c.email || (c.website && !c.carrier_website)) return 'own';
  return c.website && c.carrier_website ? 'carrier' : 'nothing';
}
const EXPECTED_LINE = {
  carrier: 'Kontakt nur über die Website des Trägers',
  nothing: 'Kein Kontakt bekannt',
};
// Old after five years (ia_core::evidence::OLD_AFTER_YEARS), counted from today.
function note(a: Record, today = new Date().toISOString().slice(0, 10)): string | null {
  const dates = [a.source_date, a.last_verified].filter((d): d is string => !!d);
  if (dates.length === 0) return 'Angaben ohne Datum – bitte vor einem Besuch prüfen';
  const last = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);
  const newest = dates.map(last).sort().at(-1)!;
  const limit = `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`;
  if (newest >= limit) return null;
  const year = dates.find((d) => last(d) === newest)!.slice(0, 4);
  return `Angaben aus ${year} – bitte vor einem Besuch prüfen`;
}

test('every list entry says how to reach someone and whether to check the data first', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('results').locator('.result')).toHaveCount(agencies().length);
  const shown = await page.locator('.result').evaluateAll((items) =>
    items.map((li) => ({
      id: li.id.replace(/^agency-/, ''),
      reach: li.querySelector('.result__reach')?.textContent ?? '',
      check: li.querySelector('.result__check')?.textContent ?? null,
    })),
  );
  const byId = new Map(agencies().map((a) => [a.id, a]));
  const kinds = { own: 0, carrier: 0, nothing: 0 };
  for (const entry of shown) {
    const agency = byId.get(entry.id)!;
    const k = kind(agency);
    kinds[k] += 1;
    if (k === 'own') expect(entry.reach, agency.name).toMatch(/^Kontakt: (Telefon|E-Mail|Website)(, (E-Mail|Website))*$/);
    else expect(entry.reach, agency.name).toBe(EXPECTED_LINE[k]);
    expect(entry.check, agency.name).toBe(note(agency));
  }
  // The data has every kind (issue 27's counts are in docs/dataset.md).
  expect(kinds.own).toBeGreaterThan(0);
  expect(kinds.carrier).toBeGreaterThan(0);
  expect(kinds.nothing).toBeGreaterThan(0);
});

test('the detail offers the carrier\'s website, or the network\'s directory where nothing is known', async ({ page }) => {
  const carrier = agencies().find((a) => kind(a) === 'carrier')!;
  await page.goto(`./?agency=${carrier.id}`);
  const detail = page.getByTestId('detail');
  const link = detail.getByTestId('carrier-website');
  await expect(link).toHaveAttribute('href', carrier.contact.website!);
  await expect(link).toContainText('Website des Trägers:');
  await expect(detail.getByTestId('no-contact')).toHaveCount(0);

  const nothing = agencies().find((a) => kind(a) === 'nothing')!;
  await page.goto(`./?agency=${nothing.id}`);
  await expect(detail.getByTestId('no-contact')).toHaveText('Für diese Agentur kennen wir weder Telefon noch E-Mail oder Website.');
  await expect(detail.getByTestId('no-contact-directory')).toHaveAttribute('href', config().directory_url);
  await expect(detail.getByRole('link', { name: /^Anrufen|^E-Mail|^Website/ })).toHaveCount(0);
});

test('"Fehler melden" names the record where no contact is known, when a report address is configured', async ({ page }) => {
  const nothing = agencies().find((a) => kind(a) === 'nothing')!;
  await page.route('**/config.json', async (route) => {
    const body = { ...config(), report_url: 'mailto:daten@example.org' };
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
  await page.goto(`./?agency=${nothing.id}`);
  const report = page.getByTestId('detail').getByTestId('no-contact-report');
  await expect(report).toHaveText('Fehler melden');
  expect(decodeURIComponent((await report.getAttribute('href')) ?? '')).toBe(
    `mailto:daten@example.org?subject=Fehler melden: ${nothing.name} (${nothing.id})`,
  );
});

test('old sources, exact positions and a Servicestelle\'s street are said in the detail', async ({ page }) => {
  const old = agencies().find((a) => a.source_date === '2014')!;
  await page.goto(`./?agency=${old.id}`);
  const detail = page.getByTestId('detail');
  await expect(detail.getByTestId('check-note')).toHaveText('Angaben aus 2014 – bitte vor einem Besuch prüfen');

  const exact = agencies().find((a) => a.location.precision === 'address' && note(a) === null)!;
  await page.goto(`./?agency=${exact.id}`);
  await expect(detail.getByText('Position: Adresse laut Quelle')).toBeVisible();
  await expect(detail.getByTestId('check-note')).toHaveCount(0);

  const office = agencies().find((a) => a.address.carrier_servicestelle)!;
  await page.goto(`./?agency=${office.id}`);
  await expect(detail.getByTestId('servicestelle-address')).toHaveText('Anschrift der Servicestelle desselben Trägers');
  await expect(detail.getByText(office.address.street!)).toBeVisible();
});

test('printed, the list names the carrier\'s website or the directory for agencies without own contact', async ({ page }) => {
  await page.goto('./');
  await page.emulateMedia({ media: 'print' });
  const lines = await page.locator('.result').evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [li.id.replace(/^agency-/, ''), (li.querySelector('.result__contact') as HTMLElement)?.innerText ?? ''])),
  );
  const carrier = agencies().find((a) => kind(a) === 'carrier')!;
  expect(lines[carrier.id]).toBe(`Website des Trägers: ${new URL(carrier.contact.website!).host}`);
  const nothing = agencies().find((a) => kind(a) === 'nothing')!;
  expect(lines[nothing.id]).toBe(`Kein Kontakt bekannt · Verzeichnis des Landesnetzwerks: ${new URL(config().directory_url).host}`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list and the static pages offer a way to reach someone for every agency', async ({ page }) => {
    await page.goto('./');
    const nothing = agencies().find((a) => kind(a) === 'nothing')!;
    const entry = page.locator(`#agency-${nothing.id}`);
    await expect(entry.getByTestId('no-contact-directory')).toHaveAttribute('href', config().directory_url);
    // Every entry has a link to reach someone: a contact, the carrier's site or the directory.
    const withoutLink = await page.locator('.result').evaluateAll((items) =>
      items.filter((li) => li.querySelectorAll('.result__contact a').length === 0).map((li) => li.id),
    );
    expect(withoutLink).toEqual([]);

    const carrier = agencies().find((a) => kind(a) === 'carrier' && note(a)?.startsWith('Angaben aus'))!;
    await page.goto(`agentur/${carrier.id}.html`);
    await expect(page.getByTestId('carrier-website')).toHaveAttribute('href', carrier.contact.website!);
    await expect(page.getByTestId('check-note')).toHaveText(note(carrier)!);
  });
});

test('the data page is linked from "Quelle, Lizenz und Kartengrundlagen" and describes the downloads', async ({ page, request }) => {
  await page.goto('./');
  await page.locator('details.about-data > summary').click();
  await page.getByTestId('open-data').click();
  await expect(page).toHaveURL(/\/data\/index\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Offene Daten');
  const dataset = servedDataset();
  await expect(page.getByTestId('data-coverage')).toContainText(`${dataset.agencies.length} Einträge von rund 214`);
  // schema.org Dataset with the three files, each served with its media type.
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld['@type']).toBe('Dataset');
  expect(ld.distribution.map((d: any) => d.encodingFormat)).toEqual(['application/json', 'text/csv', 'application/geo+json']);
  for (const d of ld.distribution) {
    const response = await request.get(new URL(d.contentUrl, page.url()).href);
    expect(response.status(), d.contentUrl).toBe(200);
    expect(response.headers()['content-type'], d.contentUrl).toContain(d.encodingFormat);
    expect(`${(await response.body()).length} B`, d.contentUrl).toBe(d.contentSize);
  }
  // The downloads are the same records as the JSON.
  const csv = await (await request.get(new URL('agencies.csv', page.url()).href)).text();
  expect(csv.trimEnd().split('\r\n')).toHaveLength(dataset.agencies.length + 1);
  const dcat = await request.get(new URL('dcat.ttl', page.url()).href);
  expect(dcat.headers()['content-type']).toContain('text/turtle');
  expect(await dcat.text()).toContain('dcatde:politicalGeocodingURI <http://dcat-ap.de/def/politicalGeocoding/stateKey/05>');
  // The changes per Stand, newest first, the current one on top.
  const [d, m, y] = [dataset.as_of.slice(8, 10), dataset.as_of.slice(5, 7), dataset.as_of.slice(0, 4)];
  await expect(page.getByTestId('data-changes').locator('h3').first()).toHaveText(`Stand: ${d}.${m}.${y}`);
  await page.getByTestId('data-changes').locator('summary').first().click();
  await expect(page.getByTestId('data-changes').locator('details[open] li a').first()).toHaveAttribute('href', /^\.\.\/agentur\/[a-z0-9-]+\.html$/);
});
