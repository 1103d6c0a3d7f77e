/**
 * What the shop needs to bring customers in: product data for comparison-site feeds (EAN per variant, manufacturer and
 * a category per feed on the product), the price history of every variant with the lowest price of the 30 days before
 * its current price (Consumer Protection Act § 12a), discount codes with their redemptions and the code applied to a
 * cart and an order, and an outbox of HTTP calls (Heureka "Ověřeno zákazníky") sent by the worker like emails.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../kysely.js';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const ref = pg ? 'bigint' : 'integer';
  await db.schema.alterTable('products').addColumn('manufacturer', 'varchar(200)', (c) => c.notNull().defaultTo('')).execute();
  for (const feed of ['heureka', 'zbozi', 'google']) {
    await db.schema.alterTable('products').addColumn(`${feed}_category`, 'varchar(255)', (c) => c.notNull().defaultTo('')).execute();
  }
  await db.schema.alterTable('variants').addColumn('ean', 'varchar(14)').execute();
  // The lowest price of the 30 days before the current price was set (null: no earlier price is known).
  await db.schema.alterTable('variants').addColumn('lowest_price_30d', ref).execute();

  await withId(db, db.schema.createTable('variant_price_history'))
    .addColumn('variant_id', ref, (c) => c.notNull().references('variants.id').onDelete('cascade'))
    .addColumn('price', ref, notNull)
    .addColumn('changed_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('variant_price_history_variant').on('variant_price_history').columns(['variant_id', 'changed_at']).execute();
  // Today's prices start the history, as of the product's last change (a price cannot have changed since).
  await sql`insert into variant_price_history (variant_id, price, changed_at)
    select v.id, v.price, p.updated_at from variants v join products p on p.id = v.product_id`.execute(db);

  await withId(db, db.schema.createTable('discount_codes'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(16)', notNull)
    .addColumn('value', 'integer', notNull)
    .addColumn('starts_at', instant(db))
    .addColumn('ends_at', instant(db))
    .addColumn('min_order', 'integer')
    .addColumn('usage_limit', 'integer')
    .addColumn('per_customer_limit', 'integer')
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scope', 'varchar(16)', (c) => c.notNull().defaultTo('all'))
    .addColumn('scope_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
  await withId(db, db.schema.createTable('discount_redemptions'))
    .addColumn('code_id', ref, (c) => c.notNull().references('discount_codes.id').onDelete('cascade'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer')
    .addColumn('email', 'varchar(254)', notNull)
    .addColumn('created_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('discount_redemptions_code_email').on('discount_redemptions').columns(['code_id', 'email']).execute();
  await db.schema.createIndex('discount_redemptions_code_customer').on('discount_redemptions').columns(['code_id', 'customer_id']).execute();
  // The discount as the order got it (code, kind, amount and its split per VAT rate), frozen like the item prices.
  await db.schema.alterTable('orders').addColumn('discount', 'text').execute();
  await db.schema.alterTable('carts').addColumn('discount_code', 'varchar(40)').execute();

  await withId(db, db.schema.createTable('outbox_calls'))
    .addColumn('kind', 'varchar(32)', notNull)
    .addColumn('order_id', 'integer')
    .addColumn('url', 'varchar(500)', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', instant(db), notNull)
    .addColumn('claimed_by', 'varchar(100)')
    .addColumn('claimed_until', instant(db))
    .addColumn('last_error', 'text')
    .addColumn('created_at', instant(db), notNull)
    .addColumn('sent_at', instant(db))
    .execute();
  await db.schema.createIndex('outbox_calls_due').on('outbox_calls').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['outbox_calls', 'discount_redemptions', 'discount_codes', 'variant_price_history']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('carts').dropColumn('discount_code').execute();
  await db.schema.alterTable('orders').dropColumn('discount').execute();
  for (const column of ['ean', 'lowest_price_30d']) await db.schema.alterTable('variants').dropColumn(column).execute();
  for (const column of ['manufacturer', 'heureka_category', 'zbozi_category', 'google_category']) await db.schema.alterTable('products').dropColumn(column).execute();
}
