/** Content pages: terms, complaints, privacy, contact, about and the owner's own. */
import type { Kysely } from 'kysely';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('pages'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(200)', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('body_html', 'text', notNull)
    .addColumn('published', 'integer', notNull)
    .addColumn('is_template', 'integer', notNull)
    .addColumn('in_menu', 'integer', notNull)
    .addColumn('in_footer', 'integer', notNull)
    .addColumn('position', 'integer', notNull)
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pages').execute();
}
