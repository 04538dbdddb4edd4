// Starts the app without inline script (CSP: script-src 'self'): Trunk.toml's
// pattern_script names the hashed files in <meta name="ia-app" content="JS WASM">.
// If the app cannot start (files gone after a deploy, no WebAssembly), the page says so.
const [js, wasm] = document.querySelector('meta[name="ia-app"]').content.split(' ');
// A page with a prerendered first view paints it first; the app's code
// loads right after (scripts/minify-glue.mjs drops its preload links).
if (document.getElementById('prerendered')) {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
try {
  const { default: init } = await import(new URL(js, document.baseURI).href);
  await init({ module_or_path: new URL(wasm, document.baseURI).href });
} catch (error) {
  // A prerendered first view then shows as it does without JavaScript.
  document.documentElement.classList.remove('pending');
  document.documentElement.classList.add('app-failed');
  document.documentElement.dataset.app = 'failed';
  const boot = document.getElementById('boot');
  if (boot) {
    boot.setAttribute('role', 'alert');
    boot.textContent = 'Die Anwendung konnte nicht gestartet werden. Bitte laden Sie die Seite neu.';
  }
  console.error('the app could not be started:', error);
}
