// Live preview for the article editor: 400 ms after the last keystroke the Markdown is posted to the portal, which
// renders and sanitizes it, and the preview pane shows the answer. Without this script the editor still works:
// its "Preview" button re-renders the page with the preview.
(function () {
  'use strict';
  var form = document.getElementById('writing-form');
  var pane = document.getElementById('preview');
  if (!form || !pane || !window.fetch) { return; }
  var source = form.querySelector('textarea[name="markdown"]');
  var csrf = form.querySelector('input[name="_csrf"]');
  var state = document.getElementById('preview-state');
  var unsaved = document.getElementById('publish-unsaved');
  var publish = document.getElementById('publish');
  // getAttribute, never form.action and friends: a control named like a form property would shadow it (DOM clobbering).
  var previewUrl = form.getAttribute('data-preview-url');
  var timer;
  var sent = 0;
  var lastRendered = source.value;

  function say(message) { state.textContent = message || ''; }

  // Publishing takes the saved version, so as soon as the text differs from it, say that publishing would not
  // include what was just typed.
  function markUnsaved() {
    if (unsaved && unsaved.hidden) {
      unsaved.hidden = false;
      publish.setAttribute('aria-describedby', 'publish-explain publish-unsaved');
    }
  }

  function refresh() {
    var markdown = source.value;
    if (markdown === lastRendered) { return; }
    var body = new URLSearchParams();
    body.append('_csrf', csrf ? csrf.value : '');
    body.append('markdown', markdown);
    var request = ++sent;
    say(form.getAttribute('data-msg-updating'));
    // redirect: 'manual' so an expired session (a redirect to the login page) is "not updated", never shown as the preview.
    fetch(previewUrl, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        return response.text().then(function (text) { return { status: response.status, text: text }; });
      })
      .then(function (answer) {
        if (request !== sent) { return; } // a newer request is under way; its answer wins
        if (answer.status === 200) {
          // innerHTML only because the answer is HTML the server rendered and sanitized with ReadingHtml, the
          // same gate every article body passes before any page shows it; nothing typed reaches the page unsanitized.
          pane.innerHTML = answer.text;
          lastRendered = markdown;
          say('');
        } else if (answer.status === 422) {
          // The reason as plain text: textContent, never markup.
          var problem = document.createElement('p');
          problem.className = 'form-error';
          problem.textContent = answer.text;
          pane.replaceChildren(problem);
          lastRendered = markdown;
          say('');
        } else {
          say(form.getAttribute('data-msg-offline'));
        }
      })
      .catch(function () {
        if (request === sent) { say(form.getAttribute('data-msg-offline')); }
      });
  }

  // The preview is read in the article's language, as readers will read it.
  var language = form.querySelector('select[name="language"]');
  if (language) {
    language.addEventListener('change', function () { pane.setAttribute('lang', language.value); });
  }

  form.addEventListener('input', function (event) {
    markUnsaved();
    if (event.target !== source) { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  });
})();
