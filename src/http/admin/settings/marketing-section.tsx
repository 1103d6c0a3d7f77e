/** Konfigurace → Marketing: the feeds for comparison sites (their addresses, delivery time of goods not in stock) and Heureka "Ověřeno zákazníky". */
import type { Settings } from '../../../domain/settings/settings.js';
import type { PageContext } from '../../views/page-context.js';
import { readFields, textValues, type FormBody } from './form-fields.js';
import { TextInput, type FormState } from './settings-frame.js';

export function marketingValues(settings: Settings): Record<string, string> {
  const m = settings.marketing;
  return { heurekaVerifiedKey: m.heurekaVerifiedKey, outOfStockDeliveryDays: String(m.outOfStockDeliveryDays) };
}

export function readMarketingForm(body: FormBody) {
  return { patch: { marketing: readFields(body, { heurekaVerifiedKey: 'text', outOfStockDeliveryDays: 'int' }) }, values: textValues(body, ['heurekaVerifiedKey', 'outOfStockDeliveryDays']) };
}

export function MarketingSection({ ctx, form, shopUrl }: { ctx: PageContext; form: FormState; shopUrl: string }) {
  const { t } = ctx;
  const feeds = [
    ['Heureka.cz', '/feeds/heureka.xml'],
    ['Zboží.cz', '/feeds/zbozi.xml'],
    ['Google Merchant Center', '/feeds/google.xml'],
  ] as const;
  return (
    <>
      <fieldset>
        <legend>{t('settings.mkt.feeds')}</legend>
        <p class="hint">{t('settings.mkt.feedsHint')}</p>
        <ul>
          {feeds.map(([name, path]) => (
            <li key={path}>
              {name}: <a href={path}>{`${shopUrl}${path}`}</a>
            </li>
          ))}
        </ul>
        <TextInput name="outOfStockDeliveryDays" label={t('settings.mkt.outOfStockDeliveryDays')} hint={t('settings.mkt.outOfStockDeliveryDaysHint')} form={form} inputMode="numeric" class="field-narrow" />
      </fieldset>
      <fieldset>
        <legend>{t('settings.mkt.heureka')}</legend>
        <p class="hint">{t('settings.mkt.heurekaHint')}</p>
        <TextInput name="heurekaVerifiedKey" label={t('settings.mkt.heurekaKey')} form={form} class="field-medium" maxLength={64} autoComplete="off" />
      </fieldset>
    </>
  );
}
