/** The email outbox: rows written in the same transaction as the change that causes the email, sent by the worker. */
import type { Kysely } from 'kysely';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('outbox_emails'))
    .addColumn('kind', 'varchar(32)', notNull)
    // No foreign key yet: the orders table arrives with checkout.
    .addColumn('order_id', 'bigint')
    .addColumn('to_address', 'varchar(400)', notNull)
    .addColumn('from_address', 'varchar(400)', notNull)
    .addColumn('subject', 'varchar(1000)', notNull)
    .addColumn('text_body', 'text', notNull)
    .addColumn('html_body', 'text', notNull)
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message_id', 'varchar(255)', (c) => c.notNull().unique())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', instant(db), notNull)
    .addColumn('claimed_by', 'varchar(100)')
    .addColumn('claimed_until', instant(db))
    .addColumn('last_error', 'text')
    .addColumn('created_at', instant(db), notNull)
    .addColumn('sent_at', instant(db))
    .execute();
  // What the worker asks for: due queued rows (and expired claims), oldest first.
  await db.schema.createIndex('outbox_emails_due').on('outbox_emails').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_emails_order').on('outbox_emails').column('order_id').execute();
  await db.schema.createIndex('outbox_emails_created').on('outbox_emails').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_emails').execute();
}
