// Follows an order's status on its page through the storefront's event stream and updates the
// status, its description and the reason in place. Progressive enhancement: without this script
// (or without EventSource) the page reloads itself while the order is pending (<noscript>).
(function () {
  'use strict';

  var FINAL = ['CONFIRMED', 'REJECTED', 'CANCELLED', 'SHIPPED'];

  var status = document.getElementById('order-status');
  if (!status || !window.EventSource) {
    return;
  }
  var url = status.getAttribute('data-events-url');
  if (!url) {
    return;
  }
  var description = document.getElementById('order-status-description');
  var reason = document.getElementById('order-reason');
  var cancel = document.getElementById('cancel-order');
  // a stream opened only to see a cancellation through ends at CANCELLED, not at CONFIRMED
  var endsAt = url.indexOf('until=CANCELLED') >= 0 ? ['REJECTED', 'CANCELLED', 'SHIPPED'] : FINAL;

  var source = new EventSource(url);

  source.addEventListener('status', function (event) {
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (notJson) {
      return;
    }
    if (!data || typeof data.status !== 'string') {
      return;
    }
    status.textContent = data.status;
    status.setAttribute('data-status', data.status);
    if (description && typeof data.description === 'string') {
      description.textContent = data.description;
    }
    if (reason) {
      reason.textContent = data.reason || '';
      reason.hidden = !data.reason;
    }
    if (cancel && data.cancellable === false) {
      cancel.hidden = true;
    }
    if (endsAt.indexOf(data.status) >= 0) {
      source.close();
    }
  });

  // the stream ends on its own after a while; EventSource reconnects and resumes from the last
  // status it saw. It gives up by itself only when the page is no longer there (a 404, say).
})();
