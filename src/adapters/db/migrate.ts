/** Applies the one migration set (listed here, so it works from src/ and dist/ alike) to either database. */
import { Migrator, sql, type Migration } from 'kysely';
import { isPostgres, type Db } from './kysely.js';
import * as m0001 from './migrations/0001-admin.js';
import * as m0002 from './migrations/0002-settings.js';
import * as m0003 from './migrations/0003-catalog.js';
import * as m0004 from './migrations/0004-outbox.js';
import * as m0005 from './migrations/0005-content.js';
import * as m0006 from './migrations/0006-orders.js';
import * as m0007 from './migrations/0007-order-panel.js';
import * as m0008 from './migrations/0008-carts.js';
import * as m0009 from './migrations/0009-customer-accounts.js';
import * as m0011 from './migrations/0011-customers-panel.js';
import * as m0012 from './migrations/0012-order-indexes.js';
import * as m0017 from './migrations/0017-stats-rollups.js';
import * as m0018 from './migrations/0018-product-revision.js';
import * as m0019 from './migrations/0019-automatic-notes-in-words.js';
import * as m0020 from './migrations/0020-invoices.js';
import * as m0023 from './migrations/0023-carriers.js';
import * as m0024 from './migrations/0024-payments.js';
import * as m0025 from './migrations/0025-marketing.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-admin': m0001,
  '0002-settings': m0002,
  '0003-catalog': m0003,
  '0004-outbox': m0004,
  '0005-content': m0005,
  '0006-orders': m0006,
  '0007-order-panel': m0007,
  '0008-carts': m0008,
  '0009-customer-accounts': m0009,
  '0011-customers-panel': m0011,
  '0012-order-indexes': m0012,
  '0017-stats-rollups': m0017,
  '0018-product-revision': m0018,
  '0019-automatic-notes-in-words': m0019,
  '0020-invoices': m0020,
  '0023-carriers': m0023,
  '0024-payments': m0024,
  '0025-marketing': m0025,
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely finds its bookkeeping tables in any schema unless told which; name ours (the search_path's first).
  const migrationTableSchema = isPostgres(db) ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, migrationTableSchema, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migrations of this version not yet applied to the database (readiness: a server is ready only on a current schema). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const migrationTableSchema = isPostgres(db) ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, migrationTableSchema, provider: { getMigrations: async () => MIGRATIONS } });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
