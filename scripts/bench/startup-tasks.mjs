// The start's main-thread tasks (issue 28, "start-up without one long
// task"): a trace of cold loads of the app (real dataset, phone screen, no
// throttling) until the finder has taken over and 2 s more, and each task's
// CPU time on the page's main thread. CPU time, unlike wall time, barely
// changes when other work competes for the cores, so the figures hold on a
// busy machine where Lighthouse's total blocking time does not. Lighthouse's
// mobile preset simulates a CPU 4x slower: a task of 12.5 ms CPU time here is
// about its 50 ms, where blocking begins.
//
// On its own (prints the tasks of each load): node scripts/bench/startup-tasks.mjs [--dist dist] [--loads 3]
import { chromium } from 'playwright';
import { startBenchServer } from '../bench-server.mjs';
import { CHROMIUM } from '../lib/repo.mjs';
import { log } from './log.mjs';

/** Lighthouse's simulated slowdown of the CPU (mobile preset). */
export const SLOWDOWN = 4;
/** Lighthouse counts the part of a task beyond this as blocking. */
const BLOCKING_MS = 50;

const SCREEN = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** One cold load: the main thread's tasks (ms of CPU time, ms of wall time), longest first. */
async function load({ browser, server }) {
  const context = await browser.newContext({ ...SCREEN, locale: 'de-DE', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'] });
    const started = Date.now();
    await page.goto(server.url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 120_000 });
    const readyMs = Date.now() - started;
    await page.waitForTimeout(2000);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents ?? trace;
    // The page's main thread: the renderer's main thread that ran the app's
    // script (the trace has the browser's other renderers too).
    const onThread = (thread) => events.filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid);
    const main = events.find(
      (e) =>
        e.ph === 'M' &&
        e.name === 'thread_name' &&
        e.args?.name === 'CrRendererMain' &&
        onThread(e).some((call) => call.name === 'FunctionCall' && String(call.args?.data?.url).startsWith(server.url)),
    );
    if (!main) throw new Error('no main thread of the page in the trace');
    const tasks = onThread(main)
      .filter((e) => e.name === 'RunTask' && e.dur > 1000)
      .map((e) => ({ cpuMs: (e.tdur ?? e.dur) / 1000, wallMs: e.dur / 1000 }))
      .sort((a, b) => b.cpuMs - a.cpuMs);
    const simulatedTbtMs = tasks.reduce((sum, t) => sum + Math.max(0, t.cpuMs * SLOWDOWN - BLOCKING_MS), 0);
    return { readyMs, tasks: tasks.slice(0, 8), longestCpuMs: tasks[0]?.cpuMs ?? 0, simulatedTbtMs };
  } finally {
    await context.close();
  }
}

/** The pass: `loads` cold loads; every one is reported. */
export async function startupTasksPass({ browser, server, loads = 3 }) {
  const runs = [];
  for (let i = 0; i < loads; i++) {
    const run = await load({ browser, server });
    runs.push(run);
    log(
      `  start-up tasks, load ${i + 1}: longest ${run.longestCpuMs.toFixed(1)} ms CPU (x${SLOWDOWN}: ${(run.longestCpuMs * SLOWDOWN).toFixed(0)} ms), ` +
        `estimated blocking at x${SLOWDOWN} ${run.simulatedTbtMs.toFixed(0)} ms; next: ${run.tasks
          .slice(1, 6)
          .map((t) => t.cpuMs.toFixed(1))
          .join(', ')} ms CPU`,
    );
  }
  return { slowdown: SLOWDOWN, runs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const server = await startBenchServer({ dist: arg('--dist', 'dist'), dataset: 'public/data/agencies.json' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const result = await startupTasksPass({ browser, server, loads: Number(arg('--loads', 3)) });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}
