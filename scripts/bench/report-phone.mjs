// RESULTS.md's section on the phone profile: every load, the medians, the
// bytes, the unthrottled desktop loads and issue 16's targets.
import { cell, cls3, kb, met, ms } from './format.mjs';
import { CLS_WINDOW_MS, KINDS, firstVisible } from './measure.mjs';

/** a / b, or null when either is missing (or b is 0). */
const quotient = (a, b) => (a != null && b ? a / b : null);
const twoPlaces = (x) => (x == null ? '–' : x.toFixed(2));
const lcpOf = (paint) => (paint?.lcp ? `${paint.lcp.time} \`${paint.lcp.element}\`` : '–');

function profileLines(phone) {
  const p = phone.profile;
  return [
    '',
    `## Phone profile (real dataset, ${phone.dataset.total} agencies): what a resident meets first`,
    '',
    `${p.viewport.width} × ${p.viewport.height}, device scale factor ${p.deviceScaleFactor}, mobile, touch; ` +
      `network ${p.latency} ms added to every request, ${(p.download * 8) / 1e6} Mbit/s down, ${(p.upload * 8) / 1000} kbit/s up ` +
      `(DevTools protocol Network.emulateNetworkConditions), CPU ${p.cpu}x slower (Emulation.setCPUThrottlingRate), cache disabled, ` +
      `a fresh browser context per load; ${phone.loads} loads per page, app and reference alternating, every load listed. ` +
      'Times in ms from the start of navigation, measured in the page; see README.md, "Phone profile".',
    '',
  ];
}

function loadTable(phone) {
  const out = [
    '| load | app: first agency visible | app: first agency name | app: static map | app: running (list ready) | app: LCP, element | app: CLS | reference: first list entry | reference: first live marker | reference: LCP, element | reference: CLS |',
    '|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|',
  ];
  const when = (run, value) => (run.timeout ? `timeout (${run.timeout.after_s} s)` : ms(value));
  for (let i = 0; i < phone.loads; i++) {
    const a = phone.phone.app[i] ?? {};
    const r = phone.phone.reference[i] ?? {};
    out.push(
      `| ${i + 1} | ${when(a, firstVisible(a.paint))} | ${ms(a.paint?.firstAgency)} | ${ms(a.paint?.staticMap)} | ${when(a, a.listReady)} | ${lcpOf(a.paint)} | ${cls3(a.paint?.cls)} | ` +
        `${when(r, r.paint?.firstAgency)} | ${ms(r.paint?.firstMarker)} | ${lcpOf(r.paint)} | ${cls3(r.paint?.cls)} |`,
    );
  }
  const m = phone.median;
  out.push(
    `| median | ${ms(m.app.firstVisible)} | ${ms(m.app.firstAgency)} | ${ms(m.app.staticMap)} | ${ms(m.app.listReady)} | ${ms(m.app.lcp)} | ${cls3(m.app.cls)} | ` +
      `${ms(m.reference.firstAgency)} | ${ms(m.reference.firstMarker)} | ${ms(m.reference.lcp)} | ${cls3(m.reference.cls)} |`,
  );
  const methods = (runs) => [...new Set(runs.map((run) => run.paint?.firstAgencyMethod).filter(Boolean))].join(', ') || '–';
  const signals = [...new Set(phone.phone.app.map((run) => run.paint?.appReadySignal).filter(Boolean))].join(', ') || '–';
  out.push(
    '',
    `First agency measured by: app ${methods(phone.phone.app)}; reference ${methods(phone.phone.reference)}. ` +
      `App running detected by: ${signals}. CLS: layout shifts without recent input until ${CLS_WINDOW_MS / 1000} s after the list is ready.`,
  );
  return out;
}

function bytesTable(firstApp, firstRef) {
  if (!firstApp || !firstRef) return [];
  const out = ['', 'Transferred on the phone profile (first load of each, KB gzip):', '', '| kind | app | reference |', '|---|---:|---:|'];
  for (const kind of [...KINDS, 'total', 'code']) {
    const label = kind === 'code' ? 'own Wasm + JS (vendor/ not counted)' : kind;
    out.push(`| ${label} | ${kb(firstApp.bytes[kind])} | ${kb(firstRef.bytes[kind])} |`);
  }
  return out;
}

function desktopTable(phone) {
  const out = [
    '',
    `Unthrottled desktop loads (1280 × 800, as the desktop pass), for the first live markers:`,
    '',
    '| load | app: first live marker | app: markers + list | reference: first live marker | reference: markers + list |',
    '|---:|---:|---:|---:|---:|',
  ];
  for (let i = 0; i < phone.loads; i++) {
    const a = phone.desktop.app[i] ?? {};
    const r = phone.desktop.reference[i] ?? {};
    out.push(`| ${i + 1} | ${ms(a.paint?.firstMarker)} | ${ms(a.load?.painted)} | ${ms(r.paint?.firstMarker)} | ${ms(r.load?.painted)} |`);
  }
  out.push(`| median | ${ms(phone.median.app.desktopMarkers)} | – | ${ms(phone.median.reference.desktopMarkers)} | – |`);
  return out;
}

function targetsTable(phone, code) {
  const m = phone.median;
  const app1 = m.app.firstVisible;
  const r1 = quotient(app1, m.reference.firstAgency);
  const r2 = quotient(app1, m.reference.desktopMarkers);
  const r3 = quotient(app1, m.reference.firstMarker);
  // The same target read as like against like: both unthrottled at desktop size.
  const appDesk = m.app.desktopFirstVisible;
  const r2b = quotient(appDesk, m.reference.desktopMarkers);
  const half = (r) => met(r == null ? null : r <= 0.5);
  const worstCls = Math.max(...phone.phone.app.map((run) => run.paint?.cls ?? 0));
  return [
    '',
    'Targets of issue 16 (medians of the loads above; CLS: the largest of the loads):',
    '',
    '| target | value | limit | |',
    '|---|---:|---:|---|',
    `| app first agency visible (phone) / reference first list entry (phone) | ${twoPlaces(r1)} | ≤ 0.5 | ${half(r1)} |`,
    `| app first agency visible (phone) / reference first live marker (desktop, unthrottled) | ${twoPlaces(r2)} | ≤ 0.5 | ${half(r2)} |`,
    `| app first agency visible (desktop, unthrottled: ${ms(appDesk)} ms) / reference first live marker (desktop, unthrottled) | ${twoPlaces(r2b)} | ≤ 0.5 | ${half(r2b)} |`,
    `| (for comparison, no target) app first agency visible (phone) / reference first live marker (phone) | ${twoPlaces(r3)} | | |`,
    `| app CLS (phone, largest of ${phone.loads}) | ${worstCls.toFixed(3)} | ≤ 0.02 | ${met(worstCls <= 0.02)} |`,
    `| app own Wasm + JS, first visit (phone, KB gzip) | ${kb(code)} | ≤ 200 (stretch 150) | ${met(code == null ? null : code <= 200 * 1024)}${code != null && code <= 150 * 1024 ? ' (stretch met)' : ''} |`,
    `| app first live marker (desktop, unthrottled) | ${ms(m.app.desktopMarkers)} ms | no later than before | compare with the last committed run |`,
  ];
}

function notes(phone) {
  const out = [];
  for (const name of ['app', 'reference']) {
    for (const [i, run] of phone.phone[name].entries()) {
      if (run.consoleErrors) out.push(`${name}, phone load ${i + 1}: console errors: ${run.consoleErrors.map(cell).join(' / ')}`);
      if (run.bytesWarning) out.push(`${name}, phone load ${i + 1}: ${run.bytesWarning}`);
    }
  }
  return out.length ? ['', ...out.map((note) => `- ${note}.`)] : [];
}

/** The section's lines (results.json's `phone`). */
export function phoneMarkdown(phone) {
  const firstApp = phone.phone.app.find((run) => run.bytes);
  const firstRef = phone.phone.reference.find((run) => run.bytes);
  return [
    ...profileLines(phone),
    ...loadTable(phone),
    ...bytesTable(firstApp, firstRef),
    ...desktopTable(phone),
    ...targetsTable(phone, firstApp?.bytes?.code ?? null),
    ...notes(phone),
  ];
}
