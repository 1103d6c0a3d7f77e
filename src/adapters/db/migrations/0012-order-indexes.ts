/**
 * Indexes for a million orders: email search and the statistics' returning-guest check by lower(email) (PostgreSQL
 * with text_pattern_ops, so `like 'prefix%'` uses it whatever the database collation).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../kysely.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await sql`create index orders_email_lower on orders (lower(email) text_pattern_ops, created_at)`.execute(db);
  else await sql`create index orders_email_lower on orders (lower(email), created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_email_lower').execute();
}
