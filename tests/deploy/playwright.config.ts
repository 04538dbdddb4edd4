// The deploy test (make test-deploy): the release build served by real nginx
// and Caddy with the configurations of docs/deploy.md (tests/deploy/). One
// project per server; each starts its own server (tests/deploy/servers.mjs),
// so no webServer here. Browser settings as in the main configuration.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  testDir: '.',
  outputDir: '../../target/playwright-deploy',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../../target/deploy/report.json' }]],
  use: { ...base.use, baseURL: undefined },
  projects: [{ name: 'nginx' }, { name: 'caddy' }],
});
