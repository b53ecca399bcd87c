// The start page's script: a file of its own, since the hub's Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  var banner = document.getElementById('mode-banner');

  // Show the hub's real address in the embedding example.
  var snippet = document.getElementById('embed-snippet');
  snippet.textContent = snippet.textContent.replace('https://HUB', location.origin);

  function showInfo(info) {
    if (info.version) document.getElementById('version').textContent = String(info.version);
    if (info.mode) document.getElementById('mode').textContent = ' · ' + info.mode + ' mode';

    // Only development mode has the demo portal (and its token endpoint); production shows no link.
    if (info.mode !== 'development') return;
    banner.textContent = 'Warning: this hub runs in development mode. The demo portal and its '
      + 'token endpoint are enabled; do not use this configuration in production.';
    banner.hidden = false;

    var link = document.createElement('a');
    link.id = 'demo-link';
    link.href = '/demo/portal.html';
    link.textContent = 'Open the demo portal';
    var demo = document.getElementById('demo');
    demo.appendChild(link);
    var hint = document.createElement('p');
    hint.textContent = 'A stand-in for a customer\'s intranet portal with the support widget embedded.';
    demo.appendChild(hint);
  }

  fetch('/api/v1/info', { headers: { Accept: 'application/json' }, cache: 'no-store' })
    .then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    })
    .then(showInfo)
    .catch(function (e) {
      banner.textContent = 'Could not read the hub\'s status from /api/v1/info (' + e.message + ').';
      banner.className = 'banner error';
      banner.hidden = false;
    });
})();
