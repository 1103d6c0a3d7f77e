/** Opens a migrated benchmark database filled with BENCH_ORDERS bulk orders: a SQLite file or a PostgreSQL schema, kept for reuse with BENCH_KEEP. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/adapters/db/kysely.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';
import { bulkOrders } from './bulk-orders.js';

export const BENCH_ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export type BenchDb = { name: 'SQLite' | 'PostgreSQL'; db: Db; close(): Promise<void> };

/**
 * With BENCH_KEEP=1 the filled database stays (SQLite in the temp dir, PostgreSQL as schema bench_orders_<N>) and a
 * second run reuses it, so the slow fill happens once per size.
 */
export async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<BenchDb> {
  const keep = process.env.BENCH_KEEP === '1';
  const label = `bench_orders_${BENCH_ORDERS}`;
  let db: Db;
  let drop: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = keep ? path.join(os.tmpdir(), `kramek-${label}`) : fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-bench-'));
    db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'kramek.sqlite') });
    drop = async () => (keep ? undefined : fs.rmSync(dir, { recursive: true, force: true }));
  } else {
    const schema = keep ? label : `bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema if not exists ${schema}`);
    await admin.end();
    db = openDatabase({ kind: 'postgres', url: PG_URL, searchPath: schema });
    drop = async () => {
      if (keep) return;
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  }
  await migrateToLatest(db);
  const existing = Number((await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (existing < BENCH_ORDERS) {
    const started = Date.now();
    await bulkOrders(db, { orders: BENCH_ORDERS - existing, seed: 7, progress: (n) => n % 100_000 === 0 && process.stdout.write(`  ${n} orders…\r`) });
    // Fresh statistics and (PostgreSQL) a visibility map, as a live database has after autovacuum.
    await (kind === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
    console.log(`  filled ${BENCH_ORDERS - existing} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const name = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  return { name, db, close: async () => { await db.destroy(); await drop(); } };
}

/** Runs `work` `runs` times after a warm-up; p50 and p99 in milliseconds. */
export async function timed(runs: number, work: (i: number) => Promise<unknown>, warmUps = 3) {
  for (let i = 0; i < warmUps; i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: times.at(-1)! };
}

export const databasesToBench = (): ('sqlite' | 'postgres')[] => (process.env.BENCH_DB === 'sqlite' ? ['sqlite'] : process.env.BENCH_DB === 'postgres' ? ['postgres'] : ['sqlite', 'postgres']);
