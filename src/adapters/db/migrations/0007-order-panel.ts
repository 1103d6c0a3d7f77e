/** The Orders panel: parcels, the missing-tracking flag, indexes for payment filter, tracking search and notes marker. */
import type { Kysely } from 'kysely';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('order_parcels'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('carrier', 'varchar(60)', notNull)
    .addColumn('tracking_number', 'varchar(100)', notNull)
    .addColumn('created_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('order_parcels_order').on('order_parcels').columns(['order_id', 'id']).execute();
  await db.schema.createIndex('order_parcels_tracking').on('order_parcels').column('tracking_number').execute();
  await db.schema.alterTable('orders').addColumn('tracking_missing', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('orders_payment_created').on('orders').columns(['payment_status', 'created_at', 'id']).execute();
  await db.schema.createIndex('order_events_kind').on('order_events').columns(['order_id', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['orders_payment_created', 'order_events_kind']) await db.schema.dropIndex(index).execute();
  await db.schema.alterTable('orders').dropColumn('tracking_missing').execute();
  await db.schema.dropTable('order_parcels').execute();
}
