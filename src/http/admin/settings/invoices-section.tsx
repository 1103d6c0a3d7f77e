/** Konfigurace → Doklady / Faktury: when invoices are issued, the number series, simplified documents, variable symbol, due days. */
import { formatDocumentNumber } from '../../../domain/invoices/document-number.js';
import { isVatPayer } from '../../../domain/invoices/invoice.js';
import { INVOICE_MOMENTS, type Settings } from '../../../domain/settings/settings.js';
import type { PageContext } from '../../views/page-context.js';
import { readFields, textValues, type FormBody } from './form-fields.js';
import { Checkbox, Select, TextInput, type FormState } from './settings-frame.js';

export function invoicesValues(settings: Settings): Record<string, string> {
  const i = settings.invoices;
  return { issueOn: i.issueOn, invoiceNumberFormat: i.invoiceNumberFormat, creditNoteNumberFormat: i.creditNoteNumberFormat, simplified: String(i.simplified), variableSymbol: i.variableSymbol, dueDays: String(i.dueDays) };
}

export function readInvoicesForm(body: FormBody) {
  const fields = readFields(body, { issueOn: 'text', invoiceNumberFormat: 'text', creditNoteNumberFormat: 'text', simplified: 'bool', variableSymbol: 'text', dueDays: 'int' });
  return {
    patch: { invoices: fields },
    values: { ...textValues(body, ['issueOn', 'invoiceNumberFormat', 'creditNoteNumberFormat', 'variableSymbol', 'dueDays']), simplified: String(fields.simplified) },
  };
}

export function InvoicesSection({ ctx, form, settings }: { ctx: PageContext; form: FormState; settings: Settings }) {
  const { t } = ctx;
  const year = new Date().getUTCFullYear();
  const example = (format: string) => formatDocumentNumber(format, year, 1);
  return (
    <>
      <p class="lead">{t(isVatPayer(settings.shop) ? 'settings.inv.vatPayerYes' : 'settings.inv.vatPayerNo')}</p>
      <fieldset>
        <legend>{t('settings.inv.legend')}</legend>
        <Select name="issueOn" label={t('settings.inv.issueOn')} form={form} options={INVOICE_MOMENTS.map((m) => ({ value: m, label: t(`settings.inv.issueOn.${m}`) }))} />
        <p class="hint">{t('settings.inv.issueOnHint')}</p>
        <Checkbox name="simplified" label={t('settings.inv.simplified')} form={form} />
        <Select name="variableSymbol" label={t('settings.inv.variableSymbol')} form={form} options={(['order', 'invoice'] as const).map((v) => ({ value: v, label: t(`settings.inv.vs.${v}`) }))} />
        <TextInput name="dueDays" label={t('settings.inv.dueDays')} form={form} inputMode="numeric" class="field-narrow" />
      </fieldset>
      <fieldset>
        <legend>{t('settings.inv.series')}</legend>
        <TextInput name="invoiceNumberFormat" label={t('settings.inv.invoiceNumberFormat')} hint={t('settings.inv.numberHint', { example: example(settings.invoices.invoiceNumberFormat) })} form={form} class="field-medium" maxLength={40} />
        <TextInput name="creditNoteNumberFormat" label={t('settings.inv.creditNoteNumberFormat')} hint={t('settings.inv.numberHint', { example: example(settings.invoices.creditNoteNumberFormat) })} form={form} class="field-medium" maxLength={40} />
      </fieldset>
    </>
  );
}
