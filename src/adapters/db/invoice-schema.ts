/** Invoices, credit notes and their number counters as Kysely sees them (migration 0020). */
import type { Generated } from 'kysely';

export interface InvoicesTable {
  id: Generated<number>;
  kind: string;
  number: string;
  series: string;
  sequence: number;
  order_id: number;
  invoice_id: number | null;
  active_order_id: number | null;
  simplified: number;
  vat_payer: number;
  locale: string;
  issued_at: string;
  issue_date: string;
  taxable_date: string;
  due_date: string | null;
  variable_symbol: string;
  total: number;
  currency: string;
  reason: string | null;
  credited_total: Generated<number>;
  uuid: string;
  issued_by: string;
  /** JSON of the document's frozen content (parties, lines, VAT recapitulation). */
  content: string;
}

export interface InvoiceTables {
  invoices: InvoicesTable;
  invoice_counters: { series: string; last_value: number };
  /** Merged with OrdersTable: when the order was marked paid (null while unpaid). */
  orders: { paid_at: string | null };
}
