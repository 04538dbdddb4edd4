// The W3C Nu Html Checker (npm vnu-jar, pinned in package.json; run with
// Debian's Java, which scripts/setup.sh installs) on every page of the release
// build in dist/, which are five kinds: the finder (index.html, with its
// prerendered first view), the embed-code generator, the maintenance page,
// and the static pages per agency (agentur/) and per place (ort/; with agencies
// of their own, or none and the nearest). Run by `make test-html` (part of
// `make test`); one run of the checker, a few seconds.
//
// The one error allowed is `elementtiming`: the Element Timing API's
// attribute, which the HTML standard does not define yet. The first agency's
// name in the prerendered list and the static maps' label carry it, so that
// `make bench` can time when the first agency is on screen.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const DIST = process.env.IA_DIST ?? 'dist';
const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar';
const ELEMENT_TIMING = /^Attribute “elementtiming” not allowed on (SVG )?element “[a-z]+” at this point\.$/;

/** The build's pages by kind, as paths under dist/. */
function pages() {
  const html = (dir) => readdirSync(join(DIST, dir)).filter((name) => name.endsWith('.html')).sort().map((name) => join(dir, name));
  return {
    finder: ['index.html'],
    generator: ['generator.html'],
    maintenance: ['pflege.html'],
    agency: html('agentur'),
    place: html('ort'),
  };
}

/** Every message of the checker on `files`, as `{ file, line, type, message }`. */
function check(files) {
  assert.ok(existsSync(VNU), `${VNU} (npm vnu-jar; scripts/setup.sh installs it)`);
  const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8' });
  assert.equal(run.error, undefined, `java could not be run: ${run.error}`);
  assert.equal(run.status, 0, `the checker failed: ${run.stderr.slice(0, 2000)}`);
  // The JSON report goes to stderr.
  return JSON.parse(run.stderr).messages.map((m) => ({
    file: m.url ? decodeURIComponent(new URL(m.url).pathname).slice(process.cwd().length + 1) : '(none)',
    line: m.lastLine,
    type: m.subType ? `${m.type}/${m.subType}` : m.type,
    message: m.message,
  }));
}

// A made-up page with the faults issue 31 found on the build (a meta without
// content, an h3 right after the h1) and the allowed attribute: a checker that
// reports nothing (a wrong path, an empty report) fails the second test, and so
// does a change in the wording of the one allowed error. Checked in the same
// run as the build's pages (one Java start).
const PROBE = join('target', 'vnu-probe.html');
const PROBE_HTML =
  '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>t</title>' +
  '<meta name="ia-app" data-js="./a.js"></head><body><h1>t</h1><h3>u</h3>' +
  '<p><span elementtiming="x">v</span></p>' +
  '<svg viewBox="0 0 10 10"><text x="1" y="1" elementtiming="s">w</text></svg></body></html>';

let report;
/** The checker's messages on the probe and on every page of the build, from one run. */
function checked() {
  if (!report) {
    const kinds = pages();
    for (const [kind, list] of Object.entries(kinds)) {
      assert.ok(list.length > 0, `no ${kind} page in ${DIST}`);
      for (const page of list) assert.ok(existsSync(join(DIST, page)), `${DIST}/${page} (make build writes it)`);
    }
    mkdirSync('target', { recursive: true });
    writeFileSync(PROBE, PROBE_HTML);
    report = { kinds, messages: check([PROBE, ...Object.values(kinds).flat().map((page) => join(DIST, page))]) };
  }
  return report;
}

test('every page of the build validates, but for the Element Timing attribute', (t) => {
  const { kinds, messages: all } = checked();
  const messages = all.filter((m) => m.file !== PROBE);
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  const allowed = errors.filter((m) => ELEMENT_TIMING.test(m.message));
  for (const m of messages.filter((m) => !errors.includes(m))) t.diagnostic(`${m.type}: ${m.file}:${m.line}: ${m.message}`);
  t.diagnostic(
    `${Object.entries(kinds).map(([kind, list]) => `${list.length} ${kind}`).join(', ')}: ${errors.length} error(s), ${allowed.length} of them elementtiming`,
  );
  assert.deepEqual(
    errors.filter((m) => !allowed.includes(m)).map((m) => `${m.file}:${m.line}: ${m.message}`),
    [],
    'errors other than the Element Timing attribute',
  );
});

test('the checker reports what this test relies on: a meta without content, a skipped heading level, elementtiming', () => {
  const errors = checked()
    .messages.filter((m) => m.file === PROBE && m.type === 'error')
    .map((m) => m.message);
  assert.deepEqual([...errors].sort(), [
    'Attribute “elementtiming” not allowed on element “span” at this point.',
    'Attribute “elementtiming” not allowed on element “text” at this point.',
    'Element “meta” is missing one or more of the following attributes: “content”, “property”.',
    'The heading “h3” (with computed level 3) follows the heading “h1” (with computed level 1), skipping 1 heading level.',
  ]);
  assert.equal(errors.filter((m) => ELEMENT_TIMING.test(m)).length, 2);
});
