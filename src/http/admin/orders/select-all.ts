/** The list's one piece of JavaScript (a file, for the CSP): the header checkbox ticks or clears every row on the page. */
import { createHash } from 'node:crypto';

const SOURCE = `(() => {
  const all = document.getElementById('select-all');
  const form = document.getElementById('bulk-form');
  if (!all || !form) return;
  const rows = () => [...form.querySelectorAll('input[name="numbers"]')];
  const sync = () => { const r = rows(); all.checked = r.length > 0 && r.every((c) => c.checked); all.indeterminate = !all.checked && r.some((c) => c.checked); };
  all.hidden = false;
  all.addEventListener('change', () => { for (const c of rows()) c.checked = all.checked; });
  form.addEventListener('change', (e) => { if (e.target !== all) sync(); });
  sync();
})();
`;

export const SELECT_ALL_JS = { source: SOURCE, path: `/admin/objednavky/vyber.${createHash('sha256').update(SOURCE).digest('hex').slice(0, 12)}.js` };
