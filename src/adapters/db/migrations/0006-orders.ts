/** Customers, orders with their items and timeline, and the order-number sequences. */
import type { Kysely } from 'kysely';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('customers'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', notNull)
    .addColumn('phone', 'varchar(30)')
    .addColumn('company', 'varchar(200)')
    .addColumn('ico', 'varchar(12)')
    .addColumn('dic', 'varchar(14)')
    .addColumn('password_hash', 'varchar(255)')
    .addColumn('locale', 'varchar(5)', (c) => c.notNull().defaultTo('cs'))
    .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('billing_address', 'text')
    .addColumn('shipping_address', 'text')
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();

  await withId(db, db.schema.createTable('orders'))
    .addColumn('number', 'varchar(10)', (c) => c.notNull().unique())
    .addColumn('status', 'varchar(16)', notNull)
    .addColumn('payment_status', 'varchar(16)', notNull)
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('locale', 'varchar(5)', notNull)
    .addColumn('email', 'varchar(254)', notNull)
    .addColumn('name', 'varchar(200)', notNull)
    .addColumn('phone', 'varchar(30)')
    .addColumn('company', 'varchar(200)')
    .addColumn('ico', 'varchar(12)')
    .addColumn('dic', 'varchar(14)')
    .addColumn('billing_address', 'text', notNull)
    .addColumn('shipping_address', 'text')
    .addColumn('shipping_code', 'varchar(40)', notNull)
    .addColumn('shipping_name', 'varchar(100)', notNull)
    .addColumn('shipping_carrier', 'varchar(20)', notNull)
    .addColumn('shipping_price', 'integer', notNull)
    .addColumn('shipping_vat_rate', 'integer', notNull)
    .addColumn('payment_code', 'varchar(40)', notNull)
    .addColumn('payment_kind', 'varchar(20)', notNull)
    .addColumn('payment_name', 'varchar(100)', notNull)
    .addColumn('payment_price', 'integer', notNull)
    .addColumn('payment_vat_rate', 'integer', notNull)
    .addColumn('variable_symbol', 'varchar(10)', notNull)
    .addColumn('note', 'text')
    .addColumn('item_count', 'integer', notNull)
    .addColumn('items_total', 'integer', notNull)
    .addColumn('total', 'integer', notNull)
    .addColumn('currency', 'varchar(3)', notNull)
    .addColumn('access_token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('idempotency_key', 'varchar(200)', (c) => c.unique())
    .addColumn('request_hash', 'varchar(64)')
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('orders_created').on('orders').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('orders_status_created').on('orders').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('orders_email').on('orders').column('email').execute();
  await db.schema.createIndex('orders_customer').on('orders').columns(['customer_id', 'created_at']).execute();

  await withId(db, db.schema.createTable('order_items'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('variant_id', 'integer')
    .addColumn('sku', 'varchar(64)', notNull)
    .addColumn('name', 'varchar(300)', notNull)
    .addColumn('quantity', 'integer', notNull)
    .addColumn('unit_price', 'integer', notNull)
    .addColumn('vat_rate', 'integer', notNull)
    .addColumn('total', 'integer', notNull)
    .addColumn('position', 'integer', notNull)
    .execute();
  await db.schema.createIndex('order_items_order').on('order_items').column('order_id').execute();

  await withId(db, db.schema.createTable('order_events'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('at', instant(db), notNull)
    .addColumn('kind', 'varchar(30)', notNull)
    .addColumn('actor', 'varchar(300)', notNull)
    .addColumn('internal', 'integer', notNull)
    .addColumn('status_from', 'varchar(16)')
    .addColumn('status_to', 'varchar(16)')
    .addColumn('text', 'text', notNull)
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').columns(['order_id', 'id']).execute();

  await db.schema
    .createTable('order_sequences')
    .addColumn('scope', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', notNull)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['order_sequences', 'order_events', 'order_items', 'orders', 'customers']) await db.schema.dropTable(table).execute();
}
