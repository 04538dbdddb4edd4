// The first-use pass (issue 28): on the phone profile, what happens when a
// resident first uses a feature that the first view does not need: how long
// from the input until the feature is on screen, and what the page fetched
// for it (the code loaded on use, Leaflet, data), and when the last Wasm file
// it fetched had arrived (the network's share of the time). One fresh cold
// load per use, so each is a first use; the load itself is not timed here
// (the phone pass does that). The target: every part loaded on use is
// ≤ 40 KB gzip and on screen within 300 ms of the input.
import { kb } from './format.mjs';
import { log } from './log.mjs';
import { openPage } from './pages.mjs';
import { PHONE, emulatePhone } from './phone.mjs';

/** The limits of issue 28 for a part loaded on use. */
export const FIRST_USE_LIMITS = { ms: 300, partKb: 40 };

/**
 * The uses, in the phone layout: what is done (`click` or `focus`, then an
 * optional text typed) on `target`, and the signal that the feature is on
 * screen: the first element matching `shown` with a layout box.
 */
export const USES = [
  { name: 'map ("Karte")', target: '.view-switch button:last-child', act: 'click', shown: '.ia-marker' },
  { name: 'filter panel ("Filter")', target: 'details.more-filters > summary', act: 'click', shown: '[id^="filter-offer-"]' },
  { name: 'near me (focus, type a postcode)', target: '#filter-near', act: 'focus', type: '50667', shown: '#filter-near-options [role="option"]' },
  { name: 'detail (an entry)', target: '[data-testid="results"] > li:not([hidden]) .result__link', act: 'click', shown: '[data-testid="detail"] h2' },
  // Share and the downloads sit under the list: their part loads when the list's end is seen (scrolled to first).
  { name: 'share ("Link kopieren")', target: '[data-testid="share-view"] button', act: 'click', shown: '.share__note, .share__manual', listEnd: true },
  { name: 'download (CSV)', target: '[data-testid="download-csv"]', act: 'click', download: true, listEnd: true },
];

/**
 * In the page: performs the use and resolves with the ms from the input until
 * the frame after the signal is in the DOM with a box (or `error`), and
 * `fetchedMs`, until the last Wasm file fetched after the input had arrived
 * (null when it fetched none).
 */
export function timeUse({ target, act, type, shown, timeoutMs }) {
  return new Promise((resolve) => {
    const element = document.querySelector(target);
    if (!element) return resolve({ error: `no element ${target}` });
    const start = performance.now();
    const seen = () => [...document.querySelectorAll(shown)].some((node) => node.getClientRects().length > 0);
    const timer = setTimeout(() => resolve({ error: `${shown} not on screen after ${timeoutMs} ms` }), timeoutMs);
    const check = () => {
      if (seen()) {
        clearTimeout(timer);
        // The frame after the DOM shows it: what the resident sees.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const ms = performance.now() - start;
            const fetchedMs = performance
              .getEntriesByType('resource')
              .filter((e) => /\.wasm$/.test(e.name) && e.startTime >= start)
              .reduce((end, e) => Math.max(end, e.responseEnd - start), null);
            resolve({ ms, fetchedMs });
          };
          channel.port2.postMessage(null);
        });
        return;
      }
      requestAnimationFrame(check);
    };
    if (act === 'focus') element.focus();
    else element.click();
    if (type !== undefined) {
      element.value = type;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }
    check();
  });
}

/** What the server sent after the input, by kind: own code (Wasm, JS), libraries (vendor/), data, other. */
function partOf(entries, base) {
  const out = { code: 0, vendor: 0, data: 0, other: 0, files: [] };
  for (const entry of entries) {
    if (entry.status !== 200) continue;
    const rel = entry.path.slice(new URL(base).pathname.length);
    const kind = rel.startsWith('vendor/') ? 'vendor' : /\.(wasm|m?js)$/.test(rel) ? 'code' : /\.(json|geojson)$/.test(rel) ? 'data' : 'other';
    out[kind] += entry.bytes;
    out.files.push({ path: rel, kind, bytes: entry.bytes });
  }
  return out;
}

async function firstUse({ browser, server, use, options }) {
  const { context, page, cdp } = await openPage(browser, PHONE);
  try {
    await emulatePhone(cdp);
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: options.loadTimeout * 1000, polling: 100 });
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    server.resetLog();
    if (use.listEnd) {
      await page.locator('.part-spot').scrollIntoViewIfNeeded();
      await page.locator(use.target).first().waitFor({ timeout: 30_000 });
    }
    let outcome;
    if (use.download) {
      const started = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator(use.target).click()]);
      outcome = { ms: Date.now() - started, note: `until the download started (${download.suggestedFilename()}), timed outside the page` };
    } else {
      outcome = await page.evaluate(timeUse, { target: use.target, act: use.act, type: use.type, shown: use.shown, timeoutMs: 30_000 });
    }
    // Whatever the use asked for has arrived.
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    const round = (value) => (value == null ? null : Math.round(value));
    return { name: use.name, ...outcome, ms: round(outcome.ms), fetchedMs: round(outcome.fetchedMs), fetched: partOf(server.log, server.url) };
  } finally {
    await context.close();
  }
}

/** The pass: each use once, in a fresh cold load on the phone profile. */
export async function firstUsePass({ browser, server, options }) {
  const uses = [];
  for (const use of USES) {
    const run = await firstUse({ browser, server, use, options });
    uses.push(run);
    const f = run.fetched;
    log(`  first use, ${use.name}: ${run.error ?? `${run.ms} ms`}${run.fetchedMs == null ? '' : ` (Wasm arrived by ${run.fetchedMs} ms)`}; fetched code ${kb(f.code)} KB, vendor ${kb(f.vendor)} KB, data ${kb(f.data)} KB`);
  }
  return { profile: 'phone', limits: FIRST_USE_LIMITS, uses };
}
