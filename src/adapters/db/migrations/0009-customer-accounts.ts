/** Customer accounts: one-time tokens (password reset, email change) kept hashed with expiry and single use. */
import type { Kysely } from 'kysely';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('customer_tokens'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('purpose', 'varchar(20)', notNull)
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('new_email', 'varchar(254)')
    .addColumn('expires_at', instant(db), notNull)
    .addColumn('used_at', instant(db))
    .addColumn('created_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('customer_tokens_customer').on('customer_tokens').columns(['customer_id', 'purpose', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_tokens').execute();
}
