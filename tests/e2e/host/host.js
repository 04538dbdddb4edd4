// The embedding page of the tests: ?src=<app URL>[&sandbox=<tokens>].
// It does what docs/embedding.md tells partners: resize the iframe on the
// app's height message, accepting it only from the app's origin and frame.
const params = new URLSearchParams(location.search);
const src = params.get('src') ?? '';
const frame = document.getElementById('finder');
if (params.has('sandbox')) frame.setAttribute('sandbox', params.get('sandbox'));
window.__heights = [];
addEventListener('message', (event) => {
  if (event.origin !== new URL(src).origin || event.source !== frame.contentWindow) return;
  if (!event.data || event.data.type !== 'ia-map:height') return;
  window.__heights.push(event.data.height);
  frame.style.height = `${Math.ceil(event.data.height)}px`;
});
frame.src = src;
