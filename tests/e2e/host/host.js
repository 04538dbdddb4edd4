// The embedding page of the tests: ?src=<app URL>[&sandbox=<tokens>][&w=<px>&h=<px>].
// It does what docs/embedding.md tells partners: resize the iframe on the
// app's height message, accepting it only from the app's origin and frame.
// w and h set the frame's size (e.g. 400x500 in a sidebar); with fixed=1 the
// partner does not use the height script and the frame keeps that height.
const params = new URLSearchParams(location.search);
const src = params.get('src') ?? '';
const frame = document.getElementById('finder');
if (params.has('sandbox')) frame.setAttribute('sandbox', params.get('sandbox'));
const fixed = params.get('fixed') === '1';
if (params.has('w')) frame.style.width = `${Number(params.get('w'))}px`;
if (params.has('h')) frame.style.height = `${Number(params.get('h'))}px`;
window.__heights = [];
addEventListener('message', (event) => {
  if (event.origin !== new URL(src).origin || event.source !== frame.contentWindow) return;
  if (!event.data || event.data.type !== 'ia-map:height') return;
  window.__heights.push(event.data.height);
  if (fixed) return;
  frame.style.height = `${Math.ceil(event.data.height)}px`;
});
frame.src = src;
