/** A customer account as the admin enters it (the API's POST/PATCH body and the profile form): validated field by field. */
import { z } from 'zod';
import { singleLineText } from '../validation.js';
import { normalizeIco } from '../settings/czech-identifiers.js';
import { emailField, phoneField, icoField, dicField, postalAddressSchema } from './contact-fields.js';

const line = singleLineText;
const optional = (max: number) => z.union([z.null(), line(max)]).optional().transform((v) => v || null);

export const customerAddressSchema = postalAddressSchema;

export type CustomerAddress = z.output<typeof customerAddressSchema>;

export const customerInputSchema = z
  .object({
    email: emailField,
    name: line(200).min(1, 'required'),
    phone: phoneField,
    company: optional(200),
    ico: icoField.transform((v) => (v ? normalizeIco(v) : null)),
    dic: dicField,
    locale: z.enum(['cs', 'en'], 'invalid_value').default('cs'),
    blocked: z.boolean('invalid_type').default(false),
    note: z.union([z.null(), z.string('invalid_type').trim().max(5000, 'too_long')]).optional().transform((v) => v || null),
    billingAddress: z.union([z.null(), customerAddressSchema]).optional().transform((v) => v ?? null),
    shippingAddress: z.union([z.null(), customerAddressSchema]).optional().transform((v) => v ?? null),
  })
  .strict();

export type CustomerInput = z.output<typeof customerInputSchema>;
