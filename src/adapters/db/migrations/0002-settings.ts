/** Configuration: one versioned settings document, its audit log, and the logo and stamp images. */
import type { Kysely } from 'kysely';
import { binary, instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('data', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('updated_at', instant(db), notNull)
    .addColumn('updated_by', 'varchar(300)', notNull)
    .execute();

  await withId(db, db.schema.createTable('settings_audit'))
    .addColumn('at', instant(db), notNull)
    .addColumn('actor', 'varchar(300)', notNull)
    .addColumn('changes', 'text', notNull)
    .execute();
  await db.schema.createIndex('settings_audit_at').on('settings_audit').column('at').execute();

  await db.schema
    .createTable('settings_images')
    .addColumn('kind', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('content_type', 'varchar(50)', notNull)
    .addColumn('data', binary(db), notNull)
    .addColumn('width', 'integer', notNull)
    .addColumn('height', 'integer', notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['settings_images', 'settings_audit', 'settings']) await db.schema.dropTable(table).execute();
}
