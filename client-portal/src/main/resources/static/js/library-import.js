// The library's import page: after a refused import, the error summary takes focus so that it is read first.
// Without this script the page works the same; role=alert still announces the summary.
(function () {
  'use strict';
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
}());
