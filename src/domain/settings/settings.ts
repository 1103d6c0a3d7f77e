/**
 * The shop's Configuration (the `Settings` of CONTRACT.md plus what checkout and emails need): its shape,
 * the validation of a whole settings object, and the defaults a new shop starts with.
 */
import { z } from 'zod';
import { singleLineText } from '../validation.js';
import { CZECH_VAT_RATES } from '../money/vat.js';
import { CARRIERS } from '../orders/carriers.js';
import { isValidDic, isValidIco, normalizeDic, normalizeIco, normalizePhone, normalizeZip } from './czech-identifiers.js';
import { bicForCzechBank, czechAccountToIban, formatCzechAccount, ibanToCzechAccount, isValidBic, isValidIban, normalizeIban, parseCzechAccount } from './bank-account.js';
import { DEFAULT_ORDER_NUMBER_FORMAT, orderNumberFormatProblem } from './order-number.js';
import { TEMPLATE_KEYS, templateProblems, type EmailTemplates, type TemplateKey } from './email-templates.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { layoutProblems } from '../exports/custom-layout.js';
import { DEFAULT_NUMBER_FORMATS, documentNumberFormatProblem, literalPart } from '../invoices/document-number.js';
import { carriersSection } from './carrier-settings.js';
import { paymentsSection } from './payment-settings.js';
import { marketingSection } from './marketing-settings.js';

// Messages are keys of the `field.*` texts at the web edge.
const text = singleLineText;
const optionalText = (max: number) => text(max).default('');
const multilineText = (max: number) => z.string().trim().max(max, 'too_long').default('');
const email = z.union([z.literal(''), z.email('email_invalid').max(254, 'too_long')]);
const nullableEmail = z
  .union([z.null(), email])
  .transform((v) => (v ? v.toLowerCase() : null))
  .default(null);
const money = z.number('money_invalid').int('money_invalid').min(0, 'money_negative').max(100_000_000, 'too_large');
const code = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'code_invalid');
const grams = z.number('weight_kg_invalid').int('weight_kg_invalid').min(1, 'weight_kg_invalid').max(1_000_000, 'weight_kg_invalid');
// Heavier parcels cost more: from each band's weight up its price applies (ascending, each weight once).
const weightBands = z
  .array(z.object({ overGrams: grams, price: money }).strict(), 'weight_bands_invalid')
  .max(10, 'too_many')
  .refine((bands) => bands.every((b, i) => i === 0 || b.overGrams > bands[i - 1]!.overGrams), 'weight_bands_order')
  .default([]);

const bankAccount = z
  .object({ label: optionalText(100), number: optionalText(40), iban: optionalText(42), bic: optionalText(11) })
  .strict()
  .transform((account, ctx) => {
    // Either form may be given; the other is derived where possible (Czech accounts ↔ CZ IBANs).
    let { number, iban, bic } = account;
    const parsed = number ? parseCzechAccount(number) : null;
    if (number && !parsed) ctx.addIssue({ code: 'custom', message: 'bank_account_invalid', path: ['number'] });
    if (iban && !isValidIban(iban)) ctx.addIssue({ code: 'custom', message: 'iban_invalid', path: ['iban'] });
    if (!number && !iban) ctx.addIssue({ code: 'custom', message: 'bank_account_required', path: ['number'] });
    if (parsed) number = formatCzechAccount(parsed);
    if (parsed && !iban) iban = czechAccountToIban(parsed);
    if (iban && isValidIban(iban)) {
      iban = normalizeIban(iban);
      const fromIban = ibanToCzechAccount(iban);
      if (fromIban && !number) number = formatCzechAccount(fromIban);
      if (fromIban && parsed && formatCzechAccount(fromIban) !== number) ctx.addIssue({ code: 'custom', message: 'iban_mismatch', path: ['iban'] });
    }
    bic = bic.toUpperCase();
    if (bic && !isValidBic(bic)) ctx.addIssue({ code: 'custom', message: 'bic_invalid', path: ['bic'] });
    if (!bic && parsed) bic = bicForCzechBank(parsed.bank) ?? '';
    return { label: account.label, number, iban, bic };
  });

const shop = z
  .object({
    name: text(120).min(1, 'required').default('Můj obchod'),
    legalName: optionalText(200),
    ico: optionalText(12).refine((v) => !v || isValidIco(v), 'ico_invalid').transform((v) => (v ? normalizeIco(v) : '')),
    dic: optionalText(14).refine((v) => !v || isValidDic(v), 'dic_invalid').transform((v) => (v ? normalizeDic(v) : '')),
    street: optionalText(200),
    city: optionalText(100),
    zip: optionalText(10).transform((v, ctx) => {
      if (!v) return '';
      const zip = normalizeZip(v);
      if (!zip) ctx.addIssue({ code: 'custom', message: 'zip_invalid' });
      return zip ?? v;
    }),
    country: z.string().trim().regex(/^[A-Z]{2}$/, 'country_invalid').default('CZ'),
    email: email.default(''),
    phone: optionalText(30).transform((v, ctx) => {
      if (!v) return '';
      const phone = normalizePhone(v);
      if (!phone) ctx.addIssue({ code: 'custom', message: 'phone_invalid' });
      return phone ?? v;
    }),
    web: optionalText(200).refine((v) => !v || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(v), 'web_invalid'),
    bankAccounts: z.array(bankAccount).max(5, 'too_many').default([]),
  })
  .strict();

const documents = z
  .object({
    showContacts: z.boolean().default(true),
    showBankAccounts: z.boolean().default(true),
    showLogo: z.boolean().default(true),
    showStamp: z.boolean().default(true),
    footer: multilineText(500),
  })
  .strict();

const template = z.object({ subject: z.string().max(1000, 'too_long'), body: z.string().max(20_000, 'too_long') }).strict();
const localized = z.object({ cs: template, en: template }).strict();
const templates = z
  .object(Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, localized.default(DEFAULT_TEMPLATES[key])])) as Record<TemplateKey, z.ZodDefault<typeof localized>>)
  .strict()
  .superRefine((all, ctx) => {
    for (const key of TEMPLATE_KEYS) {
      for (const locale of ['cs', 'en'] as const) {
        for (const problem of templateProblems(key, all[key][locale])) {
          ctx.addIssue({ code: 'custom', message: problem.detail ? `${problem.code}:${problem.detail}` : problem.code, path: [key, locale, problem.part] });
        }
      }
    }
  });

const emails = z
  .object({
    noReplyAddress: nullableEmail,
    ownerAddress: nullableEmail,
    onNew: z.boolean().default(true),
    onProcessing: z.boolean().default(true),
    onShipped: z.boolean().default(true),
    onCompleted: z.boolean().default(true),
    onCancelled: z.boolean().default(true),
    templates: templates.default(DEFAULT_TEMPLATES as never),
  })
  .strict();

const vatRate = z.number('vat_rate_invalid').int('vat_rate_invalid').min(0, 'vat_rate_invalid').max(50, 'vat_rate_invalid');

const shippingMethod = z
  .object({
    code,
    name: text(100).min(1, 'required'),
    price: money,
    carrier: z.enum(CARRIERS, 'carrier_invalid'),
    freeFrom: money.nullable().default(null),
    weightBands,
    // Heavier goods cannot go with this method (a carrier's limit); null: no limit.
    maxWeightGrams: grams.nullable().default(null),
    // What cash on delivery costs with this method instead of the COD payment method's own price; null: that price.
    codSurcharge: money.nullable().default(null),
    vatRate: vatRate.default(21),
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((m) => m.maxWeightGrams === null || m.weightBands.every((b) => b.overGrams < m.maxWeightGrams!), { message: 'weight_bands_over_limit', path: ['weightBands'] });

export const PAYMENT_KINDS = ['bank-transfer', 'cash-on-delivery', 'cash', 'card'] as const;
const paymentMethod = z
  .object({
    code,
    kind: z.enum(PAYMENT_KINDS, 'payment_kind_invalid'),
    name: text(100).min(1, 'required'),
    price: money,
    vatRate: vatRate.default(21),
    enabled: z.boolean().default(true),
    // The shipping methods this payment is offered with; empty: with every one.
    shippingCodes: z.array(code).max(20, 'too_many').default([]),
  })
  .strict();

const uniqueCodes = (items: { code: string }[]) => new Set(items.map((m) => m.code)).size === items.length;

const checkout = z
  .object({
    guestCheckout: z.boolean().default(true),
    trackingNumberReminder: z.boolean().default(true),
    orderNumberFormat: z
      .string()
      .trim()
      .default(DEFAULT_ORDER_NUMBER_FORMAT)
      .superRefine((v, ctx) => {
        const problem = orderNumberFormatProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    paymentDueDays: z.number().int('number_invalid').min(0, 'number_invalid').max(90, 'number_invalid').default(14),
    shippingMethods: z.array(shippingMethod).max(20, 'too_many').refine(uniqueCodes, 'code_duplicate').default([]),
    paymentMethods: z.array(paymentMethod).max(20, 'too_many').refine(uniqueCodes, 'code_duplicate').default([]),
    vatRates: z
      .array(vatRate)
      .min(1, 'required')
      .max(6, 'too_many')
      .refine((rates) => new Set(rates).size === rates.length, 'vat_rate_duplicate')
      .default([...CZECH_VAT_RATES]),
  })
  .strict()
  .superRefine((value, ctx) => {
    value.shippingMethods.forEach((m, i) => {
      if (!value.vatRates.includes(m.vatRate)) ctx.addIssue({ code: 'custom', message: 'vat_rate_not_offered', path: ['shippingMethods', i, 'vatRate'] });
    });
    const shippingCodes = new Set(value.shippingMethods.map((m) => m.code));
    value.paymentMethods.forEach((m, i) => {
      if (!value.vatRates.includes(m.vatRate)) ctx.addIssue({ code: 'custom', message: 'vat_rate_not_offered', path: ['paymentMethods', i, 'vatRate'] });
      const unknown = m.shippingCodes.filter((c) => !shippingCodes.has(c));
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `shipping_code_unknown:${unknown.join(', ')}`, path: ['paymentMethods', i, 'shippingCodes'] });
    });
  });

// The owner's own XML layout for exports (empty: not set up); checked as a whole on save.
const exportsSection = z
  .object({
    customLayout: z
      .string()
      .max(20_000, 'too_long')
      .default('')
      .superRefine((v, ctx) => {
        for (const p of layoutProblems(v)) ctx.addIssue({ code: 'custom', message: p.detail ? `${p.code}:${p.detail}` : p.code });
      }),
  })
  .strict();

// Tax documents (Doklady / Faktury): when an invoice is issued, the number series, simplified documents, the variable symbol.
export const INVOICE_MOMENTS = ['manual', 'paid', 'shipped'] as const;
const documentNumberFormat = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .superRefine((v, ctx) => {
      const problem = documentNumberFormatProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
const invoicesSection = z
  .object({
    issueOn: z.enum(INVOICE_MOMENTS, 'invalid_value').default('manual'),
    invoiceNumberFormat: documentNumberFormat(DEFAULT_NUMBER_FORMATS.invoice),
    creditNoteNumberFormat: documentNumberFormat(DEFAULT_NUMBER_FORMATS.credit_note),
    simplified: z.boolean().default(false),
    variableSymbol: z.enum(['order', 'invoice'], 'invalid_value').default('order'),
    dueDays: z.number('number_invalid').int('number_invalid').min(0, 'number_invalid').max(90, 'number_invalid').default(14),
  })
  .strict()
  .superRefine((v, ctx) => {
    // Two series whose patterns differ only in placeholders could hand out the same number.
    if (literalPart(v.invoiceNumberFormat) === literalPart(v.creditNoteNumberFormat)) ctx.addIssue({ code: 'custom', message: 'document_number_series_clash', path: ['creditNoteNumberFormat'] });
  });

export const settingsSchema = z
  .object({ shop: shop.prefault({}), documents: documents.prefault({}), emails: emails.prefault({}), checkout: checkout.prefault({}), exports: exportsSection.prefault({}), invoices: invoicesSection.prefault({}), carriers: carriersSection.prefault({}), payments: paymentsSection.prefault({}), marketing: marketingSection.prefault({}) })
  .strict()
  .superRefine((value, ctx) => {
    // Card payments are offered only with a gateway set up in Configuration → Platby.
    if (value.payments.card.provider !== 'none') return;
    value.checkout.paymentMethods.forEach((m, i) => {
      if (m.kind === 'card' && m.enabled) ctx.addIssue({ code: 'custom', message: 'card_gateway_missing', path: ['checkout', 'paymentMethods', i, 'kind'] });
    });
  });

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type BankAccount = Settings['shop']['bankAccounts'][number];
export type ShippingMethod = Settings['checkout']['shippingMethods'][number];
export type PaymentMethod = Settings['checkout']['paymentMethods'][number];
export type { EmailTemplates };

/** A new shop's settings: nothing of the owner's yet, the common shipping and payment methods ready to edit. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({
    checkout: {
      shippingMethods: [
        { code: 'ppl', name: 'PPL – doručení na adresu', price: 12900, carrier: 'ppl', freeFrom: 150000 },
        { code: 'zasilkovna', name: 'Zásilkovna – výdejní místo', price: 7900, carrier: 'zasilkovna', freeFrom: 150000, maxWeightGrams: 15000 },
        { code: 'ceska-posta', name: 'Česká pošta – balík do ruky', price: 11900, carrier: 'ceska-posta', freeFrom: null },
        { code: 'osobni-odber', name: 'Osobní odběr na prodejně', price: 0, carrier: 'own', freeFrom: null },
      ],
      paymentMethods: [
        { code: 'bank-transfer', kind: 'bank-transfer', name: 'Bankovním převodem', price: 0 },
        { code: 'cash-on-delivery', kind: 'cash-on-delivery', name: 'Na dobírku', price: 3900, shippingCodes: ['ppl', 'zasilkovna', 'ceska-posta'] },
        { code: 'cash', kind: 'cash', name: 'Hotově při osobním odběru', price: 0, shippingCodes: ['osobni-odber'] },
      ],
    },
  });
}
