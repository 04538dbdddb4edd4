// The journeys of issue 22 in one engine, against the release build in dist/:
// the same user-visible results as the Chromium suite (tests/e2e) for the
// start page, the filters, the detail and Escape, right-to-left, the embed in
// a cross-origin iframe with the wheel, the prerendered page without scripts,
// and offline reload. Each journey is a node:test test; one browser session
// serves all but the scripts-off one, which needs its own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { cropPng } from './png.mjs';
import { DIST, ENGINES, ERROR_PROBE_INSTALL, ERROR_PROBE_TAKE, gone, serve, servedDataset, setViewport, until } from './engines.mjs';

const OUT = 'test-output/engines';

/** Keeps every text the map's hint (`.map-hint`) shows in `window.__hints`, with when, however briefly it shows. */
const RECORD_HINTS = `
  window.__hints = [];
  new MutationObserver(() => {
    for (const hint of document.querySelectorAll('.map-hint')) window.__hints.push({ text: hint.textContent, at: performance.now() });
  }).observe(document.body, { subtree: true, childList: true, characterData: true });`;

/** The marker of a build whose index.html lists the agencies without scripts (issue 16). */
export const PRERENDER_MARKER = /\bdata-prerendered\b/;

export function journeys(key) {
  const engine = ENGINES[key];
  const dataset = servedDataset();
  const all = dataset.agencies;
  const sada = all.filter((a) => a.antidiscrimination);
  const inKoeln = all.filter((a) => a.ags.startsWith('05315'));
  const sadaInKoeln = inKoeln.filter((a) => a.antidiscrimination);
  const found = (n) => (n === 1 ? '1 Agentur gefunden' : `${n} Agenturen gefunden`);

  describe(`${engine.name}: ${engine.versions().join(', ')}`, () => {
    let app;
    let host;
    let session;
    let driver;

    before(async () => {
      mkdirSync(OUT, { recursive: true });
      app = await serve(DIST);
      // A partner's page on another origin (another port), as in the embed tests.
      host = await serve('tests/e2e/host');
      session = await engine.start();
      driver = session.driver;
    });

    after(async () => {
      await session?.quit();
      app?.stop();
      host?.stop();
    });

    const js = (script, ...args) => driver.executeScript(script, ...args);
    // What the pages' own error records (ERROR_PROBE_INSTALL) held, gathered
    // before each page is left and when a journey checks.
    let pageErrors = [];
    /** Moves the current document's recorded errors into pageErrors. */
    async function gather() {
      const found = await js(ERROR_PROBE_TAKE).catch(() => null);
      if (found) pageErrors.push(...found);
    }
    /**
     * Puts the error record into the current document (again: installing is
     * idempotent). Retried: right after driver.get, WebKitWebDriver may still
     * be finishing the navigation ("Callback was not called before the unload
     * event", once in 20 runs).
     */
    async function watch() {
      await until(async () => {
        await js(ERROR_PROBE_INSTALL);
        return true;
      }, 'the error record in the page', 10_000);
    }
    /** Loads `url` and puts the error record into the new page at once. */
    async function go(url) {
      await gather();
      await driver.get(url);
      await watch();
    }
    /** Forgets every error seen so far, the driver's and the pages'. */
    async function clearErrors() {
      session.clearErrors();
      await gather();
      pageErrors = [];
    }
    const visible = () => js("return document.querySelectorAll('[data-testid=results] li:not([hidden])').length");
    const markerTotal = () =>
      js("return [...document.querySelectorAll('.ia-marker')].reduce((n, m) => n + Number(m.getAttribute('data-count') ?? 0), 0)");
    const text = (selector) => js('return document.querySelector(arguments[0])?.textContent.trim() ?? null', selector);
    const search = () => js('return location.search');

    /** Loads `url` and waits until the app has taken over the prerendered view (src/takeover.rs). */
    async function open(url, { width = 1280, height = 800 } = {}) {
      await setViewport(driver, width, height);
      await go(url);
      // On a timeout the failure says what the page showed (one WebKit run
      // in 20 timed out here with no more than "false"), with a screenshot.
      let seen;
      await until(async () => {
        seen = await js(
          "const html = document.documentElement; return { app: html.dataset.app ?? null, results: !!document.querySelector('[data-testid=results]'), address: location.href, htmlClass: html.className, boot: document.getElementById('boot')?.textContent.trim() ?? null, loadError: document.querySelector('[data-testid=load-error]')?.textContent.trim() ?? null }",
        );
        return seen.app === 'ready' && seen.results;
      }, 'the app').catch(async (error) => {
        await screenshot('open-timed-out').catch(() => {});
        await gather();
        throw new Error(`${error.message}; the page: ${JSON.stringify(seen)}; its errors: ${JSON.stringify(pageErrors)}`);
      });
      // In the document the app runs in, whichever load that was.
      await watch();
    }

    /** Opens the "Filter (n)" fold (text, place, offers, associations) unless it is open. */
    async function openFilters() {
      if (!(await js("return document.querySelector('details.more-filters').open"))) {
        await driver.findElement(By.css('details.more-filters > summary')).click();
      }
      await until(() => js("return document.querySelector('details.more-filters').open"), 'the filter fold to open');
      // Its fields are a part loaded on first use (issue 28).
      await until(() => js("return !!document.querySelector('details.more-filters fieldset')"), 'the folded fields');
    }

    /**
     * The journey's errors: the page's own record (every engine) and, where
     * the driver reports them (Firefox, over BiDi), the console's errors.
     */
    async function expectNoErrors() {
      await gather();
      const errors = [...(session.errors() ?? []), ...pageErrors].filter(
        (line) => !/Failed to load resource|tile\.openstreetmap\.org|sgx\.geodatenzentrum\.de/.test(line) || /127\.0\.0\.1/.test(line),
      );
      assert.deepEqual(errors, [], 'console errors');
    }

    async function screenshot(name) {
      writeFileSync(join(OUT, `${key}-${name}.png`), await driver.takeScreenshot(), 'base64');
    }

    test('the start page loads without a console error and shows every agency in the list and on the map', async (t) => {
      if (session.errors() === null) t.diagnostic(`${engine.name}'s driver cannot report console errors: the page's own record is read (tests/engines/engines.mjs)`);
      await clearErrors();
      await open(app.url);
      await until(async () => (await visible()) === all.length, `${all.length} entries in the list`);
      await until(async () => (await markerTotal()) === all.length, `${all.length} agencies in the markers`);
      assert.equal(await text('[data-testid=result-count]'), found(all.length));
      assert.equal(await js('return document.documentElement.lang'), 'de');
      // The map's outline of NRW is drawn.
      await until(() => js("return document.querySelectorAll('.leaflet-overlay-pane path').length > 0"), 'the outline');
      // Side by side: the list at the start (left), the map at the end.
      const [list, map] = await js("return ['.results', '.map'].map((s) => document.querySelector(s).getBoundingClientRect().left)");
      assert.ok(list < map, `list (${list}) left of the map (${map})`);
      await expectNoErrors();
      await screenshot('1280x800');

      // A phone: the list first, the map one tap away.
      const [width] = await setViewport(driver, 390, 844);
      if (width === 390) {
        await open(app.url, { width: 390, height: 844 });
        await until(async () => (await visible()) === all.length, `${all.length} entries on a phone`);
        assert.equal(await js("return document.querySelector('.view-switch button[aria-pressed=true]')?.textContent.trim()"), `Liste (${all.length})`);
        await screenshot('390x844');
      } else {
        // A window cannot be that narrow (headless Firefox: 500 px; MiniBrowser,
        // with its toolbar: 447 px): the phone page is a 390x844 iframe in a blank page.
        t.diagnostic(`the window is at least ${width} px wide: 390x844 is shown in an iframe of that size`);
        await setViewport(driver, 1280, 900);
        await go('about:blank');
        await js(
          "const f = document.createElement('iframe'); f.id = 'phone'; f.src = arguments[0]; f.style = 'width:390px;height:844px;border:0;display:block'; document.body.style.margin = '0'; document.body.append(f);",
          app.url,
        );
        const frame = await driver.findElement(By.id('phone'));
        await driver.switchTo().frame(frame);
        try {
          await js(ERROR_PROBE_INSTALL);
          await until(async () => (await visible()) === all.length, `${all.length} entries on a phone`);
          assert.equal(await js('return innerWidth'), 390);
          assert.equal(await js("return document.querySelector('.view-switch button[aria-pressed=true]')?.textContent.trim()"), `Liste (${all.length})`);
        } finally {
          await gather();
          await driver.switchTo().defaultContent();
        }
        // The viewport's picture cut to the iframe (at 0,0; one device pixel per CSS pixel).
        assert.equal(await js('return devicePixelRatio'), 1);
        const whole = Buffer.from(await driver.takeScreenshot(), 'base64');
        writeFileSync(join(OUT, `${key}-390x844.png`), cropPng(whole, { x: 0, y: 0, width: 390, height: 844 }));
      }
      // The app shows no load error or crash notice.
      assert.equal(await js("return document.querySelectorAll('[data-testid=load-error]').length"), 0);
      await expectNoErrors();
    });

    test("the page's error record sees an uncaught error, a rejected promise and console.error", async () => {
      await clearErrors();
      await open(app.url);
      // Caused by the page's own script (an inline one: the test server sends no CSP), not WebDriver's.
      await js(
        "const s = document.createElement('script'); s.textContent = \"setTimeout(() => { throw new Error('probe: thrown'); }); Promise.reject(new Error('probe: rejected')); console.error('probe: logged');\"; document.head.append(s);",
      );
      await until(async () => {
        await gather();
        return pageErrors.length >= 3;
      }, 'three errors in the record');
      assert.deepEqual(
        pageErrors.map((line) => line.replace(/^([a-z. ]+): .*(probe: [a-z]+).*$/i, '$1: $2')).sort(),
        ['console.error: probe: logged', 'uncaught: probe: thrown', 'unhandled rejection: probe: rejected'],
      );
      await assert.rejects(expectNoErrors(), /console errors/);
      await clearErrors();
    });

    test('the place filter and the Servicestelle toggle change the count as in Chromium', async () => {
      await clearErrors();
      await open(app.url);
      await until(async () => (await visible()) === all.length, 'the full list');
      // Type-ahead, umlaut-insensitive: "koln" suggests Köln first; Enter picks it.
      await openFilters();
      const place = await driver.findElement(By.id('filter-place'));
      await place.sendKeys('koln');
      await until(
        async () => (await text('.combobox__list:not([hidden]) [role=option]')) === `Köln (${inKoeln.length})`,
        `"Köln (${inKoeln.length})" suggested first`,
      );
      await place.sendKeys(Key.ENTER);
      await until(async () => (await place.getAttribute('value')) === 'Köln', 'Köln picked');
      await until(async () => (await visible()) === inKoeln.length, `${inKoeln.length} in Köln`);
      await until(async () => (await markerTotal()) === inKoeln.length, `${inKoeln.length} Köln agencies in the markers`);
      await until(async () => /place=05315000/.test(await search()), 'the place in the URL');

      await driver.findElement(By.id('filter-sada')).click();
      await until(async () => (await visible()) === sadaInKoeln.length, `${sadaInKoeln.length} Servicestellen in Köln`);
      assert.equal(await text('[data-testid=result-count]'), found(sadaInKoeln.length));
      await until(async () => (await markerTotal()) === sadaInKoeln.length, 'the markers follow');
      await until(async () => /sada=1/.test(await search()), 'sada=1 in the URL');

      // Without the place, the toggle alone: every Servicestelle in NRW.
      await open(`${app.url}?sada=1`);
      await until(async () => (await visible()) === sada.length, `${sada.length} Servicestellen`);
      assert.equal(await driver.findElement(By.id('filter-sada')).isSelected(), true);
      await driver.findElement(By.id('filter-sada')).click();
      await until(async () => (await visible()) === all.length, 'all again after the toggle');
      await expectNoErrors();
    });

    test('a detail opens from the list and Escape returns focus to its entry', async () => {
      await clearErrors();
      await open(`${app.url}?place=05315000`);
      const count = all.filter((a) => a.ags === '05315000').length;
      await until(async () => (await visible()) === count, `${count} in Köln`);
      const entries = await driver.findElements(By.css('[data-testid=results] li:not([hidden])'));
      const entry = entries[Math.min(2, entries.length - 1)];
      const id = await entry.getAttribute('id');
      const name = (await entry.findElement(By.css('.result__name')).getText()).trim();
      // WebKitWebDriver now and then calls the link not interactable for a moment
      // right after the filtered list is shown (1 run in 3 on a loaded machine);
      // the journey waits until it takes the click, as a hand would.
      const link = await entry.findElement(By.css('.result__link'));
      await until(async () => {
        await link.click();
        return true;
      }, 'the entry\'s link to take a click');
      await until(
        () => js("const h = document.querySelector('[data-testid=detail] h2'); return h && h === document.activeElement && h.textContent.trim()"),
        'the detail heading with focus',
      ).then((heading) => assert.equal(heading, name));
      await until(async () => /agency=/.test(await search()), 'the agency in the URL');
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await until(() => js("return !document.querySelector('[data-testid=detail]')"), 'the detail to close');
      await until(() => js('return document.activeElement?.matches(`#${arguments[0]} .result__link`)', id), `focus on the entry #${id}`);
      assert.equal(await visible(), count, 'the filter is kept');
      await expectNoErrors();
    });

    // Issue 28: the parts loaded on first use, in this engine: on a phone
    // none at start, then "near me"'s place index, the end of the list
    // ("Teilen", downloads) and the map, each when first used.
    test('on a phone each part loads when first used: near me, the end of the list, the map', async () => {
      session.clearErrors();
      await open(app.url, { width: 390, height: 844 });
      const parts = () =>
        js(
          "return performance.getEntriesByType('resource').map((e) => /\\/ia-map-([a-z]+)-[0-9a-f]{16}\\.wasm$/.exec(e.name)?.[1]).filter(Boolean)",
        );
      assert.deepEqual(await parts(), [], 'no part at start');
      const near = await driver.findElement(By.id('filter-near'));
      await near.click();
      await near.sendKeys('5066');
      await until(async () => (await text('.combobox__list:not([hidden]) [role=option]')) === '50667 Köln', '"50667 Köln" suggested');
      assert.ok((await parts()).includes('near'), 'the near part');
      await js("document.querySelector('.part-spot').scrollIntoView()");
      await until(() => js("return !!document.querySelector('[data-testid=share-view] button') && !!document.querySelector('[data-testid=download-csv]')"), 'Teilen and the downloads');
      await js('window.scrollTo(0, 0)');
      await driver.findElement(By.css('.view-switch button:nth-child(2)')).click();
      await until(async () => (await markerTotal()) === all.length, 'every agency on the map');
      assert.deepEqual((await parts()).filter((p) => !p.startsWith('chunk')).sort(), ['map', 'near', 'share']);
      await screenshot('phone-parts');
      expectNoErrors();
    });

    test('?lang=ar is right-to-left', async () => {
      await clearErrors();
      await open(`${app.url}?lang=ar`);
      await until(async () => (await visible()) === all.length, 'the full list');
      // The Arabic texts may come from their own file after the app starts: waited for.
      await until(
        () => js("return [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction].join() === 'ar,rtl,rtl'"),
        'lang=ar, dir=rtl and a right-to-left body',
      );
      await until(async () => /[\u0600-\u06ff]/.test((await text('[data-testid=result-count]')) ?? ''), 'the count in Arabic');
      // Mirrored: the list at the start (right), the map at the end (left).
      const [list, map] = await js("return ['.results', '.map'].map((s) => document.querySelector(s).getBoundingClientRect().left)");
      assert.ok(list > map, `list (${list}) right of the map (${map})`);
      await screenshot('ar-1280x800');
      await expectNoErrors();
    });

    test('?embed=1 in a cross-origin iframe shows the map, and the wheel over it scrolls the host page', async (t) => {
      await clearErrors();
      await setViewport(driver, 1280, 800);
      await go(`${host.url}?src=${encodeURIComponent(`${app.url}?embed=1`)}`);
      const iframe = await until(async () => (await driver.findElements(By.id('finder')))[0], 'the iframe');
      await driver.switchTo().frame(iframe);
      try {
        await js(ERROR_PROBE_INSTALL);
        await until(async () => (await markerTotal()) === all.length, `${all.length} agencies in the embedded map`);
        assert.equal(await js("return document.querySelectorAll('.site-header').length"), 0, 'no site header in embed mode');
        await until(async () => /map=\d+\//.test(await search()), 'the map view in the URL');
      } finally {
        await driver.switchTo().defaultContent();
      }
      const zoom = async () => {
        await driver.switchTo().frame(iframe);
        try {
          return Number(/map=(\d+)\//.exec(await search())?.[1] ?? NaN);
        } finally {
          await driver.switchTo().defaultContent();
        }
      };
      const zoomBefore = await zoom();
      // The map, seen from the host page: bring it fully into view, then aim at its centre.
      // Every hint the map shows is recorded in the frame: a hint stays 1.5 s
      // (src/map/gestures.rs), less than a busy machine may take to look.
      await driver.switchTo().frame(iframe);
      const inFrame = await js("const r = document.querySelector('.map').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]");
      await js(RECORD_HINTS);
      const wheelAt = await js('return performance.now()');
      await driver.switchTo().defaultContent();
      assert.ok(inFrame[2] > 200 && inFrame[3] > 200, `the map has a size (${inFrame})`);
      await js('const f = document.getElementById("finder"); scrollTo(0, f.getBoundingClientRect().top + scrollY + arguments[0] - 100)', inFrame[1]);
      const [frameLeft, frameTop] = await js('const r = document.getElementById("finder").getBoundingClientRect(); return [r.left, r.top]');
      const x = Math.round(frameLeft + inFrame[0] + inFrame[2] / 2);
      const y = Math.round(frameTop + inFrame[1] + Math.min(inFrame[3], 600) / 2);
      const before = await js('return scrollY');
      try {
        await driver.actions().scroll(x, y, 0, 300).perform();
      } catch (error) {
        if (/unsupported|not implemented|unknown|invalid argument/i.test(error.message)) {
          t.skip(`${engine.name}'s WebDriver cannot send wheel actions: ${error.message}`);
          return;
        }
        throw error;
      }
      await until(async () => (await js('return scrollY')) > before, 'the host page to scroll');
      assert.equal(await zoom(), zoomBefore, 'the map did not zoom');
      await driver.switchTo().frame(iframe);
      try {
        const lookedAt = await js('return performance.now()');
        const hint = await until(async () => (await js('return window.__hints')).find((hint) => /Strg/.test(hint.text)), 'the "Strg + wheel" hint');
        // Why the hint is recorded rather than looked for: how long after the
        // wheel it showed, and when this journey could first look (it shows 1.5 s).
        t.diagnostic(`the hint showed ${Math.round(hint.at - wheelAt)} ms after the wheel; the journey looked ${Math.round(lookedAt - wheelAt)} ms after it`);
      } finally {
        await gather();
        await driver.switchTo().defaultContent();
      }
      await expectNoErrors();
    });

    test('offline: after one online visit a reload works without the server', async (t) => {
      const copy = await serve(DIST, { copy: true, csp: true });
      try {
        await open(copy.url);
        if (!(await js("return 'serviceWorker' in navigator"))) {
          t.skip(`${engine.name} has no service workers in this setup (navigator.serviceWorker is missing)`);
          return;
        }
        await until(async () => (await visible()) === all.length, 'the full list online');
        const ready = await driver.executeAsyncScript(
          'const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then((r) => done(!!r.active), (e) => done(String(e)));',
        );
        assert.equal(ready, true, 'the service worker is active');
        // No clients.claim(): the worker takes over from the next load on. Loaded
        // again as by the address bar: WebDriver's refresh in Firefox is a forced
        // reload, which bypasses service workers as Shift+Reload does.
        await go(copy.url);
        await until(() => js('return navigator.serviceWorker.controller?.scriptURL'), 'a controlling service worker').then((url) =>
          assert.equal(url, new URL('sw.js', copy.url).href),
        );
        await until(async () => (await visible()) === all.length, 'the full list, controlled');
        copy.stop();
        await gone(copy.url);
        await clearErrors();
        await go(copy.url);
        await until(async () => (await visible()) === all.length, `${all.length} entries offline`);
        await until(async () => (await markerTotal()) === all.length, 'the markers offline');
        await until(() => js("return document.querySelectorAll('.leaflet-overlay-pane path').length > 0"), 'the outline offline');
        await driver.findElement(By.id('filter-sada')).click();
        await until(async () => (await visible()) === sada.length, 'the toggle offline');
        await expectNoErrors();
      } finally {
        copy.stop();
      }
    });

    // Touch cannot be tested here (tried with a touch pointer action, a one-finger
    // drag): headless Firefox delivers it as pointer events of type "touch" but
    // with no touch events ('ontouchstart' in window is false) and no scrolling;
    // WebKitWebDriver 2.50 delivers it as a mouse. Neither emulates a phone's
    // touch screen, so the touch journeys stay in Chromium (tests/e2e/embed.spec.ts).
    test('one finger on the embedded map scrolls the page (touch)', {
      skip: `${engine.name}'s WebDriver cannot emulate a touch screen in this setup (${key === 'firefox' ? 'touch arrives as pointer events only, without touch events or scrolling' : 'a touch pointer arrives as a mouse'})`,
    }, () => {});

    const prerendered = PRERENDER_MARKER.test(readFileSync(join(DIST, 'index.html'), 'utf8'));
    test(
      'with scripts off, the prerendered page lists every agency',
      { skip: prerendered ? false : `${DIST}/index.html has no data-prerendered marker yet (issue 16 prerenders the list)` },
      async () => {
        // Its own session: scripts are switched off in the browser's settings
        // (Firefox: javascript.enabled; WebKitGTK: MiniBrowser --enable-javascript=false).
        const off = await engine.start({ scripts: false });
        try {
          await setViewport(off.driver, 1280, 800);
          await off.driver.get(app.url);
          await until(async () => (await off.driver.findElements(By.css('li'))).length > 0, 'list entries');
          // Scripts are really off: gate.js never marked the page, the app never started (no Leaflet map).
          // (WebDriver's own scripts still run in both engines with page scripts off.)
          assert.equal(await off.driver.executeScript("return document.documentElement.className.includes('js')"), false, 'no page script ran');
          assert.equal((await off.driver.findElements(By.css('.leaflet-container'))).length, 0, 'the app did not start');
          // The entries' texts in one call (WebDriver's scripts run with page scripts off).
          const entries = await off.driver.executeScript("return [...document.querySelectorAll('li')].map((li) => li.textContent.replace(/\\s+/g, ' '))");
          const missing = all.filter((agency) => !entries.some((entry) => entry.includes(agency.name))).map((agency) => agency.name);
          assert.deepEqual(missing, [], 'agencies without a list entry');
          writeFileSync(join(OUT, `${key}-noscript-1280x800.png`), await off.driver.takeScreenshot(), 'base64');
        } finally {
          await off.quit();
        }
      },
    );
  });
}
