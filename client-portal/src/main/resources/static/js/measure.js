// Autosave for the questionnaire form: choosing an option saves that item at once, through the portal (the browser
// never calls the API). Without this script the form still works: "Save" and "Submit" post every chosen option.
// Nothing is kept in the browser: an answer is one click, so one not saved is simply chosen again.
(function () {
  'use strict';
  // After a submission with unanswered items, the error summary takes focus so that it is read first.
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }

  var form = document.getElementById('measure-form');
  if (!form || !window.fetch) { return; }
  var csrf = form.querySelector('input[name="_csrf"]');
  // getAttribute, not form.action: a control named "action" would shadow the property (DOM clobbering).
  var saveUrl = form.getAttribute('action');
  // The latest choice per item, so an earlier, slower answer never overwrites the status of a later one.
  var latest = {};

  function state(fieldset, message) { fieldset.querySelector('.save-state').textContent = message; }

  // A saved item is no longer missing: its "choose an option" message goes, and the radios stop naming it.
  function answered(fieldset, item) {
    var error = document.getElementById('item-' + item + '-error');
    if (!error) { return; }
    error.parentNode.removeChild(error);
    fieldset.querySelectorAll('input[type=radio]').forEach(function (radio) {
      radio.setAttribute('aria-describedby', 'state-' + item);
    });
  }

  function save(fieldset, radio) {
    var item = fieldset.getAttribute('data-item');
    var sequence = (latest[item] || 0) + 1;
    latest[item] = sequence;
    var body = new URLSearchParams();
    body.append('_csrf', csrf ? csrf.value : '');
    body.append('value', radio.value);
    state(fieldset, form.getAttribute('data-msg-saving'));
    // redirect: 'manual' so an expired session (a redirect to the login page) counts as "not saved".
    fetch(saveUrl + '/' + encodeURIComponent(item),
      { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (latest[item] !== sequence) { return; }
        if (response.status === 204) {
          state(fieldset, form.getAttribute('data-msg-saved'));
          answered(fieldset, item);
        } else if (response.status === 422) {
          response.text().then(function (detail) { state(fieldset, detail); });
        } else {
          state(fieldset, form.getAttribute('data-msg-offline'));
        }
      })
      .catch(function () {
        if (latest[item] === sequence) { state(fieldset, form.getAttribute('data-msg-offline')); }
      });
  }

  form.querySelectorAll('fieldset[data-item]').forEach(function (fieldset) {
    // "change" fires once per choice, for a click, Space, or the arrow keys moving within the group.
    fieldset.addEventListener('change', function (event) {
      if (event.target && event.target.type === 'radio' && event.target.checked) { save(fieldset, event.target); }
    });
  });
})();
