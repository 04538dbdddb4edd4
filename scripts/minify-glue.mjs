// Minifies the wasm-bindgen JS glue of a release build in place (terser) and
// updates its Subresource Integrity hash in the HTML pages that name it: the
// finder's (index.html, glue ia-map-<hash>.js) and the embed-code generator's
// (generator.html, glue generator-<hash>.js); see scripts/build.sh.
//
// Trunk's own `minify` option also minifies the HTML, which drops attribute
// quotes the service worker reads (public/sw.js), so only the glue is
// minified here. Its name keeps Trunk's content hash: the minified file is a
// function of the original, so the name still changes whenever it does.
//
//   node scripts/minify-glue.mjs [dist]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { distArgument } from './lib/cli.mjs';

const dist = distArgument(
  'node scripts/minify-glue.mjs [dist]   (scripts/build.sh runs it on dist)',
  "Minifies the wasm-bindgen JS glue of a release build in place and updates the pages' integrity hashes.",
);
// Each binary's glue and the page that loads it (a page missing from the build is skipped).
// `lazy`: the page shows its prerendered first view before the app runs
// (issue 16), so on phones the app's code is not preloaded: Trunk's
// modulepreload link is dropped, its Wasm preload applies only to the wide
// layout, and public/boot.js starts the download right after the first paint.
// On a slow phone connection the first view then gets the bandwidth, not
// 300 KB of Wasm that change nothing on screen yet.
const BUNDLES = [
  { bin: 'ia-map', page: 'index.html', lazy: true },
  { bin: 'generator', page: 'generator.html', lazy: false },
  { bin: 'pflege', page: 'pflege.html', lazy: false },
];
// Equal to style/app.css's breakpoint and src/app.rs WIDE_LAYOUT
// (scripts/test/breakpoint.test.mjs).
const WIDE_LAYOUT = '(min-width: 56rem)';
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

for (const { bin, page, lazy } of BUNDLES) {
  const pageFile = join(dist, page);
  if (!existsSync(pageFile)) {
    if (page === 'index.html') fail(`no ${pageFile}`);
    console.log(`minify-glue: no ${page}, skipped`);
    continue;
  }
  const pattern = new RegExp(`^${bin}-[0-9a-f]+\\.js$`);
  const glue = readdirSync(dist).filter((name) => pattern.test(name));
  if (glue.length !== 1) fail(`expected one ${bin}-<hash>.js in ${dist}, found ${glue.length}`);
  const file = join(dist, glue[0]);
  const source = readFileSync(file, 'utf8');
  const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!code) fail(`terser returned nothing for ${file}`);
  writeFileSync(file, code);

  const html = readFileSync(pageFile, 'utf8');
  const before = integrity(source);
  const uses = html.split(before).length - 1;
  if (uses === 0) fail(`${page} has no integrity ${before} for ${glue[0]}`);
  let updated = html.split(before).join(integrity(code));
  if (lazy) {
    const glueLink = new RegExp(`<link rel="modulepreload" href="\\./${bin}-[0-9a-f]+\\.js"[^>]*>`);
    const wasmLink = new RegExp(`(<link rel="preload" href="\\./${bin}-[0-9a-f]+_bg\\.wasm")([^>]*>)`);
    if (!glueLink.test(updated) || !wasmLink.test(updated)) fail(`expected the glue's and the Wasm's preload links in ${page}`);
    // Wide screens (the map shows at once) still fetch the Wasm early; the
    // media query is the CSS breakpoint of the side-by-side layout.
    updated = updated.replace(glueLink, '').replace(wasmLink, `$1 media="${WIDE_LAYOUT}"$2`);
  }
  writeFileSync(pageFile, updated);
  console.log(
    `minify-glue: ${glue[0]} ${source.length} → ${code.length} bytes; ${uses} integrity attribute(s) in ${page} updated` +
      (lazy ? `; preloaded only where ${WIDE_LAYOUT} (boot.js loads it after the first paint)` : ''),
  );
}

function fail(message) {
  console.error(`minify-glue: ${message}`);
  process.exit(1);
}
