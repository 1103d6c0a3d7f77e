/** What the Orders panel needs from storage beyond the order itself: the list, the timeline, parcels and guarded updates. */
import type { OrderStatus, PaymentStatus } from '../../domain/orders/order-status.js';
import type { Tx } from '../ports.js';

export type ListCursor = { createdAt: string; id: number };

export type OrderListQuery = {
  status?: OrderStatus;
  paymentStatus?: PaymentStatus;
  /** Number, name, email, phone or tracking number. */
  q?: string;
  /** Inclusive ISO instants. */
  from?: string;
  to?: string;
  limit: number;
  /** Older than this (next page) … */
  after?: ListCursor;
  /** … or newer than this (previous page). */
  before?: ListCursor;
};

export type OrderListRow = {
  id: number;
  number: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  createdAt: string;
  total: number;
  currency: 'CZK';
  itemCount: number;
  email: string;
  name: string;
  paymentName: string;
  hasNotes: boolean;
  trackingMissing: boolean;
};

export type OrderListPage = { items: OrderListRow[]; next: ListCursor | null; previous: ListCursor | null };

export type TimelineEvent = { id: number; at: string; kind: string; actor: string; internal: boolean; statusFrom: OrderStatus | null; statusTo: OrderStatus | null; text: string };

export type StoredParcel = { id: number; carrier: string; trackingNumber: string; createdAt: string };

export type OrderEmailRow = { kind: string; to: string; subject: string; status: string; sentAt: string | null; createdAt: string };

export interface OrderPanelRepo {
  list(query: OrderListQuery): Promise<OrderListPage>;
  statusCounts(): Promise<Record<OrderStatus, number>>;
  countNew(): Promise<number>;
  timeline(orderId: number): Promise<TimelineEvent[]>;
  emails(orderId: number): Promise<OrderEmailRow[]>;
  parcels(tx: Tx | null, orderId: number): Promise<StoredParcel[]>;
  trackingMissing(orderId: number): Promise<boolean>;
  addParcels(tx: Tx, orderId: number, parcels: { carrier: string; trackingNumber: string }[], at: Date): Promise<void>;
  /** Moves the status only if it is still `from`; false when another change came first (so a cancel runs once). */
  moveStatus(tx: Tx, orderId: number, from: OrderStatus, to: OrderStatus, at: Date): Promise<boolean>;
  setTrackingMissing(tx: Tx, orderId: number, missing: boolean): Promise<void>;
  setPaymentStatus(tx: Tx, orderId: number, status: PaymentStatus, at: Date): Promise<void>;
  /** Adds each item's quantity back to its variant (items whose variant is gone are skipped) and refreshes product totals. */
  returnStock(tx: Tx, orderId: number): Promise<{ sku: string; quantity: number }[]>;
  /** The id of the latest event, for the answer to "add a note". */
  lastEventId(tx: Tx, orderId: number): Promise<number>;
}
