/** Admin users, database sessions, sign-in attempts, API tokens and app secrets. */
import type { Kysely } from 'kysely';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('admin_users'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', notNull)
    .addColumn('password_hash', 'varchar(255)', notNull)
    .addColumn('role', 'varchar(16)', notNull)
    .addColumn('locale', 'varchar(5)', (c) => c.notNull().defaultTo('cs'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant(db), notNull)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('data', 'text', notNull)
    .addColumn('expires_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

  await withId(db, db.schema.createTable('sign_in_attempts'))
    .addColumn('email', 'varchar(254)', notNull)
    .addColumn('ip', 'varchar(64)', notNull)
    .addColumn('succeeded', 'integer', notNull)
    .addColumn('at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('sign_in_attempts_email_at').on('sign_in_attempts').columns(['email', 'at']).execute();
  await db.schema.createIndex('sign_in_attempts_ip_at').on('sign_in_attempts').columns(['ip', 'at']).execute();

  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('name', 'varchar(200)', notNull)
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('role', 'varchar(16)', notNull)
    .addColumn('created_at', instant(db), notNull)
    .addColumn('last_used_at', instant(db))
    .execute();

  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', notNull)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['app_meta', 'api_tokens', 'sign_in_attempts', 'sessions', 'admin_users']) {
    await db.schema.dropTable(table).execute();
  }
}
