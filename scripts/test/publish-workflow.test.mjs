// The CI workflow of issue 29 (.forgejo/workflows/publish.yml) and the
// project script it calls: the workflow runs on a change of the dataset, its
// build step is scripts/publish-site.sh, and `make test` runs that same
// script, so the example cannot silently rot. The script's check of a built
// site against its dataset (scripts/check-site.mjs) finds missing and left-over
// agency pages.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { siteProblems } from '../check-site.mjs';

const workflow = readFileSync(new URL('../../.forgejo/workflows/publish.yml', import.meta.url), 'utf8');
const makefile = readFileSync(new URL('../../Makefile', import.meta.url), 'utf8');

test('the workflow runs on a change of the dataset and builds with scripts/publish-site.sh', () => {
  assert.match(workflow, /^\s+paths:\n(\s+- .+\n)*\s+- public\/data\/agencies\.json$/m);
  assert.match(workflow, /^\s+run: bash scripts\/publish-site\.sh site$/m);
  assert.match(workflow, /rsync [^\n]*--delete[^\n]* site\//);
});

test('make test runs the same script', () => {
  assert.match(makefile, /^test:.*\btest-publish\b/m);
  assert.match(makefile, /^test-publish:\n\tbash scripts\/publish-site\.sh --built /m);
});

test('a site is checked against its dataset: missing, left-over and unlisted pages are named', () => {
  const dist = mkdtempSync(join(tmpdir(), 'check-site-'));
  try {
    const dataset = Buffer.from(JSON.stringify({ as_of: '2026-12-01', agencies: [{ id: 'a' }, { id: 'b' }] }));
    mkdirSync(join(dist, 'data'));
    mkdirSync(join(dist, 'agentur'));
    writeFileSync(join(dist, 'data/agencies.json'), dataset);
    writeFileSync(join(dist, 'index.html'), '<p>Stand 2026-12-01</p>');
    for (const file of ['a.html', 'a.png', 'b.html', 'b.png']) writeFileSync(join(dist, 'agentur', file), '');
    writeFileSync(join(dist, 'sitemap.xml'), '<loc>https://x.example/agentur/a.html</loc><loc>https://x.example/agentur/b.html</loc>');
    assert.deepEqual(siteProblems(dist, dataset), []);

    rmSync(join(dist, 'agentur/b.png'));
    writeFileSync(join(dist, 'agentur/old.html'), '');
    writeFileSync(join(dist, 'sitemap.xml'), '<loc>https://x.example/agentur/a.html</loc>');
    assert.deepEqual(siteProblems(dist, dataset), [
      'agentur/b.png is missing',
      'agentur/old.html belongs to no agency of the dataset',
      'sitemap.xml does not list agentur/b.html',
    ]);
    const other = Buffer.from(JSON.stringify({ as_of: '2026-12-02', agencies: [{ id: 'a' }] }));
    const problems = siteProblems(dist, other);
    assert.ok(problems.some((p) => p.endsWith('is not the dataset to publish')));
    assert.ok(problems.includes("index.html does not show the dataset's Stand 2026-12-02"));
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
