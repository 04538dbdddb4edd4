// The benchmark's command line: one table for the options, their defaults and
// the usage text (`node scripts/bench.mjs --help`), and what a run makes of them.
import { UsageError } from '../lib/cli.mjs';

/** The passes, in the order they run. */
export const PASSES = ['desktop', 'phone', 'first-visit', 'first-use', 'startup', 'lighthouse'];

export const SPEC = {
  usage: 'node scripts/bench.mjs [options]   (make bench runs it with BENCH_ARGS)',
  about:
    'The benchmark of issue 7, the phone profile of issue 16 and the first visit and first uses of issue 28: the app\n' +
    'against a plain Leaflet + markercluster page (bench/reference/) in headless Chromium, and Lighthouse on the app.\n' +
    'Writes results.json and RESULTS.md;\n' +
    'bench/README.md explains every figure. Lists are comma-separated.',
  options: {
    only: {
      type: 'string',
      value: 'LIST',
      help: `passes to run, of ${PASSES.join(',')} (default: all); with --only the results go to target/bench/partial/ unless --out says otherwise`,
    },
    'phone-loads': { type: 'number', default: 5, help: 'cold loads per page on the phone profile (every one is in the table)' },
    sizes: { type: 'string', value: 'LIST', default: 'real,1000,10000,100000', help: 'datasets of the desktop pass: real, or a number of synthetic agencies' },
    samples: { type: 'number', default: 32, help: 'filter changes per page and dataset (at least 30 for a p95)' },
    loads: { type: 'number', default: 3, help: 'page loads per page and dataset (median; 1 at 100,000 and with CPU throttling)' },
    throttle: { type: 'string', value: 'LIST', default: 'real,10000', help: 'datasets that get a second pass with 4x CPU throttling ("none" for none)' },
    seed: { type: 'number', default: 7, help: 'seed of the synthetic datasets' },
    'no-build': { type: 'boolean', help: 'use dist/ as it is (default: make build first)' },
    dist: { type: 'string', value: 'DIR', help: 'benchmark that build as it is (implies --no-build)' },
    'no-lighthouse': { type: 'boolean', help: 'skip the Lighthouse run' },
    'lighthouse-runs': { type: 'number', default: 5, help: 'Lighthouse runs (the table shows the run with the median performance score)' },
    label: { type: 'string', value: 'TEXT', default: '', help: 'written above the tables, e.g. "development run"' },
    out: { type: 'string', value: 'DIR', help: 'where results.json and RESULTS.md go (default: bench, with --only target/bench/partial)' },
    'load-timeout': { type: 'number', value: 'S', default: 180, help: 'seconds for a page load' },
    'change-timeout': { type: 'number', value: 'S', default: 60, help: 'seconds for one filter change' },
    'filter-budget': { type: 'number', value: 'S', default: 120, help: 'seconds for all filter changes of one page' },
  },
};

/** "a,b" → ['a', 'b']; "none" → []. */
const list = (value) => (value === 'none' ? [] : value.split(',').map((s) => s.trim()).filter(Boolean));

/**
 * What a run does, from its options as readOptions(SPEC, argv) reads them
 * (the object is written to results.json as meta.options). Throws UsageError
 * for values that make no run.
 */
export function benchOptions({ values }) {
  let passes = values.only ? list(values.only) : [...PASSES];
  for (const pass of passes) if (!PASSES.includes(pass)) throw new UsageError(`--only: "${pass}" is none of ${PASSES.join(', ')}`);
  if (values['no-lighthouse']) passes = passes.filter((pass) => pass !== 'lighthouse');
  const sizes = list(values.sizes);
  for (const size of sizes) {
    if (size !== 'real' && !/^\d+$/.test(size)) throw new UsageError(`--sizes: "${size}" is neither "real" nor a number`);
  }
  return {
    sizes,
    samples: values.samples,
    loads: values.loads,
    throttle: list(values.throttle),
    // --dist: benchmark a build that is already there (another worktree's, a copy); implies --no-build.
    build: !values['no-build'] && !values.dist,
    dist: values.dist ?? 'dist',
    passes,
    lighthouse: passes.includes('lighthouse'),
    lighthouseRuns: values['lighthouse-runs'],
    phoneLoads: values['phone-loads'],
    label: values.label,
    // A partial run (--only) must not overwrite the committed full results by accident.
    out: values.out ?? (values.only ? 'target/bench/partial' : 'bench'),
    loadTimeout: values['load-timeout'],
    changeTimeout: values['change-timeout'],
    filterBudget: values['filter-budget'],
    seed: values.seed,
  };
}
