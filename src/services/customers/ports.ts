/** What the Customers panel use cases need from storage; methods taking a `Tx` run inside the caller's transaction. */
import type { CustomerAddress } from '../../domain/customers/customer-input.js';
import type { CustomerCursor, CustomerSort, GuestCursor } from '../../domain/customers/customer-list.js';
import type { Address, PersonalData } from '../../domain/customers/anonymize.js';
import type { OrderStatus, PaymentStatus } from '../../domain/orders/order-status.js';
import type { Tx } from '../ports.js';

export type CustomerSummary = {
  id: number;
  email: string;
  name: string;
  phone: string | null;
  company: string | null;
  ico: string | null;
  createdAt: string;
  /** Every order of the account; `totalSpent` (haléře) leaves out cancelled ones. */
  orderCount: number;
  totalSpent: number;
  blocked: boolean;
  anonymizedAt: string | null;
};

export type CustomerRecord = CustomerSummary & {
  dic: string | null;
  locale: 'cs' | 'en';
  billingAddress: CustomerAddress | null;
  shippingAddress: CustomerAddress | null;
  note: string | null;
  hasPassword: boolean;
  updatedAt: string;
};

export type CustomerFields = {
  email: string;
  name: string;
  phone: string | null;
  company: string | null;
  ico: string | null;
  dic: string | null;
  locale: 'cs' | 'en';
  blocked: boolean;
  note: string | null;
  billingAddress: CustomerAddress | null;
  shippingAddress: CustomerAddress | null;
};

export type GuestSummary = { email: string; name: string; phone: string | null; orderCount: number; totalSpent: number; lastOrderAt: string };

export type CustomerListQuery = { q?: string; sort: CustomerSort; limit: number; after?: CustomerCursor };
export type GuestListQuery = { q?: string; limit: number; after?: GuestCursor };

/** Whose data: an account (with the one-time orders placed under its email before it existed), or a one-time buyer's email. */
export type Subject = { customerId: number; email: string } | { guestEmail: string };

export type SubjectOrder = { id: number; number: string; status: OrderStatus; paymentStatus: PaymentStatus; total: number; currency: 'CZK'; itemCount: number; createdAt: string; customerId: number | null };
export type CustomerEvent = { id: number; at: string; kind: string; actor: string; text: string };
export type SubjectEmail = { id: number; kind: string; to: string; subject: string; status: string; createdAt: string; sentAt: string | null; orderId: number | null };

/** Everything stored about a subject, as rows, for the GDPR export. */
export type SubjectData = {
  customer: Record<string, unknown> | null;
  orders: Record<string, unknown>[];
  emails: Record<string, unknown>[];
  /** Invoices and credit notes of the orders, as issued (anonymisation keeps them). */
  invoices: Record<string, unknown>[];
  customerEvents: Record<string, unknown>[];
};

/** The rows anonymisation rewrites, with the personal data they hold. */
export type PersonalRows = {
  customer: (PersonalData & { id: number; note: string | null }) | null;
  orders: (PersonalData & { id: number; billingAddress: Address; shippingAddress: Address | null })[];
  events: { id: number; kind: string; actor: string; text: string }[];
  emails: { id: number; to: string; subject: string; status: string; lastError: string | null }[];
  customerEvents: { id: number; text: string }[];
};

export type Anonymization = {
  customer: { id: number; email: string; name: string; at: string } | null;
  orders: { id: number; email: string; name: string; billingAddress: Address; shippingAddress: Address | null }[];
  events: { id: number; actor: string; text: string }[];
  emails: { id: number; to: string; subject: string; cancel: boolean; lastError: string | null }[];
  customerEvents: { id: number; text: string }[];
};

export interface CustomersPanelRepo {
  list(query: CustomerListQuery): Promise<{ items: CustomerSummary[]; next: CustomerCursor | null }>;
  listGuests(query: GuestListQuery): Promise<{ items: GuestSummary[]; next: GuestCursor | null }>;
  byId(id: number): Promise<CustomerRecord | null>;
  idByEmail(email: string): Promise<number | null>;
  insert(fields: CustomerFields, at: Date): Promise<number>;
  update(tx: Tx | null, id: number, fields: Partial<CustomerFields>, at: Date): Promise<boolean>;
  /** Removes an account that has no orders; false when it has some (or does not exist). */
  deleteWithoutOrders(tx: Tx, id: number): Promise<boolean>;
  orders(subject: Subject): Promise<SubjectOrder[]>;
  emails(subject: Subject): Promise<SubjectEmail[]>;
  events(customerId: number): Promise<CustomerEvent[]>;
  addEvent(tx: Tx | null, customerId: number | null, event: { at: Date; kind: string; actor: string; text: string }): Promise<void>;
  /** Ties an outbox row to the customer it was written to. */
  linkEmail(tx: Tx, outboxId: number, customerId: number): Promise<void>;
  exportData(subject: Subject): Promise<SubjectData>;
  personalRows(tx: Tx, subject: Subject): Promise<PersonalRows>;
  applyAnonymization(tx: Tx, change: Anonymization): Promise<void>;
  /** Drops the customer's sign-in tokens (the table arrives with customer accounts; absent, there is nothing to drop). */
  deleteCustomerTokens(tx: Tx, customerId: number): Promise<void>;
}
