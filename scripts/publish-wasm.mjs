// The publication package's Wasm into the build (scripts/build-publish.sh):
// minifies the wasm-bindgen glue (terser, as scripts/minify-glue.mjs does
// for the pages' glue), names the glue and the Wasm by their content
// (publish-<hash>.js, publish-<hash>_bg.wasm, like Trunk's hashed files, so
// the service worker keeps them cache-first) and writes both names into
// pflege.html as <meta name="ia-publish" content="JS WASM"> (a meta
// needs its content to be valid HTML). The
// maintenance page imports the glue from there when the package is asked for.
//
//   node scripts/publish-wasm.mjs STAGE DIST
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const [stage, dist] = process.argv.slice(2);
if (!stage || !dist) fail('usage: node scripts/publish-wasm.mjs STAGE DIST');

const wasm = readFileSync(join(stage, 'publish_bg.wasm'));
const source = readFileSync(join(stage, 'publish.js'), 'utf8');
const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
if (!code) fail('terser returned nothing for publish.js');
const hash = createHash('sha256').update(wasm).update(code).digest('hex').slice(0, 16);
const js = `publish-${hash}.js`;
const bg = `publish-${hash}_bg.wasm`;
for (const old of readdirSync(dist).filter((name) => /^publish-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(name))) {
  rmSync(join(dist, old));
}
writeFileSync(join(dist, js), code);
writeFileSync(join(dist, bg), wasm);

const page = join(dist, 'pflege.html');
const html = readFileSync(page, 'utf8');
const meta = `<meta name="ia-publish" content="./${js} ./${bg}">`;
const existing = /<meta name="ia-publish"[^>]*>/;
let updated;
if (existing.test(html)) updated = html.replace(existing, meta);
else if (html.includes('</head>')) updated = html.replace('</head>', `${meta}\n</head>`);
else fail(`${page} has no </head>`);
writeFileSync(page, updated);
console.log(`publish-wasm: ${js} (${code.length} bytes) and ${bg} (${wasm.length} bytes) named in ${page}`);

function fail(message) {
  console.error(`publish-wasm: ${message}`);
  process.exit(1);
}
