// What the app's Wasm is made of (issue 16): a size profile with twiggy,
// written to bench/twiggy-top20.md. Not part of `make test`; `make twiggy`.
//
// The shipped Wasm (dist/*_bg.wasm) has no names: Trunk runs wasm-bindgen
// and then `wasm-opt -Oz`, which drops the name section. So this script
// repeats Trunk's steps with one difference:
//   1. cargo build --release --target wasm32-unknown-unknown --bin ia-map
//      (what Trunk runs; target/wasm32-unknown-unknown/release/ia-map.wasm);
//   2. wasm-bindgen --target=web --out-name=ia-map --no-typescript (as Trunk);
//   3. wasm-opt -Oz twice: with -g (keeps the name section) for twiggy, and
//      without, which must be the shipped file byte for byte (checked against
//      dist/ when dist/ is from the same sources; said in the report).
// The named file's code is the shipped code: its items have the shipped sizes,
// plus a "name" custom section that the shipped file does not have.
//
// Usage: node scripts/twiggy-top.mjs [options]   (--help lists them)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cli } from './lib/cli.mjs';
import { commitLabel, enterRepo, utcMinute } from './lib/repo.mjs';

const TWIGGY_VERSION = '0.8.0';

const SPEC = {
  usage: 'node scripts/twiggy-top.mjs [options]   (make twiggy runs it)',
  about: "What the app's Wasm is made of: twiggy on the release Wasm with its names kept, written as a Markdown report.",
  options: {
    'no-build': { type: 'boolean', help: 'use target/wasm32-unknown-unknown/release/ia-map.wasm as it is' },
    wasm: { type: 'string', value: 'FILE', help: 'profile this (named) Wasm instead of building one' },
    rows: { type: 'number', default: 20, help: 'rows per table' },
    out: { type: 'string', value: 'FILE', default: 'bench/twiggy-top20.md', help: 'where the report goes' },
  },
};

enterRepo();
const { values: opts } = cli(SPEC);
const ROWS = opts.rows;

const log = (...parts) => console.log('[twiggy]', ...parts);
const run = (command, args, options = {}) => {
  log([command, ...args].join(' '));
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status})`);
};
const output = (command, args) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

// ------------------------------------------------------------ twiggy itself

function ensureTwiggy() {
  const version = spawnSync('twiggy', ['--version'], { encoding: 'utf8' });
  if (version.status === 0 && version.stdout.includes(TWIGGY_VERSION)) return version.stdout.trim();
  // --locked first (the versions twiggy was released with); builds on rustc 1.95.
  const locked = spawnSync('cargo', ['install', '--locked', 'twiggy', '--version', TWIGGY_VERSION], { stdio: 'inherit' });
  if (locked.status !== 0) run('cargo', ['install', 'twiggy', '--version', TWIGGY_VERSION]);
  return output('twiggy', ['--version']).trim();
}

// ------------------------------------------------------------ the named Wasm

function namedWasm() {
  if (opts.wasm) return { named: resolve(opts.wasm), stripped: null, raw: null };
  const raw = 'target/wasm32-unknown-unknown/release/ia-map.wasm';
  if (!opts['no-build']) {
    run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'ia-map'], {
      env: { ...process.env, CARGO_TERM_COLOR: 'never' },
    });
  }
  if (!existsSync(raw)) throw new Error(`no ${raw}: leave out --no-build`);
  const dir = 'target/twiggy';
  mkdirSync(dir, { recursive: true });
  run('wasm-bindgen', ['--target=web', `--out-dir=${dir}`, '--out-name=ia-map', '--no-typescript', raw]);
  const bindgen = join(dir, 'ia-map_bg.wasm');
  const named = join(dir, 'ia-map_named.wasm');
  const stripped = join(dir, 'ia-map_shipped.wasm');
  run('wasm-opt', ['-Oz', '-g', `--output=${named}`, bindgen]);
  run('wasm-opt', ['-Oz', `--output=${stripped}`, bindgen]);
  return { named, stripped, raw };
}

/** The shipped Wasm in dist/, if any, and whether our stripped build is the same file. */
function compareWithDist(stripped) {
  if (!stripped || !existsSync('dist')) return null;
  // The finder's Wasm, not the generator page's (generator-<hash>_bg.wasm, issue 16).
  const file = readdirSync('dist').find((name) => /^ia-map-[0-9a-f]+_bg\.wasm$/.test(name));
  if (!file) return null;
  const shipped = readFileSync(join('dist', file));
  const ours = readFileSync(stripped);
  return {
    file: `dist/${file}`,
    bytes: shipped.length,
    gzip: gzipSync(shipped, { level: 9 }).length,
    same: Buffer.compare(shipped, ours) === 0,
    ours: ours.length,
  };
}

// ------------------------------------------------------------ crates

/**
 * The crate an item belongs to, from its demangled name: the first path
 * segment (`leptos::…` → leptos). For a trait method `<T as Trait>::f` the
 * crate of T, unless T is a std type (`alloc`, `core`, `std`) or a reference
 * to one, then the crate of Trait; code made from generics counts for the crate
 * that defines the generic (as cargo-bloat does). Items without a path are
 * named by kind: data segments, custom sections, the function table, imports.
 */
function crateOf(name) {
  name = name.replace(DISAMBIGUATOR, '');
  if (/^data\[\d+\]$/.test(name) || name.startsWith('data segment')) return '(data segments)';
  if (name.startsWith('custom section')) return `(${name.replace(/"/g, '')})`;
  if (/^(table|elem|elem\[\d+\]|type\[|global\[|memory\[|import |export |"function names"|"local names")/.test(name)) {
    return `(${name.split(/[\s[]/)[0]})`;
  }
  // Inherent methods of primitive types (`<char>::escape_debug_ext`, `<[T]>::sort`) are core's.
  if (/^<(?:bool|char|str|[iuf](?:8|16|32|64|128|size)|\[.*\]|\*(?:const|mut) .*)>::/.test(name)) return 'core';
  if (name === 'main') return 'ia_map';
  const std = new Set(['core', 'alloc', 'std']);
  const trait = /^<(.+?) as ([^>]+?)>::/.exec(name);
  const firstCrate = (text) => /(?:^|[<&\s(,])(?:mut\s+|dyn\s+)?([A-Za-z_][A-Za-z0-9_]*)::/.exec(text)?.[1] ?? null;
  if (trait) {
    const self = firstCrate(trait[1]);
    const of = firstCrate(trait[2]);
    if (self && !std.has(self)) return self;
    return of ?? self ?? '(unknown)';
  }
  const crate = firstCrate(name);
  if (crate) return crate;
  if (/^(__wbg|__wbindgen|__externref|wasm_bindgen|intounderlying)/.test(name)) return 'wasm_bindgen';
  if (/^(memcpy|memset|memmove|memcmp|bcmp|__rust|rust_)/.test(name)) return 'std';
  return '(unnamed)';
}

/** rustc's crate disambiguators in names of std's crates: `alloc[3ca501edff3f0c7c]::`. */
const DISAMBIGUATOR = /\[[0-9a-f]{16}\]/g;

/** Families for the overview: [label, test on the crate name]. */
const FAMILIES = [
  ['the app (ia_map, ia_core)', (c) => c === 'ia_map' || c === 'ia_core'],
  [
    'Leptos (leptos*, tachys, reactive_graph, …)',
    (c) => /^(leptos|tachys|reactive_|any_spawner|throw_error|server_fn|hydration_context|or_poisoned|oco_ref|next_tuple|either_of|send_wrapper|slotmap)/.test(c),
  ],
  ['Rust std (core, alloc, std, dlmalloc)', (c) => ['core', 'alloc', 'std', 'dlmalloc', 'hashbrown'].includes(c)],
  ['serde, serde_json', (c) => /^serde/.test(c)],
  ['wasm-bindgen, js-sys, web-sys, gloo', (c) => /^(wasm_bindgen|js_sys|web_sys|gloo)/.test(c)],
  ['futures', (c) => /^futures/.test(c)],
  ['leaflet bindings', (c) => c === 'leaflet'],
  ['data, tables, names of kinds', (c) => c.startsWith('(')],
];

// ------------------------------------------------------------ report

const kb = (bytes) => (bytes / 1024).toFixed(1);
const pct = (x) => `${x.toFixed(2)} %`;
const code = (text) => {
  const clean = String(text)
    .replace(/::h[0-9a-f]{16}\b/g, '')
    .replace(DISAMBIGUATOR, '').replace(/\|/g, '\\|').replace(/`/g, "'");
  return `\`${clean.length > 110 ? `${clean.slice(0, 109)}…` : clean}\``;
};

function main() {
  const twiggyVersion = ensureTwiggy();
  const { named, stripped, raw } = namedWasm();
  const dist = compareWithDist(stripped);
  const namedBytes = statSync(named).size;
  log(`profiling ${named} (${namedBytes} bytes)`);
  const top = JSON.parse(output('twiggy', ['top', '-f', 'json', named]));
  const retained = JSON.parse(output('twiggy', ['top', '--retained', '-n', String(ROWS + 10), '-f', 'json', named]));
  // The name section (twiggy lists its subsections: "function names" subsection, …)
  // is what -g adds; it is not shipped, so it is left out of every table and total.
  const isNames = (item) => /^".*names" subsection$|^custom section 'name'$/.test(item.name);
  const names = top.filter(isNames).reduce((n, item) => n + item.shallow_size, 0);
  const total = top.reduce((n, item) => n + item.shallow_size, 0);
  const codeTotal = total - names;

  // By crate: shallow sizes added up (every byte counted once).
  const crates = new Map();
  for (const item of top) {
    if (isNames(item)) continue;
    const crate = crateOf(item.name);
    const entry = crates.get(crate) ?? { bytes: 0, items: 0 };
    entry.bytes += item.shallow_size;
    entry.items += 1;
    crates.set(crate, entry);
  }
  const byCrate = [...crates.entries()].sort((a, b) => b[1].bytes - a[1].bytes);

  const commit = commitLabel(['src', 'crates', 'Cargo.toml', 'Cargo.lock'], '(with uncommitted changes)');
  const version = (command) => {
    const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : `${command} (not found)`;
  };
  const rustc = version('rustc');
  const bindgen = raw ? version('wasm-bindgen') : null;
  const wasmOpt = raw ? version('wasm-opt') : null;

  const out = [];
  out.push('# What the app\'s Wasm is made of (twiggy)', '');
  out.push(
    `Generated by \`make twiggy\` (scripts/twiggy-top.mjs) on ${utcMinute()}, commit ${commit}; ` +
      [twiggyVersion, rustc, bindgen, wasmOpt].filter(Boolean).join(', ') + '.',
    '',
  );
  if (raw) {
    out.push(
      `Profiled: the release build as Trunk makes it (\`cargo build --release\`, wasm-bindgen, \`wasm-opt -Oz\`) but with \`wasm-opt -g\`, which keeps ` +
        `the function names: ${kb(namedBytes)} KB, of which the name section is ${kb(names)} KB; without it ${kb(codeTotal)} KB. ` +
        (dist
          ? dist.same
            ? `The same steps without \`-g\` give \`${dist.file}\` byte for byte (${kb(dist.bytes)} KB, ${kb(dist.gzip)} KB gzip), so these are the shipped sizes. `
            : `The same steps without \`-g\` give ${kb(dist.ours)} KB, \`${dist.file}\` has ${kb(dist.bytes)} KB (${kb(dist.gzip)} KB gzip): dist/ is from other sources or flags, compare with care. `
          : 'No dist/ to compare with. ') +
        'Sizes are uncompressed bytes in the Wasm file' +
        (dist ? `; the shipped file gzips to ${Math.round((100 * dist.gzip) / dist.bytes)} % (${kb(dist.gzip)} of ${kb(dist.bytes)} KB).` : '.'),
      '',
    );
  } else {
    out.push(`Profiled: ${opts.wasm} (${kb(namedBytes)} KB), as given.`, '');
  }

  out.push(`## Top ${ROWS} items by own size (\`twiggy top -n ${ROWS}\`)`, '');
  out.push('| # | bytes | % of code | item |', '|---:|---:|---:|---|');
  top
    .filter((item) => !isNames(item))
    .slice(0, ROWS)
    .forEach((item, i) => out.push(`| ${i + 1} | ${item.shallow_size} | ${pct((100 * item.shallow_size) / codeTotal)} | ${code(item.name)} |`));

  out.push('', `## Top ${ROWS} crates (own sizes of their items added up)`, '');
  out.push('| # | crate | KB | % of code | items |', '|---:|---|---:|---:|---:|');
  byCrate.slice(0, ROWS).forEach(([crate, entry], i) =>
    out.push(`| ${i + 1} | ${crate} | ${kb(entry.bytes)} | ${pct((100 * entry.bytes) / codeTotal)} | ${entry.items} |`),
  );
  const rest = byCrate.slice(ROWS);
  if (rest.length) out.push(`| | ${rest.length} more | ${kb(rest.reduce((n, [, e]) => n + e.bytes, 0))} | | |`);

  out.push('', `## Top ${ROWS} items by retained size (\`twiggy top --retained\`)`, '');
  out.push(
    'Retained: the item and everything that only it keeps alive (its dominator subtree): what removing it would save. Subtrees nest, so the rows overlap. ' +
      'Left out: the function table (`table[0]`, `elem[0]`), which holds every function called through a pointer (closures, trait objects) and so retains a large part of the code.',
    '',
  );
  out.push('| # | retained bytes | % of code | item |', '|---:|---:|---:|---|');
  retained
    .filter((item) => !isNames(item) && !/^(table|elem)\[\d+\]$/.test(item.name))
    .slice(0, ROWS)
    .forEach((item, i) => out.push(`| ${i + 1} | ${item.retained_size} | ${pct((100 * item.retained_size) / codeTotal)} | ${code(item.name)} |`));

  // Families of crates, for a one-line overview (written anew every run).
  const families = new Map();
  for (const [crate, entry] of byCrate) {
    const family = FAMILIES.find(([, test]) => test(crate))?.[0] ?? 'other crates';
    families.set(family, (families.get(family) ?? 0) + entry.bytes);
  }
  out.push(
    '',
    '## By family',
    '',
    [...families.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([family, bytes]) => `${family} ${kb(bytes)} KB (${((100 * bytes) / codeTotal).toFixed(1)} %)`)
      .join('; ') + '.',
    '',
  );

  // The reading is written by hand; a rerun keeps it (with the run it was written for) until it is rewritten.
  const previous = existsSync(opts.out) ? readFileSync(opts.out, 'utf8') : '';
  const reading = /\n## Reading\n[\s\S]*$/.exec(previous)?.[0];
  out.push(reading ? reading.replace(/^\n/, '') : `## Reading\n\n(to be written by hand for commit ${commit})\n`);

  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, out.join('\n'));
  mkdirSync('target/twiggy', { recursive: true });
  writeFileSync('target/twiggy/crates.json', JSON.stringify({ codeTotal, byCrate, top: top.slice(0, 200) }, null, 2));
  log(`wrote ${opts.out}`);
}

try {
  main();
} catch (error) {
  console.error(`twiggy-top failed: ${error.message}`);
  process.exit(1);
}
