/** The credit note form: the whole rest of the invoice, chosen lines (pieces of each) or an amount, and the reason. */
import { remainingOf } from '../../../domain/invoices/credit-note.js';
import type { Invoice } from '../../../domain/invoices/invoice.js';
import { formatMoney } from '../../../domain/money/money.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { fieldId } from '../settings/form-fields.js';
import { TextArea, TextInput, type FormState } from '../settings/settings-frame.js';
import { ORDERS_PATH } from '../orders/badges.js';
import { DocumentLinks } from './order-documents.js';
import { invoicePath } from './paths.js';

export type CreditForm = FormState;

export function CreditNoteForm(props: { ctx: PageContext; admin: AdminFrame; invoice: Invoice; creditNotes: Invoice[]; form: CreditForm }) {
  const { ctx, invoice, form } = props;
  const { t, locale } = ctx;
  const money = (minor: number) => formatMoney(minor, locale);
  const remaining = remainingOf({ lines: invoice.content.lines, vat: invoice.content.vat, total: invoice.total }, props.creditNotes.flatMap((c) => c.content.lines));
  const mode = form.values.mode || 'full';
  const errors = Object.entries(form.errors).map(([field, text]) => ({ field: fieldId(field), text }));
  const radio = (value: string, label: string) => (
    <div class="radio">
      <input type="radio" id={`mode-${value}`} name="mode" value={value} checked={mode === value} />
      <label for={`mode-${value}`}>{label}</label>
    </div>
  );
  return (
    <AdminLayout ctx={ctx} title={t('invoices.creditTitle', { number: invoice.number })} admin={props.admin} current="orders">
      <p>
        <a href={`${ORDERS_PATH}/${invoice.orderNumber}#doklady`}>← {invoice.orderNumber}</a> · <DocumentLinks ctx={ctx} id={invoice.id} />
      </p>
      <ErrorSummary title={t('error.summary')} errors={errors} />
      <p class="lead">{t('invoices.creditLead')}</p>
      <p>
        <strong>{t('invoices.credit.remaining', { amount: money(remaining.total) })}</strong>
      </p>
      {remaining.total <= 0 ? (
        <p class="muted">{t('invoices.credit.nothingLeft')}</p>
      ) : (
        <form method="post" action={`${invoicePath(invoice.id)}/oprava`} class="stack" noValidate>
          <CsrfField token={props.admin.csrfToken} />
          <fieldset id="mode">
            <legend>{t('invoices.credit.mode')}</legend>
            {radio('full', `${t('invoices.credit.mode.full')} (${money(remaining.total)})`)}
            {radio('lines', t('invoices.credit.mode.lines'))}
            <div class="row-card" id="lines">
              {form.errors.lines && <p class="error-message">{form.errors.lines}</p>}
              {remaining.lines
                .filter((l) => l.quantity > 0 && l.gross !== 0)
                .map((l) => (
                  <TextInput
                    key={l.line.no}
                    name={`q.${l.line.no}`}
                    label={t('invoices.credit.quantity', { name: l.line.name })}
                    hint={`${t('invoices.credit.left', { quantity: l.quantity })} × ${money(l.line.unitPrice)}`}
                    form={form}
                    inputMode="numeric"
                    class="field-narrow"
                  />
                ))}
            </div>
            {radio('amount', t('invoices.credit.mode.amount'))}
            <div class="row-card">
              <TextInput name="amount" label={t('invoices.credit.amount')} hint={t('invoices.credit.amountHint')} form={form} inputMode="decimal" class="field-narrow" />
              <div class={`field ${form.errors.vatRate ? 'field-error' : ''}`}>
                <label for="vatRate">{t('invoices.credit.rate')}</label>
                {form.errors.vatRate && <p class="error-message">{form.errors.vatRate}</p>}
                <select id="vatRate" name="vatRate">
                  <option value="">{t('invoices.credit.rateAny')}</option>
                  {[...remaining.rates.entries()]
                    .filter(([, left]) => left > 0)
                    .map(([rate, left]) => (
                      <option key={rate} value={String(rate)} selected={form.values.vatRate === String(rate)}>
                        {`${rate} % (${money(left)})`}
                      </option>
                    ))}
                </select>
              </div>
            </div>
          </fieldset>
          <TextArea name="reason" label={t('invoices.credit.reason')} hint={t('invoices.credit.reasonHint')} form={form} rows={3} maxLength={500} />
          <p class="hint">{t('invoices.credit.confirm')}</p>
          <div class="form-actions">
            <button type="submit" class="button-primary">
              {t('invoices.credit.submit')}
            </button>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
