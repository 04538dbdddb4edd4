// Finds files of one crate that import each other (issue 31): A names
// something of B (`use crate::…`, `use super::…`, `use self::…`, a child
// module's name, or such a path written inline) and B names something of A,
// directly or round a ring (A → B → C → A). A module and the modules under it
// are exempt: a parent declares its children (`mod x;`) and may use what they
// define while they use its types; the rule is about files side by side,
// which should share through a third.
//
//   node scripts/mutual-imports.mjs [package dir …]   (default: every package of the workspace)
//
// Prints each group of files and exits with 1 when there is one; `make lint`
// runs it, scripts/test/mutual-imports.test.mjs shows that it can fail.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO } from './lib/repo.mjs';

/** The crate roots of a package directory: the library, the main binary and each file of src/bin. */
function crateRoots(dir) {
  const src = join(dir, 'src');
  const roots = [];
  const lib = existsSync(join(src, 'lib.rs'));
  if (lib) roots.push({ root: join(src, 'lib.rs'), base: src, skip: join(src, 'bin') });
  if (existsSync(join(src, 'main.rs'))) {
    // Beside a library, main.rs is a crate of one file that uses the library.
    roots.push(lib ? { root: join(src, 'main.rs'), base: null } : { root: join(src, 'main.rs'), base: src, skip: join(src, 'bin') });
  }
  const bin = join(src, 'bin');
  if (existsSync(bin)) {
    for (const name of readdirSync(bin).sort()) {
      const path = join(bin, name);
      if (name.endsWith('.rs')) roots.push({ root: path, base: null });
      else if (existsSync(join(path, 'main.rs'))) roots.push({ root: join(path, 'main.rs'), base: path });
    }
  }
  return roots;
}

/** Every .rs file under `dir`, except under `skip`. */
function rustFiles(dir, skip) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (path === skip) continue;
    if (statSync(path).isDirectory()) out.push(...rustFiles(path, skip));
    else if (name.endsWith('.rs')) out.push(path);
  }
  return out;
}

/** The module path of a file under `base`: src/a/b.rs and src/a/b/mod.rs are ["a", "b"]. */
function modulePath(base, file) {
  const parts = relative(base, file).replace(/\.rs$/, '').split('/');
  if (['mod', 'lib', 'main'].includes(parts.at(-1))) parts.pop();
  return parts;
}

/** The text with comments, strings and character literals blanked (braces in them would miscount). */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/r(#*)"[\s\S]*?"\1/g, '""')
    .replace(/"(?:\\[\s\S]|[^"\\])*"/g, '""')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:\\.|[^\\'\n])'/g, "' '");
}

/** `use` trees expanded to plain paths: `a::{b, c::{d, e}}` → a::b, a::c::d, a::c::e. */
function expand(tree) {
  tree = tree.replace(/\s+as\s+\w+/g, '').replace(/\s+/g, '');
  const open = tree.indexOf('{');
  if (open < 0) return [tree];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i += 1) {
    if (inner[i] === '{') depth += 1;
    else if (inner[i] === '}') depth -= 1;
    else if (inner[i] === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.filter(Boolean).flatMap((part) => expand(prefix + part));
}

/**
 * The paths a file names, each with the module it is written in (the file's
 * own, or an inline `mod x { … }` inside it, where `super` is the file).
 */
function namedPaths(text, fileModule) {
  const src = code(text);
  const found = [];
  // Inline modules: track `mod name {` by brace depth.
  const stack = [];
  let depth = 0;
  const moduleAt = () => [...fileModule, ...stack.map((entry) => entry.name)];
  const token = /\bmod\s+(\w+)\s*\{|\buse\s+([^;]+);|\b((?:crate|super|self)(?:::\w+)+)|[{}]/g;
  for (let match; (match = token.exec(src)); ) {
    if (match[1]) {
      depth += 1;
      stack.push({ name: match[1], depth });
    } else if (match[2] !== undefined) {
      for (const path of expand(match[2])) found.push({ path, at: moduleAt(), use: true });
    } else if (match[3]) {
      if (src[match.index - 1] === '$') continue; // `$crate` in a macro
      found.push({ path: match[3], at: moduleAt(), use: false });
    } else if (match[0] === '{') {
      depth += 1;
    } else {
      if (stack.length && stack.at(-1).depth === depth) stack.pop();
      depth -= 1;
    }
  }
  return found;
}

/** The file a path points into: the longest prefix that is a module of the crate. */
function resolvePath({ path, at, use }, modules) {
  const segments = path.split('::').filter(Boolean);
  let base;
  if (segments[0] === 'crate') {
    base = [];
    segments.shift();
  } else if (segments[0] === 'self' || segments[0] === 'super') {
    base = [...at];
    while (segments[0] === 'self' || segments[0] === 'super') {
      if (segments.shift() === 'super') base.pop();
    }
  } else if (use && modules.has([...at, segments[0]].join('::'))) {
    base = [...at]; // a child module named without `self::`
  } else {
    return null; // another crate, std, a name in scope
  }
  let best = modules.get(base.join('::'));
  for (let i = 0; i < segments.length; i += 1) {
    const file = modules.get([...base, ...segments.slice(0, i + 1)].join('::'));
    if (!file) break;
    best = file;
  }
  return best ?? null;
}

/**
 * The groups of files of one crate root that import each other, directly or
 * round a ring (the strongly connected groups of the import graph, without
 * the edges between a module and the modules under it), each sorted.
 */
function crateCycles({ root, base, skip }) {
  const files = base ? rustFiles(base, skip) : [root];
  const modules = new Map();
  for (const file of files) {
    const path = base ? modulePath(base, file) : [];
    if (base && file !== root && path.length === 0) continue; // another crate root
    modules.set(path.join('::'), file);
  }
  const moduleOf = new Map([...modules].map(([path, file]) => [file, path ? path.split('::') : []]));
  const within = (inner, outer) => outer.length < inner.length && outer.every((s, i) => inner[i] === s);
  const edges = new Map();
  for (const [file, path] of moduleOf) {
    const targets = new Set();
    for (const named of namedPaths(readFileSync(file, 'utf8'), path)) {
      const target = resolvePath(named, modules);
      if (!target || target === file) continue;
      const other = moduleOf.get(target);
      if (!within(path, other) && !within(other, path)) targets.add(target);
    }
    edges.set(file, [...targets].sort());
  }
  // Tarjan's strongly connected components.
  const groups = [];
  const order = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const visit = (file) => {
    order.set(file, order.size);
    low.set(file, order.get(file));
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file)) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file), order.get(next)));
      }
    }
    if (low.get(file) === order.get(file)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const file of [...edges.keys()].sort()) if (!order.has(file)) visit(file);
  return groups;
}

/** The workspace's package directories: the root package and crates/*. */
function workspaceCrates(repo) {
  const crates = join(repo, 'crates');
  return [repo, ...readdirSync(crates).sort().map((name) => join(crates, name)).filter((dir) => existsSync(join(dir, 'Cargo.toml')))];
}

/** Every group of files, relative to `repo`, that import each other in the given package directories: ["a.rs <-> b.rs", …]. */
export function mutualImports(dirs, repo = REPO) {
  const found = [];
  for (const dir of dirs) {
    for (const crate of crateRoots(dir)) {
      for (const group of crateCycles(crate)) found.push(group.map((file) => relative(repo, file)).join(' <-> '));
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const found = mutualImports(args.length ? args : workspaceCrates(REPO), args.length ? process.cwd() : REPO);
  if (found.length) {
    console.error('Files of a crate that import each other, directly or round a ring (move what they share to the module that owns it, or to a third):');
    for (const group of found) console.error(`  ${group}`);
    process.exit(1);
  }
  console.log('no two files of a crate import each other');
}
