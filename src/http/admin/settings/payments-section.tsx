/** Konfigurace → Platby: the Fio API token, the card gateway and its credentials (shown masked), the customer's payment email. */
import { CARD_PROVIDERS } from '../../../domain/settings/payment-settings.js';
import { maskedSettings } from '../../../domain/settings/secrets.js';
import type { Settings } from '../../../domain/settings/settings.js';
import type { PageContext } from '../../views/page-context.js';
import { textValues, type FormBody } from './form-fields.js';
import { Checkbox, Select, TextInput, type FormState } from './settings-frame.js';

export const COMGATE_NOTIFY_PATH = '/api/payments/comgate/notify';

export function paymentsValues(settings: Settings): Record<string, string> {
  // The form shows credentials masked; sent back unchanged they are kept (update-settings drops masked values).
  const p = maskedSettings(settings).payments;
  return {
    notifyCustomer: String(p.notifyCustomer),
    'fio.token': p.fio.token,
    'fio.poll': String(p.fio.poll),
    'card.provider': p.card.provider,
    'card.merchant': p.card.merchant,
    'card.secret': p.card.secret,
    'card.test': String(p.card.test),
  };
}

export function readPaymentsForm(body: FormBody) {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  const ticked = (name: string) => body[name] !== undefined;
  const patch = {
    payments: {
      notifyCustomer: ticked('notifyCustomer'),
      fio: { token: text('fio.token'), poll: ticked('fio.poll') },
      card: { provider: text('card.provider'), merchant: text('card.merchant'), secret: text('card.secret'), test: ticked('card.test') },
    },
  };
  const values = { ...textValues(body, ['fio.token', 'card.provider', 'card.merchant', 'card.secret']), notifyCustomer: String(ticked('notifyCustomer')), 'fio.poll': String(ticked('fio.poll')), 'card.test': String(ticked('card.test')) };
  return { patch, values };
}

export function PaymentsSection({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <>
      <p class="lead">{t('settings.pay.lead')}</p>
      <fieldset>
        <legend>{t('settings.pay.fio')}</legend>
        <TextInput name="fio.token" label={t('settings.pay.fioToken')} hint={t('settings.pay.fioTokenHint')} form={form} maxLength={200} />
        <Checkbox name="fio.poll" label={t('settings.pay.fioPoll')} form={form} />
      </fieldset>
      <fieldset>
        <legend>{t('settings.pay.card')}</legend>
        <Select name="card.provider" label={t('settings.pay.provider')} form={form} options={CARD_PROVIDERS.map((p) => ({ value: p, label: t(`settings.pay.provider.${p}`) }))} />
        <TextInput name="card.merchant" label={t('settings.pay.merchant')} form={form} class="field-medium" maxLength={40} />
        <TextInput name="card.secret" label={t('settings.pay.secret')} hint={t('settings.pay.secretHint')} form={form} maxLength={200} />
        <Checkbox name="card.test" label={t('settings.pay.test')} form={form} />
        <p class="hint">{t('settings.pay.comgateUrls', { url: COMGATE_NOTIFY_PATH })}</p>
        <p class="hint">{t('settings.pay.cardMethod')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('settings.tab.emails')}</legend>
        <Checkbox name="notifyCustomer" label={t('settings.pay.notifyCustomer')} form={form} />
      </fieldset>
    </>
  );
}
