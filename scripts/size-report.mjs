// Prints the gzip size of the release build by kind and fails when the app
// code (Wasm + JS) of either page is over budget: the finder's first visit
// (index.html: its Wasm, JS glue, boot.js, sw-register.js) and, on a line of
// its own, the embed-code generator's page (generator.html, its own Wasm;
// issue 16: residents never download it); and when everything a first visit
// transfers (the list in scripts/first-visit.mjs; issue 28) is over budget. Language files (locales/*.json),
// if the build has them, are printed on a line of their own.
// Usage: node scripts/size-report.mjs [dist]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstVisitFiles } from './first-visit.mjs';
import { distArgument } from './lib/cli.mjs';

const dist = distArgument(
  'node scripts/size-report.mjs [dist]   (make test-size runs it on dist)',
  'The gzip size of a release build by kind; fails when the app code of the finder or the generator is over budget.',
);
// Target: 200 KB (issue 2, and issue 16 for a German-speaking resident's first
// visit; stretch 150). NOT MET: measured 305.8 KB on 2026-12-01 (issue 16's
// closing note says why). History: 262 KB at the first finder; 223 KB after removing float
// formatting/parsing and the Unicode lowercase table and `erase_components`;
// then +12 KB for the place combobox and +34 KB for "near me" (place index, origin,
// radius, geolocation, distance order) and +21 KB for embedding (embed mode, locks,
// gestures, height messages, the generator page) and +29 KB for seven more interface
// languages compiled in; +1.2 KB for fetching the dataset as bytes (100,000
// agencies: first markers 4.0 → 3.0 s); +6.8 KB for hide=, the generator's language and
// controls, the accessibility-statement link and the details fix; then −14.6 KB (333.7 →
// 319.1) for loading with a signal and a task instead of a LocalResource, and
// building code sets by insertion (both found on the size branch); +0.4 KB for fetching
// config and dataset together and creating the map in its own task; −2.4 KB for
// minifying the JS glue (terser); +1.2 KB for making the map only when it is first on
// screen (phones); −9.3 KB (318.6 → 309.3) for moving the embed-code generator
// into its own page and Wasm (issue 16); −9.1 KB (measured on its branch) for
// the seven other interface languages as files fetched when chosen; +3.3 KB for
// the prerendered first view's takeover (mount beside it, swap, entries as
// links); −0.4 KB net for reading page parameters with the browser's
// URLSearchParams plus the Kreis-only display and the map legend (issue 19):
// 304.7 KB, then +1.1 KB for the media-gated preloads and the boot.js wait:
// 305.8 KB; +5.6 KB for the "noch keine Agentur erfasst" answer (issue 19: the
// Kreise list read from the dataset, empty places in the picker, the nearest
// agencies from a place's centre, the answer with its links; measured against a
// build of the commit before it, 755,365 → 770,501 bytes of Wasm): 311.4 KB
// (budget 312.3 KB). Costs per part are in docs/size.md and bench/twiggy-top20.md.
// These budgets only guard against regressions; lower them with every saving.
// Then +1.2 KB after merging issue 20 (readable place slugs, +0.9 KB measured on its
// branch) and issue 18 part 1 (embed layouts, the map in every embed): 312.6 KB.
// Then +8.5 KB for issue 18 part 2 (measured on its branch against a build of main at
// 4c38429: 312.5 → 321.0 KB; Wasm 301.3 → 309.4 KB): the map's own background
// (src/map/basemap.rs: the band files parsed into Leaflet layers, names placed by
// ia_core::labels off markers and controls, the lazy Gemeinde band), the tile consent
// (config key, sessionStorage, the button only once the map exists) and the embed's
// foldable legend: budget 322.0 KB.
// Then +9.6 KB (312.6 → 322.2 KB, measured before merging issue 18 part 2) for issue 20's
// remainder on its branch: "Teilen" / "Link kopieren" with the copy-by-hand field
// and the QR link (ui/share.rs, 7.6 KB raw before wasm-opt), the printed list's
// selection line, "Stand" and each entry's contact line (ui/status.rs +3.1 KB raw,
// ui/detail.rs, the finder's note effect), 18 more texts compiled in (the
// reader +1.1 KB raw, the German strings). No QR encoder: that is the generator's.
// Both merged (share branch after merging main at a48586c): 331.1 KB.
// Then +2.5 KB (331.1 → 333.6 KB, issue 30, measured on its branch against main at
// 7eab2b9) for reading config.json key by key (a small object reader, each key parsed
// alone, the checks of the address keys, a warning per ignored key) and the operator
// note's text in the texts table; a BTreeMap for the keys cost 1.2 KB more and was
// replaced: budget 334.0 KB.
// Issue 28: the finder's Wasm split into parts loaded on first use
// (scripts/split-wasm.mjs, src/parts.rs); this budget is the first load alone,
// the parts have their own below. Measured 295.4 KB on its branch (Wasm 325.9 →
// 281.8 KB; the glue 9.8 KB, the parts' loader 1.5 KB, sw-register.js +0.5 KB
// for the idle prefetch): budget 296.5 KB. 295.8 KB with the way back to the
// list while the detail's part loads (+0.4 KB).
// Both merged (issue 30's key-by-key reader on top of the parts): budget 299.0 KB.
// Then issues 27 and 28 (part 1) merged: 308.3 KB (+9.3 KB): the list's way to
// reach each agency (ui/contact.rs, ia_core::reach: the reach line and the printed
// contact line, on the first screen), the "bitte vor einem Besuch prüfen" note
// (ia_core::evidence), the data page's link in the footer, three config.json keys
// of the open data, and the start in parts (takeover.rs: the list built a slice per
// task, so no long task at start). Not measured apart per issue: 309.0 KB. The
// start in parts reverted (it broke embeds and the paged list once merged):
// 303.3 KB, so issue 27's share is about +4.3 KB: budget 304.5 KB.
const BUDGET_APP_GZIP = 304.5 * 1024;
// Every part loaded on first use (issue 28's target: each at most 40 KB gzip).
// Chunks (code several parts share) count like parts.
const BUDGET_PART_GZIP = 40.0 * 1024;
// The generator's page (generator.html: its Wasm and glue, boot.js, sw-register.js),
// measured 166.0 KB when it got its own Wasm (issue 16), 156.8 KB with the
// languages as files, + 2 KB; 159.0 KB with the dataset's Kreise list (issue 19), + 1 KB.
// + 0.6 KB (159.9 → 160.5, issue 18 part 2, measured as above): the generator reads
// config.json too, which gained `tile_consent` and `basemap_dir`: budget 161.0 KB.
// Then +24.5 KB (159.9 → 184.4 KB; 374.0 → 425.9 KB raw Wasm) for issue 20's QR code
// for any address: the qrcode crate (20.7 KB raw code before wasm-opt, plus its
// version tables), the section drawing SVG and a canvas PNG (ui/qr_code.rs,
// src/qr.rs, web-sys canvas bindings) and the async clipboard copy now shared with
// the finder (ui/share.rs). Residents never download it; + 0.7 KB.
// Both merged (share branch after merging main at a48586c): 185.3 KB.
// Then +5.6 KB (185.3 → 190.9 KB, issue 30, measured as above): the generator page
// shows the operator which config.json keys were ignored (the note, its signal), and
// now keeps the config it reads, with the key-by-key reading and the address checks
// it did not link before (the report address, the tile template): budget 191.5 KB.
// 195.0 KB after issue 27 (+3.5 KB: the texts table's 17 new keys, whose German
// file every page compiles in, and config.json's three open-data keys):
// budget 196.0 KB.
const BUDGET_GENERATOR_GZIP = 196.0 * 1024;
// The maintenance page (pflege.html: its Wasm and glue, boot.js, sw-register.js;
// issue 21): the whole import with .xlsx/.ods reading (calamine) and writing
// (rust_xlsxwriter). Measured 678.2 KB when it was added, + 2 KB. Residents never
// download it; only maintainers do, once.
// 678.2 KB on its branch, 685.1 KB merged (the Wasm itself measured identical by
// another helper; the rest is the glue and shared files): budget 686.0 KB.
// 686.0 KB measured on the share branch after merging main at a48586c (a few bytes
// over, by rounding: the page's shared texts and config grew): + 1 KB.
// + 10.9 KB (687.0 → 697.9, issue 29) for the publication package's offer
// (src/bin/upkeep/package.rs: the on-demand import of the publication Wasm, its
// steps with a progress bar, the download; its texts): budget 699.0 KB.
// 705.2 KB after issue 27 (+6.2 KB: the import reads and reports the new fields,
// field sources and contact kinds, and the page fetches the change list for the
// package): budget 706.0 KB.
const BUDGET_PFLEGE_GZIP = 706.0 * 1024;
// The publication package's Wasm and glue (issue 29: the build-time renderer with
// resvg, the DejaVu fonts, the PNG and ZIP encoders; scripts/build-publish.sh):
// named in pflege.html, loaded only when staff ask for the package, so neither
// residents nor the maintenance page's first load download it. Measured
// 2275.6 KB when it was added (6078.7 KB raw Wasm), + 5 KB. 2370.0 KB with issue 27
// (+94 KB): the package carries the open data (CSV and GeoJSON export, the DCAT-AP.de
// record, the data page with its change list), and the static pages' contact fallback
// and source lines. 2375.3 KB with issue 31 (+7.8 KB, 15 KB raw): the static pages'
// words come from locales/pages/de.json through the finder's one `texts!` mechanism
// (its reader and checks, and the file itself) instead of string constants, and the
// site's inputs are built in one place for both renderers: budget 2380.0 KB.
// 2381.5 KB later in issue 31 (+6.2 KB, measured by building it with and without
// each change): +5.5 KB as the rest of the static pages' German (the open-data
// page, titles, descriptions, preview texts) and LIESMICH.txt moved into
// locales/pages/de.json (94 keys: the file and the table's reader code), +0.7 KB
// for the one strict GeoJSON reader (ia_core::geojson) in place of the tolerant
// one: budget 2385.0 KB. Staff only, on demand; no resident downloads it.
const BUDGET_PUBLISH_GZIP = 2385.0 * 1024;
const isPublish = (rel) => /^publish-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(rel);
// Everything a resident's first visit transfers (issue 28): the files of
// scripts/first-visit.mjs as this build has them, each once (the service
// worker's install finds the page's own fetches in the HTTP cache, or gets a
// 304), gzip -9. Target 350 KB (issue 28); 756 KB before issue 28, when the
// service worker also installed every page under agentur/ (the list links
// each); measured 462.5 KB with the shell only (the finder's Wasm is 319 KB of
// it; loading features on use is issue 28's part 2): budget 463.5 KB. With the
// parts (issue 28 part 2) and issue 27 merged: 447.9 KB; 449.5 KB with the parts'
// loader and the glue's inline snippet, which the first visit fetches too and the
// list now names: budget 450.5 KB (on a phone; on a wide screen the map's part
// and its chunks come too, scripts/first-visit.mjs). 444.3 KB without the start in
// parts: budget 445.5 KB.
const BUDGET_FIRST_VISIT_GZIP = 445.5 * 1024;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

// The same-origin files a page names (as public/sw.js reads them): links,
// scripts, and the app's glue and Wasm in <meta name="ia-app" content="JS WASM">.
const named = (page) => {
  const file = join(dist, page);
  if (!existsSync(file)) return new Set();
  const html = readFileSync(file, 'utf8');
  const app = /<meta name="ia-app" content="([^"]*)"/.exec(html)?.[1].split(' ') ?? [];
  return new Set([...[...html.matchAll(/\b(?:href|src)="([^"#:]+)"/g)].map(([, url]) => url), ...app].map((url) => url.replace(/^\.\//, '')));
};
const finderFiles = named('index.html');
// The finder's parts loaded on first use (issue 28): `<meta name="ia-part"
// content="<part>" data-part="<file>">`, written by scripts/split-wasm.mjs.
// (The loader, a JS module the glue imports, is named by a modulepreload link: first load.)
const finderParts = new Map();
if (existsSync(join(dist, 'index.html'))) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  for (const [, part, url] of html.matchAll(/<meta name="ia-part" content="([\w-]+)" data-part="([^"#:]+)">/g)) {
    finderParts.set(url.replace(/^\.\//, ''), part);
  }
}
// The generator's own files: its page and what only it names (its Wasm and glue).
const generatorFiles = named('generator.html');
const generatorOnly = new Set(['generator.html', ...[...generatorFiles].filter((rel) => !finderFiles.has(rel))]);
// The maintenance page's (pflege.html, issue 21) likewise: residents never download it.
const pflegeFiles = named('pflege.html');
const pflegeOnly = new Set(['pflege.html', ...[...pflegeFiles].filter((rel) => !finderFiles.has(rel))]);

const kinds = {};
let generator = 0;
let pflege = 0;
let publish = 0;
// The compressed copies ia-prerender writes beside the files (FILE.gz,
// FILE.br, docs/deploy.md) are another form of their file, not files of their own.
const copies = { '.gz': { files: 0, bytes: 0 }, '.br': { files: 0, bytes: 0 } };
for (const path of files(dist)) {
  const rel = path.slice(dist.length + 1);
  const ext = extname(path);
  if (copies[ext] && existsSync(path.slice(0, -ext.length))) {
    copies[ext].files += 1;
    copies[ext].bytes += statSync(path).size;
    continue;
  }
  let kind = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' }[ext] ?? 'other';
  if (rel.startsWith('vendor/')) kind = `vendor ${kind}`;
  if (rel.startsWith('data/')) kind = rel.includes('boundaries') ? 'boundaries' : 'data';
  if (rel.startsWith('locales/')) kind = 'locales';
  // The static pages per agency and per place (src/pages/): read one at a time, never with the app.
  if (rel.startsWith('agentur/') || rel.startsWith('ort/')) kind = `pages ${ext === '.html' ? 'html' : 'images'}`;
  // The service worker runs beside the page, not in it: not part of the app's load.
  if (rel === 'sw.js') kind = 'service worker';
  const part = finderParts.get(rel);
  if (part) kind = `part ${part}`;
  if (generatorOnly.has(rel)) kind = `generator ${kind}`;
  if (pflegeOnly.has(rel)) kind = `pflege ${kind}`;
  if (isPublish(rel)) kind = `publish ${ext === '.wasm' ? 'wasm' : 'js'}`;
  const raw = readFileSync(path);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const entry = (kinds[kind] ??= { raw: 0, gzip: 0, files: 0 });
  entry.raw += raw.length;
  entry.gzip += gzip;
  entry.files += 1;
  if (generatorFiles.has(rel) && (ext === '.wasm' || ext === '.js') && !rel.startsWith('vendor/')) generator += gzip;
  if (isPublish(rel)) publish += gzip;
  else if (pflegeFiles.has(rel) && (ext === '.wasm' || ext === '.js') && !rel.startsWith('vendor/')) pflege += gzip;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('size report (gzip -9):');
for (const [kind, { raw, gzip, files }] of Object.entries(kinds).sort()) {
  console.log(`  ${kind.padEnd(16)} ${kb(gzip).padStart(10)} gzip ${kb(raw).padStart(10)} raw  (${files} files)`);
}
let failed = false;
const check = (label, size, budget) => {
  console.log(`  ${label.padEnd(34)} ${kb(size).padStart(10)} gzip (budget ${kb(budget)})`);
  if (size > budget) {
    console.error(`size budget exceeded: ${label} is ${kb(size)} gzip, budget ${kb(budget)}`);
    failed = true;
  }
};
// The finder's first visit: every Wasm and JS file but the vendored, the
// service worker and the generator's own.
const app = (kinds.wasm?.gzip ?? 0) + (kinds.js?.gzip ?? 0);
check('app Wasm+JS (index.html)', app, BUDGET_APP_GZIP);
// The parts loaded on first use, each with its budget; together, what the
// service worker fetches ahead once the app has been idle (not the first visit).
let partsTotal = 0;
for (const [kind, { gzip }] of Object.entries(kinds).sort()) {
  if (!kind.startsWith('part ')) continue;
  partsTotal += gzip;
  check(`  ${kind} (on first use)`, gzip, BUDGET_PART_GZIP);
}
if (partsTotal > 0) {
  console.log(`  ${'parts, all (fetched when idle)'.padEnd(34)} ${kb(partsTotal).padStart(10)} gzip (not part of the first visit)`);
  const map = kinds['part map']?.gzip ?? 0;
  console.log(`  ${'app Wasm+JS, wide screens (+map)'.padEnd(34)} ${kb(app + map).padStart(10)} gzip (the map's part loads at start there)`);
}
// What a German-speaking resident's first visit downloads besides Leaflet:
// the page (with the prerendered list and map), its CSS, the app. Not the
// language files, the place index (on use) or the generator.
const page = kinds.html?.gzip ?? 0;
const css = kinds.css?.gzip ?? 0;
console.log(`  ${'first visit (page+CSS+Wasm+JS)'.padEnd(34)} ${kb(page + css + app).padStart(10)} gzip (page ${kb(page)}, CSS ${kb(css)}; Leaflet and the data not counted)`);
// A first visit, everything transferred: the explicit list (scripts/first-visit.mjs) in this build.
const visit = firstVisitFiles(dist).map((rel) => [rel, gzipSync(readFileSync(join(dist, rel)), { level: 9 }).length]);
check('a first visit, everything transferred', visit.reduce((n, [, gzip]) => n + gzip, 0), BUDGET_FIRST_VISIT_GZIP);
console.log(`    ${visit.map(([rel, gzip]) => `${rel} ${kb(gzip)}`).join(', ')}`);
if (generatorFiles.size > 0) check('generator Wasm+JS (generator.html)', generator, BUDGET_GENERATOR_GZIP);
else console.log('  (no generator.html in this build)');
if (pflegeFiles.size > 0) check('maintenance Wasm+JS (pflege.html)', pflege, BUDGET_PFLEGE_GZIP);
else console.log('  (no pflege.html in this build)');
if (publish > 0) check('publication Wasm+JS (on demand)', publish, BUDGET_PUBLISH_GZIP);
if (kinds.locales) {
  const { gzip, files } = kinds.locales;
  console.log(`  ${'language files (locales/*.json)'.padEnd(34)} ${kb(gzip).padStart(10)} gzip (${files} files)`);
}
for (const [ext, { files, bytes }] of Object.entries(copies)) {
  if (files) console.log(`  ${`compressed copies (*${ext})`.padEnd(34)} ${kb(bytes).padStart(10)} (${files} files, not counted above)`);
}
if (failed) process.exit(1);
