/** What the checkout's summary column shows: items, a discount code's discount, shipping (free above its threshold), payment, total and VAT per rate. */
import { priceOrder } from '../orders/order-pricing.js';
import { vatSummary, type VatSummaryRow } from '../money/vat.js';
import { discountVatLines, type DiscountTerms, type OrderDiscount } from '../discounts/apply-discount.js';
import type { PaymentMethod, ShippingMethod } from '../settings/settings.js';
import type { CartReview } from './cart.js';

export type CheckoutSummary = {
  itemsTotal: number;
  discount: OrderDiscount | null;
  shipping: { name: string; price: number } | null;
  payment: { name: string; price: number } | null;
  total: number;
  vat: VatSummaryRow[];
};

/** The same pricing the order service applies, so the total shown is the total charged. */
export function checkoutSummary(cart: CartReview, shipping: ShippingMethod | null, payment: PaymentMethod | null, terms: DiscountTerms | null = null): CheckoutSummary {
  const lines = cart.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice, vatRate: i.vatRate }));
  const priced = priceOrder(
    lines,
    shipping ?? { price: 0, freeFrom: null, vatRate: 0 },
    payment ?? { price: 0, vatRate: 0 },
    terms,
  );
  // A method not chosen yet is priced by a stand-in costing nothing.
  const ship = priced.shipping;
  const pay = priced.payment;
  return {
    itemsTotal: priced.itemsTotal,
    discount: priced.discount,
    shipping: shipping ? { name: shipping.name, price: ship.price } : null,
    payment: payment ? { name: payment.name, price: pay.price } : null,
    total: priced.total,
    vat: vatSummary(
      [...cart.items.map((i) => ({ gross: i.total, vatRate: i.vatRate })), ...discountVatLines(priced.discount), { gross: ship.price, vatRate: ship.vatRate }, { gross: pay.price, vatRate: pay.vatRate }].filter((l) => l.gross !== 0),
    ),
  };
}

/** The price a shipping method would cost for these goods (0 above its free-shipping threshold). */
export const shippingPriceFor = (method: ShippingMethod, itemsTotal: number) => (method.freeFrom !== null && itemsTotal >= method.freeFrom ? 0 : method.price);
