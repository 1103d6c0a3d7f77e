/** Shopping carts kept in the database (so every app server sees them): one row per cart, one per line. */
import type { Kysely } from 'kysely';
import { instant, notNull } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('carts')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
  await db.schema
    .createTable('cart_lines')
    .addColumn('cart_id', 'varchar(64)', (c) => c.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('variant_id', 'bigint', notNull)
    .addColumn('quantity', 'integer', notNull)
    // The unit price the customer last saw, so a later price change can be pointed out.
    .addColumn('seen_price', 'integer', notNull)
    .addColumn('added_at', instant(db), notNull)
    .addPrimaryKeyConstraint('cart_lines_pk', ['cart_id', 'variant_id'])
    .execute();
  await db.schema.createIndex('carts_updated_at').on('carts').column('updated_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cart_lines').execute();
  await db.schema.dropTable('carts').execute();
}
