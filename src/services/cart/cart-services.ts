/** The cart use cases: add, change, remove and review a cart kept in the database (any app server can serve it). */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { MAX_LINES, MAX_QUANTITY, reviewCart, type CartReview } from '../../domain/cart/cart.js';
import type { Clock } from '../ports.js';
import type { CartRepo } from './ports.js';

export type CartPorts = { carts: CartRepo; clock: Clock };

export type AddToCart = { cartId: string | null; variantId?: number | null; sku?: string | null; quantity: number };

const EMPTY: CartReview = { items: [], count: 0, itemsTotal: 0, vat: [], orderable: false };

export function cartServices(ports: CartPorts) {
  const { carts, clock } = ports;
  const review = async (cartId: string | null): Promise<CartReview> => {
    if (!cartId) return EMPTY;
    const lines = await carts.lines(cartId);
    if (lines.length === 0) return EMPTY;
    return reviewCart(lines, await carts.variantsById(lines.map((l) => l.variantId)));
  };

  return {
    /** Adds goods; answers the cart's id (a new cart when there was none) and the new piece count. */
    async addToCart(request: AddToCart): Promise<{ cartId: string; count: number }> {
      const variant = request.variantId ? (await carts.variantsById([request.variantId]))[0] : request.sku ? await carts.variantBySku(request.sku) : null;
      if (!variant || !variant.active) throw new DomainError('validation', 'unknown variant', { variantId: 'sku_unknown' });
      if (variant.stock <= 0) throw new DomainError('out_of_stock', `sold out: ${variant.sku}`, { variantId: 'out_of_stock' }, { params: { skus: variant.sku } });
      if (!Number.isInteger(request.quantity) || request.quantity < 1 || request.quantity > MAX_QUANTITY) throw new DomainError('validation', 'quantity', { quantity: 'quantity_invalid' });
      const now = clock.now();
      let cartId = request.cartId && (await carts.exists(request.cartId)) ? request.cartId : null;
      if (!cartId) {
        cartId = randomBytes(24).toString('base64url');
        await carts.create(cartId, now);
      }
      const lines = await carts.lines(cartId);
      if (lines.length >= MAX_LINES && !lines.some((l) => l.variantId === variant.variantId)) throw new DomainError('validation', 'cart full', { variantId: 'too_many' });
      await carts.addLine(cartId, variant.variantId, request.quantity, MAX_QUANTITY, variant.price, now);
      return { cartId, count: (await review(cartId)).count };
    },

    /** Today's prices and stock for every line, with what changed since the customer last looked. */
    cartReview: review,

    /** The customer has seen the review: price changes are pointed out once. */
    async acknowledgeCart(cartId: string, cart: CartReview): Promise<void> {
      const changed = cart.items.filter((i) => i.issues.some((x) => x.kind === 'price_changed'));
      if (changed.length > 0) await carts.markSeen(cartId, changed.map((i) => ({ variantId: i.variantId, price: i.unitPrice })));
    },

    /** A new quantity for a line; 0 removes it. Answers the new piece count. */
    async changeCartLine(cartId: string, variantId: number, quantity: number): Promise<number> {
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) throw new DomainError('validation', 'quantity', { quantity: 'quantity_invalid' });
      if (quantity === 0) await carts.removeLine(cartId, variantId, clock.now());
      else await carts.setQuantity(cartId, variantId, quantity, clock.now());
      return (await review(cartId)).count;
    },

    clearCart: (cartId: string) => carts.clear(cartId),
  };
}
