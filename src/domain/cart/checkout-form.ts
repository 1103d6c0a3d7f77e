/** The checkout form as posted (flat text fields) and its mapping to the order service's `OrderInput` and back to field ids. */

export const CHECKOUT_FIELDS = [
  'email', 'name', 'phone', 'companyPurchase', 'company', 'ico', 'dic',
  'street', 'city', 'zip', 'country',
  'differentShipping', 'shipStreet', 'shipCity', 'shipZip', 'shipCountry',
  'shippingMethod', 'paymentMethod', 'pickupPointId', 'pickupQuery', 'note', 'terms', 'idempotencyKey', 'expectedTotal', 'emailChecked',
] as const;

export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];
export type CheckoutForm = Record<CheckoutField, string>;

/** Every field as a string (missing ones empty), whatever the body held. */
export function readCheckoutForm(body: unknown): CheckoutForm {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const form = {} as CheckoutForm;
  for (const field of CHECKOUT_FIELDS) {
    const value = source[field];
    form[field] = typeof value === 'string' ? value.slice(0, 4000) : '';
  }
  return form;
}

export function emptyCheckoutForm(defaults: Partial<CheckoutForm> = {}): CheckoutForm {
  return { ...readCheckoutForm({}), country: 'CZ', shipCountry: 'CZ', ...defaults };
}

const orNull = (v: string) => (v.trim() === '' ? null : v);
const checked = (v: string) => v === '1' || v === 'on';

/** What the order service is asked for: the form's data and the cart's goods. */
export function orderInputOf(form: CheckoutForm, items: { sku: string; quantity: number }[]) {
  const company = checked(form.companyPurchase);
  return {
    items,
    customer: {
      email: form.email,
      name: form.name,
      phone: orNull(form.phone),
      company: company ? orNull(form.company) : null,
      ico: company ? orNull(form.ico) : null,
      dic: company ? orNull(form.dic) : null,
    },
    billingAddress: { street: form.street, city: form.city, zip: form.zip, country: form.country || 'CZ' },
    shippingAddress: checked(form.differentShipping) ? { street: form.shipStreet, city: form.shipCity, zip: form.shipZip, country: form.shipCountry || 'CZ' } : null,
    shippingMethod: form.shippingMethod,
    paymentMethod: form.paymentMethod,
    pickupPointId: orNull(form.pickupPointId.trim()),
    note: orNull(form.note),
    password: null,
  };
}

const PATHS: Record<string, CheckoutField> = {
  'customer.email': 'email',
  'customer.name': 'name',
  'customer.phone': 'phone',
  'customer.company': 'company',
  'customer.ico': 'ico',
  'customer.dic': 'dic',
  'billingAddress.street': 'street',
  'billingAddress.city': 'city',
  'billingAddress.zip': 'zip',
  'billingAddress.country': 'country',
  'shippingAddress.street': 'shipStreet',
  'shippingAddress.city': 'shipCity',
  'shippingAddress.zip': 'shipZip',
  'shippingAddress.country': 'shipCountry',
  shippingMethod: 'shippingMethod',
  paymentMethod: 'paymentMethod',
  pickupPoint: 'pickupPointId',
  pickupPointId: 'pickupPointId',
  note: 'note',
};

/** The form field an `OrderInput` error path belongs to; null for problems of the cart's lines. */
export const checkoutFieldOf = (path: string): CheckoutField | null => PATHS[path] ?? null;

export const isChecked = checked;
