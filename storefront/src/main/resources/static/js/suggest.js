// Suggestions for the header search box, filled into its <datalist> as the user types.
// Progressive enhancement: without this script the box is a plain search form.
(function () {
  'use strict';

  var DELAY_MS = 200;
  var MIN_LENGTH = 2;

  var input = document.querySelector('input[data-suggest-url]');
  if (!input || !window.fetch || !window.AbortController) {
    return;
  }
  var list = document.getElementById(input.getAttribute('list'));
  if (!list) {
    return;
  }

  var timer = null;
  var inFlight = null;
  var lastQuery = '';

  function show(suggestions) {
    var options = suggestions.map(function (suggestion) {
      var option = document.createElement('option');
      option.value = suggestion.name;
      return option;
    });
    list.replaceChildren.apply(list, options);
  }

  function suggest() {
    var query = input.value.trim();
    if (query.length < MIN_LENGTH || query === lastQuery) {
      return;
    }
    lastQuery = query;
    if (inFlight) {
      inFlight.abort();
    }
    inFlight = new AbortController();
    var url = input.dataset.suggestUrl + '?q=' + encodeURIComponent(query);
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: inFlight.signal })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (suggestions) {
        if (Array.isArray(suggestions)) {
          show(suggestions);
        }
      })
      .catch(function () {
        // aborted by a newer keystroke, or the shop is unreachable: keep the box as it is
      });
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, DELAY_MS);
  });
})();
