// The desktop pass (issue 7): each dataset at 1280 × 800, the app and the
// reference page loaded in turn, then the filter changes timed in each, and
// on the chosen datasets once more with 4x CPU throttling.
import { kb } from './format.mjs';
import { measureChange, shownState } from './in-page.mjs';
import { BenchFailure, log } from './log.mjs';
import { CLS_WINDOW_MS, bytesOf, firstsOf, median, stats, summariseLongtasks } from './measure.mjs';
import { DESKTOP, PAGES, PAGE_NAMES, changes, openPage } from './pages.mjs';

/**
 * Loads one page in a fresh browser context and measures it; with `full`,
 * also the bytes, the memory and the filter changes. Returns a plain object;
 * timeouts are recorded, not thrown. Throws BenchFailure when the page
 * shows a different result count than the dataset gives.
 */
export async function runPage({ browser, server, dataset, page: pageName, throttle, options, full }) {
  const { context, page, seen, cdp } = await openPage(browser, DESKTOP);
  const result = { throttle };
  try {
    await cdp.send('Performance.enable');
    if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    server.resetLog();
    await page.goto(server.url + PAGES[pageName].path, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__bench?.ready?.painted, null, { timeout: options.loadTimeout * 1000, polling: 100 });
    } catch {
      result.load = { timeout: true, after_s: options.loadTimeout, state: await page.evaluate(shownState).catch(() => null) };
      return result;
    }
    const ready = await page.evaluate(() => window.__bench.ready);
    result.load = { dom: Math.round(ready.dom), painted: Math.round(ready.painted) };

    // Let late work and requests finish (no request for 500 ms) and 2 s pass
    // after the markers and list (the window for CLS), then check what the
    // page shows against the dataset.
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    await page.waitForTimeout(500);
    const clsUntil = ready.painted + CLS_WINDOW_MS;
    await page.waitForFunction((until) => performance.now() >= until, clsUntil, { polling: 100 });
    result.paint = firstsOf(await page.evaluate(() => window.__bench), clsUntil);
    result.load.markers = result.paint.firstMarker;
    const settled = await page.evaluate(shownState);
    if (settled.count !== dataset.total || settled.markers !== dataset.total) {
      throw new BenchFailure(
        `${pageName} on ${dataset.name}: after load it shows "${settled.text}" and ${settled.markers} agencies in markers, expected ${dataset.total}`,
      );
    }
    // How many entries a list shows with every agency in it: all of them, or a page.
    result.listLimit = settled.list >= dataset.total ? null : settled.list;
    result.markerIcons = settled.icons;
    if (seen.consoleErrors.length) result.consoleErrors = seen.consoleErrors.slice(0, 5);
    if (seen.failedRequests) result.failedRequests = seen.failedRequests;
    if (!full) return result;

    // Bytes on the wire (response bodies, gzip), by kind.
    Object.assign(result, await bytesOf(seen.finished, server));

    // Memory after load, after a garbage collection.
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
    result.memory = {
      jsHeapUsed: metric('JSHeapUsedSize'),
      jsHeapTotal: metric('JSHeapTotalSize'),
      domNodes: metric('Nodes'),
      wasm: await page.evaluate(() => window.__bench.memories.reduce((n, memory) => n + memory.buffer.byteLength, 0)),
    };

    await page.evaluate(() => window.__bench.stop());
    await filterChanges({ page, pageName, dataset, options, result });
    const afterLoad = await page.evaluate(() => window.__bench.longtasks);
    result.longtasks = summariseLongtasks(afterLoad, ready.painted);
    if (seen.consoleErrors.length) result.consoleErrors = seen.consoleErrors.slice(0, 5);
    return result;
  } finally {
    await context.close();
  }
}

/** The timed filter changes in a loaded page; writes offerLabel, filter and any filterNote or filterTimeout into `result`. */
async function filterChanges({ page, pageName, dataset, options, result }) {
  await PAGES[pageName].prepare(page);
  result.offerLabel = await page.evaluate(
    (selector) => document.querySelector(`label[for="${selector.slice(1)}"]`)?.textContent.trim() ?? '',
    PAGES[pageName].offer(dataset.offer.index),
  );
  const dom = [];
  const painted = [];
  const perInput = {};
  const started = Date.now();
  const listLimit = result.listLimit ?? 1e12;
  for (const change of changes(dataset, pageName, options.samples)) {
    if (Date.now() - started > options.filterBudget * 1000) {
      result.filterNote = `stopped after ${dom.length} changes: the ${options.filterBudget} s budget was used up`;
      break;
    }
    const outcome = await page.evaluate(measureChange, {
      selector: change.selector,
      expected: change.expected,
      listLimit,
      timeoutMs: options.changeTimeout * 1000,
    });
    if (outcome.error) throw new BenchFailure(`${pageName} on ${dataset.name}, ${change.input}: ${outcome.error}`);
    if (outcome.timeout) {
      const { state } = outcome;
      if (state.count !== change.expected) {
        throw new BenchFailure(`${pageName} on ${dataset.name}, ${change.input}: the page shows "${state.text}", the dataset gives ${change.expected}`);
      }
      result.filterTimeout = { input: change.input, after_s: options.changeTimeout, state, expected: change.expected, done: dom.length };
      break;
    }
    dom.push(outcome.dom);
    painted.push(outcome.painted);
    (perInput[change.input] ??= []).push(outcome.dom);
  }
  result.filter = {
    dom: stats(dom),
    painted: stats(painted),
    perInput: Object.fromEntries(Object.entries(perInput).map(([input, values]) => [input, stats(values)])),
  };
}

/**
 * One dataset of the desktop pass: `options.loads` loads of each page,
 * alternating (1 at 100,000 and with throttling), the first of each with
 * the filter changes; again with 4x throttling if the dataset is in
 * `options.throttle`. Returns the dataset's entry of results.json.
 */
export async function desktopDataset({ browser, server, dataset, options }) {
  log(`dataset ${dataset.name}: ${dataset.total} agencies, ${kb(dataset.gzipBytes)} KB gzip`);
  await server.setDataset(dataset.file);
  const entry = { ...dataset, runs: {} };
  const rates = options.throttle.includes(dataset.size) ? [1, 4] : [1];
  for (const throttle of rates) {
    const loads = throttle !== 1 || dataset.total >= 100_000 ? 1 : Math.max(1, options.loads);
    const runs = { app: null, reference: null };
    const loadTimes = { app: [], reference: [] };
    const paints = { app: [], reference: [] };
    for (let i = 0; i < loads; i++) {
      // Alternating, so that the machine's state changes hit both alike.
      for (const pageName of PAGE_NAMES) {
        const run = await runPage({ browser, server, dataset, page: pageName, throttle, options, full: i === 0 });
        if (i === 0) runs[pageName] = run;
        if (run.load && !run.load.timeout) loadTimes[pageName].push(run.load.painted);
        if (run.paint) paints[pageName].push(run.paint);
        const f = run.filter?.dom;
        log(
          `  ${pageName.padEnd(9)} ${throttle}x load ${i + 1}/${loads}: ${run.load?.timeout ? 'timeout' : `${run.load.painted} ms`}` +
            (f ? `; filter p50 ${f.p50} p95 ${f.p95} ms (n=${f.n})` : '') +
            (run.filterTimeout ? `; filter timeout at "${run.filterTimeout.input}"` : '') +
            (run.longtasks ? `; longest task load ${run.longtasks.loadMax} after ${run.longtasks.afterMax} ms` : ''),
        );
      }
    }
    for (const pageName of PAGE_NAMES) {
      const run = runs[pageName];
      run.loads = loadTimes[pageName];
      if (!run.load.timeout && loadTimes[pageName].length > 1) run.load.painted = median(loadTimes[pageName]);
      // CLS of every load; the table shows the largest.
      run.clsLoads = paints[pageName].map((paint) => paint.cls);
      run.firstMarkerLoads = paints[pageName].map((paint) => paint.firstMarker);
    }
    // The offer checkbox must mean the same in both pages.
    if (runs.app.offerLabel !== undefined && runs.reference.offerLabel !== undefined && !runs.app.offerLabel.startsWith(runs.reference.offerLabel)) {
      throw new BenchFailure(`the offer checkboxes differ: app "${runs.app.offerLabel}", reference "${runs.reference.offerLabel}"`);
    }
    entry.runs[String(throttle)] = runs;
  }
  return entry;
}
