// The two pages the benchmark compares, how it opens them and what it
// watches while one is loaded. The contract both pages keep is described at
// the top of in-page.mjs.
import { probe } from './in-page.mjs';

export const PAGE_NAMES = ['app', 'reference'];

export const PAGES = {
  app: {
    path: '',
    sada: '#filter-sada',
    offer: (index) => `#filter-offer-${index}`,
    // The offer checkboxes are inside "Weitere Filter" (a <details>).
    prepare: async (page) => {
      const closed = await page.evaluate(() => !document.querySelector('details.more-filters')?.open);
      if (closed) await page.locator('details.more-filters > summary').click();
      // The filters' part may still be loading (split build): wait for its labels.
      await page.locator('label[for^="filter-offer-"]').first().waitFor();
    },
  },
  reference: {
    path: 'reference/',
    sada: '#ref-sada',
    offer: (index) => `#ref-offer-${index}`,
    prepare: async () => {},
  },
};

/** The desktop pass's screen (bench/README.md, "Browser"). */
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** The `n` filter changes: Servicestellen on, off, the offer on, off, and again (each from the full list). */
export function changes(dataset, pageName, n) {
  const page = PAGES[pageName];
  const cycle = [
    { input: 'Servicestellen on', selector: page.sada, expected: dataset.nSada },
    { input: 'Servicestellen off', selector: page.sada, expected: dataset.total },
    { input: `offer ${dataset.offer.code} on`, selector: page.offer(dataset.offer.index), expected: dataset.offer.n },
    { input: `offer ${dataset.offer.code} off`, selector: page.offer(dataset.offer.index), expected: dataset.total },
  ];
  return Array.from({ length: n }, (_, i) => cycle[i % cycle.length]);
}

/**
 * A fresh browser context (a first visit: no cache, no storage) with the
 * screen `device` ({ viewport, deviceScaleFactor?, isMobile?, hasTouch? }),
 * in German.
 */
export function newContext(browser, { viewport, deviceScaleFactor, isMobile, hasTouch }) {
  return browser.newContext({
    viewport,
    ...(deviceScaleFactor === undefined ? {} : { deviceScaleFactor, isMobile, hasTouch }),
    locale: 'de-DE',
    // The app registers a service worker after load; it would fetch and
    // cache files beside the measured page. Blocked, as in the e2e tests.
    serviceWorkers: 'block',
  });
}

/**
 * Watches `page` from now on: its console errors and uncaught exceptions,
 * its finished requests (for bytesOf) and how many requests failed.
 */
function watch(page) {
  const seen = { consoleErrors: [], finished: [], failedRequests: 0 };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.consoleErrors.push(`pageerror: ${error.message}`));
  page.on('requestfinished', (request) => seen.finished.push(request));
  page.on('requestfailed', () => (seen.failedRequests += 1));
  return seen;
}

/**
 * A page in a fresh context (newContext), watched (watch: `seen`), with the
 * probe injected and a DevTools protocol session (`cdp`) to throttle and
 * measure it; nothing loaded yet. The caller closes `context`.
 */
export async function openPage(browser, device) {
  const context = await newContext(browser, device);
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await page.addInitScript(probe);
    const cdp = await context.newCDPSession(page);
    return { context, page, seen, cdp };
  } catch (error) {
    await context.close();
    throw error;
  }
}
