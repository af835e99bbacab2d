// Offers the device's time zone when it is not the one the portal shows dates in: someone who signs in for the first
// time from Auckland sees "Dates are shown in America/New_York time. This device is set to Pacific/Auckland." with a
// button that saves it. "Keep it as it is" stops the offer for this pair of zones on this device.
(function () {
  'use strict';
  var KEPT = 'securebase.zone-kept';

  function deviceZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    } catch (e) {
      return '';
    }
  }

  function kept(pair) {
    try { return window.localStorage.getItem(KEPT) === pair; } catch (e) { return false; }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('zone-suggestion');
    if (!form) { return; }
    var current = form.getAttribute('data-current');
    var device = deviceZone();
    var pair = current + ' ' + device;
    if (!device || device === current || device.indexOf('/') < 0 || kept(pair)) { return; }
    form.querySelector('.zone-name').textContent = device;
    form.querySelector('input[name=zone]').value = device;
    form.querySelector('#keep-zone').addEventListener('click', function () {
      try { window.localStorage.setItem(KEPT, pair); } catch (e) { /* storage off: the offer comes back */ }
      form.hidden = true;
    });
    form.hidden = false;
  });
}());
