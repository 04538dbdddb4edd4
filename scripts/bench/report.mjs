// RESULTS.md from results.json: the header, one table per dataset of the
// desktop pass (app, reference, app / reference), the phone profile
// (report-phone.mjs), the first visit and first uses, Lighthouse, and issue
// 28's targets (report-targets.mjs).
import { cell, cls3, kb, mb, met, ms, ratio } from './format.mjs';
import { CLS_WINDOW_MS, KINDS, median } from './measure.mjs';
import { phoneMarkdown } from './report-phone.mjs';
import { firstUseMarkdown, firstVisitMarkdown, targetsMarkdown } from './report-targets.mjs';

/** The rows of one dataset's table: [figure, app, reference, app / reference]. */
function figureRows(app, reference, throttled) {
  const rows = [];
  const row = (figure, pick, format, { withRatio = true } = {}) => {
    const a = pick(app);
    const r = pick(reference);
    rows.push([figure, typeof a === 'string' ? a : format(a), typeof r === 'string' ? r : format(r), withRatio ? ratio(a, r) : '–']);
  };
  const load = (run) => (run.load?.timeout ? `timeout (${run.load.after_s} s)` : run.load?.painted ?? null);
  const filterFig = (key, q) => (run) => {
    if (run.load?.timeout) return 'no load';
    const s = run.filter?.[key];
    if (!s) return run.filterTimeout ? `timeout (${run.filterTimeout.after_s} s)` : null;
    return s[q];
  };
  const n = (run) => run.filter?.dom?.n ?? 0;
  const samplesNote = `n = ${n(app)} / ${n(reference)}`;
  if (!throttled) {
    for (const kind of KINDS) row(`transferred, ${kind} (KB gzip)`, (run) => run.bytes?.[kind] ?? null, kb);
    row('transferred, total (KB gzip)', (run) => run.bytes?.total ?? null, kb);
    row('of which own Wasm + JS, libraries under vendor/ not counted (KB gzip)', (run) => run.bytes?.code ?? null, kb);
  }
  row(`first markers + list visible (ms${throttled ? '' : `, median of ${app.loads?.length ?? 1} / ${reference.loads?.length ?? 1} loads`})`, load, ms);
  const many = (run) => (run.firstMarkerLoads?.length > 1 ? median(run.firstMarkerLoads.filter((x) => x != null)) : run.paint?.firstMarker ?? null);
  row('first live marker visible (ms, median)', many, ms);
  const cls = (run) => {
    const values = (run.clsLoads ?? [run.paint?.cls]).filter((x) => x != null);
    return values.length ? Math.max(...values) : null;
  };
  row(`CLS until ${CLS_WINDOW_MS / 1000} s after markers + list (largest of the loads; target ≤ 0.02)`, cls, cls3, { withRatio: false });
  row(`filter → list and map updated in the DOM, p50 (ms; ${samplesNote})`, filterFig('dom', 'p50'), ms);
  row('filter → list and map updated in the DOM, p95 (ms)', filterFig('dom', 'p95'), ms);
  row('filter → next frame rendered, p50 (ms)', filterFig('painted', 'p50'), ms);
  row('filter → next frame rendered, p95 (ms)', filterFig('painted', 'p95'), ms);
  const task = (key) => (run) => (run.longtasks == null ? null : run.longtasks[key] === 0 ? '< 50' : run.longtasks[key]);
  row('longest task during load (ms)', task('loadMax'), ms);
  row('longest task after load, incl. filter changes (ms)', task('afterMax'), ms);
  if (!throttled) {
    row('JS heap after load, after GC (MB)', (run) => run.memory?.jsHeapUsed ?? null, mb);
    row('Wasm linear memory after load (MB)', (run) => (run.memory ? run.memory.wasm || '–' : null), mb);
    row('DOM nodes after load', (run) => run.memory?.domNodes ?? null, (x) => (x == null ? '–' : String(x)));
  }
  return rows;
}

function table(rows) {
  const lines = ['| figure | app | reference | app / reference |', '|---|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function notesFor(run, name) {
  const notes = [];
  if (run.filterNote) notes.push(`${name}: ${run.filterNote}.`);
  if (run.filterTimeout) {
    const t = run.filterTimeout;
    notes.push(
      `${name}: "${t.input}" did not finish within ${t.after_s} s after ${t.done} changes (shows ${t.state.count}, ${t.state.list} entries, ${t.state.markers} in markers; expected ${t.expected}).`,
    );
  }
  if (run.load?.timeout) notes.push(`${name}: no markers and list within ${run.load.after_s} s.`);
  if (run.bytesWarning) notes.push(`${name}: ${run.bytesWarning}.`);
  if (run.consoleErrors) notes.push(`${name}: console errors: ${run.consoleErrors.join(' / ')}`);
  return notes;
}

function datasetMarkdown(dataset, seed) {
  const out = ['', `## ${dataset.name === 'real' ? `Real dataset (${dataset.total} agencies)` : `${dataset.name} synthetic agencies (seed ${seed})`}`, ''];
  out.push(
    `Dataset: ${kb(dataset.rawBytes)} KB raw, ${kb(dataset.gzipBytes)} KB gzip; ${dataset.nSada} Servicestellen; offer toggled: ${dataset.offer.code} (${dataset.offer.n}).`,
    '',
  );
  const normal = dataset.runs['1'];
  out.push(table(figureRows(normal.app, normal.reference, false)));
  const notes = [...notesFor(normal.app, 'app'), ...notesFor(normal.reference, 'reference')];
  const throttled = dataset.runs['4'];
  if (throttled) {
    out.push('', `With 4x CPU throttling (one load each):`, '');
    out.push(table(figureRows(throttled.app, throttled.reference, true)));
    notes.push(...notesFor(throttled.app, 'app, 4x'), ...notesFor(throttled.reference, 'reference, 4x'));
  }
  if (notes.length) out.push('', ...notes.map((n) => `- ${n}`));
  return out;
}

function lighthouseMarkdown(lh, lhci) {
  const out = ['', '## Lighthouse (app, release build, real dataset)', ''];
  if (!lh) return [...out, 'Not run (--no-lighthouse).'];
  if (lh.error) return [...out, `Failed: ${lh.error}`];
  const runs = lh.allRuns;
  const round = (x) => (x == null ? '–' : Math.round(x));
  out.push(
    `Lighthouse ${lh.lighthouseVersion} via @lhci/cli ${lhci}, ${lh.formFactor} preset (${lh.throttlingMethod} throttling), ` +
      `Debian Chromium headless; the run with the median performance score of ${lh.runs}; served by the benchmark server (gzip, no tiles).`,
    '',
    '| performance | accessibility | best practices | SEO |',
    '|---:|---:|---:|---:|',
    `| ${lh.scores.performance} | ${lh.scores.accessibility} | ${lh.scores['best-practices']} | ${lh.scores.seo} |`,
    '',
    `Median run: FCP ${Math.round(lh.metrics.fcp)} ms, LCP ${Math.round(lh.metrics.lcp)} ms, TBT ${Math.round(lh.metrics.tbt)} ms, ` +
      `CLS ${lh.metrics.cls?.toFixed(3)}, Speed Index ${Math.round(lh.metrics.speedIndex)} ms.`,
    '',
    'Every run (the LCP element as Lighthouse\'s "largest-contentful-paint-element" audit names it):',
    '',
    '| run | performance | accessibility | best practices | SEO | LCP (ms) | LCP element | TBT (ms) | CLS |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...runs.map(
      (r, i) =>
        `| ${i + 1} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${round(r.lcp)} | ` +
        `${r.lcpElement ? `\`${r.lcpElement.selector}\` (${cell(r.lcpElement.label)})` : 'audit failed'} | ${round(r.tbt)} | ${cls3(r.cls)} |`,
    ),
  );
  if (lh.pageLcp) {
    out.push(
      '',
      `The "largest-contentful-paint-element" audit failed in ${runs.filter((r) => !r.lcpElement).length} of ${runs.length} runs ` +
        `(Lighthouse ${lh.lighthouseVersion}: "${cell(runs.find((r) => !r.lcpElement)?.lcpElementError ?? '', 160)}"). The LCP element as Chromium reports it in the page instead, ` +
        `on ${lh.pageLcp.length} loads at Lighthouse's mobile screen (412 × 823, scale 1.75) without throttling, the load Lighthouse observes before it simulates: ` +
        lh.pageLcp.map((lcp) => (lcp ? `\`${lcp.element}\` "${cell(lcp.text)}" at ${lcp.time} ms` : 'none')).join('; ') +
        '. Lighthouse\'s simulated LCP time may still belong to an earlier candidate (see the caveat in README.md).',
    );
  }
  const count = (ok) => runs.filter(ok).length;
  const fast = (r) => r.performance >= 95;
  const accessible = (r) => r.accessibility === 100;
  out.push(
    '',
    `Targets (issue 16), in every one of the ${runs.length} runs: performance ≥ 95: ` +
      `${met(runs.every(fast))} (${count(fast)} of ${runs.length}); ` +
      `accessibility 100: ${met(runs.every(accessible))} (${count(accessible)} of ${runs.length}).`,
  );
  if (lh.failedAudits.length) out.push('', `Audits below 100 (median run): ${lh.failedAudits.join(', ')}.`);
  return out;
}

/** RESULTS.md for `results` (what results.json holds). */
export function markdown(results) {
  const { meta } = results;
  const out = ['# Benchmark: the app against plain Leaflet + markercluster', ''];
  if (meta.label) out.push(`**${meta.label}**`, '');
  out.push(
    `Generated by \`make bench\` (scripts/bench.mjs) on ${meta.date}, commit ${meta.commit}; ${meta.durationMin} min. ` +
      `Machine: ${meta.machine.cores} cores (${meta.machine.cpu}), ${meta.machine.memoryGiB} GiB, ${meta.machine.chromium}, Node ${meta.machine.node}; ` +
      `load average ${meta.machine.loadStart} at the start, ${meta.machine.loadEnd} at the end (above ${meta.machine.cores} means other work competed for the cores). ` +
      `What the figures mean and the caveats: [README.md](README.md). Raw numbers: [results.json](results.json).`,
  );
  if (results.datasets.length) {
    out.push(
      '',
      `Viewport 1280 × 800, no map tiles, gzip -9 on a local server, cold start in a fresh browser context per load; ` +
        `filter changes alternate "Nur Servicestellen" on/off and one offer checkbox on/off (${meta.samples} changes per page and dataset). ` +
        'Ratios below 1 favour the app. The result counts of app, reference and the dataset agreed after every change.',
    );
  }
  for (const dataset of results.datasets) out.push(...datasetMarkdown(dataset, meta.seed));
  if (results.phone) out.push(...phoneMarkdown(results.phone));
  out.push(...firstVisitMarkdown(results.firstVisit));
  out.push(...firstUseMarkdown(results.firstUse));
  out.push(...lighthouseMarkdown(results.lighthouse, meta.lhci));
  out.push(...targetsMarkdown(results));
  out.push('');
  return out.join('\n');
}
