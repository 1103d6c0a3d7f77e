/**
 * Tax documents: invoices and credit notes (frozen snapshots with their own gap-free numbers), the counters their
 * numbers come from, and the moment an order was paid (the date of taxable supply of a prepaid order).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../kysely.js';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('invoices'))
    .addColumn('kind', 'varchar(16)', notNull)
    .addColumn('number', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('series', 'varchar(40)', notNull)
    .addColumn('sequence', 'integer', notNull)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    // Set while an invoice is not fully credited: unique, so an order can never hold two live invoices.
    .addColumn('active_order_id', 'integer', (c) => c.unique())
    .addColumn('simplified', 'integer', notNull)
    .addColumn('vat_payer', 'integer', notNull)
    .addColumn('locale', 'varchar(5)', notNull)
    .addColumn('issued_at', instant(db), notNull)
    .addColumn('issue_date', 'varchar(10)', notNull)
    .addColumn('taxable_date', 'varchar(10)', notNull)
    .addColumn('due_date', 'varchar(10)')
    .addColumn('variable_symbol', 'varchar(10)', notNull)
    .addColumn('total', 'integer', notNull)
    .addColumn('currency', 'varchar(3)', notNull)
    .addColumn('reason', 'text')
    .addColumn('credited_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uuid', 'varchar(36)', (c) => c.notNull().unique())
    .addColumn('issued_by', 'varchar(300)', notNull)
    .addColumn('content', 'text', notNull)
    .execute();
  await db.schema.createIndex('invoices_issue_date').on('invoices').columns(['issue_date', 'id']).execute();
  await db.schema.createIndex('invoices_order').on('invoices').columns(['order_id', 'id']).execute();
  await db.schema.createIndex('invoices_invoice').on('invoices').column('invoice_id').execute();

  await db.schema
    .createTable('invoice_counters')
    .addColumn('series', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', notNull)
    .execute();

  // An issued tax document is kept (VAT Act § 35): it is corrected by a credit note, never deleted.
  if (isPostgres(db)) {
    await sql`create function kramek_invoice_kept() returns trigger language plpgsql as $$
      begin raise exception 'an issued invoice cannot be deleted'; end $$`.execute(db);
    await sql`create trigger invoices_kept before delete on invoices for each row execute function kramek_invoice_kept()`.execute(db);
  } else {
    await sql`create trigger invoices_kept before delete on invoices begin select raise(abort, 'an issued invoice cannot be deleted'); end`.execute(db);
  }

  await db.schema.alterTable('orders').addColumn('paid_at', instant(db)).execute();
  // Orders paid before this version: the time of their last payment change on the timeline.
  await sql`update orders set paid_at = (select max(e.at) from order_events e where e.order_id = orders.id and e.kind = 'payment') where payment_status = 'paid'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('paid_at').execute();
  if (isPostgres(db)) {
    await sql`drop trigger if exists invoices_kept on invoices`.execute(db);
    await sql`drop function if exists kramek_invoice_kept()`.execute(db);
  } else {
    await sql`drop trigger if exists invoices_kept`.execute(db);
  }
  await db.schema.dropTable('invoice_counters').execute();
  await db.schema.dropTable('invoices').execute();
}
