// Offline support (sw.js), scoped to the folder of index.html; after load, so
// it never slows the first visit. Remove this script to switch it off.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js', { scope: './' }).catch((error) => console.warn('offline support not available:', error));
  });
}
