/**
 * What an order costs: item lines from current catalogue prices, shipping (free above its threshold) and payment, all
 * gross, less a discount code's discount when one is applied.
 */
import { discountOf, goodsDiscount, type DiscountTerms, type OrderDiscount } from '../discounts/apply-discount.js';
import type { PaymentMethod, ShippingMethod } from '../settings/settings.js';

export type PricedLine = { sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number };

export type OrderPrice = {
  lines: PricedLine[];
  itemCount: number;
  /** The goods before any discount. */
  itemsTotal: number;
  shipping: { price: number; vatRate: number };
  payment: { price: number; vatRate: number };
  /** Null without a code, or when the code applies to none of the goods. */
  discount: OrderDiscount | null;
  total: number;
};

export function priceOrder(
  lines: Omit<PricedLine, 'total'>[],
  shipping: Pick<ShippingMethod, 'price' | 'freeFrom' | 'vatRate'>,
  payment: Pick<PaymentMethod, 'price' | 'vatRate'>,
  terms: DiscountTerms | null = null,
): OrderPrice {
  const priced = lines.map((l) => ({ ...l, total: l.unitPrice * l.quantity }));
  const itemsTotal = priced.reduce((sum, l) => sum + l.total, 0);
  const shippingPrice = shipping.freeFrom !== null && itemsTotal >= shipping.freeFrom ? 0 : shipping.price;
  const discount = terms ? discountOf(terms, priced, shippingPrice) : null;
  const finalShipping = discount?.kind === 'free_shipping' ? 0 : shippingPrice;
  return {
    lines: priced,
    itemCount: priced.reduce((sum, l) => sum + l.quantity, 0),
    itemsTotal,
    shipping: { price: finalShipping, vatRate: shipping.vatRate },
    payment: { price: payment.price, vatRate: payment.vatRate },
    discount,
    total: itemsTotal - goodsDiscount(discount) + finalShipping + payment.price,
  };
}
