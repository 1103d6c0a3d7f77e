/** The contact fields every form and API takes from a buyer — email, phone, IČO, DIČ, a postal address — checked one way. */
import { z } from 'zod';
import { singleLineText } from '../validation.js';
import { isValidDic, isValidIco, normalizeDic, normalizePhone, normalizeZip } from '../settings/czech-identifiers.js';
import { parseEmailAddress } from './email-address.js';

/** An optional single line: empty or missing becomes null. */
export const optionalLine = (max: number) => z.union([z.null(), singleLineText(max)]).optional().transform((v) => v || null);

export const emailField = z
  .string('required')
  .trim()
  .max(254, 'too_long')
  .transform((v, ctx) => {
    const parsed = parseEmailAddress(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: 'email_invalid' });
    return parsed.ok ? parsed.email.address : v;
  });

export const phoneField = optionalLine(30).transform((v, ctx) => {
  if (!v) return null;
  const phone = normalizePhone(v);
  if (!phone) ctx.addIssue({ code: 'custom', message: 'phone_invalid' });
  return phone ?? v;
});

export const icoField = optionalLine(12).refine((v) => !v || isValidIco(v), 'ico_invalid');

export const dicField = optionalLine(14)
  .refine((v) => !v || isValidDic(v), 'dic_invalid')
  .transform((v) => (v ? normalizeDic(v) : null));

/** A postal address; Czech and Slovak postcodes are checked and written the usual way (`110 00`). */
export const postalAddressSchema = z
  .object({
    street: singleLineText(200).min(1, 'required'),
    city: singleLineText(100).min(1, 'required'),
    zip: singleLineText(10).min(1, 'required'),
    country: z.string('required').trim().toUpperCase().regex(/^[A-Z]{2}$/, 'country_invalid').default('CZ'),
  })
  .strict()
  .transform((a, ctx) => {
    if (a.country !== 'CZ' && a.country !== 'SK') return a;
    const zip = normalizeZip(a.zip);
    if (!zip) ctx.addIssue({ code: 'custom', message: 'zip_invalid', path: ['zip'] });
    return { ...a, zip: zip ?? a.zip };
  });
