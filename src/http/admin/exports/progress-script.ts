/**
 * The export page's small script: it posts the form with fetch, reads the streamed answer, shows how many orders
 * have arrived (counting the marker that ends each order, against the total from a header) and saves the file.
 * Without JavaScript the form posts normally and the browser downloads the same stream. Each export is one
 * request served by one app server from the shared database, so it works the same behind several servers.
 */
export const PROGRESS_SCRIPT = `(() => {
  const form = document.querySelector('[data-export-form]');
  if (!form || !window.fetch || !window.TextDecoder) return;
  const box = form.querySelector('[data-export-progress]');
  const bar = box.querySelector('progress');
  const label = box.querySelector('span');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' });
      if (!response.ok || !response.body) { button.disabled = false; HTMLFormElement.prototype.submit.call(form); return; }
      const total = Number(response.headers.get('x-export-total') || 0);
      const markerHeader = response.headers.get('x-export-order-marker');
      const marker = markerHeader ? decodeURIComponent(markerHeader) : null;
      const name = (/filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '') || [])[1] || 'export';
      box.hidden = false;
      bar.max = Math.max(total, 1);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parts = [];
      let carry = '', done = 0, bytes = 0;
      for (;;) {
        const step = await reader.read();
        if (step.done) break;
        parts.push(step.value);
        bytes += step.value.length;
        if (marker) {
          const text = carry + decoder.decode(step.value, { stream: true });
          let at = text.indexOf(marker);
          while (at !== -1) { done++; at = text.indexOf(marker, at + marker.length); }
          carry = text.slice(Math.max(0, text.length - marker.length + 1));
          bar.value = done;
          label.textContent = box.dataset.text.replace('{done}', done).replace('{total}', total);
        } else {
          label.textContent = box.dataset.bytes.replace('{size}', (bytes / 1048576).toFixed(1) + ' MB');
        }
      }
      bar.value = bar.max;
      label.textContent = box.dataset.done;
      const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get('content-type') || 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url; link.download = name; document.body.appendChild(link); link.click(); link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } finally { button.disabled = false; }
  });
})();
`;
