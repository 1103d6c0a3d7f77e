/** The `OrderInput` of CONTRACT.md: what a buyer sends, validated field by field (paths as the API reports them). */
import { z } from 'zod';
import { singleLineText } from '../validation.js';
import { emailField, phoneField, icoField, dicField, postalAddressSchema } from '../customers/contact-fields.js';

const line = singleLineText;
const optional = (max: number) => z.union([z.null(), line(max)]).optional().transform((v) => v || null);

const address = postalAddressSchema;

// The chosen pickup point: `{"pickupPoint": {"id": "…"}}` (other keys of a widget's point are ignored) or `pickupPointId`.
const pointId = z.union([z.string().trim().max(40, 'pickup_point_unknown'), z.number().int().nonnegative().transform(String)], 'pickup_point_unknown');

export const orderInputSchema = z
  .object({
    items: z
      .array(z.object({ sku: line(64).min(1, 'required'), quantity: z.number('quantity_invalid').int('quantity_invalid').min(1, 'quantity_invalid').max(999, 'quantity_invalid') }).strict(), 'required')
      .min(1, 'cart_empty')
      .max(100, 'too_many'),
    customer: z
      .object({
        email: emailField,
        name: line(200).min(1, 'required'),
        phone: phoneField,
        company: optional(200),
        ico: icoField,
        dic: dicField,
      })
      .strict(),
    billingAddress: address,
    shippingAddress: z.union([z.null(), address]).optional().transform((v) => v ?? null),
    shippingMethod: z.string('required').trim().min(1, 'required').max(40, 'too_long'),
    paymentMethod: z.string('required').trim().min(1, 'required').max(40, 'too_long'),
    pickupPoint: z.union([z.null(), z.object({ id: pointId }, 'pickup_point_unknown')]).optional(),
    pickupPointId: z.union([z.null(), pointId]).optional(),
    note: z.union([z.null(), z.string().trim().max(2000, 'too_long')]).optional().transform((v) => v || null),
    password: z.union([z.null(), z.string().min(10, 'password_too_short').max(1000, 'password_too_long')]).optional().transform((v) => v ?? null),
    // A discount code as the customer typed it (any case); null or empty: none.
    discountCode: z.union([z.null(), z.string('discount_unknown').trim().max(40, 'discount_unknown')]).optional().transform((v) => v || null),
    // Heureka "Ověřeno zákazníky": true when the customer declined the satisfaction questionnaire.
    reviewOptOut: z.boolean('invalid_value').optional().transform((v) => v ?? false),
  })
  .strict()
  .transform(({ pickupPoint, pickupPointId, ...input }) => ({ ...input, pickupPointId: pickupPointId || pickupPoint?.id || null }));

export type OrderInput = z.output<typeof orderInputSchema>;
export type OrderAddress = OrderInput['billingAddress'];

/** The same SKU twice is one line with the quantities added. */
export function mergeLines(items: OrderInput['items']): OrderInput['items'] {
  const bySku = new Map<string, number>();
  for (const item of items) bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + item.quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}
