/** Konfigurace → Obchod: the shop's identity and bank accounts. */
import type { Settings } from '../../../domain/settings/settings.js';
import type { PageContext } from '../../views/page-context.js';
import { readFields, readRows, rowValues, textValues, type FormBody } from './form-fields.js';
import { TextInput, type FormState } from './settings-frame.js';

const SHOP_FIELDS = ['name', 'legalName', 'ico', 'dic', 'street', 'city', 'zip', 'country', 'email', 'phone', 'web'] as const;
const BANK_FIELDS = { label: 'text', number: 'text', iban: 'text', bic: 'text' } as const;

export function shopValues(settings: Settings): Record<string, string> {
  return {
    ...Object.fromEntries(SHOP_FIELDS.map((f) => [f, settings.shop[f]])),
    ...rowValues('bankAccounts', settings.shop.bankAccounts),
  };
}

export function readShopForm(body: FormBody) {
  const bank = readRows(body, 'bankAccounts', BANK_FIELDS, (row) => !row.number && !row.iban && !row.label && !row.bic);
  const fields = readFields(body, Object.fromEntries(SHOP_FIELDS.map((f) => [f, 'text'])));
  return {
    patch: { shop: { ...fields, bankAccounts: bank.rows } },
    values: { ...textValues(body, [...SHOP_FIELDS]), ...rowValues('bankAccounts', bank.raw) },
  };
}

export function ShopSection({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const rows = countRows(form.values, 'bankAccounts') + 1; // one empty row to add an account
  return (
    <>
      <fieldset>
        <legend>{t('settings.shop.legend')}</legend>
        <TextInput name="name" label={t('settings.shop.name')} hint={t('settings.shop.nameHint')} form={form} maxLength={120} />
        <TextInput name="legalName" label={t('settings.shop.legalName')} form={form} autoComplete="organization" />
        <div class="field-row">
          <TextInput name="ico" label={t('settings.shop.ico')} hint={t('settings.shop.icoHint')} form={form} inputMode="numeric" class="field-narrow" />
          <TextInput name="dic" label={t('settings.shop.dic')} hint={t('settings.shop.dicHint')} form={form} class="field-narrow" />
        </div>
        <TextInput name="street" label={t('settings.shop.street')} form={form} autoComplete="street-address" />
        <div class="field-row">
          <TextInput name="city" label={t('settings.shop.city')} form={form} autoComplete="address-level2" />
          <TextInput name="zip" label={t('settings.shop.zip')} form={form} inputMode="numeric" autoComplete="postal-code" class="field-narrow" />
          <TextInput name="country" label={t('settings.shop.country')} form={form} class="field-narrow" maxLength={2} />
        </div>
        <div class="field-row">
          <TextInput name="email" label={t('settings.shop.email')} form={form} type="email" autoComplete="email" />
          <TextInput name="phone" label={t('settings.shop.phone')} form={form} type="tel" autoComplete="tel" />
        </div>
        <TextInput name="web" label={t('settings.shop.web')} form={form} type="url" />
      </fieldset>
      <fieldset>
        <legend>{t('settings.bank.legend')}</legend>
        <p class="hint">{t('settings.bank.hint')}</p>
        {Array.from({ length: rows }, (_, i) => (
          <div class="row-card" key={i}>
            <TextInput name={`bankAccounts.${i}.label`} label={t('settings.bank.label')} form={form} />
            <TextInput name={`bankAccounts.${i}.number`} label={t('settings.bank.number')} form={form} inputMode="numeric" />
            <TextInput name={`bankAccounts.${i}.iban`} label={t('settings.bank.iban')} form={form} />
            <TextInput name={`bankAccounts.${i}.bic`} label={t('settings.bank.bic')} form={form} class="field-narrow" />
            {i < rows - 1 && <RemoveBox name={`bankAccounts.${i}.remove`} label={t('settings.remove')} />}
          </div>
        ))}
      </fieldset>
    </>
  );
}

export function RemoveBox({ name, label }: { name: string; label: string }) {
  return (
    <div class="checkbox row-remove">
      <input type="checkbox" id={name.replace(/\./g, '-')} name={name} value="1" />
      <label for={name.replace(/\./g, '-')}>{label}</label>
    </div>
  );
}

export function countRows(values: Record<string, string>, prefix: string): number {
  let max = -1;
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(key);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max + 1;
}
