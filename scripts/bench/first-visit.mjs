// The first-visit pass (issue 28): everything a first visit transfers in the
// 10 s after the page's load event, the service worker's install included,
// on a phone's and a desktop's screen, for the app and the reference page.
// Bytes are what the benchmark server sent (gzip bodies; a revalidation that
// gets 304 sends none), so the service worker's own requests count as well
// as the page's; Playwright's context-level request events say which came
// from the worker. Every file is checked against the list of what a first
// visit may fetch (scripts/first-visit.mjs).
import { allowedOnFirstVisit } from '../first-visit.mjs';
import { log } from './log.mjs';
import { PAGES, PAGE_NAMES } from './pages.mjs';

/** The window after the load event (issue 28: "in its first 10 s"). */
export const FIRST_VISIT_WINDOW_MS = 10_000;

/** The two screens of the pass. */
export const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};

/** One first visit of `pageName` on `screen`: the files and bytes the server sent in the window. */
async function visit({ browser, server, pageName, screen }) {
  const context = await browser.newContext({ ...SCREENS[screen], locale: 'de-DE', serviceWorkers: 'allow' });
  // The service worker's own requests (its bytes on the wire, from the browser).
  const byWorker = [];
  const base = server.url + PAGES[pageName].path;
  context.on('requestfinished', (request) => {
    if (request.serviceWorker()) byWorker.push(request.sizes().then((sizes) => [new URL(request.url()).pathname, Math.max(0, sizes.responseBodySize)]));
  });
  try {
    const page = await context.newPage();
    server.resetLog();
    await page.goto(base, { waitUntil: 'load', timeout: 60_000 });
    const loadedAt = Date.now();
    await page.waitForTimeout(FIRST_VISIT_WINDOW_MS);
    const active = await page.evaluate(async () => Boolean((await navigator.serviceWorker?.getRegistration())?.active));
    const sent = server.log.filter((entry) => entry.status !== 301);
    const worker = await Promise.all(byWorker);
    const workerPaths = new Set(worker.map(([path]) => path));
    const files = sent.map((entry) => {
      const rel = entry.path.slice(new URL(base).pathname.length);
      return {
        path: rel,
        status: entry.status,
        bytes: entry.bytes,
        // Asked for by the worker (the page may have asked too: the server's log does not say who).
        byWorker: workerPaths.has(entry.path),
        listed: pageName === 'app' ? allowedOnFirstVisit(rel, { wide: screen === 'desktop' }) : null,
      };
    });
    return {
      screen,
      windowMs: FIRST_VISIT_WINDOW_MS,
      measuredMs: Date.now() - loadedAt,
      serviceWorker: active,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      workerBytes: worker.reduce((n, [, bytes]) => n + bytes, 0),
      workerRequests: worker.length,
      requests: files.length,
      unlisted: files.filter((f) => f.listed === false).map((f) => f.path),
      pages: files.filter((f) => /^(agentur|ort)\//.test(f.path)).length,
      files,
    };
  } finally {
    await context.close();
  }
}

/** The pass: each screen, app and reference, one first visit each. */
export async function firstVisitPass({ browser, server }) {
  const results = {};
  for (const screen of Object.keys(SCREENS)) {
    for (const pageName of PAGE_NAMES) {
      const run = await visit({ browser, server, pageName, screen });
      (results[screen] ??= {})[pageName] = run;
      log(
        `  first visit, ${screen}, ${pageName}: ${(run.bytes / 1024).toFixed(1)} KB in ${run.requests} requests` +
          (pageName === 'app'
            ? ` (the service worker: ${run.workerRequests} requests, ${(run.workerBytes / 1024).toFixed(1)} KB; ${run.unlisted.length} outside the list, ${run.pages} pages under agentur/ or ort/)`
            : ''),
      );
    }
  }
  return results;
}
