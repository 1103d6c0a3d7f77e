/** What the invoice use cases need from storage; methods taking a `Tx` run inside the caller's transaction. */
import type { DocumentKind, Invoice } from '../../domain/invoices/invoice.js';
import type { Tx } from '../ports.js';
import type { PaymentStatus } from '../../domain/orders/order-status.js';

export type NewInvoice = Omit<Invoice, 'id' | 'creditedTotal'> & { series: string; sequence: number };

export type InvoiceListQuery = {
  kind?: DocumentKind;
  /** The order's payment state (a credit note follows its invoice's order). */
  paid?: boolean;
  /** Issue dates, `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  limit: number;
  /** The id of the last row of the previous page (newest first). */
  before?: number;
};

/** A row of the Invoices list: the document and its order's payment state. */
export type InvoiceListRow = Omit<Invoice, 'content'> & { customerName: string; paymentStatus: PaymentStatus };

export interface InvoiceRepo {
  /** Holds the order's row until commit (PostgreSQL), so two issues of one order queue instead of racing. */
  lockOrder(tx: Tx, orderId: number): Promise<void>;
  /** The order's invoice that is not fully credited, if any. */
  activeInvoice(tx: Tx | null, orderId: number): Promise<Invoice | null>;
  /** The next number of a series, allocated inside the transaction that inserts the document: gap-free. */
  nextNumber(tx: Tx, series: string): Promise<number>;
  insert(tx: Tx, invoice: NewInvoice): Promise<Invoice>;
  /** Reads (and on PostgreSQL locks, with a `tx`) one document. */
  findById(tx: Tx | null, id: number): Promise<Invoice | null>;
  creditNotesOf(tx: Tx | null, invoiceId: number): Promise<Invoice[]>;
  /** Bookkeeping of an invoice after a credit note: the credited sum, and no longer live once fully credited. */
  recordCredit(tx: Tx, invoiceId: number, creditedTotal: number, fully: boolean): Promise<void>;
  /** Every document of an order, oldest first. */
  forOrder(orderId: number): Promise<Invoice[]>;
  /** Every document of a customer's orders, newest first. */
  forCustomer(customerId: number): Promise<InvoiceListRow[]>;
  list(query: InvoiceListQuery): Promise<{ items: InvoiceListRow[]; next: number | null }>;
  /** Documents issued within the days (inclusive), oldest first, after the document `afterId`: a page of the accounting export. */
  issuedBetween(from: string, to: string, afterId: number, limit: number): Promise<Invoice[]>;
  /** When the order was paid and shipped (ISO instants), for the date of taxable supply. */
  milestones(tx: Tx, orderId: number): Promise<{ paidAt: string | null; shippedAt: string | null }>;
}
