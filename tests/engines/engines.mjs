// The browsers of the engine suite (issue 22), driven over WebDriver with
// selenium-webdriver: Firefox ESR through geckodriver, and WebKitGTK's
// MiniBrowser through WebKitWebDriver (under xvfb-run: it has no headless
// mode). Both come from Debian (scripts/setup.sh); no driver or browser is
// ever downloaded: every path is given, so Selenium Manager never runs.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, WebDriver } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import http from 'selenium-webdriver/http/index.js';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

export const DIST = process.env.IA_DIST ?? 'dist';

export function servedDataset(root = DIST) {
  return JSON.parse(readFileSync(join(root, 'data/agencies.json'), 'utf8'));
}

/** Polls `probe` until it returns a truthy value; fails with `what` and the last value. */
export async function until(probe, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts the project's static server (tests/e2e/server.mjs) on a free port,
 * serving `root`, or a temporary copy of it with `copy` (so a test may stop it).
 */
export async function serve(root, { copy = false, csp = false } = {}) {
  const served = copy ? mkdtempSync(join(tmpdir(), 'ia-engines-')) : root;
  if (copy) cpSync(root, served, { recursive: true });
  const server = await startStaticServer(served, { csp });
  let stopped = false;
  return {
    url: server.url,
    root: served,
    stop() {
      if (stopped) return;
      stopped = true;
      server.stop();
      if (copy) rmSync(served, { recursive: true, force: true });
    },
  };
}

/** Waits until nothing answers at `url` any more (the server is really gone). */
export async function gone(url) {
  await until(async () => {
    try {
      await fetch(url);
      return false;
    } catch {
      return true;
    }
  }, `${url} to stop answering`, 5_000);
}

function version(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim().split('\n')[0];
  } catch {
    return `${command}: not found`;
  }
}

const MINIBROWSER = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
].find((path) => existsSync(path));

/**
 * The page's own record of what went wrong in it, for every engine (WebKit's
 * driver reports nothing itself): run with executeScript in the current
 * document, it keeps uncaught errors (`error` on the window), unhandled
 * promise rejections and console.error calls in `window.__iaErrors`
 * (installing twice does nothing). It sees what happens once it is there: a
 * journey installs it as soon as driver.get returns (after the load event),
 * and a page whose start went wrong shows as one the app never took over
 * (the journeys wait for data-app="ready"). Read with ERROR_PROBE_TAKE.
 */
export const ERROR_PROBE_INSTALL = `
  if (!window.__iaErrors) {
    const errors = (window.__iaErrors = []);
    const text = (value) => (value instanceof Error ? value.name + ': ' + value.message : String(value));
    addEventListener('error', (event) => errors.push('uncaught: ' + text(event.error ?? event.message)));
    addEventListener('unhandledrejection', (event) => errors.push('unhandled rejection: ' + text(event.reason)));
    const original = console.error;
    console.error = function (...args) {
      errors.push('console.error: ' + args.map(text).join(' '));
      return original.apply(this, args);
    };
  }`;
/** Returns the errors the probe kept in the current document since the last call, and forgets them. */
export const ERROR_PROBE_TAKE = 'return window.__iaErrors ? window.__iaErrors.splice(0) : null';

/**
 * The two engines. Each `start({ scripts })` gives
 * `{ driver, errors(), clearErrors(), quit() }`; `errors()` is every console
 * error and uncaught exception the driver reported since the last
 * clearErrors(), or null where it cannot report them (then only the page's
 * own record, ERROR_PROBE_INSTALL, has them).
 */
export const ENGINES = {
  firefox: {
    name: 'Firefox',
    versions: () => [version('firefox-esr', ['--version']), version('geckodriver', ['--version'])],
    async start({ scripts = true } = {}) {
      const options = new firefox.Options()
        .setBinary('/usr/bin/firefox-esr')
        .addArguments('-headless')
        // The tests read German texts; the browser's language chooses the UI language.
        .setPreference('intl.accept_languages', 'de-DE, de')
        // Nothing but 127.0.0.1: no update checks, telemetry or safe-browsing lists.
        .setPreference('app.update.enabled', false)
        .setPreference('browser.safebrowsing.malware.enabled', false)
        .setPreference('browser.safebrowsing.phishing.enabled', false)
        .setPreference('datareporting.policy.dataSubmissionEnabled', false)
        .setPreference('network.captive-portal-service.enabled', false)
        .setPreference('network.connectivity-service.enabled', false)
        .setPreference('javascript.enabled', scripts)
        .enableBidi();
      // geckodriver's log and Firefox's own chrome-code messages stay out of the
      // report; the page's console comes over BiDi below, and a failed start
      // comes back as the WebDriver error.
      const service = new firefox.ServiceBuilder(process.env.GECKODRIVER ?? 'geckodriver').setStdio('ignore');
      const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
      const errors = [];
      // Console errors and uncaught exceptions over WebDriver BiDi (log.entryAdded).
      const bidi = await driver.getBidi();
      await bidi.subscribe('log.entryAdded');
      const socket = await bidi.socket;
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.method !== 'log.entryAdded') return;
        const entry = message.params;
        if (entry.level === 'error') errors.push(`${entry.type}: ${entry.text}`);
      });
      return { driver, errors: () => [...errors], clearErrors: () => errors.splice(0), quit: () => driver.quit() };
    },
  },
  webkit: {
    name: 'WebKit',
    versions: () => [
      `WebKitGTK ${MINIBROWSER ? version('xvfb-run', ['-a', MINIBROWSER, '--version']) : 'MiniBrowser not found'}`,
      `WebKitWebDriver (${version('dpkg-query', ['-W', '-f', '${Version}', 'webkit2gtk-driver'])})`,
    ],
    async start({ scripts = true } = {}) {
      if (!MINIBROWSER) throw new Error('no WebKitGTK MiniBrowser (apt-get install webkit2gtk-driver)');
      if (!process.env.DISPLAY) throw new Error('WebKitGTK needs an X display: run under xvfb-run');
      const port = await freePort();
      // The driver cannot report the page's console: WebKitWebDriver 2.50 has no
      // BiDi (webSocketUrl fails to match) and no log endpoint, and MiniBrowser's
      // --enable-write-console-messages-to-stdout writes nothing for a page
      // under automation (tried, also with its stdout moved to stderr). The
      // journeys read the page's own record instead (ERROR_PROBE_INSTALL).
      const service = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        // The tests read German texts; WebKitGTK takes the UI language from the
        // locale, which must exist (scripts/setup.sh makes de_DE.UTF-8).
        env: { ...process.env, LANG: 'de_DE.UTF-8', LANGUAGE: 'de' },
      });
      const url = `http://127.0.0.1:${port}`;
      await until(async () => (await fetch(`${url}/status`)).ok, 'WebKitWebDriver to start', 10_000);
      const capabilities = {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: MINIBROWSER,
          args: ['--automation', ...(scripts ? [] : ['--enable-javascript=false'])],
        },
      };
      let driver;
      try {
        driver = await WebDriver.createSession(new http.Executor(new http.HttpClient(url)), capabilities);
      } catch (error) {
        service.kill();
        throw error;
      }
      return {
        driver,
        errors: () => null,
        clearErrors: () => {},
        quit: async () => {
          try {
            await driver.quit();
          } finally {
            service.kill();
          }
        },
      };
    },
  },
};

/**
 * Sets the size of the page's viewport (not of the window, which has borders
 * in some engines): resizes, measures and corrects once.
 */
export async function setViewport(driver, width, height) {
  await driver.manage().window().setRect({ width, height });
  const inner = await driver.executeScript('return [innerWidth, innerHeight]');
  if (inner[0] !== width || inner[1] !== height) {
    await driver.manage().window().setRect({ width: width + (width - inner[0]), height: height + (height - inner[1]) });
  }
  return driver.executeScript('return [innerWidth, innerHeight]');
}
