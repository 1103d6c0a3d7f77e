// Categories panel: reorder sibling categories by dragging their rows. Without JavaScript the Up/Down buttons do the same.
// The new position is posted with the page's CSRF token to /admin/kategorie/<id>/poradi; the page then reloads to show
// the saved tree and its message.
(function () {
  'use strict';
  var table = document.querySelector('table[data-reorder-url]');
  if (!table) return;
  var tokenField = document.querySelector('input[name="_csrf"]');
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-category-id]'));
  var dragged = null;

  function siblingsOf(row) {
    return rows.filter(function (r) { return r.dataset.parentId === row.dataset.parentId; });
  }
  function clearMarks() {
    rows.forEach(function (r) { r.classList.remove('drop-before', 'drop-after', 'dragging'); });
  }
  // Dropping on the upper half of a row puts the dragged one before it, on the lower half after it.
  function placeOf(row, event) {
    var box = row.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
  }
  function fail() {
    var message = document.createElement('div');
    message.className = 'flash flash-error';
    message.setAttribute('role', 'alert');
    message.textContent = table.dataset.failedText || 'Error';
    table.parentNode.parentNode.insertBefore(message, table.parentNode);
  }

  rows.forEach(function (row) {
    row.setAttribute('draggable', 'true');
    row.classList.add('draggable-row');
    row.addEventListener('dragstart', function (event) {
      dragged = row;
      row.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', row.dataset.categoryId);
    });
    row.addEventListener('dragend', function () {
      dragged = null;
      clearMarks();
    });
    row.addEventListener('dragover', function (event) {
      // Only among siblings: moving under another parent is done in the category's form.
      if (!dragged || dragged === row || dragged.dataset.parentId !== row.dataset.parentId) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      var place = placeOf(row, event);
      row.classList.toggle('drop-before', place === 'before');
      row.classList.toggle('drop-after', place === 'after');
    });
    row.addEventListener('dragleave', function () {
      row.classList.remove('drop-before', 'drop-after');
    });
    row.addEventListener('drop', function (event) {
      if (!dragged || dragged === row || dragged.dataset.parentId !== row.dataset.parentId) return;
      event.preventDefault();
      var siblings = siblingsOf(row).filter(function (r) { return r !== dragged; });
      var position = siblings.indexOf(row) + (placeOf(row, event) === 'after' ? 1 : 0);
      var id = dragged.dataset.categoryId;
      clearMarks();
      var body = new URLSearchParams();
      body.set('_csrf', tokenField ? tokenField.value : '');
      body.set('position', String(position));
      fetch(table.dataset.reorderUrl.replace('{id}', encodeURIComponent(id)), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        body: body,
      }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        window.location.reload();
      }).catch(fail);
    });
  });
})();
