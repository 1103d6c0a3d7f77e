/** A customer account as the admin enters it (the API's POST/PATCH body and the profile form): validated field by field. */
import { z } from 'zod';
import { singleLineText } from '../validation.js';
import { isValidDic, isValidIco, normalizeDic, normalizeIco, normalizePhone, normalizeZip } from '../settings/czech-identifiers.js';
import { parseEmailAddress } from './email-address.js';

const line = singleLineText;
const optional = (max: number) => z.union([z.null(), line(max)]).optional().transform((v) => v || null);

export const customerAddressSchema = z
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

export type CustomerAddress = z.output<typeof customerAddressSchema>;

export const customerInputSchema = z
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
    ico: optional(12)
      .refine((v) => !v || isValidIco(v), 'ico_invalid')
      .transform((v) => (v ? normalizeIco(v) : null)),
    dic: optional(14)
      .refine((v) => !v || isValidDic(v), 'dic_invalid')
      .transform((v) => (v ? normalizeDic(v) : null)),
    locale: z.enum(['cs', 'en'], 'invalid_value').default('cs'),
    blocked: z.boolean('invalid_type').default(false),
    note: z.union([z.null(), z.string('invalid_type').trim().max(5000, 'too_long')]).optional().transform((v) => v || null),
    billingAddress: z.union([z.null(), customerAddressSchema]).optional().transform((v) => v ?? null),
    shippingAddress: z.union([z.null(), customerAddressSchema]).optional().transform((v) => v ?? null),
  })
  .strict();

export type CustomerInput = z.output<typeof customerInputSchema>;
