// The publication package's cost (issue 29), measured, not part of `make test`:
// dist/ served by tests/e2e/server.mjs, the maintenance page in Debian's
// Chromium with the CPU slowed by Chrome DevTools' Emulation.setCPUThrottlingRate
// (4 = the phone profile of issue 16), the page's own table downloaded and
// dropped back unchanged (the shipped data, nothing rejected), then
// "Veröffentlichungspaket herunterladen". Prints every run (never only the
// best): the page's own time from the click to the finished ZIP
// (data-millis, which includes loading the Wasm), the time until the browser
// has the download, the publication Wasm's and glue's bytes (the files the page
// loaded, as served uncompressed), and the package's bytes and file count.
// Times measured while other processes compete for the CPU are noise: the
// throttling comes on top of, not instead of, their share.
//   node scripts/measure-package.mjs [--runs N] [--throttle RATE] [--site URL] [dist]
import { startStaticServer } from './lib/static-server.mjs';
import { readFileSync, statSync } from 'node:fs';
import { chromium } from '@playwright/test';
import JSZip from 'jszip';
import { cli } from './lib/cli.mjs';
import { CHROMIUM, commitLabel, enterRepo } from './lib/repo.mjs';

const { values, positionals } = cli({
  usage: 'node scripts/measure-package.mjs [options] [dist]',
  about: 'Times the publication package on the maintenance page with the CPU throttled (issue 29).',
  positionals: { max: 1 },
  options: {
    runs: { type: 'number', default: 3, help: 'runs, each in a fresh browser context' },
    throttle: { type: 'number', default: 4, help: 'CPU slow-down (Emulation.setCPUThrottlingRate); 1 = none' },
    site: { type: 'string', value: 'URL', default: '', help: "a site address as config.json's site_url (adds QR codes and the sitemap)" },
  },
});
enterRepo();
const dist = positionals[0] ?? 'dist';

const server = await startStaticServer(dist);
const base = server.url;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
console.log(`measure-package: ${dist} at commit ${commitLabel(['src', 'crates'], 'with uncommitted changes')}, Chromium ${browser.version()}, CPU throttled ${values.throttle}x, site address ${values.site || 'none'}`);
try {
  for (let run = 1; run <= values.runs; run++) {
    const context = await browser.newContext({ locale: 'de-DE', serviceWorkers: 'block', acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const loaded = new Set();
    page.on('requestfinished', (request) => {
      const name = /\/(publish-[0-9a-f]{16}(_bg\.wasm|\.js))$/.exec(request.url());
      if (name) loaded.add(name[1]);
    });
    if (values.site) {
      const config = { ...JSON.parse(readFileSync(`${dist}/config.json`, 'utf8')), site_url: values.site };
      await page.route('**/config.json', (route) => route.fulfill({ body: JSON.stringify(config), contentType: 'application/json' }));
    }
    const cdp = await context.newCDPSession(page);
    await page.goto(`${base}pflege.html`);
    const xlsx = page.getByRole('button', { name: 'Tabelle für Excel oder LibreOffice (.xlsx)' });
    await xlsx.waitFor();
    const [table] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
    await page.getByLabel(/Datei hierher ziehen/).setInputFiles(await table.path());
    const button = page.getByRole('button', { name: 'Veröffentlichungspaket herunterladen' });
    await button.waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: values.throttle });
    const start = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), button.click()]);
    const path = await download.path();
    const seen = Date.now() - start;
    const done = page.getByTestId('package-done');
    await done.waitFor();
    const millis = Number(await done.getAttribute('data-millis'));
    const bytes = readFileSync(path);
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.values(zip.files).filter((entry) => !entry.dir).length;
    const wasmBytes = [...loaded].reduce((sum, name) => sum + statSync(`${dist}/${name}`).size, 0);
    console.log(
      `run ${run}: page ${(millis / 1000).toFixed(1)} s, download after ${(seen / 1000).toFixed(1)} s; ` +
        `publication Wasm + glue ${wasmBytes} bytes (${loaded.size} files); package ${bytes.length} bytes, ${files} files`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
