/** What order use cases need from storage; methods taking a `Tx` run inside the caller's transaction. */
import type { OrderAddress } from '../../domain/orders/order-input.js';
import type { OrderDiscount } from '../../domain/discounts/apply-discount.js';
import type { OrderStatus, PaymentStatus } from '../../domain/orders/order-status.js';
import type { Tx } from '../ports.js';
import type { ChosenPickupPoint } from '../../domain/shipping/pickup-point.js';

export type SellableVariant = { variantId: number; productId: number; sku: string; name: string; price: number; vatRate: number; stock: number; active: boolean; weightGrams: number | null };

export type OrderItem = { sku: string; name: string; quantity: number; unitPrice: number; vatRate: number; total: number };

export type Order = {
  id: number;
  number: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  customerId: number | null;
  locale: 'cs' | 'en';
  email: string;
  name: string;
  phone: string | null;
  company: string | null;
  ico: string | null;
  dic: string | null;
  billingAddress: OrderAddress;
  shippingAddress: OrderAddress | null;
  shipping: { code: string; name: string; carrier: string; price: number; vatRate: number };
  /** The pickup point the goods go to (carriers with points), as the customer chose it. */
  pickupPoint: ChosenPickupPoint | null;
  /** The goods' weight when ordered, in grams (0 when unknown). */
  weightGrams: number;
  payment: { code: string; kind: string; name: string; price: number; vatRate: number };
  variableSymbol: string;
  note: string | null;
  itemCount: number;
  /** The goods before the discount. */
  itemsTotal: number;
  /** A discount code's discount as the order got it; null without one. */
  discount: OrderDiscount | null;
  total: number;
  currency: 'CZK';
  accessToken: string;
  items: OrderItem[];
  createdAt: string;
};

export type NewOrder = Omit<Order, 'id' | 'items'> & { items: (OrderItem & { variantId: number })[]; idempotencyKey: string | null; requestHash: string | null };

export type StockLine = { variantId: number; productId: number; quantity: number };

export type OrderEvent = { kind: string; actor: string; internal: boolean; text: string; statusFrom?: OrderStatus; statusTo?: OrderStatus; at: Date };

export interface OrderRepo {
  variantsBySku(tx: Tx, skus: string[]): Promise<SellableVariant[]>;
  /**
   * Takes each line's quantity off its variant's stock unless fewer are left, and brings the products' cached stock
   * totals in line; returns the variant ids that were short (then nothing is consistent and the caller rolls back).
   */
  takeStock(tx: Tx, lines: StockLine[]): Promise<number[]>;
  /**
   * Makes sure a sequence exists, before the transaction that draws from it: creating it inside would need a second
   * pooled connection while every connection may be held by an order waiting for the same creation.
   */
  prepareSequence(scope: string): Promise<void>;
  /** The next number of a sequence (`2026`, or `all` when numbers never restart), allocated inside the transaction. */
  nextSequence(tx: Tx, scope: string): Promise<number>;
  insert(tx: Tx, order: NewOrder): Promise<Order>;
  addEvents(tx: Tx | null, orderId: number, events: OrderEvent[]): Promise<void>;
  findByIdempotencyKey(key: string): Promise<(Order & { requestHash: string | null }) | null>;
  findByNumber(number: string): Promise<Order | null>;
  /** The same, read inside a transaction (a payment marks the order paid in its own). */
  findByNumberIn(tx: Tx, number: string): Promise<Order | null>;
}

export type NewCustomer = { email: string; name: string; phone: string | null; company: string | null; ico: string | null; dic: string | null; passwordHash: string; locale: 'cs' | 'en'; billingAddress: OrderAddress; shippingAddress: OrderAddress | null };

export interface CustomerRepo {
  /** Creates the account; null when the email already has one. */
  insert(tx: Tx, customer: NewCustomer, at: Date): Promise<number | null>;
}
