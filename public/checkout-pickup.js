// Packeta's pickup-point map in the checkout: shown only when the shop offers it (its API key is on the fieldset).
// The chosen point becomes one more radio button of the list the search without JavaScript fills, so the form posts
// the same field either way.
(function () {
  'use strict';
  var box = document.querySelector('.pickup-chooser[data-widget-key]');
  var button = box && box.querySelector('.pickup-map');
  if (!box || !button) return;
  var key = box.getAttribute('data-widget-key');
  var language = box.getAttribute('data-language') || 'cs';
  var LIBRARY = 'https://widget.packeta.com/v6/www/js/library.js';
  var loading = null;

  function library() {
    if (window.Packeta && window.Packeta.Widget) return Promise.resolve(window.Packeta);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = LIBRARY;
        script.onload = function () { resolve(window.Packeta); };
        script.onerror = function () { loading = null; reject(new Error('widget')); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function choose(point) {
    if (!point || !point.id) return;
    var list = box.querySelector('.pickup-points');
    var old = list.querySelector('.pickup-from-map');
    if (old) old.remove();
    var row = document.createElement('div');
    row.className = 'choice pickup-point pickup-from-map';
    var input = document.createElement('input');
    input.type = 'radio';
    input.name = 'pickupPointId';
    input.value = String(point.id);
    input.id = 'pickupPointId-map';
    input.checked = true;
    var label = document.createElement('label');
    label.htmlFor = input.id;
    var title = document.createElement('strong');
    title.textContent = point.place || point.name || '';
    label.appendChild(title);
    label.appendChild(document.createElement('br'));
    label.appendChild(document.createTextNode([point.street, [point.zip, point.city].join(' ')].filter(Boolean).join(', ')));
    row.appendChild(input);
    row.appendChild(label);
    list.insertBefore(row, list.firstChild);
    input.focus();
  }

  button.hidden = false;
  button.addEventListener('click', function () {
    library().then(function (Packeta) {
      Packeta.Widget.pick(key, choose, { language: language, country: 'cz,sk', view: 'modal' });
    }, function () {
      button.hidden = true; // the map cannot load here: the search stays
    });
  });
})();
