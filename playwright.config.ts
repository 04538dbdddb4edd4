// End-to-end tests against the release build in dist/, in Debian's Chromium.
// Never run `playwright install`: it downloads browsers, which this project must not.
import { defineConfig } from '@playwright/test';

// IA_DIST / IA_PORT let a second build be tested next to the default one.
const PORT = Number(process.env.IA_PORT ?? 4173);
const DIST = process.env.IA_DIST ?? 'dist';
// `make test` runs tests/e2e; IA_SPECS=bench runs the benchmark-like specs in
// tests/bench instead (input latency, the reference page, 5,000 agencies on
// the map), which `make bench` runs.
const SPECS = process.env.IA_SPECS === 'bench' ? 'tests/bench' : 'tests/e2e';

export default defineConfig({
  testDir: SPECS,
  outputDir: process.env.IA_DIST ? `target/playwright-${PORT}` : 'target/playwright',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    // The tests read German texts; the browser's language chooses the UI language.
    locale: 'de-DE',
    // The service worker would answer routed requests from its cache; the
    // offline and CSP specs allow it where they test it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node tests/e2e/server.mjs --root ${DIST} --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
    // A partner's page on another origin (another port), for embedding tests.
    {
      command: `node tests/e2e/server.mjs --root tests/e2e/host --port ${PORT + 2}`,
      url: `http://127.0.0.1:${PORT + 2}/`,
      reuseExistingServer: false,
    },
  ],
});
