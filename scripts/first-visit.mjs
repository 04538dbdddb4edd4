// What a resident's first visit may fetch (issue 28): the finder's shell,
// which the service worker installs (public/sw.js), and nothing else. Not the
// pages under agentur/ and ort/ the list links to, their images and QR codes,
// the other pages (generator.html, pflege.html) and their files, another
// language's file, the place index of "near me" or the Gemeinde band of the
// map's background: those are fetched, and then cached, when used.
//
// One list, read by the test that records every request of a first visit for
// 10 s after load (tests/e2e/first-visit.spec.ts), the size report's "a first
// visit, everything transferred" (scripts/size-report.mjs) and the
// benchmark's first-visit pass (scripts/bench/first-visit.mjs). A file added
// to the first visit is added here, with its reason.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The files, relative to the site's folder; `''` is the folder itself (its index.html). */
export const FIRST_VISIT = [
  { path: '', what: 'the page, with the prerendered list and static map' },
  { pattern: /^(app|boot|gate|sw-register|ia-map)-[0-9a-f]{12,16}(_bg)?\.(css|js|wasm)$/, what: "the app's hashed files: style, scripts, the finder's Wasm and its glue" },
  { pattern: /^ia-map-parts-[0-9a-f]{12,16}\.js$/, what: "the parts' loader (issue 28), which fetches a part of the finder when it is first used" },
  { pattern: /^snippets\/ia-map-[0-9a-f]{12,16}\/inline[0-9]+\.js$/, what: "the finder's inline JS snippets (wasm-bindgen), which its glue imports" },
  { pattern: /^ia-map-(map|chunk[0-9]+)-[0-9a-f]{12,16}\.wasm$/, wide: true, what: 'wide screens only: the map\'s part and the chunks of code it shares with other parts, because the map shows at start there (on phones behind "Karte")' },
  { path: 'config.json', what: 'the deployment settings' },
  { path: 'data/agencies.json', what: 'the dataset' },
  { path: 'data/boundaries/nrw-land.geojson', what: 'the NRW outline under the markers' },
  { path: 'data/basemap/kreise.json', what: "the map background's first band (Kreis borders and names)" },
  { path: 'vendor/leaflet/leaflet.js', what: "Leaflet's script (on phones only the service worker fetches it, for offline use)" },
  { path: 'vendor/leaflet/leaflet.css', what: "Leaflet's style" },
  { path: 'manifest.webmanifest', what: 'the web app manifest (installing)' },
  { path: 'icons/icon-192.png', what: 'the icon (tab, home screen)' },
  { path: 'sw.js', what: 'the service worker itself' },
];

/** Whether `path` (relative to the site's folder, no query) may be fetched on a first visit; `wide`: on a wide screen. */
export function allowedOnFirstVisit(path, { wide = false } = {}) {
  if (path === 'index.html') path = '';
  return FIRST_VISIT.some((entry) => (!entry.wide || wide) && (entry.pattern ? entry.pattern.test(path) : entry.path === path));
}

/** The files of the build in `dist` that a first visit fetches, relative to it (index.html for the page). */
export function firstVisitFiles(dist) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(join(dist, dir))) {
      const rel = dir ? `${dir}/${name}` : name;
      if (statSync(join(dist, rel)).isDirectory()) walk(rel);
      else if (allowedOnFirstVisit(rel)) files.push(rel);
    }
  };
  if (existsSync(dist)) walk('');
  return files.sort();
}
