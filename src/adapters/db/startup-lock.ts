/** One server at a time through start-up (migrations, the first owner, the demo shop), so several app servers starting together on an empty database set it up once. */
import { sql } from 'kysely';
import { isPostgres, type Db } from './kysely.js';

/**
 * PostgreSQL: a session advisory lock held on one pooled connection while `work` runs on the others; the key is
 * derived from the schema, so installations (and test schemas) sharing one database do not wait for each other.
 * SQLite serves one machine; its own file locks already keep concurrent writers apart.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return work();
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext('kramek-startup:' || current_schema()))`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(hashtext('kramek-startup:' || current_schema()))`.execute(connection).catch(() => {});
    }
  });
}
