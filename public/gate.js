// Runs in <head> before the first paint (a classic script: the CSP allows no
// inline one; index.html). Three things, in this order:
//
// 1. `js` on <html>: scripts run. The prerendered first view (src/prerender.rs)
//    then shows its controls, which the app makes work, instead of every
//    agency's contact links (style/app.css).
// 2. The page's language, chosen exactly as the app's Lang::for_page does
//    (src/i18n/lang.rs): the first `lang` parameter (percent-decoded), then the
//    browser's languages, else the default; a tag matches a language whose tag
//    is the whole tag, else its first subtag, case-insensitive, `_` read as
//    `-`. The languages come from <meta name="ia-langs">, which the build
//    writes from Lang::ALL (Lang::gate_langs): the tags in order, the first
//    the default (the prerendered view's), `:rtl` after a right-to-left one;
//    this script has no list of its own. For a language other than the
//    default it preloads locales/<tag>.json (the app fetches it at start and
//    finds it here) and sets <html lang> and dir.
// 3. `pending` on <html> where the prerendered default view would not
//    match what the app will show: another language (no German flash), an
//    embed, or an address that names filters or a place. The CSS hides the
//    prerendered view then; the app removes `pending` when it takes over
//    (src/takeover.rs), boot.js and the panic hook when it cannot start (the
//    page then shows the prerendered view as it does without JavaScript).
//
// The embed-code generator's old address (`?view=embed`) goes to its page.
(function () {
  var html = document.documentElement;
  html.classList.add('js');
  var params = new URLSearchParams(location.search);
  if (params.get('view') === 'embed') {
    params.delete('view');
    var rest = params.toString();
    location.replace('generator.html' + (rest ? '?' + rest : ''));
    return;
  }
  var pending = false;
  params.forEach(function (value, key) {
    // `agency` opens an agency over the default list; `lang` is handled below.
    if (key !== 'agency' && key !== 'lang') pending = true;
  });

  var meta = document.querySelector('meta[name="ia-langs"]');
  var entries = meta ? meta.getAttribute('content').split(/\s+/).filter(Boolean) : [];
  var tags = [];
  var rtl = [];
  entries.forEach(function (entry) {
    var parts = entry.split(':');
    tags.push(parts[0]);
    if (parts[1] === 'rtl') rtl.push(parts[0]);
  });
  var defaultLang = tags.length ? tags[0] : html.getAttribute('lang');
  function fromTag(tag) {
    tag = String(tag).trim().toLowerCase().replace(/_/g, '-');
    if (tags.indexOf(tag) >= 0) return tag;
    var primary = tag.split('-')[0];
    return tags.indexOf(primary) >= 0 ? primary : null;
  }
  var preferred = [];
  var fromUrl = params.get('lang');
  if (fromUrl !== null) preferred.push(fromUrl);
  preferred = preferred.concat(navigator.languages || [navigator.language || '']);
  var lang = defaultLang;
  for (var i = 0; i < preferred.length; i++) {
    var found = fromTag(preferred[i]);
    if (found) { lang = found; break; }
  }
  if (lang !== defaultLang) {
    pending = true;
    html.setAttribute('lang', lang);
    html.setAttribute('dir', rtl.indexOf(lang) >= 0 ? 'rtl' : 'ltr');
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = 'locales/' + lang + '.json';
    document.head.appendChild(link);
  }
  if (pending) html.classList.add('pending');
})();
