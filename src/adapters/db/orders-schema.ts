/** Customers, orders, order items, the order timeline and number sequences, as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';

export interface CustomersTable {
  id: Generated<number>;
  email: string;
  name: string;
  phone: string | null;
  company: string | null;
  ico: string | null;
  dic: string | null;
  password_hash: string | null;
  locale: Generated<string>;
  blocked: Generated<number>;
  billing_address: string | null;
  shipping_address: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrdersTable {
  id: Generated<number>;
  number: string;
  status: string;
  payment_status: string;
  customer_id: number | null;
  locale: string;
  email: string;
  name: string;
  phone: string | null;
  company: string | null;
  ico: string | null;
  dic: string | null;
  billing_address: string;
  shipping_address: string | null;
  shipping_code: string;
  shipping_name: string;
  shipping_carrier: string;
  shipping_price: number;
  shipping_vat_rate: number;
  payment_code: string;
  payment_kind: string;
  payment_name: string;
  payment_price: number;
  payment_vat_rate: number;
  variable_symbol: string;
  note: string | null;
  item_count: number;
  items_total: number;
  total: number;
  currency: string;
  access_token: string;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: string;
  updated_at: string;
  /** JSON of the order's discount (code, kind, amount, split per VAT rate), or null (0025). */
  discount: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: number;
  variant_id: number | null;
  sku: string;
  name: string;
  quantity: number;
  unit_price: number;
  vat_rate: number;
  total: number;
  position: number;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: number;
  at: string;
  kind: string;
  actor: string;
  internal: number;
  status_from: string | null;
  status_to: string | null;
  text: string;
}

export interface OrderTables {
  customers: CustomersTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_events: OrderEventsTable;
  order_sequences: { scope: string; last_value: number };
}
