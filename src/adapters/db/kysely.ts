/** Opens the database the config names: SQLite (WAL, foreign keys) by default, PostgreSQL for postgres:// URLs. */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import type { Database } from './schema.js';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; searchPath?: string };
export type Db = Kysely<Database>;
/** Sees every statement run (tests count them); unset in production. */
export type QueryLog = (event: LogEvent) => void;

// Only the driver in use is loaded: the other one would cost start-up time and memory for nothing.
const require = createRequire(import.meta.url);

function postgresDriver(): typeof pg {
  const driver = require('pg') as typeof pg;
  // pg hands bigint/numeric back as strings and timestamps as Date; we keep numbers and ISO strings on both databases.
  driver.types.setTypeParser(driver.types.builtins.INT8, (v) => Number(v));
  driver.types.setTypeParser(driver.types.builtins.NUMERIC, (v) => Number(v));
  driver.types.setTypeParser(driver.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
  return driver;
}

export function openDatabase(target: DatabaseTarget, options: { log?: QueryLog } = {}): Db {
  if (target.kind === 'postgres') {
    const pool = new (postgresDriver().Pool)({
      connectionString: target.url,
      max: 10,
      options: target.searchPath ? `-c search_path=${target.searchPath}` : undefined,
    });
    // An idle client losing its connection (a database restart) must not crash the process.
    pool.on('error', () => {});
    // Likewise a client checked out (in a transaction, or between two queries) when the connection drops: its next query
    // fails and is handled, and the pool discards it; without a listener the 'error' event would end the process.
    pool.on('connect', (client) => {
      client.on('error', () => {});
      // Kramek's statements are short; with statistics not yet refreshed after a bulk import, the planner's inflated
      // estimates switched on JIT compilation costing ~10 ms per statement, more than the statement itself.
      client.query('set jit = off').catch(() => {});
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: options.log });
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const sqlite = new (require('better-sqlite3') as typeof SQLite)(target.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log: options.log });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every statement anew; compiling SQL costs more than running a primary-key lookup, so prepared
 * statements are kept by their SQL text. Safe because Kysely runs one query at a time on its single connection.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-inserted below: the map's order is the least-recently-used order
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
