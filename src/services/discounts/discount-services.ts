/** The discount-code use cases bound to their ports: the admin's codes, and a cart's code on its way to the order. */
import type { DiscountInput } from '../../domain/discounts/discount-code.js';
import type { DiscountTerms } from '../../domain/discounts/apply-discount.js';
import { checkoutSummary } from '../../domain/cart/checkout-summary.js';
import type { CartReview } from '../../domain/cart/cart.js';
import { isDomainError } from '../../domain/errors.js';
import type { CartRepo } from '../cart/ports.js';
import type { Clock } from '../ports.js';
import { deleteDiscount, saveDiscount, type DiscountAdminDeps } from './discount-admin.js';
import { checkCustomerUses, checkDiscountedPrice, discountTermsFor, findUsableCode } from './discount-terms.js';

export type DiscountPorts = DiscountAdminDeps & { carts: CartRepo; clock: Clock };

/** A cart's code as the checkout applies it: its terms, or why it no longer applies (message key). */
export type CartDiscount = { code: string; terms: DiscountTerms | null; problem: string | null };

export function discountServices(ports: DiscountPorts) {
  /** Checks a code against the cart as it stands; throws the validation error the customer sees. */
  const check = async (typed: string, cart: CartReview, customer: { customerId: number | null; email: string }, locale: 'cs' | 'en') => {
    const code = await findUsableCode(ports, typed, ports.clock.now());
    await checkCustomerUses(ports, code, customer);
    const terms = await discountTermsFor(ports, null, code, cart.items.map((i) => i.sku));
    checkDiscountedPrice(code, checkoutSummary(cart, null, null, terms), locale);
    return { code, terms };
  };
  return {
    listDiscounts: () => ports.discounts.list(),
    findDiscount: (id: number) => ports.discounts.findById(id),
    createDiscount: (input: DiscountInput) => saveDiscount(ports, input),
    updateDiscount: (id: number, input: DiscountInput) => saveDiscount(ports, input, id),
    deleteDiscount: (id: number) => deleteDiscount(ports, id),
    /** The products of these SKUs (SKU → product id), for a code limited to products. */
    productsOfSkus: async (skus: string[]) => new Map((await ports.discounts.skuScopes(null, skus)).map((s) => [s.sku, s.productId])),
    /** The first SKU of each product, to name a product scope in the form. */
    skusOfProducts: async (ids: number[]) => (await Promise.all(ids.map((id) => ports.products.findById(id)))).flatMap((p) => (p?.variants[0] ? [p.variants[0].sku] : [])),

    /** Applies a code to the cart when it is valid for it now; a bad code throws and leaves the cart as it was. */
    async applyCartDiscount(cartId: string, typed: string, cart: CartReview, customer: { customerId: number | null; email: string }, locale: 'cs' | 'en') {
      const { code } = await check(typed, cart, customer, locale);
      await ports.carts.setDiscountCode(cartId, code.code);
      return code;
    },
    removeCartDiscount: (cartId: string) => ports.carts.setDiscountCode(cartId, null),
    /** The cart's code with its terms now — or the reason it stopped applying (expired, used up, goods removed). */
    async cartDiscount(cartId: string | null, cart: CartReview, customer: { customerId: number | null; email: string }, locale: 'cs' | 'en'): Promise<CartDiscount | null> {
      const code = cartId ? await ports.carts.discountCode(cartId) : null;
      if (!code) return null;
      try {
        return { code, terms: (await check(code, cart, customer, locale)).terms, problem: null };
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'validation') throw error;
        return { code, terms: null, problem: error.fields?.discountCode ?? 'discount_unknown' };
      }
    },
  };
}
