// Autosave for the questionnaire form: choosing an option saves that item at once, through the portal (the browser
// never calls the API). Without this script the form still works: "Save" and "Submit" post every chosen option.
// Nothing is kept in the browser: an answer is one click, so one not saved is simply chosen again.
(function () {
  'use strict';
  var form = document.getElementById('measure-form');
  if (!form || !window.fetch) { return; }
  var csrf = form.querySelector('input[name="_csrf"]');
  // getAttribute, not form.action: a control named "action" would shadow the property (DOM clobbering).
  var saveUrl = form.getAttribute('action');
  // One save at a time, each item's latest choice only: answers reach the server in the order they were chosen, so a
  // slower earlier request can never overwrite a later choice of the same item.
  var pending = {};
  var order = [];
  var busy = false;

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

  function next() {
    if (busy || order.length === 0) { return; }
    var item = order.shift();
    var choice = pending[item];
    delete pending[item];
    busy = true;
    var body = new URLSearchParams();
    body.append('_csrf', csrf ? csrf.value : '');
    body.append('value', choice.value);
    // redirect: 'manual' so an expired session (a redirect to the login page) counts as "not saved".
    fetch(saveUrl + '/' + encodeURIComponent(item),
      { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        // A newer choice of this item is waiting: its own save will tell how it went.
        if (pending[item]) { return; }
        if (response.status === 204) {
          state(choice.fieldset, form.getAttribute('data-msg-saved'));
          answered(choice.fieldset, item);
        } else if (response.status === 422) {
          return response.text().then(function (detail) { state(choice.fieldset, detail); });
        } else {
          state(choice.fieldset, form.getAttribute('data-msg-offline'));
        }
      })
      .catch(function () {
        if (!pending[item]) { state(choice.fieldset, form.getAttribute('data-msg-offline')); }
      })
      .then(function () { busy = false; next(); });
  }

  function save(fieldset, radio) {
    var item = fieldset.getAttribute('data-item');
    if (!pending[item]) { order.push(item); }
    pending[item] = { fieldset: fieldset, value: radio.value };
    state(fieldset, form.getAttribute('data-msg-saving'));
    next();
  }

  form.querySelectorAll('fieldset[data-item]').forEach(function (fieldset) {
    // "change" fires once per choice, for a click, Space, or the arrow keys moving within the group.
    fieldset.addEventListener('change', function (event) {
      if (event.target && event.target.type === 'radio' && event.target.checked) { save(fieldset, event.target); }
    });
  });
})();
