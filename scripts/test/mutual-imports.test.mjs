// The mutual-import check (scripts/mutual-imports.mjs) on small made-up
// crates: it finds two files that import each other and a ring of three, and
// leaves alone a module and its children, test modules, comments, strings
// and macros' `$crate`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../lib/repo.mjs';
import { mutualImports } from '../mutual-imports.mjs';

/** A package directory with the given files (paths relative to it). */
function crate(files) {
  const dir = mkdtempSync(join(tmpdir(), 'ia-mutual-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function found(files) {
  const dir = crate(files);
  try {
    return mutualImports([dir], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('two files that import each other are found', () => {
  assert.deepEqual(
    found({
      'src/lib.rs': 'mod a;\nmod b;\n',
      'src/a.rs': 'use crate::b::B;\npub struct A(B);\n',
      'src/b.rs': 'use super::a::A;\npub fn b(_: &A) {}\n',
    }),
    ['src/a.rs <-> src/b.rs'],
  );
});

test('a ring through grouped uses and inline paths is found', () => {
  assert.deepEqual(
    found({
      'src/lib.rs': 'mod a;\nmod b;\nmod c;\n',
      'src/a.rs': 'use crate::{b::{self, B}, x};\n',
      'src/b.rs': 'pub fn b() -> crate::c::C { todo!() }\n',
      'src/c/mod.rs': 'use super::a as first;\n',
    }),
    ['src/a.rs <-> src/b.rs <-> src/c/mod.rs'],
  );
});

test('a binary in src/bin/<name>/ is a crate of its own', () => {
  assert.deepEqual(
    found({
      'src/lib.rs': 'pub mod a;\n',
      'src/a.rs': 'pub struct A;\n',
      'src/bin/tool/main.rs': 'mod page;\nmod report;\n',
      'src/bin/tool/page.rs': 'use crate::report::Report;\n',
      'src/bin/tool/report.rs': 'use crate::page::today;\n',
    }),
    ['src/bin/tool/page.rs <-> src/bin/tool/report.rs'],
  );
});

test('a module and its children, tests, comments, strings and $crate are not imports', () => {
  assert.deepEqual(
    found({
      'src/lib.rs': 'mod a;\nmod b;\nmod p;\n#[macro_export]\nmacro_rules! m { () => { $crate::a::A } }\n',
      'src/a.rs': [
        '//! See [`crate::b`].',
        'use crate::b::B;',
        'pub struct A;',
        '#[cfg(test)]',
        'mod tests {',
        '    use super::*;',
        '    const NOTE: &str = "crate::b::B {";',
        '    fn t(c: char) -> bool { c == \'{\' }',
        '}',
        '',
      ].join('\n'),
      'src/b.rs': '/* crate::a::A */\npub struct B;\n// use crate::a::A;\n',
      'src/p.rs': 'mod q;\nuse q::Q;\npub struct P(Q);\n',
      'src/p/q.rs': 'use super::P;\npub struct Q;\npub fn p(_: &P) {}\n',
    }),
    [],
  );
});

test('the command exits with 1 and names the files, or 0', () => {
  const bad = crate({ 'src/lib.rs': 'mod a;\nmod b;\n', 'src/a.rs': 'use crate::b::B;\n', 'src/b.rs': 'use crate::a::A;\n' });
  const good = crate({ 'src/lib.rs': 'mod a;\nmod b;\n', 'src/a.rs': 'use crate::b::B;\n', 'src/b.rs': 'pub struct B;\n' });
  try {
    const script = join(REPO, 'scripts/mutual-imports.mjs');
    const failed = spawnSync(process.execPath, [script, '.'], { cwd: bad, encoding: 'utf8' });
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /src\/a\.rs <-> src\/b\.rs/);
    assert.match(execFileSync(process.execPath, [script, '.'], { cwd: good, encoding: 'utf8' }), /no two files/);
  } finally {
    rmSync(bad, { recursive: true, force: true });
    rmSync(good, { recursive: true, force: true });
  }
});
