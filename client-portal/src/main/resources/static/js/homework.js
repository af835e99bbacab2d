// Autosave for the homework form, and drafts kept in this browser until the server has them.
// Without this script the form still works: "Save draft" and "Submit answers" post it whole.
// Drafts live in localStorage only while unsaved (removed as soon as the server confirms or refuses them, at logout,
// and after 24 hours), under the signed-in person's id, so clinical text stays on the device no longer than needed and
// never reaches the next person on a shared browser, yet nothing typed is lost when the session expires meanwhile.
(function () {
  'use strict';
  var form = document.getElementById('homework-form');
  if (!form || !window.fetch) { return; }
  var assignment = form.getAttribute('data-assignment');
  var person = form.getAttribute('data-person');
  var DRAFT_LIFETIME = 24 * 60 * 60 * 1000;
  var csrf = form.querySelector('input[name="_csrf"]');
  // getAttribute, not form.action: a control named "action" would shadow the property (DOM clobbering).
  var saveUrl = form.getAttribute('action');
  var timers = {};

  function key(promptId) { return 'securebase.draft.' + person + '.' + assignment + '.' + promptId; }

  function store(promptId, value) {
    try {
      window.localStorage.setItem(key(promptId), JSON.stringify({ savedAt: Date.now(), value: value }));
    } catch (e) { /* storage full or off */ }
  }

  // Anyone's drafts older than a day go, and drafts from before they were kept per person and dated.
  function dropStaleDrafts() {
    try {
      for (var i = window.localStorage.length - 1; i >= 0; i--) {
        var name = window.localStorage.key(i);
        if (name && name.indexOf('securebase.draft.') === 0) {
          var draft = null;
          try { draft = JSON.parse(window.localStorage.getItem(name)); } catch (e) { /* unreadable: dropped */ }
          if (!draft || typeof draft.savedAt !== 'number' || Date.now() - draft.savedAt > DRAFT_LIFETIME) {
            window.localStorage.removeItem(name);
          }
        }
      }
    } catch (e) { /* storage off */ }
  }

  function forget(promptId) {
    try { window.localStorage.removeItem(key(promptId)); } catch (e) { /* nothing to forget */ }
  }

  function stored(promptId) {
    try {
      var draft = JSON.parse(window.localStorage.getItem(key(promptId)));
      return draft && draft.value ? draft.value : null;
    } catch (e) { return null; }
  }

  function state(prompt, message) { prompt.querySelector('.save-state').textContent = message; }

  // A refused answer (too long, or refused by the service) is marked on its field; the reason is in the save state,
  // which the field names in aria-describedby.
  function invalid(prompt, refused) {
    var field = prompt.querySelector('textarea, input[type=number]');
    if (!field) { return; }
    if (refused) { field.setAttribute('aria-invalid', 'true'); } else { field.removeAttribute('aria-invalid'); }
  }

  function valueOf(prompt) {
    var kind = prompt.getAttribute('data-kind');
    if (kind === 'CHECKLIST') {
      return { kind: kind, check: Array.prototype.map.call(
        prompt.querySelectorAll('input[type=checkbox]:checked'), function (box) { return box.value; }) };
    }
    var field = prompt.querySelector('textarea, input[type=number]');
    return { kind: kind, text: field.value };
  }

  function apply(prompt, value) {
    if (value.kind === 'CHECKLIST') {
      prompt.querySelectorAll('input[type=checkbox]').forEach(function (box) {
        box.checked = value.check.indexOf(box.value) >= 0;
      });
    } else {
      prompt.querySelector('textarea, input[type=number]').value = value.text;
    }
  }

  function save(prompt) {
    var promptId = prompt.getAttribute('data-prompt');
    var value = valueOf(prompt);
    var body = new URLSearchParams();
    body.append('_csrf', csrf ? csrf.value : '');
    body.append('kind', value.kind);
    if (value.kind === 'CHECKLIST') {
      value.check.forEach(function (id) { body.append('check', id); });
    } else if (value.kind === 'SCALE') {
      body.append('value', value.text);
    } else {
      body.append('text', value.text);
    }
    state(prompt, form.getAttribute('data-msg-saving'));
    // redirect: 'manual' so an expired session (a redirect to the login page) counts as "not saved".
    fetch(saveUrl + '/' + promptId, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (response.status === 204) {
          forget(promptId);
          invalid(prompt, false);
          state(prompt, form.getAttribute('data-msg-saved'));
        } else if (response.status === 422) {
          // Refused: the text stays in the field (nothing is lost while the client changes it) and leaves storage;
          // the next change stores it again.
          forget(promptId);
          invalid(prompt, true);
          response.text().then(function (detail) { state(prompt, detail); });
        } else {
          state(prompt, form.getAttribute('data-msg-offline'));
        }
      })
      .catch(function () { state(prompt, form.getAttribute('data-msg-offline')); });
  }

  // "2 of 4 answered" and the questions submitting still needs, kept current as the client writes. The count is a
  // polite live region, so it is announced only when it changes; the submit button is described by both.
  var progress = document.getElementById('progress');
  var progressCount = document.getElementById('progress-count');
  var stillToAnswer = document.getElementById('still-to-answer');
  var submitButton = document.getElementById('submit');

  function answered(prompt) {
    var kind = prompt.getAttribute('data-kind');
    if (kind === 'CHECKLIST') {
      return prompt.getAttribute('data-saved') === 'true' || prompt.querySelector('input[type=checkbox]:checked') !== null;
    }
    var field = prompt.querySelector('textarea, input[type=number]');
    if (!field) { return false; }
    if (kind === 'SCALE') { return /^\s*(10|[0-9])\s*$/.test(field.value); }
    return field.value.trim() !== '';
  }

  function showProgress() {
    if (!progress || !progressCount) { return; }
    var prompts = form.querySelectorAll('.prompt');
    var done = 0;
    var missing = 0;
    prompts.forEach(function (prompt) {
      var isAnswered = answered(prompt);
      if (isAnswered) { done++; }
      var item = stillToAnswer && stillToAnswer.querySelector('li[data-for="' + prompt.getAttribute('data-prompt') + '"]');
      if (item) {
        item.hidden = isAnswered;
        if (!isAnswered) { missing++; }
      }
    });
    var text = progress.getAttribute('data-msg-progress').replace('{0}', String(done)).replace('{1}', String(prompts.length));
    if (progressCount.textContent !== text) { progressCount.textContent = text; }
    if (stillToAnswer) { stillToAnswer.hidden = missing === 0; }
    if (submitButton) {
      submitButton.setAttribute('aria-describedby', missing === 0 ? 'progress-count' : 'progress-count still-to-answer');
    }
  }

  form.addEventListener('input', showProgress);
  form.addEventListener('change', showProgress);

  if (!person) { return; }
  dropStaleDrafts();
  form.querySelectorAll('.prompt').forEach(function (prompt) {
    var promptId = prompt.getAttribute('data-prompt');
    var draft = stored(promptId);
    if (draft && JSON.stringify(draft) !== JSON.stringify(valueOf(prompt))) {
      apply(prompt, draft);
      state(prompt, form.getAttribute('data-msg-restored'));
      save(prompt);
    }
    var changed = function () {
      store(promptId, valueOf(prompt));
      window.clearTimeout(timers[promptId]);
      timers[promptId] = window.setTimeout(function () { save(prompt); }, 1500);
    };
    prompt.addEventListener('input', changed);
    prompt.addEventListener('change', changed);
  });
})();
