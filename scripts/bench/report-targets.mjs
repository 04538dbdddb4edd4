// RESULTS.md's sections of issue 28: the first visit with its service worker,
// the first use of each feature, and the table of issue 28's targets, each
// with every run it is taken from.
import { cell, cls3, kb, met, ms, ratio } from './format.mjs';
import { FIRST_VISIT_WINDOW_MS } from './first-visit.mjs';
import { FIRST_USE_LIMITS } from './first-use.mjs';
import { firstVisible, median } from './measure.mjs';

const KB = 1024;

export function firstVisitMarkdown(firstVisit) {
  if (!firstVisit) return [];
  const out = [
    '',
    '## A first visit, everything transferred (issue 28)',
    '',
    `The real dataset; one first visit per page and screen in a fresh browser context with service workers allowed, ` +
      `unthrottled; everything the benchmark server sent (gzip bodies; a revalidation answered 304 sends none) from the navigation ` +
      `until ${FIRST_VISIT_WINDOW_MS / 1000} s after the load event, the app's service worker's install included. ` +
      'Files outside the list of scripts/first-visit.mjs are named.',
    '',
    '| screen | app (KB gzip) | of which by its service worker (requests, KB) | requests | outside the list | pages under agentur/ or ort/ | reference (KB gzip) | app / reference |',
    '|---|---:|---:|---:|---|---:|---:|---:|',
  ];
  for (const [screen, runs] of Object.entries(firstVisit)) {
    const a = runs.app;
    const r = runs.reference;
    out.push(
      `| ${screen} | ${kb(a.bytes)} | ${a.workerRequests}, ${kb(a.workerBytes)} | ${a.requests} | ${a.unlisted.length ? a.unlisted.map((p) => `\`${cell(p, 60)}\``).join(', ') : 'none'} | ${a.pages} | ` +
        `${kb(r.bytes)} | ${ratio(a.bytes, r.bytes)} |`,
    );
  }
  const files = firstVisit.phone?.app.files ?? [];
  if (files.length) {
    out.push(
      '',
      'The app\'s files on the phone screen (status, KB gzip; w = the service worker asked for it too): ' +
        files.map((f) => `\`${f.path || '(page)'}\` ${f.status} ${kb(f.bytes)}${f.byWorker ? ' w' : ''}`).join(', ') +
        '.',
    );
  }
  return out;
}

export function firstUseMarkdown(firstUse) {
  if (!firstUse) return [];
  const { ms: limitMs, partKb } = firstUse.limits;
  const out = [
    '',
    '## First use of each feature (issue 28, phone profile)',
    '',
    'The real dataset; a cold load on the phone profile (see above) per use; once the app runs and the network is idle, the input, ' +
      `then the time until the feature is on screen (the frame after it is in the DOM with a box; in brackets, when the last Wasm file it fetched had arrived: ` +
      `the network's share), and what the page fetched for it. ` +
      `Target: every part loaded on use ≤ ${partKb} KB gzip and on screen within ${limitMs} ms.`,
    '',
    '| use | on screen (ms) | fetched: own Wasm + JS (KB gzip) | Leaflet, vendor/ (KB gzip) | data (KB gzip) | files |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const use of firstUse.uses) {
    const f = use.fetched;
    out.push(
      `| ${use.name} | ${use.error ? cell(use.error, 60) : ms(use.ms)}${use.fetchedMs == null ? '' : ` (${ms(use.fetchedMs)})`} | ${kb(f.code)} | ${kb(f.vendor)} | ${kb(f.data)} | ` +
        `${f.files.map((file) => `\`${cell(file.path, 40)}\``).join(', ') || 'none'} |`,
    );
  }
  const notes = firstUse.uses.filter((u) => u.note).map((u) => `${u.name}: ${u.note}`);
  if (notes.length) out.push('', ...notes.map((n) => `- ${n}.`));
  return out;
}

/** Every value of a list, for the "every run" column. */
const each = (values, format = ms) => (values.length ? values.map((v) => (v == null ? '–' : format(v))).join(', ') : '–');

/** The table of issue 28's targets: each with every run it is computed from. */
export function targetsMarkdown(results) {
  const rows = [];
  const add = (target, runs, value, limit, ok) => rows.push(`| ${target} | ${runs} | ${value} | ${limit} | ${met(ok)} |`);
  const phone = results.phone;
  if (phone) {
    const code = phone.phone.app.map((r) => r.bytes?.code ?? null);
    const value = median(code.filter((x) => x != null));
    add("resident's first-load own Wasm + JS, Leaflet apart (phone, KB gzip)", each(code, kb), kb(value), '≤ 200 (stretch 150)', value == null ? null : value <= 200 * KB);
  }
  const use = results.firstUse;
  if (use) {
    const parts = use.uses.map((u) => u.fetched.code);
    const times = use.uses.map((u) => u.ms);
    const partsOk = parts.every((b) => b <= use.limits.partKb * KB);
    const timesOk = times.every((t) => t != null && t <= use.limits.ms);
    add('each part loaded on use (phone, KB gzip of own code fetched by the use)', each(parts, kb), kb(Math.max(0, ...parts)) + ' largest', `≤ ${use.limits.partKb}`, partsOk);
    add('each use on screen (phone, ms from the input)', each(times), ms(Math.max(...times.map((t) => t ?? Infinity))) + ' slowest', `≤ ${use.limits.ms}`, timesOk);
  }
  const visit = results.firstVisit;
  if (visit) {
    const screens = Object.entries(visit);
    const bytes = screens.map(([, runs]) => runs.app.bytes);
    add(
      `a first visit, everything transferred in ${FIRST_VISIT_WINDOW_MS / 1000} s after load (KB gzip; ${screens.map(([s]) => s).join(', ')})`,
      each(bytes, kb),
      kb(Math.max(...bytes)) + ' largest',
      '≤ 350',
      bytes.every((b) => b <= 350 * KB),
    );
    const pages = screens.map(([, runs]) => runs.app.pages);
    add('pages under agentur/ or ort/ among a first visit', each(pages, String), String(Math.max(...pages)), '0', pages.every((n) => n === 0));
  }
  const dataset = (size) => results.datasets.find((d) => d.size === size)?.runs['1'];
  for (const [size, limit, label] of [
    ['real', 1.0, 'real data'],
    ['10000', 0.7, '10,000 agencies'],
  ]) {
    const runs = dataset(size);
    if (!runs) continue;
    const app = runs.app.firstMarkerLoads ?? [];
    const reference = runs.reference.firstMarkerLoads ?? [];
    const a = median(app.filter((x) => x != null));
    const r = median(reference.filter((x) => x != null));
    const q = a != null && r ? a / r : null;
    add(
      `first live marker, app / reference, ${label} (desktop, medians)`,
      `app ${each(app)}; reference ${each(reference)}`,
      ratio(a, r),
      `≤ ${limit.toFixed(1)}`,
      q == null ? null : q <= limit,
    );
  }
  const real = dataset('real');
  if (real?.app.filter) {
    const p95 = real.app.filter.dom.p95;
    add(`filter → list and map updated in the DOM, p95, real data (ms; n = ${real.app.filter.dom.n})`, `p50 ${real.app.filter.dom.p50}, max ${real.app.filter.dom.max}`, ms(p95), '≤ 16', p95 <= 16);
  }
  const lh = results.lighthouse;
  if (lh?.allRuns) {
    const scores = lh.allRuns.map((r) => r.performance);
    const tbts = lh.allRuns.map((r) => (r.tbt == null ? null : Math.round(r.tbt)));
    add('Lighthouse mobile performance, every run', each(scores, String), `${scores.filter((s) => s >= 95).length} of ${scores.length} ≥ 95`, '≥ 95 in every run', scores.every((s) => s >= 95));
    add('Lighthouse total blocking time, every run (ms)', each(tbts), ms(Math.max(...tbts.map((t) => t ?? Infinity))) + ' largest', '≤ 150', tbts.every((t) => t != null && t <= 150));
  }
  const startup = results.startup;
  if (startup) {
    const longest = startup.runs.map((r) => Math.round(r.longestCpuMs * startup.slowdown));
    const blocking = startup.runs.map((r) => Math.round(r.simulatedTbtMs));
    add(
      `the start's longest main-thread task, CPU time x${startup.slowdown} (phone screen; Lighthouse's CPU slowdown; load-independent)`,
      each(longest),
      ms(Math.max(...longest)) + ' largest',
      'none long (≤ 50 at x4 would block nothing)',
      null,
    );
    add(`estimated total blocking time from those tasks at x${startup.slowdown} (ms)`, each(blocking), ms(Math.max(...blocking)) + ' largest', '≤ 150', blocking.every((t) => t <= 150));
  }
  if (phone) {
    const cls = phone.phone.app.map((r) => r.paint?.cls ?? null);
    const first = phone.phone.app.map((r) => firstVisible(r.paint));
    add('unchanged: the prerendered first view, first agency visible (phone, ms)', each(first), ms(phone.median.app.firstVisible), 'as before (issue 16: ≤ 0.5 of the reference\'s first list entry)', null);
    add('unchanged: CLS of the first view (phone, every load)', each(cls, cls3), cls3(Math.max(...cls.map((c) => c ?? 0))) + ' largest', '≤ 0.02', cls.every((c) => c != null && c <= 0.02));
  }
  for (const size of ['10000', '100000']) {
    const runs = dataset(size);
    if (!runs?.app.filter) continue;
    add(
      `unchanged: scale, ${Number(size).toLocaleString('en')} agencies (desktop; markers + list ms, filter → DOM p95 ms)`,
      `markers + list ${each(runs.app.loads ?? [])}`,
      `${ms(runs.app.load?.painted)}; p95 ${ms(runs.app.filter.dom.p95)}`,
      'as in the committed run before issue 28',
      null,
    );
  }
  if (!rows.length) return [];
  return [
    '',
    '## Targets of issue 28',
    '',
    'Each target with every run it is computed from (the sections above have the details). "Offline after a visit" and "every test in ' +
      'all three engines" are checked by `make test` (tests/e2e/offline.spec.ts, tests/e2e/first-visit.spec.ts, tests/engines/), not here.',
    '',
    '| target | every run | value | limit | |',
    '|---|---|---:|---|---|',
    ...rows,
  ];
}
