// Starts the app. Trunk would put this in an inline <script type="module">;
// Trunk.toml's pattern_script writes a <meta name="ia-app"> with the hashed
// file names instead, so index.html has no inline script and the
// Content-Security-Policy can be script-src 'self' 'wasm-unsafe-eval'.
// If the app cannot start (a file missing after a deploy, no WebAssembly),
// the loading line says so instead of loading forever.
const app = document.querySelector('meta[name="ia-app"]');
try {
  const { default: init } = await import(new URL(app.dataset.js, document.baseURI).href);
  await init({ module_or_path: new URL(app.dataset.wasm, document.baseURI).href });
} catch (error) {
  const boot = document.getElementById('boot');
  if (boot) {
    boot.setAttribute('role', 'alert');
    boot.textContent = 'Die Anwendung konnte nicht gestartet werden. Bitte laden Sie die Seite neu.';
  }
  console.error('the app could not be started:', error);
}
