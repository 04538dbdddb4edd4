// The benchmark's command line (scripts/bench/options.mjs) and its choice of
// the offer to toggle (scripts/bench/datasets.mjs), without a browser.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UsageError, readOptions, usage } from '../lib/cli.mjs';
import { REPO } from '../lib/repo.mjs';
import { offerToToggle, readOfferCodes } from '../bench/datasets.mjs';
import { BenchFailure } from '../bench/log.mjs';
import { SPEC, benchOptions } from '../bench/options.mjs';

const parse = (...argv) => benchOptions(readOptions(SPEC, argv));

test('without options: every pass, every dataset, written to bench/', () => {
  const options = parse();
  assert.deepEqual(options.passes, ['desktop', 'phone', 'first-visit', 'first-use', 'startup', 'lighthouse']);
  assert.deepEqual(options.sizes, ['real', '1000', '10000', '100000']);
  assert.deepEqual(options.throttle, ['real', '10000']);
  assert.equal(options.build, true);
  assert.equal(options.dist, 'dist');
  assert.equal(options.lighthouse, true);
  assert.equal(options.out, 'bench');
  assert.deepEqual(
    [options.samples, options.loads, options.phoneLoads, options.lighthouseRuns, options.seed],
    [32, 3, 5, 5, 7],
  );
  assert.deepEqual([options.loadTimeout, options.changeTimeout, options.filterBudget], [180, 60, 120]);
});

test('the options have the keys of meta.options in the committed results.json, in order', () => {
  const committed = JSON.parse(readFileSync(join(REPO, 'bench/results.json'), 'utf8'));
  assert.deepEqual(Object.keys(parse()), Object.keys(committed.meta.options));
});

test('--only runs those passes and writes to target/bench/partial/ unless --out says otherwise', () => {
  assert.deepEqual(parse('--only', 'phone').passes, ['phone']);
  assert.equal(parse('--only', 'phone').out, 'target/bench/partial');
  assert.equal(parse('--only', 'phone', '--out', '/tmp/x').out, '/tmp/x');
  assert.equal(parse('--only', 'desktop,lighthouse').lighthouse, true);
  assert.throws(() => parse('--only', 'tablet'), (error) => error instanceof UsageError && /"tablet"/.test(error.message));
});

test('the examples of bench/README.md and the Makefile read as documented', () => {
  const quick = parse('--sizes', 'real,1000', '--samples', '30', '--no-lighthouse');
  assert.deepEqual(quick.sizes, ['real', '1000']);
  assert.equal(quick.samples, 30);
  assert.deepEqual(quick.passes, ['desktop', 'phone', 'first-visit', 'first-use', 'startup']);
  assert.equal(quick.lighthouse, false);
  const phone = parse('--only', 'phone', '--no-build');
  assert.equal(phone.build, false);
  const elsewhere = parse('--only', 'phone', '--dist', '../other/dist');
  assert.equal(elsewhere.build, false);
  assert.equal(elsewhere.dist, '../other/dist');
  assert.deepEqual(parse('--throttle', 'none').throttle, []);
  assert.equal(parse('--label', 'development run').label, 'development run');
});

test('a size that is neither "real" nor a number is refused', () => {
  assert.throws(() => parse('--sizes', 'real,lots'), (error) => error instanceof UsageError && /"lots"/.test(error.message));
  assert.throws(() => parse('--samples', 'x'), UsageError);
});

test('--help lists every option of the table', () => {
  const text = usage(SPEC);
  for (const name of Object.keys(SPEC.options)) assert.match(text, new RegExp(`\\n {2}--${name}\\b`));
});

test("the offer codes are the core's vocabulary, and every offer of the real dataset is one of them", () => {
  const codes = readOfferCodes();
  assert.ok(codes.length > 1);
  assert.equal(new Set(codes).size, codes.length);
  const { agencies } = JSON.parse(readFileSync(join(REPO, 'public/data/agencies.json'), 'utf8'));
  const used = new Set(agencies.flatMap((agency) => agency.offers));
  assert.ok(used.size > 0);
  for (const code of used) assert.ok(codes.includes(code), code);
  // The real dataset gives the benchmark an offer to toggle.
  const offer = offerToToggle(agencies, codes);
  assert.ok(offer && offer.n > 0 && offer.n < agencies.length);
  assert.equal(offer.code, codes[offer.index]);
});

test('the offer toggled is the first in the given order that some but not all agencies have', () => {
  const codes = ['a', 'b', 'c'];
  const agencies = [{ offers: ['a', 'b'] }, { offers: ['a', 'c'] }, { offers: ['a'] }];
  assert.deepEqual(offerToToggle(agencies, codes), { index: 1, code: 'b', n: 1 });
  assert.deepEqual(offerToToggle(agencies, ['c', 'b', 'a']), { index: 0, code: 'c', n: 1 });
  assert.equal(offerToToggle([{ offers: ['a'] }, { offers: ['a'] }], codes), null);
  assert.throws(() => offerToToggle([{ offers: ['z'] }], codes), BenchFailure);
});

test('a file without the offers table is an error, not an empty list', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-test-')), 'guide.md');
  writeFileSync(file, '# no table here\n');
  assert.throws(() => readOfferCodes(file), BenchFailure);
  writeFileSync(file, 'x\n<!-- offers:start -->\n| Code | Bedeutung |\n|---|---|\n| `first` | Eins |\n| `second` | Zwei |\n<!-- offers:end -->\n');
  assert.deepEqual(readOfferCodes(file), ['first', 'second']);
});
