/** Konfigurace → Šablony e-mailů: edit one template in one language, with its placeholders and a preview. */
import { PLACEHOLDERS, renderTemplate, TEMPLATE_KEYS, type RenderedEmail, type TemplateKey, type TemplateLocale } from '../../../domain/settings/email-templates.js';
import { DEFAULT_TEMPLATES } from '../../../domain/settings/default-templates.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { MessageKey } from '../../i18n/messages.js';
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { TextArea, TextInput, type FormState } from './settings-frame.js';

export const isTemplateKey = (v: unknown): v is TemplateKey => TEMPLATE_KEYS.includes(v as TemplateKey);

/** Sample values for the preview, including characters that must come out escaped. */
export function sampleValues(shopName: string, locale: TemplateLocale): Record<string, string> {
  return {
    shopName,
    orderNumber: '2026000042',
    orderDate: locale === 'cs' ? '26. 11. 2026' : '26 Nov 2026',
    customerName: 'Jana Nováková',
    customerEmail: 'jana.novakova@example.cz',
    total: formatMoney(123450, locale),
    amount: formatMoney(123450, locale),
    itemCount: '3',
    paymentMethod: locale === 'cs' ? 'Bankovním převodem' : 'Bank transfer',
    shippingMethod: 'PPL',
    orderUrl: 'https://obchod.example.cz/ucet/objednavky/2026000042',
    adminUrl: 'https://obchod.example.cz/admin/objednavky/2026000042',
    note: locale === 'cs' ? 'Prosím zabalit jako dárek <3 & děkuji' : 'Please gift-wrap it <3 & thanks',
    statusName: locale === 'cs' ? 'Odeslaná' : 'Shipped',
    carrier: 'PPL',
    trackingNumber: '40123456789',
    trackingUrl: 'https://www.ppl.cz/vyhledat-zasilku?shipmentId=40123456789',
    documentNumber: 'FV2026-00042',
    documentTitle: locale === 'cs' ? 'Faktura – daňový doklad' : 'Invoice – tax document',
    invoiceNumber: 'FV2026-00041',
    reason: locale === 'cs' ? 'Vrácené zboží' : 'Returned goods',
    documentUrl: 'https://obchod.example.cz/objednavka/2026000042/doklady/42.pdf?t=…',
  };
}

export function previewOf(key: TemplateKey, subject: string, body: string, shopName: string, locale: TemplateLocale): RenderedEmail {
  return renderTemplate({ subject, body }, sampleValues(shopName, locale));
}

export function TemplatesSection(props: { ctx: PageContext; form: FormState; templateKey: TemplateKey; locale: TemplateLocale; csrfToken: string; preview: RenderedEmail | null }) {
  const { ctx, form, templateKey, locale } = props;
  const { t } = ctx;
  return (
    <div class="template-editor">
      <form method="get" action="/admin/konfigurace/sablony" class="field-row template-picker">
        <div class="field">
          <label for="sablona">{t('settings.tpl.choose')}</label>
          <select id="sablona" name="sablona">
            {TEMPLATE_KEYS.map((key) => (
              <option key={key} value={key} selected={key === templateKey}>
                {t(`settings.tpl.${key}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="jazyk">{t('settings.tpl.language')}</label>
          <select id="jazyk" name="jazyk">
            <option value="cs" selected={locale === 'cs'}>
              Čeština
            </option>
            <option value="en" selected={locale === 'en'}>
              English
            </option>
          </select>
        </div>
        <button type="submit">{t('settings.tpl.open')}</button>
      </form>

      <div class="two-columns">
        <form method="post" action="/admin/konfigurace/sablony" class="stack">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="key" value={templateKey} />
          <input type="hidden" name="locale" value={locale} />
          <h2>
            {t(`settings.tpl.${templateKey}` as MessageKey)} · {locale === 'cs' ? 'Čeština' : 'English'}
          </h2>
          <TextInput name="subject" label={t('settings.tpl.subject')} form={form} maxLength={200} />
          <TextArea name="body" label={t('settings.tpl.body')} hint={templateKey === 'order_accepted' ? `${t('settings.tpl.bodyHint')} ${t('settings.tpl.orderSummaryHint')}` : t('settings.tpl.bodyHint')} form={form} rows={14} />
          <div class="form-actions">
            <button type="submit" class="button-primary">
              {t('settings.save')}
            </button>
            <button type="submit" name="action" value="preview">
              {t('settings.tpl.showPreview')}
            </button>
            <button type="submit" name="action" value="reset" class="button-link">
              {t('settings.tpl.reset')}
            </button>
          </div>
        </form>
        <aside class="side-column">
          <h2>{t('settings.tpl.placeholders')}</h2>
          <p class="hint">{t('settings.tpl.placeholdersHint')}</p>
          <dl class="placeholders">
            {PLACEHOLDERS[templateKey].map((name) => (
              <div key={name}>
                <dt>
                  <code>{`{{${name}}}`}</code>
                </dt>
                <dd>{t(`settings.ph.${name}` as MessageKey)}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
      {props.preview && (
        <section class="card email-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('settings.tpl.preview')}</h2>
          <p>
            <strong>{t('settings.tpl.subject')}:</strong> {props.preview.subject}
          </p>
          <pre class="email-text">{props.preview.text}</pre>
        </section>
      )}
    </div>
  );
}

export const defaultTemplate = (key: TemplateKey, locale: TemplateLocale) => DEFAULT_TEMPLATES[key][locale];
