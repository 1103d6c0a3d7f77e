/** Goods out: carriers' pickup points (from their feeds), the point chosen on an order, and parcels created at a carrier. */
import { sql, type Kysely } from 'kysely';
import { isPostgres, type Db } from '../kysely.js';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const float = isPostgres(db as Db) ? sql`double precision` : sql`real`;
  await db.schema
    .createTable('pickup_points')
    .addColumn('carrier', 'varchar(20)', notNull)
    .addColumn('id', 'varchar(40)', notNull)
    .addColumn('name', 'varchar(300)', notNull)
    .addColumn('place', 'varchar(300)', notNull)
    .addColumn('street', 'varchar(200)', notNull)
    .addColumn('city', 'varchar(100)', notNull)
    .addColumn('zip', 'varchar(12)', notNull)
    .addColumn('country', 'varchar(2)', notNull)
    .addColumn('kind', 'varchar(20)', notNull)
    .addColumn('opening_hours', 'varchar(500)', notNull)
    .addColumn('latitude', float)
    .addColumn('longitude', float)
    .addColumn('max_weight_grams', 'integer')
    // Name, place, street, city and ZIP folded (lower case, no diacritics), for the search without JavaScript.
    .addColumn('search_text', 'text', notNull)
    .addPrimaryKeyConstraint('pickup_points_pk', ['carrier', 'id'])
    .execute();
  await db.schema
    .createTable('pickup_feeds')
    .addColumn('carrier', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('refreshed_at', instant(db), notNull)
    .addColumn('point_count', 'integer', notNull)
    .execute();

  // The chosen point as the customer saw it (JSON), kept even when the carrier's feed later drops it.
  await db.schema.alterTable('orders').addColumn('pickup_point', 'text').execute();
  // The goods' weight when ordered (grams), for the parcel; older orders have none.
  await db.schema.alterTable('orders').addColumn('weight_grams', 'integer').execute();

  // One parcel at a carrier per order, ever: the unique order id is what makes creating it idempotent.
  await withId(db, db.schema.createTable('carrier_shipments'))
    .addColumn('order_id', 'integer', (c) => c.notNull().unique().references('orders.id').onDelete('cascade'))
    .addColumn('carrier', 'varchar(20)', notNull)
    .addColumn('state', 'varchar(12)', notNull)
    .addColumn('shipment_id', 'varchar(40)')
    .addColumn('tracking_number', 'varchar(100)')
    .addColumn('barcode_text', 'varchar(100)')
    .addColumn('cod', 'integer', notNull)
    .addColumn('demo', 'integer', notNull)
    .addColumn('status_code', 'integer')
    .addColumn('status_text', 'varchar(200)')
    .addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_at', instant(db))
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('carrier_shipments_poll').on('carrier_shipments').columns(['state', 'delivered', 'checked_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('carrier_shipments').execute();
  await db.schema.alterTable('orders').dropColumn('weight_grams').execute();
  await db.schema.alterTable('orders').dropColumn('pickup_point').execute();
  await db.schema.dropTable('pickup_feeds').execute();
  await db.schema.dropTable('pickup_points').execute();
}
