// The wide layout's breakpoint has one source, style/app.css's rule that puts
// list and map side by side; the app (src/app.rs WIDE_LAYOUT: the map is made
// at start, its part fetched), the wide-only preloads of index.html and the
// Wasm preload scripts/minify-glue.mjs gates must name the same media query,
// or a screen between two values gets a layout its code did not prepare for.
// The same for an embed's short, narrow frame (EMBED_SHORT).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../lib/repo.mjs';

const read = (path) => readFileSync(join(REPO, path), 'utf8');
const css = read('style/app.css');
const app = read('src/app.rs');

/** The media query of the @media rule in app.css whose block has `rule`. */
function cssQuery(rule) {
  const blocks = [...css.matchAll(/@media ([^{]+?) \{([\s\S]*?)\n\}/g)].filter(([, , body]) => body.includes(rule));
  assert.equal(blocks.length, 1, `one @media rule in style/app.css with ${rule}`);
  return blocks[0][1];
}

/** The string of `const NAME: &str = "…";` in src/app.rs. */
function rustConst(name) {
  const found = app.match(new RegExp(`const ${name}: &str = "([^"]+)";`));
  assert.ok(found, `src/app.rs has const ${name}`);
  return found[1];
}

test('the wide layout has one breakpoint in CSS, Rust, index.html and minify-glue.mjs', () => {
  const wide = cssQuery('.finder { flex-direction: row;');
  assert.equal(rustConst('WIDE_LAYOUT'), wide);
  const glue = read('scripts/minify-glue.mjs').match(/const WIDE_LAYOUT = '([^']+)';/);
  assert.ok(glue, 'scripts/minify-glue.mjs has WIDE_LAYOUT');
  assert.equal(glue[1], wide);
  const media = [...read('index.html').matchAll(/<link [^>]*\bmedia="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(media.length >= 3, 'index.html preloads the wide layout\'s files');
  for (const query of media) assert.equal(query, wide);
});

test('an embed\'s short, narrow frame has one media query in CSS and Rust', () => {
  assert.equal(rustConst('EMBED_SHORT'), cssQuery('body.embedded .view-switch { display: flex; }'));
});
