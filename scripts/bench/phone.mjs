// The phone pass (issue 16): what a resident meets first on a mid-range
// phone on a slow mobile network, cold loads of the real dataset, no input;
// and as many unthrottled desktop loads for the first live markers.
import { runPage } from './desktop.mjs';
import { kb } from './format.mjs';
import { shownState } from './in-page.mjs';
import { BenchFailure, log } from './log.mjs';
import { CLS_WINDOW_MS, bytesOf, firstVisible, firstsOf } from './measure.mjs';
import { PAGES, PAGE_NAMES, openPage } from './pages.mjs';

/**
 * The phone profile: a mid-range phone on a slow mobile network, as Chrome
 * DevTools emulates it (bench/README.md, "Phone profile").
 */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  // Network.emulateNetworkConditions: latency added to every request (ms), throughput in bytes/s.
  latency: 150,
  download: 200_000, // 1.6 Mbit/s
  upload: 93_750, // 750 kbit/s
  cpu: 4,
};

/** Puts a page's DevTools session (`cdp`) on the phone profile: cache off, the slow network, the slow CPU. */
export async function emulatePhone(cdp) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.download,
    uploadThroughput: PHONE.upload,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
}

/**
 * One cold load on the phone profile, no input: waits until the first agency
 * is painted and the page's list is ready (the app: it has taken over; the
 * reference page: its list is rendered), then 2 s more (the CLS window) and
 * until no request is open for 500 ms. Returns firstsOf() plus the bytes.
 */
async function runPhone({ browser, server, dataset, page: pageName, options }) {
  const { context, page, seen, cdp } = await openPage(browser, PHONE);
  const result = {};
  try {
    await emulatePhone(cdp);
    server.resetLog();
    await page.goto(server.url + PAGES[pageName].path, { waitUntil: 'commit' });
    const isApp = pageName === 'app';
    try {
      await page.waitForFunction(
        (app) => {
          const b = window.__bench;
          if (!b) return false;
          const agency = b.element['first-agency'] || b.firstAgency?.painted;
          const listReady = app ? (b.appFlag ?? b.bootRemoved)?.painted : b.firstAgency?.painted;
          return Boolean(agency && listReady);
        },
        isApp,
        { timeout: options.loadTimeout * 1000, polling: 100 },
      );
    } catch {
      result.timeout = { after_s: options.loadTimeout, state: await page.evaluate(shownState).catch(() => null) };
      result.paint = firstsOf(await page.evaluate(() => window.__bench), Infinity);
      return result;
    }
    // The list is ready: the app's flag, or #boot gone; if the flag comes
    // after #boot went (a build with both), the flag counts and the window
    // moves with it.
    const readyAt = () =>
      page.evaluate((app) => {
        const b = window.__bench;
        return app ? (b.appFlag ?? b.bootRemoved).painted : b.firstAgency.painted;
      }, isApp);
    let listReady = await readyAt();
    for (;;) {
      await page.waitForFunction((t) => performance.now() >= t, listReady + CLS_WINDOW_MS, { polling: 100 });
      const now = await readyAt();
      if (now === listReady) break;
      listReady = now;
    }
    const until = listReady + CLS_WINDOW_MS;
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    result.paint = firstsOf(await page.evaluate(() => window.__bench), until);
    result.listReady = Math.round(listReady);
    const settled = await page.evaluate(shownState);
    if (settled.count !== dataset.total) {
      throw new BenchFailure(`${pageName} on the phone profile: after load it shows "${settled.text}", expected ${dataset.total} agencies`);
    }
    Object.assign(result, await bytesOf(seen.finished, server));
    if (seen.consoleErrors.length) result.consoleErrors = seen.consoleErrors.slice(0, 5);
    return result;
  } finally {
    await context.close();
  }
}

/** The middle value (nearest rank, the lower of two), unrounded: CLS lives in the third decimal. */
function middle(runs, pick) {
  const values = runs.map(pick).filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return values.length ? values[Math.ceil(values.length / 2) - 1] : null;
}

/**
 * The phone pass on the real dataset: `--phone-loads` cold loads of each page
 * on the phone profile, and as many unthrottled desktop loads (1280 x 800, as
 * the desktop pass) for the first live markers, alternating app and reference.
 */
export async function phonePass({ browser, server, dataset, options }) {
  const out = { profile: PHONE, loads: options.phoneLoads, phone: { app: [], reference: [] }, desktop: { app: [], reference: [] } };
  for (let i = 0; i < options.phoneLoads; i++) {
    for (const pageName of PAGE_NAMES) {
      const run = await runPhone({ browser, server, dataset, page: pageName, options });
      out.phone[pageName].push(run);
      const p = run.paint ?? {};
      log(
        `  ${pageName.padEnd(9)} phone load ${i + 1}/${options.phoneLoads}: ` +
          (run.timeout ? `timeout; ` : '') +
          `first agency ${p.firstAgency ?? '–'} ms (${p.firstAgencyMethod ?? '–'}), list ready ${run.listReady ?? '–'} ms` +
          (p.staticMap != null ? `, static map ${p.staticMap} ms` : '') +
          `, LCP ${p.lcp?.time ?? '–'} ms ${p.lcp?.element ?? ''}, CLS ${p.cls ?? '–'}` +
          (run.bytes ? `, ${kb(run.bytes.total)} KB` : ''),
      );
    }
  }
  for (let i = 0; i < options.phoneLoads; i++) {
    for (const pageName of PAGE_NAMES) {
      const run = await runPage({ browser, server, dataset, page: pageName, throttle: 1, options, full: false });
      out.desktop[pageName].push({ load: run.load, paint: run.paint });
      log(
        `  ${pageName.padEnd(9)} desktop load ${i + 1}/${options.phoneLoads}: first markers ${run.paint?.firstMarker ?? '–'} ms, ` +
          `markers + list ${run.load?.painted ?? 'timeout'} ms, CLS ${run.paint?.cls ?? '–'}`,
      );
    }
  }
  const { phone, desktop } = out;
  out.median = {
    app: {
      firstAgency: middle(phone.app, (r) => r.paint?.firstAgency),
      firstVisible: middle(phone.app, (r) => firstVisible(r.paint)),
      staticMap: middle(phone.app, (r) => r.paint?.staticMap),
      listReady: middle(phone.app, (r) => r.listReady),
      lcp: middle(phone.app, (r) => r.paint?.lcp?.time),
      cls: middle(phone.app, (r) => r.paint?.cls),
      desktopMarkers: middle(desktop.app, (r) => r.paint?.firstMarker),
      desktopFirstVisible: middle(desktop.app, (r) => firstVisible(r.paint)),
    },
    reference: {
      firstAgency: middle(phone.reference, (r) => r.paint?.firstAgency),
      firstMarker: middle(phone.reference, (r) => r.paint?.firstMarker),
      listReady: middle(phone.reference, (r) => r.listReady),
      lcp: middle(phone.reference, (r) => r.paint?.lcp?.time),
      cls: middle(phone.reference, (r) => r.paint?.cls),
      desktopMarkers: middle(desktop.reference, (r) => r.paint?.firstMarker),
    },
  };
  return out;
}
