/** What a customer may change in their profile (name, phone, company, addresses), validated like checkout input. */
import { z } from 'zod';
import { singleLineText } from '../validation.js';
import { normalizeZip } from '../settings/czech-identifiers.js';
import { phoneField, icoField, dicField } from '../customers/contact-fields.js';

const optional = (max: number) => z.union([z.null(), singleLineText(max)]).optional().transform((v) => v || null);

const address = z
  .object({
    street: singleLineText(200).min(1, 'required'),
    city: singleLineText(100).min(1, 'required'),
    zip: singleLineText(10).min(1, 'required'),
    country: z.enum(['CZ', 'SK'], 'country_invalid').default('CZ'),
  })
  .transform((a, ctx) => {
    const zip = normalizeZip(a.zip);
    if (!zip) ctx.addIssue({ code: 'custom', message: 'zip_invalid', path: ['zip'] });
    return { ...a, zip: zip ?? a.zip };
  });

export const profileInputSchema = z.object({
  name: singleLineText(200).min(1, 'required'),
  phone: phoneField,
  company: optional(200),
  ico: icoField,
  dic: dicField,
  billingAddress: address.nullable(),
  shippingAddress: address.nullable(),
});

export type ProfileInput = z.output<typeof profileInputSchema>;

type Flat = Record<string, string>;
const blank = (f: Flat, keys: string[]) => keys.every((k) => !(f[k] ?? '').trim());

/** The flat form (street, city, zip, country, shipStreet, …) as the schema's input; an address left empty is none. */
export function profileFromForm(f: Flat) {
  const addressOf = (prefix: '' | 'ship') => {
    const k = (name: string) => (prefix ? `ship${name[0]!.toUpperCase()}${name.slice(1)}` : name);
    return blank(f, [k('street'), k('city'), k('zip')]) ? null : { street: f[k('street')] ?? '', city: f[k('city')] ?? '', zip: f[k('zip')] ?? '', country: f[k('country')] || 'CZ' };
  };
  return { name: f.name ?? '', phone: f.phone || null, company: f.company || null, ico: f.ico || null, dic: f.dic || null, billingAddress: addressOf(''), shippingAddress: addressOf('ship') };
}

/** Error paths of the schema → the flat form's field ids. */
export function profileFieldOf(path: string): string {
  const [head, tail] = path.split('.');
  if (head === 'billingAddress' && tail) return tail;
  if (head === 'shippingAddress' && tail) return `ship${tail[0]!.toUpperCase()}${tail.slice(1)}`;
  return head ?? path;
}
