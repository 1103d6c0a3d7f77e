/** The customer's view of an order (CONTRACT.md `Order`): never internal notes, never another customer's data. */
import { trackingUrl } from '../../domain/orders/carriers.js';
import type { Order } from '../../services/orders/ports.js';
import { documentUrl } from '../../services/orders/order-links.js';

export type Parcel = { carrier: string; trackingNumber: string };

export function customerOrderView(order: Order, publicUrl: string, parcels: Parcel[] = []) {
  const shown = parcels.map((p) => ({ carrier: p.carrier, trackingNumber: p.trackingNumber, trackingUrl: trackingUrl(p.carrier, p.trackingNumber) }));
  return {
    number: order.number,
    status: order.status,
    createdAt: order.createdAt,
    total: order.total,
    currency: order.currency,
    items: order.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice, vatRate: i.vatRate, total: i.total })),
    shipping: {
      method: order.shipping.code,
      price: order.shipping.price,
      carrier: order.shipping.carrier,
      trackingNumber: shown[0]?.trackingNumber ?? null,
      trackingUrl: shown[0]?.trackingUrl ?? null,
      parcels: shown,
      pickupPoint: order.pickupPoint,
    },
    payment: { method: order.payment.code, price: order.payment.price, variableSymbol: order.variableSymbol, status: order.paymentStatus },
    // Added to the contract's Order: the discount code's discount (null without one); `total` is already after it.
    discount: order.discount
      ? { code: order.discount.code, kind: order.discount.kind, amount: order.discount.amount, currency: order.currency, lines: order.discount.lines.map((l) => ({ vatRate: l.vatRate, amount: l.amount })) }
      : null,
    documentUrl: documentUrl(publicUrl, order),
  };
}
