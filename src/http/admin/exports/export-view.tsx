/** The export page: the range form (streamed download with progress) and the owner's custom XML layout with a preview. */
import { EXPORT_FORMATS } from '../../../domain/exports/export-format.js';
import { FORMAT_LABELS } from '../../../domain/exports/format-labels.js';
import { LAYOUT_FIELDS } from '../../../domain/exports/custom-layout.js';
import { ORDER_STATUSES, STATUS_NAMES } from '../../../domain/orders/order-status.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Field, type Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';

export const EXPORT_PATH = '/admin/objednavky/export';
export const PROGRESS_SCRIPT_PATH = '/admin/objednavky/export/prubeh.js';

export type RangeForm = { values: Record<string, string>; errors: Record<string, string> };
export type LayoutForm = { layout: string; errors: string[]; preview: { number: string | null; xml: string } | null };

export function ExportPage(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; total: number; range: RangeForm; layout: LayoutForm }) {
  const { ctx, admin, range, layout } = props;
  const t = ctx.t;
  const v = (name: string, fallback = '') => range.values[name] ?? fallback;
  const errors = Object.entries(range.errors).map(([field, text]) => ({ field: `export-${field}`, text }));
  const isOwner = admin.role === 'owner';
  return (
    <AdminLayout ctx={ctx} title={t('exports.title')} admin={admin} current="orders" flash={props.flash}>
      <p class="lead">{t('exports.lead')}</p>
      <ErrorSummary title={t('exports.errors')} errors={errors} />
      <form method="post" action={EXPORT_PATH} class="export-form panel-box" data-export-form="">
        <CsrfField token={admin.csrfToken} />
        <p class="hint">{t('exports.dateHint')}</p>
        <div class="filters">
          <Field id="export-from" label={t('exports.from')} error={range.errors.from}>
            <input id="export-from" name="from" type="date" value={v('from')} />
          </Field>
          <Field id="export-to" label={t('exports.to')} error={range.errors.to}>
            <input id="export-to" name="to" type="date" value={v('to')} />
          </Field>
          <Field id="export-status" label={t('exports.status')} error={range.errors.status}>
            <select id="export-status" name="status">
              <option value="">{t('exports.status.any')}</option>
              {ORDER_STATUSES.map((s) => (
                <option value={s} selected={v('status') === s}>
                  {STATUS_NAMES[s][ctx.locale]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="export-format" label={t('exports.format')} error={range.errors.format}>
            <select id="export-format" name="format">
              {EXPORT_FORMATS.map((f) => (
                <option value={f} selected={v('format', 'pohoda') === f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="export-decimal" label={t('exports.decimal')} error={range.errors.decimal}>
            <select id="export-decimal" name="decimal">
              <option value="comma">{t('exports.decimal.comma')}</option>
              <option value="dot" selected={v('decimal') === 'dot'}>
                {t('exports.decimal.dot')}
              </option>
            </select>
          </Field>
        </div>
        <p>
          {t('exports.count')}: <strong data-export-count="">{props.total}</strong>. {t('exports.logged')}
        </p>
        <button type="submit" class="button button-primary">
          {t('exports.download')}
        </button>
        <p class="export-progress" data-export-progress="" hidden aria-live="polite" data-text={t('exports.progress')} data-bytes={t('exports.progressBytes')} data-done={t('exports.done')}>
          <progress max="1" value="0"></progress> <span></span>
        </p>
      </form>

      <section class="export-layout panel-box" aria-labelledby="custom-layout">
        <h2 id="custom-layout">{t('exports.custom.title')}</h2>
        <p class="hint">{t('exports.custom.hint')}</p>
        {!isOwner && <p class="hint">{t('exports.custom.ownerOnly')}</p>}
        {layout.errors.length > 0 && (
          <div class="error-summary" role="alert" id="layout-errors">
            <ul>
              {layout.errors.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={`${EXPORT_PATH}/struktura`}>
          <CsrfField token={admin.csrfToken} />
          <Field id="export-layout" label={t('exports.custom.label')}>
            <textarea id="export-layout" name="layout" rows={14} class="code" spellcheck={false}>
              {layout.layout}
            </textarea>
          </Field>
          <details>
            <summary>{t('exports.custom.fields')}</summary>
            <p>
              <code>{[...LAYOUT_FIELDS.document, ...LAYOUT_FIELDS.order].map((f) => `{${f}}`).join(' ')}</code>
            </p>
            <p>
              items/lines: <code>{LAYOUT_FIELDS.line.map((f) => `{${f}}`).join(' ')}</code>; vat: <code>{LAYOUT_FIELDS.vat.map((f) => `{${f}}`).join(' ')}</code>; parcels: <code>{LAYOUT_FIELDS.parcel.map((f) => `{${f}}`).join(' ')}</code>
            </p>
          </details>
          <div class="form-actions">
            <button type="submit" name="action" value="preview" class="button">
              {t('exports.custom.preview')}
            </button>
            {isOwner && (
              <button type="submit" name="action" value="save" class="button button-primary">
                {t('exports.custom.save')}
              </button>
            )}
          </div>
        </form>
        {layout.preview && (
          <div class="export-preview">
            <h3>{layout.preview.number ? t('exports.custom.previewOf', { number: layout.preview.number }) : t('exports.custom.noOrders')}</h3>
            <pre>
              <code>{layout.preview.xml}</code>
            </pre>
          </div>
        )}
      </section>
      <script src={PROGRESS_SCRIPT_PATH} defer></script>
    </AdminLayout>
  );
}
