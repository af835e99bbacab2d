// Text limits, shown before saving: every field with data-max-length (the limit the service enforces) gets a hint
// that appears near the limit and says by how much a text is over it. Nothing is ever cut: the browser's maxlength
// would silently truncate a paste, so the server refuses over-long text with a form error and this only warns.
(function () {
  'use strict';
  var NEAR = 0.9;

  function attach(field) {
    var limit = parseInt(field.getAttribute('data-max-length'), 10);
    if (!(limit > 0)) { return; }
    var hint = document.createElement('p');
    hint.className = 'length-hint';
    hint.id = (field.id || field.name) + '-length';
    hint.setAttribute('aria-live', 'polite');
    hint.hidden = true;
    field.insertAdjacentElement('afterend', hint);
    var described = field.getAttribute('aria-describedby');
    field.setAttribute('aria-describedby', described ? described + ' ' + hint.id : hint.id);

    function update() {
      // UTF-16 code units, as the services count them (String.length() in Java; platform-contracts).
      var length = field.value.length;
      if (length > limit) {
        hint.hidden = false;
        hint.classList.add('over');
        hint.textContent = (length - limit).toLocaleString() + ' characters over the limit of '
          + limit.toLocaleString() + ': shorten the text before saving.';
      } else if (length >= limit * NEAR) {
        hint.hidden = false;
        hint.classList.remove('over');
        hint.textContent = (limit - length).toLocaleString() + ' characters left.';
      } else {
        hint.hidden = true;
        hint.classList.remove('over');
        hint.textContent = '';
      }
    }
    field.addEventListener('input', update);
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-max-length]'), attach);
  });
})();
