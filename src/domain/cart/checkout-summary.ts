/** What the checkout's summary column shows: items, a discount code's discount, shipping (by its rules), payment, total and VAT per rate. */
import { priceOrder } from '../orders/order-pricing.js';
import { vatSummary, type VatSummaryRow } from '../money/vat.js';
import { discountVatLines, type DiscountTerms, type OrderDiscount } from '../discounts/apply-discount.js';
import type { PaymentMethod, ShippingMethod } from '../settings/settings.js';
import { shippingPrice, totalWeight } from '../shipping/shipping-price.js';
import type { CartReview } from './cart.js';

export type CheckoutSummary = {
  itemsTotal: number;
  discount: OrderDiscount | null;
  /** Price null: the goods are too heavy for the chosen method. */
  shipping: { name: string; price: number | null } | null;
  payment: { name: string; price: number } | null;
  total: number;
  vat: VatSummaryRow[];
};

const NOT_CHOSEN = { price: 0, freeFrom: null, weightBands: [], maxWeightGrams: null, codSurcharge: null, vatRate: 0 };

/** The same pricing the order service applies, so the total shown is the total charged. */
export function checkoutSummary(cart: CartReview, shipping: ShippingMethod | null, payment: PaymentMethod | null, terms: DiscountTerms | null = null): CheckoutSummary {
  const lines = cart.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice, vatRate: i.vatRate, weightGrams: i.weightGrams }));
  // A method not chosen yet is priced by a stand-in costing nothing.
  const priced = priceOrder(lines, shipping ?? NOT_CHOSEN, payment ?? { kind: 'bank-transfer', price: 0, vatRate: 0 }, terms);
  const shipPrice = priced.shipping.price ?? 0;
  const pay = priced.payment;
  return {
    itemsTotal: priced.itemsTotal,
    discount: priced.discount,
    shipping: shipping ? { name: shipping.name, price: priced.shipping.price } : null,
    payment: payment ? { name: payment.name, price: pay.price } : null,
    total: priced.total,
    vat: vatSummary(
      [...cart.items.map((i) => ({ gross: i.total, vatRate: i.vatRate })), ...discountVatLines(priced.discount), { gross: shipPrice, vatRate: priced.shipping.vatRate }, { gross: pay.price, vatRate: pay.vatRate }].filter((l) => l.gross !== 0),
    ),
  };
}

/** The weight of the cart's goods, in grams. */
export const cartWeight = (cart: CartReview) => totalWeight(cart.items);

/** The price a shipping method would cost for these goods; null when they are too heavy for it. */
export const shippingPriceFor = (method: ShippingMethod, cart: CartReview) => shippingPrice(method, { itemsTotal: cart.itemsTotal, weightGrams: cartWeight(cart) });
