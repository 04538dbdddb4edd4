// Splits the finder's Wasm into the part every visitor needs and the parts
// loaded on first use (issue 28; src/parts.rs), and puts them into dist/ in
// place of the single Wasm Trunk wrote. scripts/build.sh runs it after Trunk
// has built index.html with the `split` feature (index.html's rust link), so
// that cargo's output, target/wasm32-unknown-unknown/release/ia-map.wasm,
// still carries its relocations (build.rs). The steps:
//
//   1. wasm-split-cli (crate wasm_split_cli_support, scripts/setup.sh): the
//      main module, one module per part (`split_<part>.wasm`), modules of code
//      several parts share (`chunk_<n>.wasm`), and the loader `__wasm_split.js`;
//   2. wasm-bindgen on the main module (`--keep-lld-exports --no-demangle`:
//      the parts call into it through its exports);
//   3. wasm-opt -Oz on every module, as Trunk does;
//   4. content-hashed names (`ia-map-<part>-<hash>.wasm`, which the service
//      worker caches like every hashed file), the loader's fetches with the
//      parts' integrity, the loader minified; the glue and the main Wasm
//      replace Trunk's in index.html (names, integrity); the loader gets a
//      modulepreload link with its integrity, and index.html lists the parts
//      in `<meta name="ia-part">` (public/sw.js keeps and, when the app is
//      idle, prefetches them; scripts/size-report.mjs counts them).
//
// The JS glue and the loader import each other, so their one hash covers both.
// scripts/minify-glue.mjs then minifies the glue as before.
//
//   node scripts/split-wasm.mjs [dist]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { distArgument } from './lib/cli.mjs';

const dist = distArgument(
  'node scripts/split-wasm.mjs [dist]   (scripts/build.sh runs it on dist)',
  "Splits the finder's Wasm into parts loaded on first use and puts them into dist/.",
);
const BIN = 'ia-map';
const INPUT = `target/wasm32-unknown-unknown/release/${BIN}.wasm`;
const WORK = 'target/split';
const LOADER = '__wasm_split.js';

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const sha = (algorithm, data) => createHash(algorithm).update(data).digest();
const hash16 = (data) => sha('sha256', data).toString('hex').slice(0, 16);
const integrity = (data) => `sha384-${sha('sha384', data).toString('base64')}`;
const fail = (message) => {
  console.error(`split-wasm: ${message}`);
  process.exit(1);
};

if (!existsSync(INPUT)) fail(`no ${INPUT}: build index.html with Trunk first (scripts/build.sh)`);
if (!readFileSync(INPUT).includes('reloc.CODE')) {
  fail(`${INPUT} has no relocations: it must be built with the \`split\` feature (index.html, build.rs)`);
}
rmSync(WORK, { recursive: true, force: true });
const raw = join(WORK, 'raw');
const bound = join(WORK, 'bound');
mkdirSync(raw, { recursive: true });
mkdirSync(bound, { recursive: true });

// 1. Split.
run('wasm-split-cli', [INPUT, raw, '--out-name', BIN]);
// 2. Bind the main module.
run('wasm-bindgen', [
  '--target',
  'web',
  '--keep-lld-exports',
  '--no-demangle',
  '--no-typescript',
  '--out-dir',
  bound,
  '--out-name',
  BIN,
  join(raw, `${BIN}.wasm`),
]);
// 3. Optimise every module (npm binaryen's wasm-opt, first on PATH in build.sh).
const optimise = (from, to) => run('wasm-opt', ['-Oz', `--output=${to}`, from]);
const mainWasm = join(WORK, `${BIN}_bg.wasm`);
optimise(join(bound, `${BIN}_bg.wasm`), mainWasm);
const parts = [];
for (const name of readdirSync(raw).sort()) {
  const match = name.match(/^(split|chunk)_(\w+)\.wasm$/);
  if (!match) continue;
  const optimised = join(WORK, name);
  optimise(join(raw, name), optimised);
  // `split_filters` → part `filters`; a chunk of shared code keeps its number.
  const label = match[1] === 'split' ? match[2] : `chunk${match[2]}`;
  const bytes = readFileSync(optimised);
  parts.push({ source: name, label, bytes, file: `${BIN}-${label}-${hash16(bytes)}.wasm` });
}
if (!parts.some((part) => part.source.startsWith('split_'))) fail('the splitter found no lazily loaded part');

// 4. Names and integrity. The loader fetches each part by its new name.
let loader = readFileSync(join(raw, LOADER), 'utf8');
for (const { source, file, bytes } of parts) {
  const fetchCall = `fetch(new URL("./${source}", import.meta.url))`;
  if (!loader.includes(fetchCall)) fail(`${LOADER} does not fetch ${source} as expected`);
  loader = loader.replace(fetchCall, `fetch(new URL("./${file}", import.meta.url), { integrity: "${integrity(bytes)}" })`);
}
let glue = readFileSync(join(bound, `${BIN}.js`), 'utf8');
// Only the import statement is renamed: the imports object keeps the module
// name the Wasm itself names ("./__wasm_split.js").
const loaderImport = `from "./${LOADER}"`;
if (!glue.includes(loaderImport)) fail(`the glue does not import ${LOADER}`);
const mainImport = `from "./${BIN}.js"`;
if (!loader.includes(mainImport)) fail(`${LOADER} does not import ./${BIN}.js`);
const mainBytes = readFileSync(mainWasm);
const jsHash = hash16(glue + loader);
const glueName = `${BIN}-${jsHash}.js`;
const loaderName = `${BIN}-parts-${jsHash}.js`;
glue = glue.split(loaderImport).join(`from "./${loaderName}"`);
loader = loader.split(mainImport).join(`from "./${glueName}"`);
const { code: loaderCode } = await minify(loader, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
if (!loaderCode) fail(`terser returned nothing for ${LOADER}`);
const wasmName = `${BIN}-${hash16(mainBytes)}_bg.wasm`;

// Out with Trunk's (unsplit) files, in with these. (Parts of an earlier run
// on the same dist/ go too: the step can be run again.)
for (const name of readdirSync(dist)) {
  if (new RegExp(`^${BIN}-(parts|[a-z]+\\d*)-[0-9a-f]{16}\\.(js|wasm)$`).test(name)) rmSync(join(dist, name));
}
const trunkGlue = readdirSync(dist).filter((name) => new RegExp(`^${BIN}-[0-9a-f]+\\.js$`).test(name));
const trunkWasm = readdirSync(dist).filter((name) => new RegExp(`^${BIN}-[0-9a-f]+_bg\\.wasm$`).test(name));
if (trunkGlue.length !== 1 || trunkWasm.length !== 1) fail(`expected one ${BIN} glue and Wasm from Trunk in ${dist}`);
for (const name of [...trunkGlue, ...trunkWasm]) rmSync(join(dist, name));
writeFileSync(join(dist, glueName), glue);
writeFileSync(join(dist, loaderName), loaderCode);
writeFileSync(join(dist, wasmName), mainBytes);
for (const { file, bytes } of parts) writeFileSync(join(dist, file), bytes);

const pageFile = join(dist, 'index.html');
let html = readFileSync(pageFile, 'utf8');
const replaceFile = (from, to, data) => {
  if (!html.includes(`./${from}`)) fail(`index.html does not name ${from}`);
  html = html.split(`./${from}`).join(`./${to}`);
  // The integrity of every <link> that names it.
  html = html.replace(new RegExp(`(<link[^>]*href="\\./${to.replace(/\./g, '\\.')}"[^>]*integrity=")[^"]*(")`, 'g'), `$1${integrity(data)}$2`);
};
replaceFile(trunkGlue[0], glueName, glue);
replaceFile(trunkWasm[0], wasmName, mainBytes);
// The parts, for the service worker and the size report (not fetched by the page).
const meta = parts
  .map(({ label, file }) => `<meta name="ia-part" content="${label}" data-part="./${file}">`)
  .join('\n    ');
if (!html.includes('<meta name="ia-app"')) fail('index.html has no <meta name="ia-app">');
html = html.replace(/\n\s*<meta name="ia-part"[^>]*>/g, '');
html = html.replace(/\n\s*<link rel="modulepreload" href="\.\/[^"]*-parts-[0-9a-f]{16}\.js"[^>]*>/g, '');
// The loader is part of the first load (the glue imports it): named with its
// integrity, so that the page fetches it early and the service worker
// installs it with the other files the page names.
const loaderLink = `<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${integrity(loaderCode)}">`;
html = html.replace(/(<meta name="ia-app"[^>]*>)/, `$1\n    ${loaderLink}\n    ${meta}`);
writeFileSync(pageFile, html);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`split-wasm: main ${wasmName} ${kb(mainBytes.length)}; ${parts.length} parts:`);
for (const { file, bytes } of parts) console.log(`  ${file} ${kb(bytes.length)}`);
