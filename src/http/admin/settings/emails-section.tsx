/** Konfigurace → E-maily: sender and notification addresses, which statuses email the customer, the transport, a test email. */
import type { Settings } from '../../../domain/settings/settings.js';
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { readFields, textValues, type FormBody } from './form-fields.js';
import { Checkbox, TextInput, type FormState } from './settings-frame.js';

const TOGGLES = ['onNew', 'onProcessing', 'onShipped', 'onCompleted', 'onCancelled'] as const;

export function emailsValues(settings: Settings): Record<string, string> {
  const e = settings.emails;
  return { noReplyAddress: e.noReplyAddress ?? '', ownerAddress: e.ownerAddress ?? '', ...Object.fromEntries(TOGGLES.map((k) => [k, String(e[k])])) };
}

export function readEmailsForm(body: FormBody) {
  const fields = readFields(body, { noReplyAddress: 'text', ownerAddress: 'text', onNew: 'bool', onProcessing: 'bool', onShipped: 'bool', onCompleted: 'bool', onCancelled: 'bool' });
  return {
    patch: { emails: fields },
    values: { ...textValues(body, ['noReplyAddress', 'ownerAddress']), ...Object.fromEntries(TOGGLES.map((k) => [k, String(fields[k])])) },
  };
}

export function EmailsSection({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <>
      <fieldset>
        <legend>{t('settings.emails.legend')}</legend>
        <TextInput name="noReplyAddress" label={t('settings.emails.noReplyAddress')} hint={t('settings.emails.noReplyHint')} form={form} type="email" />
        <TextInput name="ownerAddress" label={t('settings.emails.ownerAddress')} hint={t('settings.emails.ownerHint')} form={form} type="email" />
      </fieldset>
      <fieldset>
        <legend>{t('settings.emails.notify')}</legend>
        {TOGGLES.map((key) => (
          <Checkbox key={key} name={key} label={t(`settings.emails.${key}`)} form={form} />
        ))}
      </fieldset>
    </>
  );
}

/** The transport status (never the SMTP password) and the test-email form. */
export function MailTransportBox(props: { ctx: PageContext; transport: { kind: 'smtp' | 'files'; where: string }; csrfToken: string; defaultTo: string }) {
  const { t } = props.ctx;
  return (
    <section class="card transport" aria-labelledby="transport-title">
      <h2 id="transport-title">{t('settings.emails.transport')}</h2>
      <p>{props.transport.kind === 'smtp' ? t('settings.emails.transportSmtp', { server: props.transport.where }) : t('settings.emails.transportFiles', { dir: props.transport.where })}</p>
      <form method="post" action="/admin/konfigurace/emaily/test" class="field-row">
        <CsrfField token={props.csrfToken} />
        <div class="field">
          <label for="test-to">{t('settings.emails.testTo')}</label>
          <input id="test-to" name="to" type="email" value={props.defaultTo} required maxLength={254} />
        </div>
        <button type="submit">{t('settings.emails.test')}</button>
      </form>
    </section>
  );
}
