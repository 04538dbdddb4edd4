// Offline support; strategy in docs/deploy.md ("Offline"). Hashed app files:
// cache first. The page, config.json, data and other files of the app: network
// first, cache when offline or on a 5xx. Other origins (tiles): not touched.
// The install caches the finder's shell only (issue 28): the page and the
// files its <head> names (the hashed app files, Leaflet, the manifest and
// icon), config.json, the dataset, the outline and the first band of the map's
// background. Not what the page's body links to: the pages under agentur/ and
// ort/ (every list entry links one), their images and QR codes, the generator
// (generator.html) and the maintenance page (pflege.html) with their own Wasm,
// the downloads. Those are cached when visited (network first, below), and a
// visited page with its own Wasm keeps its files like the finder's. The list
// of what a first visit may fetch is scripts/first-visit.mjs (tested).
const CACHE = 'ia-map-v1';
const SCOPE = new URL(self.registration.scope);
const GENERATOR = new URL('generator.html', SCOPE).href;
// The pages with their own Wasm: a visit to one keeps the hashed files the others name.
const PAGES = [SCOPE.href, GENERATOR, new URL('pflege.html', SCOPE).href];
// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, at times fewer.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

// Same-origin files a page (index.html, generator.html) names: its links and
// scripts, and the app's glue and Wasm in <meta name="ia-app" content="JS WASM">
// (Trunk.toml). Links to `?agency=…` are views of the page itself, not files.
const named = (html) =>
  new Set(
    [
      ...[...html.matchAll(/\b(?:href|src)="([^"#:?][^"#:]*)"/g)].map(([, url]) => url),
      ...(/<meta name="ia-app" content="([^"]*)"/.exec(html)?.[1].split(' ') ?? []),
    ].map((url) => new URL(url, SCOPE).href),
  );
// The finder's parts loaded on first use (issue 28; index.html's
// `<meta name="ia-part" data-part>`, written by scripts/split-wasm.mjs):
// hashed files, cached when the app first fetches them, kept while a cached
// page lists them, and fetched ahead when the app has been idle (below).
const parts = (html) => new Set([...html.matchAll(/\bdata-part="([^"#:?][^"#:]*)"/g)].map(([, url]) => new URL(url, SCOPE).href));
// The page's <head>: what the page itself loads, not what its body links to.
const head = (html) => {
  const end = html.search(/<\/head>/i);
  return end < 0 ? '' : html.slice(0, end);
};
const fresh = (url) => new Request(new URL(url, SCOPE), { cache: 'no-cache' });
const keep = (event, request, response) => {
  const copy = response.ok && response.clone();
  if (copy) event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
};

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const index = await fetch(fresh(SCOPE));
      if (!index.ok) throw new Error(`index.html: HTTP ${index.status}`);
      const urls = named(head(await index.clone().text()));
      await cache.put(SCOPE, index);
      const config = await fetch(fresh('config.json'));
      const settings = config.ok ? await config.clone().json().catch(() => ({})) : {};
      if (config.ok) await cache.put(fresh('config.json'), config);
      // The dataset, outline and first view of the map's own background
      // (kreise.json; the Gemeinde file is fetched when zoomed in) config.json
      // names, if on this origin.
      const basemap = typeof settings.basemap_dir === 'string' ? settings.basemap_dir : 'data/basemap/';
      const kreise = `${basemap}${basemap === '' || basemap.endsWith('/') ? '' : '/'}kreise.json`;
      for (const url of [settings.dataset_url ?? 'data/agencies.json', settings.outline_url, kreise]) {
        if (typeof url === 'string' && url && !url.includes(':') && !url.startsWith('//')) urls.add(new URL(url, SCOPE).href);
      }
      urls.delete(SCOPE.href);
      // Leaflet's script, which the app loads when the map is first shown
      // (the page's head preloads it only for the wide layout): kept for offline use.
      urls.add(new URL('vendor/leaflet/leaflet.js', SCOPE).href);
      await cache.addAll([...urls].map((url) => (HASHED.test(url) ? url : fresh(url))));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith('ia-map-') && n !== CACHE).map((n) => caches.delete(n)))),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const pageKey = url.pathname === `${SCOPE.pathname}index.html` ? SCOPE.href : new URL(url.pathname, SCOPE).href;
  if (request.mode === 'navigate' && PAGES.includes(pageKey)) {
    event.respondWith(page(event, pageKey));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request).then((response) => (keep(event, request, response), response))));
  } else {
    event.respondWith(networkFirst(event, request, request));
  }
});

// A page (the finder, the generator, the maintenance page), whatever its
// query, is kept under its address without the query (`key`); a new one drops
// the hashed files of older builds that neither it nor another cached page names.
async function page(event, key) {
  const response = await networkFirst(event, event.request, key);
  if (response.ok && response.type !== 'opaqueredirect') {
    const html = response.clone().text();
    event.waitUntil(
      (async () => {
        const text = await html;
        const wanted = new Set([...named(text), ...parts(text)]);
        const cache = await caches.open(CACHE);
        for (const other of PAGES.filter((p) => p !== key)) {
          const otherPage = await cache.match(other);
          if (otherPage) {
            const otherText = await otherPage.text();
            for (const url of [...named(otherText), ...parts(otherText)]) wanted.add(url);
          }
        }
        for (const key of await cache.keys()) {
          if (HASHED.test(new URL(key.url).pathname) && !wanted.has(key.url)) await cache.delete(key);
        }
      })(),
    );
  }
  return response;
}

// The app has been idle for a while (public/sw-register.js): the parts it
// has not used yet are fetched now, so that they work offline too. Not when
// the browser asks to save data. Counted apart from the first visit
// (tests/e2e/parts.spec.ts, scripts/size-report.mjs).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'ia-map:prefetch-parts') return;
  if (self.navigator.connection?.saveData) return;
  event.waitUntil(
    (async () => {
      const page = await caches.match(SCOPE.href);
      if (!page) return;
      const cache = await caches.open(CACHE);
      for (const url of parts(await page.text())) {
        if (!(await cache.match(url))) await cache.add(url).catch(() => {});
      }
    })(),
  );
});

async function networkFirst(event, request, key) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cached = await caches.match(key);
    if (cached) return cached;
    throw error;
  }
  if (response.status >= 500) return (await caches.match(key)) ?? response;
  keep(event, key, response);
  return response;
}
