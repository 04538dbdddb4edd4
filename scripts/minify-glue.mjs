// Minifies the wasm-bindgen JS glue of a release build in place (terser) and
// updates its Subresource Integrity hash in index.html.
//
// Trunk's own `minify` option also minifies index.html, which drops attribute
// quotes the service worker reads (public/sw.js), so only this file is
// minified here. Its name keeps Trunk's content hash: the minified file is a
// function of the original, so the name still changes whenever it does.
//
//   node scripts/minify-glue.mjs [dist]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const glue = readdirSync(dist).filter((name) => /^ia-map-[0-9a-f]+\.js$/.test(name));
if (glue.length !== 1) {
  console.error(`minify-glue: expected one ia-map-<hash>.js in ${dist}, found ${glue.length}`);
  process.exit(1);
}
const file = join(dist, glue[0]);
const source = readFileSync(file, 'utf8');
const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
if (!code) {
  console.error(`minify-glue: terser returned nothing for ${file}`);
  process.exit(1);
}
writeFileSync(file, code);

const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const indexFile = join(dist, 'index.html');
const index = readFileSync(indexFile, 'utf8');
const before = integrity(source);
const uses = index.split(before).length - 1;
if (uses === 0) {
  console.error(`minify-glue: index.html has no integrity ${before} for ${glue[0]}`);
  process.exit(1);
}
writeFileSync(indexFile, index.split(before).join(integrity(code)));
console.log(`minify-glue: ${glue[0]} ${source.length} → ${code.length} bytes; ${uses} integrity attribute(s) updated`);
