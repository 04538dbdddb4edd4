// Runs in <head> before the first paint (a classic script: the CSP allows no
// inline one). It tells the CSS that scripts run (`js` on <html>: the
// prerendered first view then shows its controls, which the app makes work,
// instead of every agency's contact links) and hides the prerendered view
// where it would not match what the app will show for this address
// (`pending`): an embed, or an address that names filters or a place. The app
// removes `pending` when it takes over (src/takeover.rs); boot.js does when
// the app cannot start, and the page then shows the prerendered view as it
// does without JavaScript.
(function () {
  var html = document.documentElement;
  html.classList.add('js');
  var params = new URLSearchParams(location.search);
  // The embed-code generator's old address: its own page now.
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
  if (pending) html.classList.add('pending');
})();
