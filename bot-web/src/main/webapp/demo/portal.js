// The demo portal page's script: a file of its own, since the hub's Content-Security-Policy allows no inline
// script (a real portal would have its own policy; this page lives on the hub).
(function () {
  'use strict';

  var USERS = {
    admin: 'As an administrator (Anna Nowak) you can activate the support bot from the chat.',
    employee: 'As an employee who is not an administrator (Piotr Kowalski) you can ask questions, '
      + 'but activating the support bot is reserved for portal administrators.'
  };
  var param = new URLSearchParams(location.search).get('user');
  var currentUser = Object.prototype.hasOwnProperty.call(USERS, param) ? param : 'admin';

  var switcher = document.getElementById('demo-user');
  switcher.value = currentUser;
  switcher.addEventListener('change', function () {
    // A different user means a different token and conversation: start from a clean page.
    location.search = '?user=' + encodeURIComponent(switcher.value);
  });
  document.getElementById('demo-role-hint').textContent = USERS[currentUser];

  var notice = document.getElementById('demo-notice');
  function showNotice(title, text) {
    notice.textContent = '';
    var strong = document.createElement('strong');
    strong.textContent = title + ' ';
    notice.appendChild(strong);
    notice.appendChild(document.createTextNode(text));
    notice.hidden = false;
  }
  function tokenEndpointFailed(status) {
    if (status === 404) {
      showNotice('Demo mode is off.', 'The hub is not running in development mode, so the demo token '
        + 'endpoint (/demo/api/token) is disabled and the support chat cannot sign you in on this page. '
        + 'Start the hub in development mode to use the demo portal.');
    } else {
      showNotice('Demo token unavailable.', 'The demo token endpoint answered HTTP ' + status + '.');
    }
  }

  // Stands in for the portal server, which would sign the user's token with the token key derived from its portal secret.
  function fetchToken() {
    return fetch('/demo/api/token?user=' + encodeURIComponent(currentUser), { cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) {
          tokenEndpointFailed(r.status);
          throw new Error('Demo token endpoint answered HTTP ' + r.status);
        }
        return r.json();
      })
      .then(function (j) { return j.token; });
  }

  // Check up front, so the notice shows even before anyone opens the chat.
  fetchToken().catch(function (e) {
    if (notice.hidden) showNotice('Demo token unavailable.', 'Could not reach the demo token endpoint (' + e.message + ').');
  });

  if (!window.SupportHub) {
    showNotice('Support widget missing.', 'The support widget script (/widget.js) could not be loaded.');
    return;
  }
  SupportHub.init({ tokenProvider: fetchToken });
  document.getElementById('demo-open-support').addEventListener('click', function () {
    SupportHub.open();
  });
})();
