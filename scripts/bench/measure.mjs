// From what a load recorded to the benchmark's figures: percentiles, the
// first paints, CLS and LCP, long tasks, and the bytes on the wire by kind.
import { BenchFailure } from './log.mjs';

/** CLS counts the layout shifts up to this long after the live markers (desktop) or the list (phone). */
export const CLS_WINDOW_MS = 2000;

/** n, p50, p95 (nearest rank) and max, to 0.1; null for no values. */
export function stats(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (x) => Math.round(x * 10) / 10;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]) };
}

export const median = (values) => stats(values)?.p50 ?? null;

/**
 * From the page's window.__bench: the first agency (Element Timing if the
 * page marks it, else DOM + next frame), the static map, the first marker,
 * the app's takeover, the LCP (the last candidate up to `until`) and the CLS
 * (layout shifts without recent input up to `until`), all in ms from the
 * start of navigation.
 */
export function firstsOf(bench, until) {
  const round = (x) => (x == null ? null : Math.round(x));
  const timed = bench.element['first-agency'];
  const appReady = bench.appFlag ?? bench.bootRemoved;
  const lcp = bench.lcp.filter((entry) => entry.time <= until).at(-1) ?? null;
  const shifts = bench.shifts.filter((shift) => !shift.input && shift.time <= until);
  const biggest = [...shifts].sort((a, b) => b.value - a.value)[0];
  return {
    firstAgency: timed ? round(timed.time) : round(bench.firstAgency?.painted),
    // A marked name without an entry: Chromium did not time it (an inline element? see bench/README.md).
    firstAgencyMethod: timed
      ? 'element timing'
      : bench.firstAgency
        ? bench.marked
          ? 'DOM + next frame (marked, but no Element Timing entry)'
          : 'DOM + next frame'
        : null,
    firstAgencyElement: timed?.element ?? bench.firstAgency?.element ?? null,
    firstAgencyText: timed?.text ?? bench.firstAgency?.text ?? null,
    // Both methods, whichever the headline uses, to compare them.
    firstAgencyElementTiming: round(timed?.time),
    firstAgencyDom: round(bench.firstAgency?.painted),
    staticMap: round(bench.element['static-map']?.time),
    firstMarker: round(bench.firstMarker?.painted),
    appReady: round(appReady?.painted),
    appReadySignal: appReady?.signal ?? null,
    lcp: lcp ? { time: round(lcp.time), element: lcp.element, text: lcp.text, size: lcp.size } : null,
    cls: Math.round(shifts.reduce((n, shift) => n + shift.value, 0) * 10000) / 10000,
    clsShifts: shifts.length,
    clsBiggest: biggest ? { value: Math.round(biggest.value * 10000) / 10000, time: round(biggest.time), node: biggest.node } : null,
    clsUntil: round(until),
  };
}

/** Issue 16's "first agency visible": the first list entry's name or the static map, whichever is painted first. */
export function firstVisible(paint) {
  const times = [paint?.firstAgency, paint?.staticMap].filter((x) => typeof x === 'number');
  return times.length ? Math.min(...times) : null;
}

/** The long tasks (≥ 50 ms) before and after the page was ready. */
export function summariseLongtasks(tasks, readyAt) {
  if (!tasks) return null;
  const load = tasks.filter(([start]) => start < readyAt).map(([, duration]) => duration);
  const after = tasks.filter(([start]) => start >= readyAt).map(([, duration]) => duration);
  const round = (x) => Math.round(x);
  return {
    // Long tasks are those of 50 ms or more; 0 means none.
    loadMax: round(Math.max(0, ...load)),
    loadCount: load.length,
    loadBlocking: round(load.reduce((n, d) => n + Math.max(0, d - 50), 0)),
    afterMax: round(Math.max(0, ...after)),
    afterCount: after.length,
  };
}

/** The kinds of files the byte tables count, in their order. */
export const KINDS = ['wasm', 'js', 'css', 'data', 'boundaries', 'other'];

function kindOf(url) {
  const path = new URL(url).pathname;
  if (path.endsWith('.wasm')) return 'wasm';
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('/data/agencies.json')) return 'data';
  if (path.includes('/data/boundaries/')) return 'boundaries';
  return 'other';
}

/** What the app's own code weighs: Wasm and JS, less the libraries under vendor/ (Leaflet, markercluster). */
const isLibrary = (path) => /\/vendor\//.test(path);

/** Bytes on the wire (response bodies, gzip) of the finished requests, by kind; checked against the server's log. */
export async function bytesOf(finished, server) {
  const files = [];
  for (const request of finished) {
    if (!request.url().startsWith(server.url)) continue;
    const sizes = await request.sizes();
    const response = await request.response();
    files.push({
      path: new URL(request.url()).pathname,
      kind: kindOf(request.url()),
      bytes: sizes.responseBodySize,
      encoding: response?.headers()['content-encoding'] ?? null,
    });
  }
  const sum = (list) => list.reduce((n, f) => n + f.bytes, 0);
  const bytes = Object.fromEntries(KINDS.map((kind) => [kind, sum(files.filter((f) => f.kind === kind))]));
  bytes.total = sum(files);
  bytes.code = sum(files.filter((f) => (f.kind === 'wasm' || f.kind === 'js') && !isLibrary(f.path)));
  const out = { bytes, files };
  const served = server.log.filter((entry) => entry.status === 200).reduce((n, entry) => n + entry.bytes, 0);
  if (served !== bytes.total) out.bytesWarning = `the server sent ${served} body bytes, the browser reports ${bytes.total}`;
  const uncompressed = files.filter((f) => f.kind !== 'other' && f.encoding !== 'gzip' && f.bytes > 0);
  if (uncompressed.length) throw new BenchFailure(`not gzip-compressed: ${uncompressed.map((f) => f.path).join(', ')}`);
  return out;
}
