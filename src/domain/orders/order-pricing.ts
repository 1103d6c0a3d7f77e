/** What an order costs: item lines from current catalogue prices, shipping by its rules (free above an amount, by weight) and payment, all gross. */
import type { PaymentMethod, ShippingMethod } from '../settings/settings.js';
import { paymentPrice, shippingPrice, totalWeight, type ShippingRules } from '../shipping/shipping-price.js';

export type PricedLine = { sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number };

export type OrderPrice = {
  lines: PricedLine[];
  itemCount: number;
  itemsTotal: number;
  weightGrams: number;
  /** Price null: the goods are too heavy for the shipping method. */
  shipping: { price: number | null; vatRate: number };
  payment: { price: number; vatRate: number };
  total: number;
};

export function priceOrder(
  lines: (Omit<PricedLine, 'total'> & { weightGrams?: number | null })[],
  shipping: ShippingRules & Pick<ShippingMethod, 'vatRate' | 'codSurcharge'>,
  payment: Pick<PaymentMethod, 'kind' | 'price' | 'vatRate'>,
): OrderPrice {
  const priced = lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, total: l.unitPrice * l.quantity }));
  const itemsTotal = priced.reduce((sum, l) => sum + l.total, 0);
  const weightGrams = totalWeight(lines);
  const shippingCost = shippingPrice(shipping, { itemsTotal, weightGrams });
  const paymentCost = paymentPrice(payment, shipping);
  return {
    lines: priced,
    itemCount: priced.reduce((sum, l) => sum + l.quantity, 0),
    itemsTotal,
    weightGrams,
    shipping: { price: shippingCost, vatRate: shipping.vatRate },
    payment: { price: paymentCost, vatRate: payment.vatRate },
    total: itemsTotal + (shippingCost ?? 0) + paymentCost,
  };
}
