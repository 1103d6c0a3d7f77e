/** The Customers panel: an internal note and the anonymisation time on customers, their log, and outbox rows linked to a customer. */
import type { Kysely } from 'kysely';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('note', 'text').execute();
  await db.schema.alterTable('customers').addColumn('anonymized_at', instant(db)).execute();
  // Emails written from the customer profile belong to no order; this column ties them to the customer.
  await db.schema.alterTable('outbox_emails').addColumn('customer_id', 'bigint').execute();
  await db.schema.createIndex('outbox_emails_customer').on('outbox_emails').column('customer_id').execute();
  await db.schema.createIndex('customers_created').on('customers').columns(['created_at', 'id']).execute();

  // What the shop did with a customer's account (emails, blocking, GDPR export and anonymisation); customer_id is null
  // for actions on one-time buyers, which have no account row.
  await withId(db, db.schema.createTable('customer_events'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('at', instant(db), notNull)
    .addColumn('kind', 'varchar(30)', notNull)
    .addColumn('actor', 'varchar(300)', notNull)
    .addColumn('text', 'text', notNull)
    .execute();
  await db.schema.createIndex('customer_events_customer').on('customer_events').columns(['customer_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_events').execute();
  await db.schema.dropIndex('customers_created').execute();
  await db.schema.dropIndex('outbox_emails_customer').execute();
  await db.schema.alterTable('outbox_emails').dropColumn('customer_id').execute();
  await db.schema.alterTable('customers').dropColumn('anonymized_at').execute();
  await db.schema.alterTable('customers').dropColumn('note').execute();
}
