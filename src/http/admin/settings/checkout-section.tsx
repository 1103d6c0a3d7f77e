/** Konfigurace → Objednávky a doprava: checkout rules, order numbers, VAT rates, shipping and payment methods. */
import { formatMoney } from '../../../domain/money/money.js';
import { CARRIER_NAMES, CARRIERS } from '../../../domain/orders/carriers.js';
import { formatOrderNumber } from '../../../domain/settings/order-number.js';
import { PAYMENT_KINDS, type Settings } from '../../../domain/settings/settings.js';
import type { PageContext } from '../../views/page-context.js';
import { fieldId, kilogramsText, readFields, readRows, rowValues, textValues, type FormBody } from './form-fields.js';
import { Checkbox, Select, TextInput, type FormState } from './settings-frame.js';
import { countRows, RemoveBox } from './shop-section.js';

const SHIPPING_FIELDS = { code: 'text', name: 'text', price: 'money', carrier: 'text', freeFrom: 'moneyOrEmpty', weightBands: 'weightBands', maxWeightGrams: 'kgOrEmpty', codSurcharge: 'moneyOrEmpty', vatRate: 'int', enabled: 'bool' } as const;
const PAYMENT_FIELDS = { code: 'text', kind: 'text', name: 'text', price: 'money', vatRate: 'int', enabled: 'bool', shippingCodes: 'list' } as const;

// Money is shown as the owner types it: `129` or `129,50`, without the currency.
const moneyText = (minor: number | null) => (minor === null ? '' : formatMoney(minor, 'cs', { whole: true }).replace(/\s*Kč$/, '').replace(/\u202F/g, ''));

export function checkoutValues(settings: Settings): Record<string, string> {
  const c = settings.checkout;
  return {
    guestCheckout: String(c.guestCheckout),
    trackingNumberReminder: String(c.trackingNumberReminder),
    orderNumberFormat: c.orderNumberFormat,
    paymentDueDays: String(c.paymentDueDays),
    vatRates: c.vatRates.join(', '),
    ...rowValues(
      'shippingMethods',
      c.shippingMethods.map((m) => ({
        ...m,
        price: moneyText(m.price),
        freeFrom: moneyText(m.freeFrom),
        weightBands: m.weightBands.map((b) => `${kilogramsText(b.overGrams)} = ${moneyText(b.price)}`).join('; '),
        maxWeightGrams: kilogramsText(m.maxWeightGrams),
        codSurcharge: moneyText(m.codSurcharge),
      })),
    ),
    ...rowValues('paymentMethods', c.paymentMethods.map((m) => ({ ...m, price: moneyText(m.price) }))),
  };
}

export function readCheckoutForm(body: FormBody) {
  const shipping = readRows(body, 'shippingMethods', SHIPPING_FIELDS, (r) => !r.code && !r.name && !r.price);
  const payment = readRows(body, 'paymentMethods', PAYMENT_FIELDS, (r) => !r.code && !r.name && !r.price);
  const fields = readFields(body, { guestCheckout: 'bool', trackingNumberReminder: 'bool', orderNumberFormat: 'text', paymentDueDays: 'int', vatRates: 'intList' });
  return {
    patch: { checkout: { ...fields, shippingMethods: shipping.rows, paymentMethods: payment.rows } },
    values: {
      ...textValues(body, ['orderNumberFormat', 'paymentDueDays', 'vatRates']),
      guestCheckout: String(fields.guestCheckout),
      trackingNumberReminder: String(fields.trackingNumberReminder),
      ...rowValues('shippingMethods', shipping.raw),
      ...rowValues('paymentMethods', payment.raw),
    },
  };
}

export function CheckoutSection({ ctx, form, settings }: { ctx: PageContext; form: FormState; settings: Settings }) {
  const { t } = ctx;
  const shippingRows = countRows(form.values, 'shippingMethods') + 1;
  const paymentRows = countRows(form.values, 'paymentMethods') + 1;
  const vatOptions = settings.checkout.vatRates.map((r) => ({ value: String(r), label: `${r} %` }));
  const carriers = CARRIERS.map((c) => ({ value: c, label: CARRIER_NAMES[c] }));
  const kinds = PAYMENT_KINDS.map((k) => ({ value: k, label: t(`settings.kind.${k}`) }));
  const example = formatOrderNumber(settings.checkout.orderNumberFormat, new Date().getUTCFullYear(), 1);
  return (
    <>
      <fieldset>
        <legend>{t('settings.checkout.legend')}</legend>
        <Checkbox name="guestCheckout" label={t('settings.checkout.guestCheckout')} form={form} />
        <Checkbox name="trackingNumberReminder" label={t('settings.checkout.trackingNumberReminder')} form={form} />
        <TextInput name="orderNumberFormat" label={t('settings.checkout.orderNumberFormat')} hint={t('settings.checkout.orderNumberHint', { example })} form={form} class="field-medium" />
        <div class="field-row">
          <TextInput name="paymentDueDays" label={t('settings.checkout.paymentDueDays')} form={form} inputMode="numeric" class="field-narrow" />
          <TextInput name="vatRates" label={t('settings.checkout.vatRates')} hint={t('settings.checkout.vatRatesHint')} form={form} class="field-medium" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.shipping.legend')}</legend>
        {Array.from({ length: shippingRows }, (_, i) => (
          <div class="row-card" key={i}>
            <TextInput name={`shippingMethods.${i}.code`} label={t('settings.method.code')} form={form} class="field-narrow" />
            <TextInput name={`shippingMethods.${i}.name`} label={t('settings.method.name')} form={form} />
            <Select name={`shippingMethods.${i}.carrier`} label={t('settings.method.carrier')} form={form} options={carriers} />
            <TextInput name={`shippingMethods.${i}.price`} label={t('settings.method.price')} form={form} inputMode="decimal" class="field-narrow" />
            <TextInput name={`shippingMethods.${i}.freeFrom`} label={t('settings.method.freeFrom')} form={form} inputMode="decimal" class="field-narrow" />
            <TextInput name={`shippingMethods.${i}.weightBands`} label={t('settings.method.weightBands')} hint={t('settings.method.weightBandsHint')} form={form} class="field-medium" />
            <TextInput name={`shippingMethods.${i}.maxWeightGrams`} label={t('settings.method.maxWeight')} form={form} inputMode="decimal" class="field-narrow" />
            <TextInput name={`shippingMethods.${i}.codSurcharge`} label={t('settings.method.codSurcharge')} hint={t('settings.method.codSurchargeHint')} form={form} inputMode="decimal" class="field-narrow" />
            <Select name={`shippingMethods.${i}.vatRate`} label={t('settings.method.vatRate')} form={form} options={vatOptions} />
            <Checkbox name={`shippingMethods.${i}.enabled`} label={t('settings.method.enabled')} form={form} checkedWhenNew />
            {i < shippingRows - 1 && <RemoveBox name={`shippingMethods.${i}.remove`} label={t('settings.remove')} />}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.payment.legend')}</legend>
        {Array.from({ length: paymentRows }, (_, i) => (
          <div class="row-card" key={i}>
            <TextInput name={`paymentMethods.${i}.code`} label={t('settings.method.code')} form={form} class="field-narrow" />
            <TextInput name={`paymentMethods.${i}.name`} label={t('settings.method.name')} form={form} />
            <Select name={`paymentMethods.${i}.kind`} label={t('settings.method.kind')} form={form} options={kinds} />
            <TextInput name={`paymentMethods.${i}.price`} label={t('settings.method.price')} form={form} inputMode="decimal" class="field-narrow" />
            <Select name={`paymentMethods.${i}.vatRate`} label={t('settings.method.vatRate')} form={form} options={vatOptions} />
            <Checkbox name={`paymentMethods.${i}.enabled`} label={t('settings.method.enabled')} form={form} checkedWhenNew />
            <ShippingCodes name={`paymentMethods.${i}.shippingCodes`} legend={t('settings.method.shippingCodes')} hint={t('settings.method.shippingCodesHint')} form={form} shipping={settings.checkout.shippingMethods} />
            {i < paymentRows - 1 && <RemoveBox name={`paymentMethods.${i}.remove`} label={t('settings.remove')} />}
          </div>
        ))}
      </fieldset>
    </>
  );
}

/** The shipping methods a payment method is limited to, as ticks (none ticked: offered with every shipping method). */
function ShippingCodes(props: { name: string; legend: string; hint: string; form: FormState; shipping: Settings['checkout']['shippingMethods'] }) {
  const chosen = new Set((props.form.values[props.name] ?? '').split(',').filter(Boolean));
  const error = props.form.errors[props.name];
  return (
    <fieldset class={`checkbox-group ${error ? 'field-error' : ''}`} id={fieldId(props.name)}>
      <legend>{props.legend}</legend>
      <p class="hint">{props.hint}</p>
      {error && <p class="error-message">{error}</p>}
      {props.shipping.map((m) => {
        const id = fieldId(`${props.name}.${m.code}`);
        return (
          <div class="checkbox" key={m.code}>
            <input type="checkbox" id={id} name={props.name} value={m.code} checked={chosen.has(m.code)} />
            <label for={id}>{m.name}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
