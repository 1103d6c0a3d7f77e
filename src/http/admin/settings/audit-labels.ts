/**
 * The change history in words: a settings path (`shop.name`, `emails.templates.order_accepted.cs.subject`) becomes the
 * label the owner knows from the form, and a stored value (a flag, a list of methods or accounts) a readable text.
 */
import { formatMoney } from '../../../domain/money/money.js';
import type { MessageKey, Translate } from '../../i18n/messages.js';

const SECTION: Record<string, MessageKey> = {
  shop: 'settings.tab.shop',
  documents: 'settings.tab.documents',
  emails: 'settings.tab.emails',
  checkout: 'settings.tab.checkout',
  exports: 'exports.title',
  invoices: 'settings.tab.invoices',
  carriers: 'settings.tab.carriers',
  payments: 'settings.tab.payments',
  marketing: 'settings.tab.marketing',
};

const FIELD: Record<string, MessageKey> = {
  'shop.name': 'settings.shop.name',
  'shop.legalName': 'settings.shop.legalName',
  'shop.ico': 'settings.shop.ico',
  'shop.dic': 'settings.shop.dic',
  'shop.street': 'settings.shop.street',
  'shop.city': 'settings.shop.city',
  'shop.zip': 'settings.shop.zip',
  'shop.country': 'settings.shop.country',
  'shop.email': 'settings.shop.email',
  'shop.phone': 'settings.shop.phone',
  'shop.web': 'settings.shop.web',
  'shop.bankAccounts': 'settings.bank.legend',
  'documents.showContacts': 'settings.docs.showContacts',
  'documents.showBankAccounts': 'settings.docs.showBankAccounts',
  'documents.showLogo': 'settings.docs.showLogo',
  'documents.showStamp': 'settings.docs.showStamp',
  'documents.footer': 'settings.docs.footer',
  'documents.logo': 'settings.docs.logo',
  'documents.stamp': 'settings.docs.stamp',
  'emails.noReplyAddress': 'settings.emails.noReplyAddress',
  'emails.ownerAddress': 'settings.emails.ownerAddress',
  'emails.onNew': 'settings.emails.onNew',
  'emails.onProcessing': 'settings.emails.onProcessing',
  'emails.onShipped': 'settings.emails.onShipped',
  'emails.onCompleted': 'settings.emails.onCompleted',
  'emails.onCancelled': 'settings.emails.onCancelled',
  'checkout.guestCheckout': 'settings.checkout.guestCheckout',
  'checkout.trackingNumberReminder': 'settings.checkout.trackingNumberReminder',
  'checkout.orderNumberFormat': 'settings.checkout.orderNumberFormat',
  'checkout.paymentDueDays': 'settings.checkout.paymentDueDays',
  'checkout.vatRates': 'settings.checkout.vatRates',
  'checkout.shippingMethods': 'settings.shipping.legend',
  'checkout.paymentMethods': 'settings.payment.legend',
  'exports.customLayout': 'exports.custom.title',
  'invoices.issueOn': 'settings.inv.issueOn',
  'invoices.invoiceNumberFormat': 'settings.inv.invoiceNumberFormat',
  'invoices.creditNoteNumberFormat': 'settings.inv.creditNoteNumberFormat',
  'invoices.simplified': 'settings.inv.simplified',
  'invoices.variableSymbol': 'settings.inv.variableSymbol',
  'invoices.dueDays': 'settings.inv.dueDays',
  'carriers.packeta.apiPassword': 'settings.packeta.apiPassword',
  'carriers.packeta.sender': 'settings.packeta.sender',
  'carriers.packeta.labelFormat': 'settings.packeta.labelFormat',
  'carriers.packeta.defaultWeightGrams': 'settings.packeta.defaultWeight',
  'carriers.packeta.widget': 'settings.packeta.widget',
  'carriers.packeta.completeOnDelivery': 'settings.packeta.completeOnDelivery',
  'payments.notifyCustomer': 'settings.pay.notifyCustomer',
  'payments.fio.token': 'settings.pay.fioToken',
  'payments.fio.poll': 'settings.pay.fioPoll',
  'payments.card.provider': 'settings.pay.provider',
  'payments.card.merchant': 'settings.pay.merchant',
  'payments.card.secret': 'settings.pay.secret',
  'payments.card.test': 'settings.pay.test',
  'marketing.heurekaVerifiedKey': 'settings.mkt.heurekaKey',
  'marketing.outOfStockDeliveryDays': 'settings.mkt.outOfStockDeliveryDays',
};

/** What the field belongs to, so "Název obchodu" and the like read with their place: `Obchod › Název obchodu`. */
const GROUP: Record<string, MessageKey> = {
  'documents.show': 'settings.docs.show',
  'emails.on': 'settings.emails.notify',
};

const has = <T extends string>(table: Record<string, T>, key: string): key is string => Object.prototype.hasOwnProperty.call(table, key);

export function auditLabel(t: Translate, path: string): string {
  const [section = '', ...rest] = path.split('.');
  const sectionName = has(SECTION, section) ? t(SECTION[section]!) : section;
  const template = /^emails\.templates\.(\w+)\.(cs|en)\.(subject|body)$/.exec(path);
  if (template) {
    const [, key, locale, part] = template;
    const name = t(`settings.tpl.${key}` as MessageKey);
    return `${t('settings.tab.templates')} › ${name} (${t(locale === 'cs' ? 'settings.audit.cs' : 'settings.audit.en')}) › ${t(part === 'subject' ? 'settings.tpl.subject' : 'settings.tpl.body')}`;
  }
  if (has(FIELD, path)) {
    const group = Object.keys(GROUP).find((prefix) => path.startsWith(prefix));
    const field = t(FIELD[path]!);
    return `${sectionName} › ${group ? `${t(GROUP[group]!)}: ${field}` : field}`;
  }
  // A setting this table does not know yet still reads as words, never as a bare code.
  return [sectionName, ...rest].join(' › ');
}

type Method = { name?: unknown; price?: unknown; enabled?: unknown };
type Account = { label?: unknown; number?: unknown; iban?: unknown };

export function auditValue(t: Translate, locale: 'cs' | 'en', path: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'settings.audit.yes' : 'settings.audit.no');
  // An API key is a secret: the history says that it changed, not what it is.
  if (path === 'marketing.heurekaVerifiedKey' && typeof value === 'string') return `••••${value.slice(-4)}`;
  if ((path === 'documents.logo' || path === 'documents.stamp') && value === 'image') return t('settings.audit.image');
  if (path === 'invoices.issueOn' && typeof value === 'string') return t(`settings.inv.issueOn.${value}` as MessageKey);
  if (path === 'invoices.variableSymbol' && typeof value === 'string') return t(`settings.inv.vs.${value}` as MessageKey);
  if (path === 'payments.card.provider' && typeof value === 'string') return t(`settings.pay.provider.${value}` as MessageKey);
  if (path === 'checkout.vatRates' && Array.isArray(value)) return value.map((rate) => `${String(rate)} %`).join(', ');
  if (path === 'shop.bankAccounts' && Array.isArray(value)) {
    return (value as Account[]).map((a) => [a.label && `${String(a.label)}:`, a.number || a.iban].filter(Boolean).join(' ')).join('; ') || '—';
  }
  if ((path === 'checkout.shippingMethods' || path === 'checkout.paymentMethods') && Array.isArray(value)) {
    return (
      (value as Method[])
        .map((m) => `${String(m.name)} ${typeof m.price === 'number' ? formatMoney(m.price, locale) : ''}${m.enabled === false ? ` (${t('settings.audit.notOffered')})` : ''}`.trim())
        .join('; ') || '—'
    );
  }
  return plain(value);
}

/** Any other value as text: lists joined, objects by their values — never raw JSON. */
function plain(value: unknown): string {
  if (Array.isArray(value)) return value.map(plain).join('; ') || '—';
  if (typeof value === 'object' && value !== null) return Object.values(value).filter((v) => v !== null && v !== '' && v !== undefined).map(plain).join(', ');
  return String(value);
}
