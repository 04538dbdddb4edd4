// The benchmark of issue 7: the app against a plain Leaflet + markercluster
// page (bench/reference/), side by side in headless Chromium, on the real
// dataset and on synthetic ones with 1,000, 10,000 and 100,000 agencies; the
// phone profile of issue 16; a first visit with its service worker and the
// first use of each part loaded on use (issue 28); Lighthouse on the app; and the targets of issue
// 28, each with every run. Writes results.json and
// RESULTS.md (bench/ by default); bench/README.md explains every figure. Not
// a test: it fails only when something is broken (the two pages disagree on
// a result count, a page does not start, a tool fails).
//
// Usage: node scripts/bench.mjs [options]; `--help` lists them (the table is
// in scripts/bench/options.mjs). `make bench` runs it with BENCH_ARGS.
//
// The parts, in scripts/bench/: options (command line), datasets (files and
// expected counts), pages (the two pages, contexts), in-page (code run in the
// page), measure (figures from a load), desktop, phone, first-visit, first-use,
// startup-tasks and lighthouse (the passes), report, report-phone and report-targets
// (RESULTS.md); scripts/bench-server.mjs serves both pages.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { cli } from './lib/cli.mjs';
import { CHROMIUM, REPO, commitLabel, enterRepo, utcMinute } from './lib/repo.mjs';
import { startBenchServer } from './bench-server.mjs';
import { prepareDatasets } from './bench/datasets.mjs';
import { desktopDataset } from './bench/desktop.mjs';
import { firstUsePass } from './bench/first-use.mjs';
import { firstVisitPass } from './bench/first-visit.mjs';
import { startupTasksPass } from './bench/startup-tasks.mjs';
import { lighthouseScreenLcp, runLighthouse } from './bench/lighthouse.mjs';
import { BenchFailure, log } from './bench/log.mjs';
import { SPEC, benchOptions } from './bench/options.mjs';
import { phonePass } from './bench/phone.mjs';
import { markdown } from './bench/report.mjs';

/** results.json's `meta` at the start of a run (durationMin and loadEnd come at the end). */
function meta(options, browser) {
  return {
    label: options.label,
    date: utcMinute(),
    commit: commitLabel(['src', 'crates', 'style', 'index.html', 'public'], '(with uncommitted app changes)'),
    samples: options.samples,
    seed: options.seed,
    lhci: JSON.parse(readFileSync('node_modules/@lhci/cli/package.json', 'utf8')).version,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model?.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      chromium: `Chromium ${browser.version()}`,
      node: process.versions.node,
      // Other work on the machine makes every time longer: the 1-minute load average at start and end.
      loadStart: loadavg()[0].toFixed(1),
      loadEnd: null,
    },
    options,
  };
}

/** The Lighthouse pass; a failure is written into the results (the page figures are still worth having). */
async function lighthousePass({ browser, server, options }) {
  try {
    const lighthouse = await runLighthouse(server, options);
    log(`  Lighthouse scores ${JSON.stringify(lighthouse.scores)}`);
    if (lighthouse.allRuns.some((run) => !run.lcpElement)) {
      log(`  Lighthouse did not name the LCP element; ${options.lighthouseRuns} loads at Lighthouse's mobile screen to name it in the page`);
      lighthouse.pageLcp = await lighthouseScreenLcp({ browser, server, options });
    }
    return lighthouse;
  } catch (error) {
    console.error(error.message);
    return { error: error.message.split('\n').slice(0, 8).join(' ') };
  }
}

async function main() {
  enterRepo();
  const options = cli(SPEC, benchOptions);
  const startedAt = Date.now();
  if (options.build) {
    log('release build (make build)');
    const build = spawnSync('make', ['build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new BenchFailure('make build failed');
  }
  if (!existsSync(join(options.dist, 'index.html'))) {
    throw new BenchFailure(`no ${options.dist}/index.html: run make build (or leave out --no-build / --dist)`);
  }
  const desktop = options.passes.includes('desktop');
  // The phone pass and Lighthouse use the real dataset; the desktop pass the chosen sizes.
  const datasets = prepareDatasets({ ...options, sizes: desktop ? options.sizes : ['real'] });
  const realDataset = datasets.find((d) => d.size === 'real') ?? prepareDatasets({ ...options, sizes: ['real'] })[0];
  const server = await startBenchServer({ repo: REPO, dist: options.dist });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = { meta: meta(options, browser), datasets: [], phone: null, firstVisit: null, firstUse: null, startup: null, lighthouse: null };
  try {
    for (const dataset of desktop ? datasets : []) {
      results.datasets.push(await desktopDataset({ browser, server, dataset, options }));
    }
    if (options.passes.includes('phone')) {
      log(`phone profile (real dataset, ${options.phoneLoads} cold loads per page, and as many unthrottled desktop loads)`);
      await server.setDataset(realDataset.file);
      const phone = await phonePass({ browser, server, dataset: realDataset, options });
      results.phone = { dataset: { total: realDataset.total, gzipBytes: realDataset.gzipBytes }, ...phone };
    }
    if (options.passes.includes('first-visit')) {
      log('first visit with the service worker (real dataset; 10 s after load, phone and desktop screens)');
      await server.setDataset(realDataset.file);
      results.firstVisit = await firstVisitPass({ browser, server });
    }
    if (options.passes.includes('first-use')) {
      log('first use of each feature loaded on use (real dataset, phone profile, a cold load each)');
      await server.setDataset(realDataset.file);
      results.firstUse = await firstUsePass({ browser, server, options });
    }
    if (options.passes.includes('startup')) {
      log(`the start's main-thread tasks (real dataset, phone screen, CPU time from a trace, ${options.loads} cold loads)`);
      await server.setDataset(realDataset.file);
      results.startup = await startupTasksPass({ browser, server, loads: options.loads });
    }
    if (options.lighthouse) {
      await server.setDataset(realDataset.file);
      results.lighthouse = await lighthousePass({ browser, server, options });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  results.meta.durationMin = ((Date.now() - startedAt) / 60000).toFixed(1);
  results.meta.machine.loadEnd = loadavg()[0].toFixed(1);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(options.out, 'RESULTS.md'), markdown(results));
  log(`wrote ${join(options.out, 'results.json')} and ${join(options.out, 'RESULTS.md')} (${results.meta.durationMin} min)`);
  if (results.lighthouse?.error) throw new BenchFailure('Lighthouse failed (see above)');
}

main().catch((error) => {
  console.error(`\nbenchmark failed: ${error instanceof BenchFailure ? error.message : error.stack}`);
  process.exit(1);
});
