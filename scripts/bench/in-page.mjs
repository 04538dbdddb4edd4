// The code the benchmark runs inside the measured pages (Playwright sends
// each function's source): the probe injected before any script of the page,
// and the timed filter change. Nothing here may use the module's scope.
//
// What the harness relies on in both pages (the reference page copies the
// app's test ids): a result count text "N Agenturen gefunden" in
// [data-testid=result-count], the list [data-testid=results] > li (entries
// with `hidden` do not count), Leaflet markers .leaflet-marker-icon, where a
// marker with data-count (app) or the class marker-cluster (markercluster)
// stands for that many agencies and any other for one.

/**
 * Injected before any script of the page: records long tasks, keeps the
 * WebAssembly memories the page instantiates (to read their size without an
 * app hook), and notes when the first marker and a visible list entry are in
 * the DOM ("dom") and when the frame after that has been rendered ("painted":
 * a message posted from the next requestAnimationFrame runs after that
 * frame's style, layout and paint).
 *
 * For "what a resident meets first" (bench/README.md, "Phone profile") it
 * also records, from the start of the document:
 * - `element`: Element Timing entries (PerformanceElementTiming) of the
 *   elements marked elementtiming="first-agency" (the first list entry's
 *   name) and elementtiming="static-map"; Chromium reports them for markup in
 *   the initial HTML as well as for elements added later;
 * - `firstAgency`: the fallback for a page without that attribute: the first
 *   visible list entry's name ([data-testid=results] > li:not([hidden])
 *   .result__name, with text and a box) in the DOM, and the next frame;
 * - `firstMarker`: the first Leaflet marker icon in the DOM, and the next frame;
 * - `appFlag`, `bootRemoved`: the app has taken over: <html data-app="ready">
 *   (preferred, once the app sets it), or the element #boot, seen before, is
 *   gone (what src/lib.rs does today);
 * - `lcp`: largest-contentful-paint entries (time, size, element);
 * - `shifts`: layout-shift entries (time, value, input), summed by the harness.
 *
 * It also gives the harness what the page shows (`count()`, `markers()`,
 * `shown()`), and `stop()` to end the watching after the load (the filter
 * changes are measured without it).
 */
export function probe() {
  const bench = (window.__bench = {
    longtasks: [],
    ready: null,
    memories: [],
    element: {},
    firstAgency: null,
    firstMarker: null,
    appFlag: null,
    bootRemoved: null,
    lcp: [],
    shifts: [],
  });
  // What the page shows: the count in the result text (null if none), the agencies in markers, then all with the list.
  bench.count = () => {
    const text = document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
    const digits = /\d[\d.\u202f ]*/.exec(text);
    return /^\s*Keine\b/.test(text) ? 0 : digits ? Number(digits[0].replace(/\D/g, '')) : null;
  };
  bench.markers = () => {
    let agencies = 0;
    let icons = 0;
    for (const marker of document.querySelectorAll('.leaflet-marker-icon')) {
      icons += 1;
      const n = marker.getAttribute('data-count');
      if (n !== null) agencies += Number(n);
      else if (marker.classList.contains('marker-cluster')) agencies += Number(marker.textContent);
      else agencies += 1;
    }
    return { agencies, icons };
  };
  bench.shown = () => {
    const { agencies, icons } = bench.markers();
    return {
      text: document.querySelector('[data-testid="result-count"]')?.textContent ?? '',
      count: bench.count(),
      list: document.querySelectorAll('[data-testid="results"] > li:not([hidden])').length,
      markers: agencies,
      icons,
    };
  };
  const describe = (node) => {
    if (!node || !node.tagName) return null;
    const classes = typeof node.className === 'string' ? node.className.trim().split(/\s+/).filter(Boolean) : [];
    return node.tagName.toLowerCase() + (node.id ? `#${node.id}` : '') + classes.map((c) => `.${c}`).join('');
  };
  const text = (node) => (node?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) onEntry(entry);
      }).observe({ type, buffered: true });
    } catch {
      return false;
    }
    return true;
  };
  if (!observe('longtask', (entry) => bench.longtasks.push([entry.startTime, entry.duration]))) bench.longtasks = null;
  observe('element', (entry) => {
    const time = entry.renderTime || entry.loadTime;
    const seen = bench.element[entry.identifier];
    // The earliest paint counts: the prerendered entry, not the one the app puts in its place.
    if (!seen || time < seen.time) {
      bench.element[entry.identifier] = { time, element: describe(entry.element), text: text(entry.element), count: (seen?.count ?? 0) + 1 };
    } else {
      seen.count += 1;
    }
  });
  observe('largest-contentful-paint', (entry) => {
    bench.lcp.push({ time: entry.startTime, size: entry.size, element: describe(entry.element), text: text(entry.element), url: entry.url || null });
  });
  observe('layout-shift', (entry) => {
    let biggest = null;
    for (const source of entry.sources ?? []) {
      const area = source.currentRect.width * source.currentRect.height;
      if (!biggest || area > biggest.area) biggest = { area, node: describe(source.node) };
    }
    bench.shifts.push({ time: entry.startTime, value: entry.value, input: entry.hadRecentInput, node: biggest?.node ?? null });
  });
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
    if (instance) {
      for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) bench.memories.push(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
  // Calls `then` with the time the frame after this moment has been rendered.
  bench.afterNextFrame = (then) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(null);
    });
  // A moment in the DOM and the frame after it: { dom, painted, ... }.
  const stamp = (extra) => {
    const moment = { dom: performance.now(), painted: null, ...extra };
    bench.afterNextFrame((now) => {
      moment.painted = now;
    });
    return moment;
  };
  const visible = (node) => Boolean(node && node.getClientRects().length > 0);
  const ready = () => {
    if (!document.querySelector('.leaflet-marker-icon')) return false;
    return visible(document.querySelector('[data-testid="results"] > li:not([hidden])'));
  };
  let bootSeen = false;
  const firsts = () => {
    if (!bench.firstAgency) {
      const name = document.querySelector('[data-testid="results"] > li:not([hidden]) .result__name');
      if (name && text(name) && visible(name)) bench.firstAgency = stamp({ element: describe(name), text: text(name) });
    }
    if (!bench.marked && document.querySelector('[elementtiming="first-agency"]')) bench.marked = true;
    if (!bench.firstMarker && document.querySelector('.leaflet-marker-icon')) bench.firstMarker = stamp();
    if (!bench.appFlag && document.documentElement?.dataset.app === 'ready') bench.appFlag = stamp({ signal: 'data-app="ready"' });
    if (!bench.bootRemoved) {
      const boot = document.getElementById('boot');
      if (boot) bootSeen = true;
      else if (bootSeen) bench.bootRemoved = stamp({ signal: '#boot removed' });
    }
  };
  const observer = new MutationObserver(() => {
    firsts();
    if (bench.ready || !ready()) return;
    bench.ready = stamp();
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden', 'data-app'],
  });
  bench.stop = () => observer.disconnect();
}

/** In the page: what it shows now (result count and its text, visible entries, agencies in markers, marker icons). */
export const shownState = () => window.__bench.shown();

/**
 * In the page: clicks `selector` and resolves with the time until the DOM
 * shows the expected result (count text, list entries and markers all
 * agree) and until the frame after that is rendered; or with the state it
 * was left in when `timeoutMs` passed.
 */
export function measureChange({ selector, expected, listLimit, timeoutMs }) {
  const bench = window.__bench;
  return new Promise((resolveChange) => {
    const element = document.querySelector(selector);
    if (!element) return resolveChange({ error: `no element ${selector}` });
    if (element.disabled) return resolveChange({ error: `${selector} is disabled` });
    const wantList = Math.min(expected, listLimit);
    let start = 0;
    let finished = false;
    // The cheapest checks first: the count text (the reference page writes
    // it last), the markers (a few hundred icons), then everything again with
    // the list (up to 100,000 entries).
    const done = () => {
      if (bench.count() !== expected || bench.markers().agencies !== expected) return false;
      const state = bench.shown();
      return state.count === expected && state.markers === expected && state.list === wantList;
    };
    const timer = setTimeout(() => {
      finished = true;
      observer.disconnect();
      resolveChange({ timeout: true, state: bench.shown() });
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (finished || !done()) return;
      finished = true;
      const dom = performance.now() - start;
      observer.disconnect();
      clearTimeout(timer);
      bench.afterNextFrame((now) => resolveChange({ dom, painted: now - start }));
    });
    observer.observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'data-count', 'class'],
    });
    start = performance.now();
    element.click();
  });
}
