// A form sent back with problems starts with an error summary (GOV.UK's pattern): it takes focus, so that it is read
// first and each problem's link leads to its field. Without this script the page works the same; role=alert still
// announces the summary.
(function () {
  'use strict';
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
}());
