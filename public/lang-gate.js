// Chooses the page's language before the first paint, exactly as the app's
// Lang::for_page does (src/i18n.rs): the first `lang` parameter
// (percent-decoded), then the browser's languages, else German; a tag
// matches by its first subtag, case-insensitive, `_` read as `-`, and
// `de-x-ls` is Leichte Sprache. The tags come from <meta name="ia-langs">
// (a test checks it against Lang::ALL).
//
// For a language other than German it preloads locales/<tag>.json (the app
// fetches it at start and finds it here), sets <html lang> and dir, and adds
// the class `lang-pending` to <html>: the CSS hides the prerendered German
// page until the app shows the chosen language and removes the class.
// A classic script in <head>, not a module: it must run before the body is
// painted. No inline script (CSP: script-src 'self').
(function () {
  var meta = document.querySelector('meta[name="ia-langs"]');
  var tags = meta ? meta.getAttribute('content').split(/\s+/).filter(Boolean) : ['de'];
  var rtl = ['ar', 'fa'];

  function fromTag(tag) {
    tag = String(tag).trim().toLowerCase().replace(/_/g, '-');
    if (tag === 'de-x-ls') return tags.indexOf('de-x-ls') >= 0 ? 'de-x-ls' : null;
    var primary = tag.split('-')[0];
    return tags.indexOf(primary) >= 0 ? primary : null;
  }

  var preferred = [];
  try {
    var fromUrl = new URLSearchParams(location.search).get('lang');
    if (fromUrl !== null) preferred.push(fromUrl);
  } catch (e) { /* no URLSearchParams: the browser's languages decide */ }
  preferred = preferred.concat(navigator.languages || [navigator.language || '']);

  var lang = 'de';
  for (var i = 0; i < preferred.length; i++) {
    var found = fromTag(preferred[i]);
    if (found) { lang = found; break; }
  }
  if (lang === 'de') return;

  var html = document.documentElement;
  html.setAttribute('lang', lang);
  html.setAttribute('dir', rtl.indexOf(lang) >= 0 ? 'rtl' : 'ltr');
  html.classList.add('lang-pending');
  var link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = 'locales/' + lang + '.json';
  document.head.appendChild(link);
})();
