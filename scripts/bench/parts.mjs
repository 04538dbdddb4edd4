// The parts pass (issue 28): how long each part of the finder that loads on
// first use takes to be on screen after that first use, on the phone profile
// (cold: cache disabled, a fresh browser context per load). Every load and
// every part is listed; the target is 300 ms.
import { PHONE } from './phone.mjs';
import { BenchFailure, log } from './log.mjs';
import { PAGES, openPage } from './pages.mjs';

/**
 * The uses, in the order one load makes them: what is done (in the page) and
 * what shows the part is on screen. `part` is the Wasm file's name
 * (scripts/split-wasm.mjs), whose transfer is recorded. The end of the list
 * comes first: an open detail brings it into view (and so its part).
 */
export const USES = [
  { part: 'share', use: 'the end of the list scrolled into view', action: { scrollTo: '.part-spot' }, shown: '[data-testid=share-view] button' },
  { part: 'filters', use: '"Filter" opened', action: { click: 'details.more-filters summary' }, shown: '#filter-text' },
  { part: 'detail', use: 'an agency opened', action: { click: '#results li a' }, shown: '[data-testid=detail] h2' },
  { part: 'detail', use: 'back to the list', action: { click: '.detail__back' }, shown: '#results li a', cached: true },
  { part: 'near', use: '"5066" typed into near me', action: { type: ['#filter-near', '5066'] }, shown: '.combobox__list:not([hidden]) [role=option]' },
  { part: 'map', use: '"Karte" chosen', action: { click: '.view-switch button:nth-child(2)' }, shown: '.leaflet-marker-icon, .leaflet-marker-pane > *' },
];

/**
 * In the page: does the action and resolves with `ms` until `shown` is
 * visible after it (a frame later) and `fetched`, the ms until the last Wasm
 * file it fetched had arrived (null when it fetched none).
 */
const useInPage = async ({ action, shown, timeout }) => {
  const visible = () => {
    const element = document.querySelector(shown);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const start = performance.now();
  if (action.click) document.querySelector(action.click)?.click();
  if (action.scrollTo) document.querySelector(action.scrollTo)?.scrollIntoView();
  if (action.type) {
    // As typing does: focus, then the text with an input event.
    const [selector, text] = action.type;
    const field = document.querySelector(selector);
    field?.focus();
    if (field) {
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  return new Promise((resolve) => {
    const check = () => {
      if (visible()) {
        return requestAnimationFrame(() => {
          // When the last Wasm file this use fetched had arrived: the network's share.
          const fetched = performance
            .getEntriesByType('resource')
            .filter((e) => /\.wasm$/.test(e.name) && e.startTime >= start)
            .reduce((end, e) => Math.max(end, e.responseEnd - start), null);
          resolve({ ms: Math.round(performance.now() - start), fetched: fetched == null ? null : Math.round(fetched) });
        });
      }
      if (performance.now() - start > timeout) return resolve({ ms: null, fetched: null });
      requestAnimationFrame(check);
    };
    check();
  });
};

async function runParts({ browser, server, options }) {
  const { context, page, seen, cdp } = await openPage(browser, PHONE);
  try {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.latency,
      downloadThroughput: PHONE.download,
      uploadThroughput: PHONE.upload,
    });
    await page.goto(server.url + PAGES.app.path);
    // The app runs (it has taken over the prerendered view).
    await page.waitForSelector('html[data-app=ready]', { state: 'attached', timeout: options.loadTimeout * 1000 });
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
    const uses = [];
    for (const use of USES) {
      const before = seen.finished.length;
      const { ms, fetched } = await page.evaluate(useInPage, { action: use.action, shown: use.shown, timeout: 15_000 });
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
      const files = seen.finished.slice(before).map((r) => r.url()).filter((url) => /\.wasm$/.test(url)).map((url) => url.split('/').pop());
      uses.push({ part: use.part, use: use.use, ms, fetchedMs: fetched, files, cached: Boolean(use.cached) });
    }
    return { uses };
  } finally {
    await context.close();
  }
}

/** `--phone-loads` cold loads, each using every part once. */
export async function partsPass({ browser, server, options }) {
  const out = { profile: PHONE, loads: [] };
  for (let i = 0; i < options.phoneLoads; i++) {
    const run = await runParts({ browser, server, options });
    out.loads.push(run);
    log(`  parts load ${i + 1}/${options.phoneLoads}: ` + run.uses.map((u) => `${u.part} ${u.ms ?? 'timeout'} ms${u.fetchedMs == null ? '' : ` (fetched by ${u.fetchedMs})`}`).join(', '));
    if (run.uses.some((u) => u.ms == null)) throw new BenchFailure(`a part did not show within 15 s (load ${i + 1})`);
  }
  return out;
}

/** RESULTS.md's section: every load, every use. */
export function partsMarkdown(parts) {
  if (!parts) return [];
  const out = [
    '',
    '## Parts loaded on first use (issue 28; phone profile, cold, every load)',
    '',
    'Milliseconds from the use (in the page) until what it shows is visible, a frame later; the part\'s Wasm is fetched ' +
      'then (cache disabled); in brackets, when its last Wasm file had arrived (the network\'s share). Target: 300 ms. ' +
      '"back to the list" needs no part (a control).',
    '',
    `| load | ${USES.map((u) => `${u.part}: ${u.use}`).join(' | ')} |`,
    `|---:|${USES.map(() => '---:').join('|')}|`,
  ];
  parts.loads.forEach((run, i) => {
    out.push(`| ${i + 1} | ${run.uses.map((u) => (u.ms == null ? 'timeout' : u.fetchedMs == null ? `${u.ms}` : `${u.ms} (${u.fetchedMs})`)).join(' | ')} |`);
  });
  return out;
}
