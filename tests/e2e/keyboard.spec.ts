// Keyboard only (WCAG 2.1.1 keyboard, 2.4.1 bypass blocks, 2.4.3 focus order,
// 2.4.7 focus visible, 2.4.11 focus not obscured, 3.2.2 on input): no mouse and no .click(),
// only page.keyboard. Every control the journeys pass must show a focus
// indicator (a non-none outline or box-shadow on document.activeElement).
import type { Page } from '@playwright/test';
import { test, expect, servedDataset, waitForFinder } from './fixtures';

type Focus = { what: string; ring: boolean; style: string };

/** What has focus, and whether it shows a focus indicator. */
async function focused(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none';
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/)[0]}` : '';
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${name}"`,
      ring: outline || shadow,
      style: `outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow}`,
    };
  });
}

/**
 * Presses Tab until the focused element matches `selector` (at most `max`
 * times) and checks the focus indicator on every stop on the way.
 */
async function tabTo(page: Page, selector: string, max = 40, key = 'Tab') {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (!now) continue;
    passed.push(now.what);
    expect(now.ring, `no visible focus on ${now.what} (${now.style})`).toBe(true);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return passed;
  }
  throw new Error(`${selector} not reached in ${max} Tab presses; passed: ${passed.join(' → ')}`);
}

async function expectRing(page: Page) {
  const now = await focused(page);
  expect(now, 'something has focus').not.toBeNull();
  expect(now!.ring, `no visible focus on ${now!.what} (${now!.style})`).toBe(true);
}

for (const [device, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`keyboard journey: skip link, place, Servicestelle, detail, phone link, Escape back (${device})`, async ({ page }) => {
    const dataset = servedDataset() as any;
    const inKoeln = dataset.agencies.filter((a: any) => a.ags.startsWith('05315'));
    const sadaInKoeln = inKoeln.filter((a: any) => a.antidiscrimination);
    // The journey needs a Servicestelle in Köln; each of them has a phone number.
    expect(sadaInKoeln.length).toBeGreaterThan(0);
    expect(sadaInKoeln.every((a: any) => a.contact.phone)).toBe(true);

    await page.setViewportSize(viewport);
    await page.goto('./');
    await waitForFinder(page);

    // 1. The first Tab reaches the skip link, which is off screen until focused.
    const skip = page.getByRole('link', { name: 'Zur Ergebnisliste springen' });
    await expect(skip).not.toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThan(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await expectRing(page);

    // 2. "Filter" opens with Enter; in it the place filter, a WAI-ARIA
    // combobox: type, arrow to the option, Enter.
    await tabTo(page, 'details.more-filters > summary');
    await page.keyboard.press('Enter');
    await expect(page.locator('details.more-filters')).toHaveAttribute('open', '');
    // Its fields are a part loaded on first use (issue 28; the wait is announced).
    await expect(page.locator('#filter-place')).toBeAttached();
    await tabTo(page, '#filter-place');
    const place = page.getByRole('combobox', { name: 'Stadt, Gemeinde oder Kreis' });
    await expect(place).toBeFocused();
    await page.keyboard.type('koln');
    await expect(place).toHaveAttribute('aria-expanded', 'true');
    const options = page.locator('.combobox__list:not([hidden])').getByRole('option');
    await expect(options.first()).toHaveText(`Köln (${inKoeln.length})`);
    await page.keyboard.press('ArrowDown');
    await expect(place).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
    await page.keyboard.press('Enter');
    await expect(place).toHaveAttribute('aria-expanded', 'false');
    await expect(place).toHaveValue('Köln');
    await expect(place).toBeFocused();
    await expect(page).toHaveURL(/place=05315000/);
    await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(inKoeln.length);

    // 3. The Servicestelle switch (before the fold), toggled with Space.
    await tabTo(page, '#filter-sada', 8, 'Shift+Tab');
    const sada = page.getByRole('switch', { name: /Nur Servicestellen/ });
    await expect(sada).not.toBeChecked();
    await page.keyboard.press('Space');
    await expect(sada).toBeChecked();
    await expect(page).toHaveURL(/sada=1/);
    const visible = page.getByTestId('results').locator('li:not([hidden])');
    await expect(visible).toHaveCount(sadaInKoeln.length);

    // 4. On through the topic boxes and the other filters to the first result; Enter opens it.
    await tabTo(page, '.result__link', 30);
    const entryId = await page.evaluate(() => document.activeElement!.closest('li')!.id);
    const agency = dataset.agencies.find((a: any) => `agency-${a.id}` === entryId);
    expect(agency.antidiscrimination && agency.ags.startsWith('05315')).toBe(true);
    await page.keyboard.press('Enter');

    // 5. Focus moves to the detail heading.
    const detail = page.getByTestId('detail');
    const heading = detail.getByRole('heading', { level: 2 });
    await expect(heading).toHaveText(agency.name);
    await expect(heading).toBeFocused();
    await expectRing(page);
    await expect(page).toHaveURL(new RegExp(`agency=${agency.id}`));

    // 6. Tab reaches the phone link.
    await tabTo(page, 'a[href^="tel:"]', 3);
    const phone = detail.locator('a[href^="tel:"]');
    await expect(phone).toBeFocused();
    await expect(phone).toContainText(agency.contact.phone);
    await expect(phone).toBeInViewport();

    // 7. Escape closes the detail; focus returns to the agency's entry, filters kept.
    await page.keyboard.press('Escape');
    await expect(detail).toHaveCount(0);
    const entry = page.locator(`#${entryId} .result__link`);
    await expect(entry).toBeFocused();
    await expect(entry).toBeInViewport();
    await expectRing(page);
    await expect(visible).toHaveCount(sadaInKoeln.length);
    await expect(page).toHaveURL(/place=05315000/);
    await expect(page).toHaveURL(/sada=1/);
  });
}

test('a marker reached by Tab opens with Enter; the map skip link shows when focused (desktop)', async ({ page }) => {
  const dataset = servedDataset() as any;
  const n = dataset.agencies.filter((a: any) => a.ags === '05315000').length;
  await page.setViewportSize({ width: 1280, height: 800 });
  // A shared link to Köln: few results, so few Tab stops before the map.
  await page.goto('./?place=05315000');
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(n);

  // The map's skip link comes right before the map and shows when focused.
  const skipMap = page.getByRole('link', { name: 'Karte überspringen' });
  expect((await skipMap.boundingBox())!.width).toBeLessThanOrEqual(1);
  await tabTo(page, '.skip-link--map', 30);
  await expect(skipMap).toBeFocused();
  await expect(skipMap).toBeInViewport();
  const box = (await skipMap.boundingBox())!;
  expect(box.width).toBeGreaterThan(44);
  expect(box.height).toBeGreaterThanOrEqual(44);

  // Then the map itself (arrow keys pan it), then the markers, each a button with a name.
  await tabTo(page, '.ia-marker--agency', 10);
  const marker = await page.evaluate(() => ({
    role: document.activeElement!.getAttribute('role'),
    label: document.activeElement!.getAttribute('aria-label')!,
  }));
  expect(marker.role).toBe('button');
  const agency = dataset.agencies.find((a: any) => marker.label === a.name || marker.label.startsWith(`${a.name} – `));
  expect(agency, `an agency named like the marker "${marker.label}"`).toBeTruthy();
  await page.keyboard.press('Enter');
  const heading = page.getByTestId('detail').getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(agency.name);
  await expect(heading).toBeFocused();
  await expectRing(page);

  // Escape returns to the agency's entry in the list.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail')).toHaveCount(0);
  await expect(page.locator(`#agency-${agency.id} .result__link`)).toBeFocused();
  await expect(page).toHaveURL(/place=05315000/);
});

test('on a phone the sticky list/map switch never hides the focused control entirely (2.4.11)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await waitForFinder(page);
  const hidden: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const result = await page.evaluate(() => {
      const el = document.activeElement!;
      const a = el.getBoundingClientRect();
      const bar = document.querySelector('.view-switch')!.getBoundingClientRect();
      const covered = Math.max(0, Math.min(a.bottom, bar.bottom) - Math.max(a.top, bar.top));
      const visibleAbove = Math.max(0, Math.min(a.bottom, bar.top) - Math.max(a.top, 0));
      return { what: `${el.tagName} ${(el.textContent ?? '').trim().slice(0, 30)}`, covered, visibleAbove, isBar: !!el.closest('.view-switch') };
    });
    if (!result.isBar && result.covered > 0 && result.visibleAbove <= 0) hidden.push(result.what);
    await expectRing(page);
  }
  expect(hidden).toEqual([]);
});

// Regression: both skip links used to be caught by the Leptos router (its window click
// handler navigated to "/#results"; with <base href="./"> that dropped the query string,
// so every filter was lost, and focus stayed on the link). Found by this spec; fixed in
// db05f18 by `crate::skip_to` (src/lib.rs), which handles the click and focuses the target.
test('the skip link moves focus to the result list and keeps the filters', async ({ page }) => {
  const dataset = servedDataset() as any;
  const n = dataset.agencies.filter((a: any) => a.ags === '05315000' && a.antidiscrimination).length;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?place=05315000&sada=1');
  await waitForFinder(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zur Ergebnisliste springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('results')).toBeFocused();
  await expect(page).toHaveURL(/place=05315000/);
  await expect(page).toHaveURL(/sada=1/);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(n);
  // The next Tab lands on the first result, past the header and the filters.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('results').locator('li:not([hidden])').first().getByRole('link')).toBeFocused();
});

test('while a detail is open, the skip link goes to its heading and keeps it open', async ({ page }) => {
  const agency = (servedDataset() as any).agencies.find((a: any) => a.ags === '05315000');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`./?place=05315000&agency=${agency.id}`);
  const heading = page.getByTestId('detail').getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(agency.name);
  // A shared link to an agency puts focus on its heading; back up to the skip link.
  for (let i = 0; i < 15 && !(await page.evaluate(() => document.activeElement?.matches('.skip-link:not(.skip-link--map)'))); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(page.getByRole('link', { name: 'Zur Ergebnisliste springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`agency=${agency.id}`));
  await expect(page).toHaveURL(/place=05315000/);
});

// Regression: the same for "Karte überspringen" (src/map/mod.rs): it must move focus past
// every marker and keep the filters.
test('"Karte überspringen" moves focus past all markers and keeps the filters', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?place=05315000');
  await waitForFinder(page);
  await tabTo(page, '.skip-link--map', 30);
  await page.keyboard.press('Enter');
  await expect(page.locator('#after-map')).toBeFocused();
  await expect(page).toHaveURL(/place=05315000/);
  await page.keyboard.press('Tab');
  const after = await page.evaluate(() => ({
    inMap: !!document.activeElement!.closest('.map-wrap'),
    testid: document.activeElement!.getAttribute('data-testid'),
  }));
  expect(after.inMap).toBe(false);
  // On the desktop the next stop after the map is the footer's "source and licence".
  expect(await page.evaluate(() => document.activeElement!.closest('.site-footer') !== null)).toBe(true);
  await expectRing(page);
});

// Regression: Leaflet's default zoom control named its buttons "Zoom in" / "Zoom out" in
// English on every page (WCAG 3.1.2). Found by this spec; fixed in db05f18 (own
// zoom control with `texts.zoom_in` / `texts.zoom_out`, src/map/create.rs).
test('the map zoom buttons are named in the page language', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?place=05315000');
  await waitForFinder(page);
  await tabTo(page, '.leaflet-control-zoom-in', 40);
  const zoomIn = page.locator('.leaflet-control-zoom-in');
  await expect(zoomIn).toHaveAttribute('aria-label', 'Vergrößern');
  await expect(page.locator('.leaflet-control-zoom-out')).toHaveAttribute('aria-label', 'Verkleinern');
});

// Regression: the language select used to reload the page on `change`, and in a closed
// select Chromium and Firefox on Windows and Linux fire `change` on every arrow key: the
// first ArrowDown reloaded the page in Leichte Sprache and focus fell back to the top
// (WCAG 3.2.2, change of context on input). Found by this spec; fixed in db05f18
// (src/ui/language.rs: a form whose "Wechseln" button applies the choice).
test('arrow keys in the language select do not reload the page; a button applies the choice', async ({ page }) => {
  const n = servedDataset().agencies.filter((a) => a.antidiscrimination).length;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?sada=1');
  await waitForFinder(page);
  // The map (its part arrives after the list) writes its view into the
  // address once made: wait for it, so that only the select is watched.
  await expect(page.locator('.map')).toHaveAttribute('data-map', 'ready');
  await expect(page).toHaveURL(/map=/);
  await tabTo(page, '#lang-switch', 3);
  let loads = 0;
  page.on('load', () => loads++);
  // Every `change` of the select, seen after the page's own handlers (on the
  // window, last on the way up), and every navigation the page starts (the
  // Navigation API's `navigate` fires as a script starts one, in that handler).
  await page.evaluate(() => {
    const seen = ((window as any).__seen = { changes: 0, navigations: [] as string[] });
    addEventListener('change', () => seen.changes++);
    (window as any).navigation.addEventListener('navigate', (event: any) => seen.navigations.push(event.destination.url));
  });
  // Русский is the last of the eight languages.
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
  // Each arrow key changed the closed select and its `change` was handled.
  await expect.poll(() => page.evaluate(() => (window as any).__seen.changes)).toBe(7);
  expect(await page.evaluate(() => (window as any).__seen.navigations)).toEqual([]);
  expect(loads).toBe(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('#lang-switch')).toBeFocused();
  await expect(page.locator('#lang-switch')).toHaveValue('ru');
  // The next stop applies it.
  await tabTo(page, 'button', 1);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page).toHaveURL(/sada=1/);
  await expect(page).toHaveURL(/lang=ru/);
  await waitForFinder(page);
  await expect(page.getByTestId('results').locator('li:not([hidden])')).toHaveCount(n);
});
