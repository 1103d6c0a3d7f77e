/**
 * Which shipping and payment methods a checkout offers — the storefront's form, the Store API lists and the order
 * service all ask here, so they can never disagree: enabled methods only, and a payment method limited to some
 * shipping methods (cash only at the counter, cash on delivery only with a carrier) offered only with those.
 */
import type { PaymentMethod, Settings, ShippingMethod } from './settings.js';

type Checkout = Settings['checkout'];

export function offeredShippingMethods(checkout: Checkout): ShippingMethod[] {
  return checkout.shippingMethods.filter((m) => m.enabled);
}

/** A payment method goes with a shipping method unless it names the shipping methods it is limited to. */
export function paymentGoesWith(payment: PaymentMethod, shippingCode: string): boolean {
  return payment.shippingCodes.length === 0 || payment.shippingCodes.includes(shippingCode);
}

/** Enabled payment methods that go with an offered shipping method — with a shipping code given, with that one. */
export function offeredPaymentMethods(checkout: Checkout, shippingCode?: string): PaymentMethod[] {
  const shipping = offeredShippingMethods(checkout).filter((s) => shippingCode === undefined || s.code === shippingCode);
  return checkout.paymentMethods.filter((m) => m.enabled && shipping.some((s) => paymentGoesWith(m, s.code)));
}

/** The offered shipping methods' codes a payment method goes with. */
export function shippingCodesFor(checkout: Checkout, payment: PaymentMethod): string[] {
  return offeredShippingMethods(checkout)
    .filter((s) => paymentGoesWith(payment, s.code))
    .map((s) => s.code);
}

/** The chosen methods if the checkout offers them together; field problems (message keys) otherwise. */
export function chosenMethods(checkout: Checkout, shippingCode: string, paymentCode: string) {
  const shipping = offeredShippingMethods(checkout).find((m) => m.code === shippingCode) ?? null;
  const payment = offeredPaymentMethods(checkout).find((m) => m.code === paymentCode) ?? null;
  const problems: Record<string, string> = {};
  if (!shipping) problems.shippingMethod = 'method_unknown';
  if (!payment) problems.paymentMethod = 'method_unknown';
  else if (shipping && !paymentGoesWith(payment, shipping.code)) problems.paymentMethod = 'payment_not_with_shipping';
  return { shipping, payment, problems };
}
