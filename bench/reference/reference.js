// The reference page of the benchmark (issue 7): the finder as a web developer
// would write it with plain Leaflet and Leaflet.markercluster. It is the
// yardstick the app is measured against, so it stays small and does what the
// libraries' documentation suggests, nothing cleverer:
//
// - one L.marker (default icon, popup) per agency, created once after loading;
// - all markers in one L.markerClusterGroup with `chunkedLoading: true`: the
//   markercluster README recommends it for large numbers of markers (it adds
//   markers in slices of about 200 ms with 50 ms breaks, so the page does not
//   freeze; the markers appear when the last slice is done);
// - a filter change rebuilds everything: clearLayers + addLayers with the
//   matching markers, and the whole list of results anew (every result, no
//   paging);
// - the same config.json, dataset and NRW outline as the app; the same filter
//   meaning (facets AND, options of one facet OR) and the same result count text.
//
// The map view is fitted to the results (without animation, so that markers
// are never added in the middle of a zoom) at start and when the place changes;
// the Servicestelle switch and the offer checkboxes keep the view (the app
// fits to the results then too, which for NRW-wide filters moves nothing).
// URL parameters place, sada and offers are read at start (same names as the app).

// Offer codes in the app's order (ia_core::Offer::ALL), with the German labels.
const OFFERS = [
  ['intercultural_opening', 'Interkulturelle Öffnung'],
  ['neighbourhood_work', 'Sozialraumorientierte Arbeit'],
  ['civic_engagement', 'Bürgerschaftliches Engagement'],
  ['antidiscrimination_work', 'Antidiskriminierungsarbeit'],
  ['language_courses', 'Niedrigschwellige Sprachkurse'],
  ['integration_guides', 'Integrationslotsen'],
  ['culturally_sensitive_care', 'Kultursensible Altenhilfe und Qualifizierung'],
  ['counselling', 'Beratung'],
  ['migrant_organisations', 'Unterstützung von Migrantenorganisationen'],
  ['networking', 'Vernetzung'],
];

const countText = (n) => (n === 0 ? 'Keine Agentur gefunden' : n === 1 ? '1 Agentur gefunden' : `${n} Agenturen gefunden`);

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const addressLine = (a) => {
  const place = a.address.postcode ? `${a.address.postcode} ${a.address.city}` : a.address.city;
  return a.address.street ? `${a.address.street}, ${place}` : place;
};

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

async function main() {
  const count = document.querySelector('[data-testid="result-count"]');
  const list = document.querySelector('[data-testid="results"]');
  const placeSelect = document.getElementById('ref-place');
  const sadaSwitch = document.getElementById('ref-sada');
  const offerBoxes = document.getElementById('ref-offers');

  // The view is set once the data is there (layers need a view first).
  const map = L.map('map', { minZoom: 6, maxZoom: 18 });

  const configUrl = new URL('../config.json', location.href);
  const config = await getJson(configUrl);
  const [dataset, outline] = await Promise.all([
    getJson(new URL(config.dataset_url, configUrl)),
    config.outline_url ? getJson(new URL(config.outline_url, configUrl)).catch(() => null) : null,
  ]);
  map.setView([51.45, 7.55], 7);
  if (config.tile_url) {
    L.tileLayer(config.tile_url, { maxZoom: 18, attribution: config.tile_attribution ?? '' }).addTo(map);
  }
  if (outline) {
    L.geoJSON(outline, {
      interactive: false,
      style: { color: '#1d4f91', weight: 2, fillColor: '#e8eef7', fillOpacity: 0.35 },
    }).addTo(map);
  }

  const agencies = dataset.agencies;
  const markers = agencies.map((a) =>
    L.marker([a.location.lat, a.location.lon], { title: a.name }).bindPopup(() => {
      const box = el('div');
      box.append(el('strong', '', a.name), el('br'), document.createTextNode(addressLine(a)));
      return box;
    }),
  );
  // ?chunked=0 switches chunked loading off (to compare; the benchmark keeps it on).
  const cluster = L.markerClusterGroup({ chunkedLoading: new URLSearchParams(location.search).get('chunked') !== '0' });
  map.addLayer(cluster);

  // Filter controls: places present in the data, the switch, one box per offer.
  const places = new Map();
  for (const a of agencies) places.set(a.ags, a.municipality);
  for (const [ags, name] of [...places].sort((x, y) => x[1].localeCompare(y[1], 'de'))) {
    placeSelect.append(new Option(name, ags));
  }
  OFFERS.forEach(([code, label], i) => {
    const box = el('div', 'checkbox');
    const input = el('input');
    input.type = 'checkbox';
    input.id = `ref-offer-${i}`;
    input.value = code;
    const text = el('label', '', label);
    text.htmlFor = input.id;
    box.append(input, text);
    offerBoxes.append(box);
  });

  const params = new URLSearchParams(location.search);
  const wantedPlace = params.get('place') ?? '';
  if (wantedPlace.length === 5 && !places.has(wantedPlace)) placeSelect.append(new Option(`Kreis ${wantedPlace}`, wantedPlace));
  placeSelect.value = wantedPlace;
  sadaSwitch.checked = params.get('sada') === '1' || params.get('sada')?.toLowerCase() === 'true';
  const wantedOffers = new Set((params.get('offers') ?? '').split(','));
  for (const input of offerBoxes.querySelectorAll('input')) input.checked = wantedOffers.has(input.value);

  function matching() {
    const place = placeSelect.value;
    const sada = sadaSwitch.checked;
    const offers = [...offerBoxes.querySelectorAll('input:checked')].map((input) => input.value);
    const result = [];
    agencies.forEach((a, i) => {
      if (place && (place.length === 5 ? a.ags.slice(0, 5) !== place : a.ags !== place)) return;
      if (sada && !a.antidiscrimination) return;
      if (offers.length && !offers.some((o) => a.offers.includes(o))) return;
      result.push(i);
    });
    return result;
  }

  function render(indices, fit) {
    if (fit && indices.length) {
      const bounds = L.latLngBounds(indices.map((i) => markers[i].getLatLng()));
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13, animate: false });
    }
    cluster.clearLayers();
    cluster.addLayers(indices.map((i) => markers[i]));
    const items = document.createDocumentFragment();
    for (const i of indices) {
      const a = agencies[i];
      const item = el('li', 'result');
      const button = el('button');
      button.type = 'button';
      const name = el('span', 'result__name', a.name);
      // The benchmark times the paint of the first agency's name with the
      // Element Timing API (bench/README.md, "Phone profile"); the attribute
      // must be there before the element is painted.
      if (items.childElementCount === 0) name.setAttribute('elementtiming', 'first-agency');
      button.append(name, el('span', '', a.carrier), el('span', '', addressLine(a)));
      if (a.antidiscrimination) button.append(el('span', 'badge', 'Servicestelle'));
      button.addEventListener('click', () => {
        map.setView(markers[i].getLatLng(), 14);
        markers[i].openPopup();
      });
      item.append(button);
      items.append(item);
    }
    list.replaceChildren(items);
    count.textContent = countText(indices.length);
  }

  placeSelect.addEventListener('change', () => render(matching(), true));
  sadaSwitch.addEventListener('change', () => render(matching(), false));
  offerBoxes.addEventListener('change', () => render(matching(), false));
  render(matching(), true);
}

main().catch((error) => {
  document.querySelector('[data-testid="result-count"]').textContent = `Fehler: ${error.message}`;
  console.error(error);
});
