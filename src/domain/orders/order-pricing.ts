/**
 * What an order costs: item lines from current catalogue prices, shipping by its rules (free above an amount, by
 * weight) and payment, all gross, less a discount code's discount when one is applied.
 */
import { discountOf, goodsDiscount, type DiscountTerms, type OrderDiscount } from '../discounts/apply-discount.js';
import type { PaymentMethod, ShippingMethod } from '../settings/settings.js';
import { paymentPrice, shippingPrice, totalWeight, type ShippingRules } from '../shipping/shipping-price.js';

export type PricedLine = { sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number };

export type OrderPrice = {
  lines: PricedLine[];
  itemCount: number;
  /** The goods before any discount. */
  itemsTotal: number;
  weightGrams: number;
  /** Price null: the goods are too heavy for the shipping method. */
  shipping: { price: number | null; vatRate: number };
  payment: { price: number; vatRate: number };
  /** Null without a code, or when the code applies to none of the goods. */
  discount: OrderDiscount | null;
  total: number;
};

export function priceOrder(
  lines: (Omit<PricedLine, 'total'> & { weightGrams?: number | null })[],
  shipping: ShippingRules & Pick<ShippingMethod, 'vatRate' | 'codSurcharge'>,
  payment: Pick<PaymentMethod, 'kind' | 'price' | 'vatRate'>,
  terms: DiscountTerms | null = null,
): OrderPrice {
  const priced = lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, total: l.unitPrice * l.quantity }));
  const itemsTotal = priced.reduce((sum, l) => sum + l.total, 0);
  const weightGrams = totalWeight(lines);
  // Free shipping from an amount and weight bands go by the goods before the discount.
  const shippingCost = shippingPrice(shipping, { itemsTotal, weightGrams });
  const discount = terms ? discountOf(terms, priced, shippingCost ?? 0) : null;
  const finalShipping = shippingCost !== null && discount?.kind === 'free_shipping' ? 0 : shippingCost;
  const paymentCost = paymentPrice(payment, shipping);
  return {
    lines: priced,
    itemCount: priced.reduce((sum, l) => sum + l.quantity, 0),
    itemsTotal,
    weightGrams,
    shipping: { price: finalShipping, vatRate: shipping.vatRate },
    payment: { price: paymentCost, vatRate: payment.vatRate },
    discount,
    total: itemsTotal - goodsDiscount(discount) + (finalShipping ?? 0) + paymentCost,
  };
}
