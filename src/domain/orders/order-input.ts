/** The `OrderInput` of CONTRACT.md: what a buyer sends, validated field by field (paths as the API reports them). */
import { z } from 'zod';
import { singleLineText } from '../validation.js';
import { isValidDic, isValidIco, normalizeDic, normalizePhone, normalizeZip } from '../settings/czech-identifiers.js';
import { parseEmailAddress } from '../customers/email-address.js';

const line = singleLineText;
const optional = (max: number) => z.union([z.null(), line(max)]).optional().transform((v) => v || null);

const address = z
  .object({
    street: line(200).min(1, 'required'),
    city: line(100).min(1, 'required'),
    zip: line(10).min(1, 'required'),
    country: z.string('required').trim().toUpperCase().regex(/^[A-Z]{2}$/, 'country_invalid').default('CZ'),
  })
  .strict()
  .transform((a, ctx) => {
    if (a.country !== 'CZ' && a.country !== 'SK') return a;
    const zip = normalizeZip(a.zip);
    if (!zip) ctx.addIssue({ code: 'custom', message: 'zip_invalid', path: ['zip'] });
    return { ...a, zip: zip ?? a.zip };
  });

export const orderInputSchema = z
  .object({
    items: z
      .array(z.object({ sku: line(64).min(1, 'required'), quantity: z.number('quantity_invalid').int('quantity_invalid').min(1, 'quantity_invalid').max(999, 'quantity_invalid') }).strict(), 'required')
      .min(1, 'cart_empty')
      .max(100, 'too_many'),
    customer: z
      .object({
        email: z
          .string('required')
          .trim()
          .max(254, 'too_long')
          .transform((v, ctx) => {
            const parsed = parseEmailAddress(v);
            if (!parsed.ok) ctx.addIssue({ code: 'custom', message: 'email_invalid' });
            return parsed.ok ? parsed.email.address : v;
          }),
        name: line(200).min(1, 'required'),
        phone: optional(30).transform((v, ctx) => {
          if (!v) return null;
          const phone = normalizePhone(v);
          if (!phone) ctx.addIssue({ code: 'custom', message: 'phone_invalid' });
          return phone ?? v;
        }),
        company: optional(200),
        ico: optional(12).refine((v) => !v || isValidIco(v), 'ico_invalid'),
        dic: optional(14)
          .refine((v) => !v || isValidDic(v), 'dic_invalid')
          .transform((v) => (v ? normalizeDic(v) : null)),
      })
      .strict(),
    billingAddress: address,
    shippingAddress: z.union([z.null(), address]).optional().transform((v) => v ?? null),
    shippingMethod: z.string('required').trim().min(1, 'required').max(40, 'too_long'),
    paymentMethod: z.string('required').trim().min(1, 'required').max(40, 'too_long'),
    note: z.union([z.null(), z.string().trim().max(2000, 'too_long')]).optional().transform((v) => v || null),
    password: z.union([z.null(), z.string().min(10, 'password_too_short').max(1000, 'password_too_long')]).optional().transform((v) => v ?? null),
  })
  .strict();

export type OrderInput = z.output<typeof orderInputSchema>;
export type OrderAddress = OrderInput['billingAddress'];

/** The same SKU twice is one line with the quantities added. */
export function mergeLines(items: OrderInput['items']): OrderInput['items'] {
  const bySku = new Map<string, number>();
  for (const item of items) bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + item.quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}
