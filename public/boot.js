// Starts the app without inline script (CSP: script-src 'self'): Trunk.toml's
// pattern_script names the hashed files in <meta name="ia-app" content="JS WASM">.
// If the app cannot start (files gone after a deploy, no WebAssembly, a trap
// in its Wasm before it takes over), the page says so.
const [js, wasm] = document.querySelector('meta[name="ia-app"]').content.split(' ');

function fail(error) {
  // A prerendered first view then shows as it does without JavaScript.
  const html = document.documentElement;
  if (html.dataset.app !== undefined) return;
  html.classList.remove('pending');
  html.classList.add('app-failed');
  html.dataset.app = 'failed';
  const boot = document.getElementById('boot');
  if (boot) {
    boot.setAttribute('role', 'alert');
    boot.textContent = 'Die Anwendung konnte nicht gestartet werden. Bitte laden Sie die Seite neu.';
  }
  console.error('the app could not be started:', error);
}

// A trap in the Wasm (WebAssembly.RuntimeError) thrown from a callback never
// reaches the catch below; before the app has taken over (no data-app yet) it
// would leave "wird geladen …" on the page for good. Seen in WebKit: an "Out
// of bounds memory access" during start, in about 1 of 25 engine runs.
const trapped = (error) => error instanceof WebAssembly.RuntimeError && fail(error);
addEventListener('error', (event) => trapped(event.error));
addEventListener('unhandledrejection', (event) => trapped(event.reason));

// A page with a prerendered first view paints it first; the app's code
// loads right after (scripts/minify-glue.mjs drops its preload links).
if (document.getElementById('prerendered')) {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
try {
  const { default: init } = await import(new URL(js, document.baseURI).href);
  await init({ module_or_path: new URL(wasm, document.baseURI).href });
} catch (error) {
  fail(error);
}
