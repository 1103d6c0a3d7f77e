/** One server at a time through start-up (migrations, the first owner, the demo shop), so several processes starting together on an empty database set it up once. */
import fs from 'node:fs';
import { sql } from 'kysely';
import { isPostgres, type Db } from './kysely.js';

/** A lock file older than this was left by a process that died during start-up. */
const STALE_LOCK_MS = 120_000;

/**
 * PostgreSQL: a session advisory lock held on one pooled connection while `work` runs on the others; the key is
 * derived from the schema, so installations (and test schemas) sharing one database do not wait for each other.
 * SQLite: a lock file beside the database file (created exclusively), as processes there share one machine.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return withLockFile(await sqliteFile(db), work);
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext('kramek-startup:' || current_schema()))`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(hashtext('kramek-startup:' || current_schema()))`.execute(connection).catch(() => {});
    }
  });
}

async function sqliteFile(db: Db): Promise<string | null> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  return rows.find((r) => r.name === 'main')?.file || null;
}

async function withLockFile<T>(databaseFile: string | null, work: () => Promise<T>): Promise<T> {
  if (!databaseFile) return work(); // an in-memory database belongs to one process
  const lockFile = `${databaseFile}.startup-lock`;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lockFile, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lockFile, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}
