/** What the cart use cases need from storage. */
import type { CartLine, CartVariant } from '../../domain/cart/cart.js';

export interface CartRepo {
  create(id: string, now: Date): Promise<void>;
  exists(id: string): Promise<boolean>;
  lines(cartId: string): Promise<CartLine[]>;
  /** Adds to the line's quantity (or creates the line), capped at `max`; records the price seen now. */
  addLine(cartId: string, variantId: number, quantity: number, max: number, price: number, now: Date): Promise<void>;
  setQuantity(cartId: string, variantId: number, quantity: number, now: Date): Promise<void>;
  removeLine(cartId: string, variantId: number, now: Date): Promise<void>;
  /** The customer has seen today's prices. */
  markSeen(cartId: string, prices: { variantId: number; price: number }[]): Promise<void>;
  clear(cartId: string): Promise<void>;
  variantsById(ids: number[]): Promise<CartVariant[]>;
  variantBySku(sku: string): Promise<CartVariant | null>;
  /** The discount code applied to the cart (upper case), or null. */
  discountCode(cartId: string): Promise<string | null>;
  setDiscountCode(cartId: string, code: string | null): Promise<void>;
}
