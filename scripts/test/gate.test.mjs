// public/gate.js against a fake document: it takes the languages, the default
// and the writing direction from <meta name="ia-langs"> alone (written by the
// build from Lang::ALL, src/i18n/lang.rs), so a new right-to-left language
// needs no edit here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';

const GATE = readFileSync(new URL('../../public/gate.js', import.meta.url), 'utf8');
// What the build writes today (src/i18n/tests.rs checks index.html's copy).
const LANGS = 'de de-x-ls en tr ar:rtl fa:rtl uk ru';

// Runs gate.js on a page with `langs` as the meta's content, the address's
// `search` and the browser's `languages`; returns what it did to the page.
function runGate({ langs, search = '', languages = [] }) {
  const attributes = { lang: 'de', dir: 'ltr' };
  const classes = new Set();
  const preloads = [];
  const html = {
    classList: { add: (name) => classes.add(name) },
    getAttribute: (name) => attributes[name] ?? null,
    setAttribute: (name, value) => { attributes[name] = value; },
  };
  const document = {
    documentElement: html,
    querySelector: (selector) =>
      selector === 'meta[name="ia-langs"]' && langs !== undefined ? { getAttribute: () => langs } : null,
    createElement: () => ({}),
    head: { appendChild: (link) => preloads.push(link.href) },
  };
  const location = { search, replace: () => assert.fail('no redirect expected') };
  const navigator = { languages, language: languages[0] };
  vm.runInNewContext(GATE, { document, location, navigator, URLSearchParams });
  return { lang: attributes.lang, dir: attributes.dir, pending: classes.has('pending'), preloads };
}

test('German, the first language, is the default: nothing to hide or preload', () => {
  assert.deepEqual(runGate({ langs: LANGS, languages: ['fr-FR'] }), { lang: 'de', dir: 'ltr', pending: false, preloads: [] });
});

test('a right-to-left language of the meta sets dir and preloads its file', () => {
  assert.deepEqual(runGate({ langs: LANGS, search: '?lang=fa_IR' }), {
    lang: 'fa', dir: 'rtl', pending: true, preloads: ['locales/fa.json'],
  });
  assert.equal(runGate({ langs: LANGS, languages: ['DE-x-LS'] }).lang, 'de-x-ls');
  assert.equal(runGate({ langs: LANGS, languages: ['en-GB'] }).dir, 'ltr');
});

test('a new right-to-left language in the table needs no edit of gate.js', () => {
  const langs = `${LANGS} he:rtl`; // as Lang::gate_langs writes it (src/i18n/tests.rs)
  assert.deepEqual(runGate({ langs, languages: ['he-IL', 'de'] }), {
    lang: 'he', dir: 'rtl', pending: true, preloads: ['locales/he.json'],
  });
  assert.equal(runGate({ langs: LANGS, languages: ['he-IL'] }).lang, 'de');
});

test('without the meta the page stays in its own language', () => {
  assert.deepEqual(runGate({ langs: undefined, languages: ['ar'] }), { lang: 'de', dir: 'ltr', pending: false, preloads: [] });
});
