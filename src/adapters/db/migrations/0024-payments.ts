/**
 * Money in: bank movements read from statements (and the Fio API) with their pairing result, the Fio download
 * bookmark, card payments at a gateway and the refunds made through it (one per credit note).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../kysely.js';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const money = isPostgres(db) ? sql`bigint` : sql`integer`;
  await withId(db, db.schema.createTable('bank_movements'))
    // The account and the bank's id of the movement: a statement imported twice adds nothing.
    .addColumn('source_key', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('source', 'varchar(16)', notNull)
    .addColumn('account', 'varchar(60)', notNull)
    .addColumn('bank_id', 'varchar(80)', notNull)
    .addColumn('booked_on', 'varchar(10)', notNull)
    .addColumn('amount', money, notNull)
    .addColumn('currency', 'varchar(3)', notNull)
    .addColumn('variable_symbol', 'varchar(10)', notNull)
    .addColumn('message', 'text', notNull)
    .addColumn('counterparty', 'varchar(300)', notNull)
    .addColumn('outcome', 'varchar(16)', notNull)
    .addColumn('reason', 'varchar(32)')
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('imported_at', instant(db), notNull)
    .addColumn('imported_by', 'varchar(300)', notNull)
    .addColumn('resolved_at', instant(db))
    .addColumn('resolved_by', 'varchar(300)')
    .execute();
  await db.schema.createIndex('bank_movements_outcome').on('bank_movements').columns(['outcome', 'id']).execute();
  await db.schema.createIndex('bank_movements_order').on('bank_movements').column('order_id').execute();

  await db.schema
    .createTable('bank_sync')
    .addColumn('source', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('last_id', 'varchar(40)')
    .addColumn('last_call_at', instant(db))
    .addColumn('last_result', 'text')
    .execute();

  await withId(db, db.schema.createTable('card_payments'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('provider', 'varchar(16)', notNull)
    .addColumn('trans_id', 'varchar(80)', notNull)
    .addColumn('amount', 'integer', notNull)
    .addColumn('currency', 'varchar(3)', notNull)
    .addColumn('status', 'varchar(16)', notNull)
    .addColumn('redirect_url', 'text', notNull)
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('card_payments_trans').on('card_payments').columns(['provider', 'trans_id']).unique().execute();
  await db.schema.createIndex('card_payments_order').on('card_payments').columns(['order_id', 'id']).execute();

  await withId(db, db.schema.createTable('card_refunds'))
    // The idempotency key: one refund per credit note, however often it is asked for.
    .addColumn('credit_note_id', 'integer', (c) => c.notNull().unique().references('invoices.id'))
    .addColumn('card_payment_id', 'integer', (c) => c.notNull().references('card_payments.id'))
    .addColumn('amount', 'integer', notNull)
    .addColumn('currency', 'varchar(3)', notNull)
    .addColumn('status', 'varchar(16)', notNull)
    .addColumn('last_error', 'text')
    .addColumn('created_at', instant(db), notNull)
    .addColumn('done_at', instant(db))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('card_refunds').execute();
  await db.schema.dropTable('card_payments').execute();
  await db.schema.dropTable('bank_sync').execute();
  await db.schema.dropTable('bank_movements').execute();
}
