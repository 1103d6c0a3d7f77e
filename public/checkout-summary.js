// Keeps the checkout's summary in step with the chosen shipping and payment as the customer clicks. Without
// JavaScript (or if this fails) the "Přepočítat souhrn" button does the same with a full page.
(function () {
  'use strict';
  var form = document.querySelector('form.checkout-form');
  var summary = document.querySelector('.checkout-summary');
  var url = form && form.getAttribute('data-summary-url');
  if (!form || !summary || !url || !window.fetch || !window.DOMParser) return;
  var latest = 0;

  function chosen(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : '';
  }

  function update() {
    var ticket = ++latest;
    var query = new URLSearchParams({ shippingMethod: chosen('shippingMethod'), paymentMethod: chosen('paymentMethod') });
    fetch(url + '?' + query.toString(), { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null || ticket !== latest) return; // a newer choice is on its way
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('.checkout-summary');
        if (!fresh) return;
        summary.innerHTML = fresh.innerHTML;
        var total = summary.querySelector('#checkout-total');
        var submitTotal = form.querySelector('.checkout-submit-total strong');
        if (total && submitTotal) submitTotal.textContent = total.textContent;
      })
      .catch(function () {
        /* the button still recalculates */
      });
  }

  form.addEventListener('change', function (event) {
    var name = event.target && event.target.name;
    if (name === 'shippingMethod' || name === 'paymentMethod') update();
  });
})();
