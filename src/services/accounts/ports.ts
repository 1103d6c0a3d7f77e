/** What customer account use cases need from storage; methods taking a `Tx` run inside the caller's transaction. */
import type { OrderAddress } from '../../domain/orders/order-input.js';
import type { OrderStatus, PaymentStatus } from '../../domain/orders/order-status.js';
import type { TokenPurpose } from '../../domain/accounts/account-tokens.js';
import type { Tx } from '../ports.js';

export type Customer = {
  id: number;
  email: string;
  name: string;
  phone: string | null;
  company: string | null;
  ico: string | null;
  dic: string | null;
  /** Null for a customer record without a password (they can set one through password reset). */
  passwordHash: string | null;
  locale: 'cs' | 'en';
  blocked: boolean;
  billingAddress: OrderAddress | null;
  shippingAddress: OrderAddress | null;
  createdAt: string;
};

export type CustomerProfile = Pick<Customer, 'name' | 'phone' | 'company' | 'ico' | 'dic' | 'billingAddress' | 'shippingAddress'>;

export type CustomerToken = { id: number; customerId: number; purpose: TokenPurpose; newEmail: string | null; expiresAt: string; usedAt: string | null };

export type CustomerOrderRow = { number: string; createdAt: string; status: OrderStatus; paymentStatus: PaymentStatus; total: number; currency: 'CZK'; itemCount: number };

export interface AccountRepo {
  findById(id: number): Promise<Customer | null>;
  /** By the email in lower case. */
  findByEmail(email: string): Promise<Customer | null>;
  /** Creates the account; null when the email already has one. */
  insert(customer: CustomerProfile & { email: string; passwordHash: string; locale: 'cs' | 'en' }, at: Date): Promise<number | null>;
  updateProfile(id: number, profile: CustomerProfile, at: Date): Promise<void>;
  setPassword(id: number, passwordHash: string, at: Date): Promise<void>;
  /** False when another account has the email meanwhile. */
  setEmail(id: number, email: string, at: Date): Promise<boolean>;
  insertToken(tx: Tx | null, token: { customerId: number; purpose: TokenPurpose; tokenHash: string; newEmail: string | null; expiresAt: Date; createdAt: Date }): Promise<void>;
  countTokensSince(customerId: number, purpose: TokenPurpose, since: Date): Promise<number>;
  findToken(tokenHash: string, purpose: TokenPurpose): Promise<CustomerToken | null>;
  /** Marks the token used unless it already was; false when another request used it first. */
  useToken(id: number, at: Date): Promise<boolean>;
  /** Newest first. */
  /** The customer's orders, newest first, one page of them, and how many there are in all. */
  orders(customerId: number, page: { limit: number; offset: number }): Promise<{ rows: CustomerOrderRow[]; total: number }>;
  /**
   * The order's current status, when it was first shipped or completed (delivery) and when the customer withdrew; inside a transaction
   * the order row is locked first, so two withdrawals at once are recorded once.
   */
  orderMilestones(tx: Tx | null, orderId: number): Promise<{ status: OrderStatus; deliveredAt: Date | null; withdrawnAt: Date | null }>;
}
