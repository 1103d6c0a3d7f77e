/** Every user-facing text of the web edge, Czech first, with English; keys are shared by pages, forms and JSON errors. */
import * as common from './common.js';
import * as settings from './settings.js';
import * as catalog from './catalog.js';
import * as mail from './mail.js';
import * as content from './content.js';
import * as orders from './orders.js';
import * as checkout from './checkout.js';
import * as accounts from './accounts.js';
import * as customers from './customers.js';
import * as stats from './stats.js';
import * as exportsTexts from './exports.js';
import * as invoices from './invoices.js';
import * as shipping from './shipping.js';
import * as payments from './payments.js';
import * as marketing from './marketing.js';
import * as discounts from './discounts.js';
export const LOCALES = ['cs', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// Each area keeps its texts in its own file; they are merged here into one catalog per language.
export const AREA_MESSAGES = { common, settings, catalog, mail, content, orders, checkout, accounts, customers, stats, exports: exportsTexts, invoices, shipping, payments, marketing, discounts };
const cs = { ...common.cs, ...settings.cs, ...catalog.cs, ...mail.cs, ...content.cs, ...orders.cs, ...checkout.cs, ...accounts.cs, ...customers.cs, ...stats.cs, ...exportsTexts.cs, ...invoices.cs, ...shipping.cs, ...payments.cs, ...marketing.cs, ...discounts.cs };
const en: Record<MessageKey, string> = { ...common.en, ...settings.en, ...catalog.en, ...mail.en, ...content.en, ...orders.en, ...checkout.en, ...accounts.en, ...customers.en, ...stats.en, ...exportsTexts.en, ...invoices.en, ...shipping.en, ...payments.en, ...marketing.en, ...discounts.en };

export type MessageKey = keyof typeof cs;

const CATALOG: Record<Locale, Record<MessageKey, string>> = { cs, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = CATALOG[locale];
  return (key, params) => {
    const text = messages[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

export const isMessageKey = (key: string): key is MessageKey => key in cs;

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/**
 * Pages are Czech until the visitor picks English with the switch (cookie); the JSON API follows
 * Accept-Language, as the contract says, so pass it only for API requests.
 */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(first) ? first : 'cs';
}
