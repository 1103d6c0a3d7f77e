/**
 * What delivery costs, by Configuration's rules — the one place the checkout, the Store API and the order service ask:
 * the method's price, raised by weight bands for heavier parcels, nothing above its free-shipping amount, refused above
 * its weight limit; cash on delivery costs the shipping method's own surcharge when it sets one.
 */
import type { PaymentMethod, ShippingMethod } from '../settings/settings.js';

export type ShippingRules = Pick<ShippingMethod, 'price' | 'freeFrom' | 'weightBands' | 'maxWeightGrams'>;
export type Parcel = { itemsTotal: number; weightGrams: number };

/** The total weight of order lines; a variant without a weight counts as nothing. */
export const totalWeight = (lines: { quantity: number; weightGrams?: number | null }[]) => lines.reduce((sum, l) => sum + (l.weightGrams ?? 0) * l.quantity, 0);

/** Too heavy for the method: it is not offered for these goods. */
export const tooHeavy = (method: Pick<ShippingMethod, 'maxWeightGrams'>, weightGrams: number) => method.maxWeightGrams !== null && weightGrams > method.maxWeightGrams;

/** The shipping price for these goods, or null when the method cannot take them (over its weight limit). */
export function shippingPrice(method: ShippingRules, parcel: Parcel): number | null {
  if (tooHeavy(method, parcel.weightGrams)) return null;
  if (method.freeFrom !== null && parcel.itemsTotal >= method.freeFrom) return 0;
  // Bands are kept in ascending order: the heaviest one the parcel is over sets the price.
  const band = method.weightBands.filter((b) => parcel.weightGrams > b.overGrams).at(-1);
  return band ? band.price : method.price;
}

/** The payment's price with this shipping: cash on delivery costs the method's COD surcharge when it has one. */
export function paymentPrice(payment: Pick<PaymentMethod, 'kind' | 'price'>, shipping: Pick<ShippingMethod, 'codSurcharge'> | null): number {
  if (payment.kind === 'cash-on-delivery' && shipping && shipping.codSurcharge !== null) return shipping.codSurcharge;
  return payment.price;
}
