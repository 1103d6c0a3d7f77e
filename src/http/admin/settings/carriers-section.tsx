/** Konfigurace → Dopravci: Packeta's API password (never shown back), sender, labels, the map widget, delivery → completed. */
import { maskSecret } from '../../../domain/settings/secrets.js';
import type { Settings } from '../../../domain/settings/settings.js';
import { CsrfField } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { kilogramsText, readFields, textValues, type FieldKind, type FormBody } from './form-fields.js';
import { Checkbox, Select, TextInput, type FormState } from './settings-frame.js';

export const CARRIERS_PATH = '/admin/konfigurace/dopravci';

const P = 'packeta.';
const FIELDS: Record<string, FieldKind> = { apiPassword: 'text', removePassword: 'bool', sender: 'text', labelFormat: 'text', defaultWeightGrams: 'kg', widget: 'bool', completeOnDelivery: 'bool' };

export function carriersValues(settings: Settings): Record<string, string> {
  const p = settings.carriers.packeta;
  // The password field starts empty: the stored one is only named, masked, in its hint.
  return { [`${P}apiPassword`]: '', [`${P}sender`]: p.sender, [`${P}labelFormat`]: p.labelFormat, [`${P}defaultWeightGrams`]: kilogramsText(p.defaultWeightGrams), [`${P}widget`]: String(p.widget), [`${P}completeOnDelivery`]: String(p.completeOnDelivery) };
}

export function readCarriersForm(body: FormBody) {
  const f = readFields(body, Object.fromEntries(Object.entries(FIELDS).map(([k, v]) => [`${P}${k}`, v])));
  const get = (k: string) => f[`${P}${k}`];
  const password = String(get('apiPassword')).trim();
  // Empty keeps the stored password; "remove" clears it (the shop falls back to the demo carrier, or to none).
  const packeta = {
    sender: get('sender'),
    labelFormat: get('labelFormat'),
    defaultWeightGrams: get('defaultWeightGrams'),
    widget: get('widget'),
    completeOnDelivery: get('completeOnDelivery'),
    ...(get('removePassword') ? { apiPassword: '' } : password ? { apiPassword: password } : {}),
  };
  return {
    patch: { carriers: { packeta } },
    values: { ...textValues(body, [`${P}sender`, `${P}labelFormat`, `${P}defaultWeightGrams`]), [`${P}apiPassword`]: '', [`${P}widget`]: String(get('widget')), [`${P}completeOnDelivery`]: String(get('completeOnDelivery')) },
  };
}

export function CarriersSection({ ctx, form, settings }: { ctx: PageContext; form: FormState; settings: Settings }) {
  const { t } = ctx;
  const stored = settings.carriers.packeta.apiPassword;
  const hint = `${t('settings.packeta.apiPasswordHint')}${stored ? ` ${t('settings.packeta.stored', { masked: maskSecret(stored) })}` : ''}`;
  return (
    <fieldset>
      <legend>{t('settings.packeta.legend')}</legend>
      <TextInput name={`${P}apiPassword`} label={t('settings.packeta.apiPassword')} hint={hint} form={form} type="password" autoComplete="new-password" maxLength={64} />
      {stored && <Checkbox name={`${P}removePassword`} label={t('settings.packeta.remove')} form={{ values: {}, errors: {} }} />}
      <TextInput name={`${P}sender`} label={t('settings.packeta.sender')} hint={t('settings.packeta.senderHint')} form={form} maxLength={64} class="field-medium" />
      <Select
        name={`${P}labelFormat`}
        label={t('settings.packeta.labelFormat')}
        form={form}
        options={[
          { value: 'A6 on A6', label: t('settings.packeta.formatA6') },
          { value: 'A6 on A4', label: t('settings.packeta.formatA4') },
        ]}
      />
      <TextInput name={`${P}defaultWeightGrams`} label={t('settings.packeta.defaultWeight')} form={form} inputMode="decimal" class="field-narrow" />
      <Checkbox name={`${P}widget`} label={t('settings.packeta.widget')} form={form} />
      <Checkbox name={`${P}completeOnDelivery`} label={t('settings.packeta.completeOnDelivery')} form={form} />
    </fieldset>
  );
}

/** Below the form: which Packeta the shop talks to, and its pickup points with a button to load them now. */
export function PacketaStatusBox({ ctx, mode, feed, csrfToken }: { ctx: PageContext; mode: 'real' | 'demo' | 'off'; feed: { at: string; count: number } | null; csrfToken: string }) {
  const { t } = ctx;
  return (
    <section class="panel-box">
      <p class={mode === 'demo' ? 'demo-carrier' : undefined}>{t(mode === 'real' ? 'settings.packeta.real' : mode === 'demo' ? 'settings.packeta.demo' : 'settings.packeta.off')}</p>
      <p>{feed ? t('settings.packeta.feed', { count: feed.count, at: formatDateTime(feed.at, ctx.locale) }) : t('settings.packeta.feedNone')}</p>
      {mode !== 'off' && (
        <form method="post" action={`${CARRIERS_PATH}/vydejni-mista`}>
          <CsrfField token={csrfToken} />
          <button type="submit">{t('settings.packeta.refresh')}</button>
        </form>
      )}
    </section>
  );
}
