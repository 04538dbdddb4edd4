// Starts the app without inline script (CSP: script-src 'self'): Trunk.toml's
// pattern_script names the hashed files in <meta name="ia-app">. If the app
// cannot start (files gone after a deploy, no WebAssembly), the page says so.
const app = document.querySelector('meta[name="ia-app"]').dataset;
try {
  const { default: init } = await import(new URL(app.js, document.baseURI).href);
  await init({ module_or_path: new URL(app.wasm, document.baseURI).href });
} catch (error) {
  // The wait for another language (public/lang-gate.js) ends: show the message.
  document.documentElement.classList.remove('lang-pending');
  const boot = document.getElementById('boot');
  if (boot) {
    boot.setAttribute('role', 'alert');
    boot.textContent = 'Die Anwendung konnte nicht gestartet werden. Bitte laden Sie die Seite neu.';
  }
  console.error('the app could not be started:', error);
}
