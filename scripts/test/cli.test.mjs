// The scripts' command-line reader (scripts/lib/cli.mjs): defaults, numbers,
// flags, wrong input and the usage text, all from one table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError, readOptions, usage } from '../lib/cli.mjs';

const SPEC = {
  usage: 'node scripts/example.mjs [options] [dir]',
  about: 'An example.',
  positionals: { max: 1 },
  options: {
    rows: { type: 'number', default: 20, help: 'rows per table' },
    out: { type: 'string', value: 'FILE', default: 'out.md', help: 'where it goes' },
    label: { type: 'string', help: 'a label' },
    'no-build': { type: 'boolean', help: 'use what is there' },
  },
};

test('every option gets its default, numbers as numbers, flags as false', () => {
  assert.deepEqual(readOptions(SPEC, []), { values: { rows: 20, out: 'out.md', label: undefined, 'no-build': false }, positionals: [] });
});

test('given values win, in both spellings, and a positional is kept', () => {
  const read = readOptions(SPEC, ['--rows', '5', '--out=x.md', '--no-build', 'dist2']);
  assert.deepEqual(read.values, { rows: 5, out: 'x.md', label: undefined, 'no-build': true });
  assert.deepEqual(read.positionals, ['dist2']);
});

test('a wrong command line is a UsageError that says what is wrong', () => {
  assert.throws(() => readOptions(SPEC, ['--rwos', '5']), (error) => error instanceof UsageError && /--rwos/.test(error.message));
  assert.throws(() => readOptions(SPEC, ['--rows', 'many']), (error) => error instanceof UsageError && /--rows: "many"/.test(error.message));
  assert.throws(() => readOptions(SPEC, ['--rows', '-1']), UsageError);
  assert.throws(() => readOptions(SPEC, ['--rows', '']), UsageError);
  assert.throws(() => readOptions(SPEC, ['--out']), UsageError);
  assert.throws(() => readOptions(SPEC, ['a', 'b']), (error) => error instanceof UsageError && /unexpected argument: b/.test(error.message));
  assert.throws(() => readOptions({ ...SPEC, positionals: undefined }, ['a']), UsageError);
});

test('--help is reported, not parsed further', () => {
  assert.deepEqual(readOptions(SPEC, ['--help', '--rows', 'many']), { help: true });
});

test('the usage text lists every option with its argument, help and default', () => {
  const text = usage(SPEC);
  assert.match(text, /^Usage: node scripts\/example\.mjs \[options\] \[dir\]\n\nAn example\.\n/);
  assert.match(text, /\n {2}--rows N +rows per table \(default: 20\)\n/);
  assert.match(text, /\n {2}--out FILE +where it goes \(default: out\.md\)\n/);
  assert.match(text, /\n {2}--label VALUE +a label\n/);
  assert.match(text, /\n {2}--no-build +use what is there\n/);
  assert.match(text, /\n {2}--help +print this text and exit$/);
});
