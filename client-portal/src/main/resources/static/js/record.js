// Follows the copies of a record being prepared: every two seconds it asks how far each is, moves its progress bar
// and text, and reloads the page once one is ready (the page then offers the download). Without script the page
// shows the state it was opened in; reloading it shows the new one.
(function () {
  'use strict';
  var EVERY_MS = 2000;

  function follow(row) {
    var id = row.getAttribute('data-export');
    var bar = row.querySelector('progress');
    var text = row.querySelector('.progress-text');
    var template = document.getElementById('record-exports').getAttribute('data-progress-text') || '';
    function ask() {
      fetch('/record/' + encodeURIComponent(id) + '/progress', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) {
          if (!state) { window.setTimeout(ask, EVERY_MS * 3); return; }
          if (state.status !== 'PREPARING') { window.location.reload(); return; }
          if (bar && state.itemsTotal > 0) {
            bar.max = state.itemsTotal;
            bar.value = state.itemsDone;
            if (text && template) {
              text.textContent = template.replace('{done}', state.itemsDone).replace('{total}', state.itemsTotal);
            }
          }
          window.setTimeout(ask, EVERY_MS);
        })
        .catch(function () { window.setTimeout(ask, EVERY_MS * 3); });
    }
    window.setTimeout(ask, EVERY_MS);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var rows = document.querySelectorAll('tr[data-status="PREPARING"]');
    for (var i = 0; i < rows.length; i++) { follow(rows[i]); }
  });
})();
