/** What an order costs: item lines from current catalogue prices, shipping (free above its threshold) and payment, all gross. */
import type { PaymentMethod, ShippingMethod } from '../settings/settings.js';

export type PricedLine = { sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number };

export type OrderPrice = {
  lines: PricedLine[];
  itemCount: number;
  itemsTotal: number;
  shipping: { price: number; vatRate: number };
  payment: { price: number; vatRate: number };
  total: number;
};

export function priceOrder(lines: Omit<PricedLine, 'total'>[], shipping: Pick<ShippingMethod, 'price' | 'freeFrom' | 'vatRate'>, payment: Pick<PaymentMethod, 'price' | 'vatRate'>): OrderPrice {
  const priced = lines.map((l) => ({ ...l, total: l.unitPrice * l.quantity }));
  const itemsTotal = priced.reduce((sum, l) => sum + l.total, 0);
  const shippingPrice = shipping.freeFrom !== null && itemsTotal >= shipping.freeFrom ? 0 : shipping.price;
  return {
    lines: priced,
    itemCount: priced.reduce((sum, l) => sum + l.quantity, 0),
    itemsTotal,
    shipping: { price: shippingPrice, vatRate: shipping.vatRate },
    payment: { price: payment.price, vatRate: payment.vatRate },
    total: itemsTotal + shippingPrice + payment.price,
  };
}
