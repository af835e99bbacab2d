// Idle logoff: after 14 minutes without activity a warning (role=alert) offers to stay signed in; after 15 the
// person is logged out through the ordinary logout form, which also ends the Keycloak session. The server's
// session times out after 15 minutes anyway; this makes it visible and ends the Keycloak session too.
(function () {
  'use strict';
  var WARN_AFTER = 14 * 60 * 1000;
  var LOGOUT_AFTER = 15 * 60 * 1000;
  var warning;
  var logoutForm;
  var warnTimer;
  var logoutTimer;

  function arm() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(logoutTimer);
    warnTimer = window.setTimeout(function () { warning.hidden = false; }, WARN_AFTER);
    logoutTimer = window.setTimeout(function () { forgetDrafts(); logoutForm.submit(); }, LOGOUT_AFTER);
  }

  // Signing out leaves no homework draft behind for the next person on this browser.
  function forgetDrafts() {
    try {
      for (var i = window.localStorage.length - 1; i >= 0; i--) {
        var name = window.localStorage.key(i);
        if (name && name.indexOf('securebase.draft.') === 0) { window.localStorage.removeItem(name); }
      }
    } catch (e) { /* storage off */ }
  }

  function stay() {
    warning.hidden = true;
    // Touches the server session so it, too, starts its 15 minutes again.
    fetch(document.querySelector('.brand').getAttribute('href') + 'session/keepalive',
      { credentials: 'same-origin', redirect: 'manual' });
    arm();
  }

  document.addEventListener('DOMContentLoaded', function () {
    warning = document.getElementById('idle-warning');
    logoutForm = document.getElementById('logout-form');
    if (!warning || !logoutForm) { return; }
    // submit(), as the idle logout calls it, fires no submit event: that path forgets them itself.
    logoutForm.addEventListener('submit', forgetDrafts);
    document.getElementById('stay-signed-in').addEventListener('click', stay);
    // Typing in a form counts as activity: homework autosave keeps the server session alive as well.
    document.addEventListener('input', function () { if (warning.hidden) { arm(); } });
    arm();
  });
})();
