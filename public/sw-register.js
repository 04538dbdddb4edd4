// Offline support (sw.js), scoped to the folder of index.html; after load, so
// it never slows the first visit. Remove this script to switch it off.
//
// Once the app has been idle for a while (no input for IDLE_MS after load),
// the service worker is asked to fetch the parts of the finder not used yet
// (issue 28), so that they work offline too; never when the browser asks to
// save data (`navigator.connection.saveData`).
const IDLE_MS = 30000;
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker
      .register('sw.js', { scope: './' })
      .then(() => prefetchWhenIdle())
      .catch((error) => console.warn('offline support not available:', error));
  });
}

function prefetchWhenIdle() {
  if (navigator.connection?.saveData || !document.querySelector('meta[name="ia-part"]')) return;
  let timer;
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(ask, IDLE_MS);
  };
  const ask = async () => {
    for (const type of ['pointerdown', 'keydown', 'scroll']) removeEventListener(type, wait, true);
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ type: 'ia-map:prefetch-parts' });
  };
  for (const type of ['pointerdown', 'keydown', 'scroll']) addEventListener(type, wait, { capture: true, passive: true });
  wait();
}
