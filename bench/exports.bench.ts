/**
 * Export benchmark: 100 000 orders with 3 items each (bulk-inserted), exported as Pohoda XML and as Kramek XML by the
 * shipped CLI (`node dist/cli/main.js export orders … --out`, built first), each run a process of its own: the time is
 * the whole command (start-up included), the memory its peak RSS. Targets: ≤ 10 s and peak RSS ≤ 256 MB each.
 * The CPU time (user + system) is printed beside the wall time: on a shared, busy machine it tells what the export
 * itself costs when the wall clock mostly measures waiting for a core.
 * BENCH_ORDERS changes the count; BENCH_DIALECTS=sqlite|postgres limits the databases (default both); BENCH_KEEP=1 keeps
 * the filled data (SQLite directory, PostgreSQL schema) for a closer look.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseTarget, type Db } from '../src/adapters/db/kysely.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const TARGET_MS = 10_000;
const TARGET_RSS_MB = 256;
const BATCH = 500;

const NAMES = ['Jana Nováková', 'Petr Svoboda & syn', 'Žofie „Zoe“ Dvořáková 🍵', 'Jiří Černý <VIP>'];

async function fill(db: Db): Promise<void> {
  const base = Date.parse('2026-01-01T08:00:00Z');
  for (let start = 0; start < ORDERS; start += BATCH) {
    const count = Math.min(BATCH, ORDERS - start);
    await db.transaction().execute(async (tx) => {
      const rows = Array.from({ length: count }, (_, k) => {
        const n = start + k;
        const at = new Date(base + n * 60_000).toISOString();
        const number = String(2026000000 + n);
        return {
          number, status: 'completed', payment_status: 'paid', customer_id: null, locale: 'cs', email: `kupec${n}@example.cz`, name: NAMES[n % NAMES.length]!, phone: '+420601123456',
          company: n % 5 === 0 ? 'Čajovna & spol. s.r.o.' : null, ico: n % 5 === 0 ? '27082440' : null, dic: null,
          billing_address: JSON.stringify({ street: 'Dlouhá 12', city: 'Praha', zip: '110 00', country: 'CZ' }), shipping_address: null,
          shipping_code: 'ppl', shipping_name: 'PPL – doručení na adresu', shipping_carrier: 'ppl', shipping_price: 12900, shipping_vat_rate: 21,
          payment_code: 'bank-transfer', payment_kind: 'bank-transfer', payment_name: 'Bankovním převodem', payment_price: 0, payment_vat_rate: 21,
          variable_symbol: number, note: n % 3 === 0 ? 'Prosím zabalit jako dárek.' : null, item_count: 4, items_total: 2 * 14900 + 44800 + 9900, total: 2 * 14900 + 44800 + 9900 + 12900,
          currency: 'CZK', access_token: randomBytes(16).toString('hex'), idempotency_key: null, request_hash: null, created_at: at, updated_at: at,
        };
      });
      const ids = await tx.insertInto('orders').values(rows).returning(['id', 'number']).execute();
      const items = ids.flatMap((o) => [
        { order_id: o.id, variant_id: null, sku: 'TEA-001-100G', name: 'Čaj Sencha – 100 g', quantity: 2, unit_price: 14900, vat_rate: 21, total: 29800, position: 0 },
        { order_id: o.id, variant_id: null, sku: 'BOOK-7', name: 'Kniha o čaji „Cesta“', quantity: 1, unit_price: 44800, vat_rate: 12, total: 44800, position: 1 },
        { order_id: o.id, variant_id: null, sku: 'CUP-2', name: 'Hrnek <modrý> & podšálek', quantity: 1, unit_price: 9900, vat_rate: 21, total: 9900, position: 2 },
      ]);
      await tx.insertInto('order_items').values(items).execute();
    });
  }
}

function exportOnce(format: string, env: Record<string, string>, out: string) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', './bench/support/report-usage.mjs', 'dist/cli/main.js', 'export', 'orders', '--format', format, '--out', out], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(r.stderr);
  const usage = JSON.parse(/usage (\{.*\})/.exec(r.stderr)![1]!) as { maxRssMb: number; cpuMs: number };
  const orders = Number(/Exported (\d+) orders/.exec(r.stderr)![1]);
  return { ms: Math.round(ms), cpuMs: usage.cpuMs, maxRssMb: usage.maxRssMb, bytes: fs.statSync(out).size, orders };
}

async function run(name: string, target: DatabaseTarget, env: Record<string, string>, dataDir: string) {
  const db = openDatabase(target);
  await migrateToLatest(db);
  const t0 = performance.now();
  await fill(db);
  // Exported at once, before autovacuum has analysed the filled tables: the plans must not depend on fresh statistics.
  console.log(`${name}: ${ORDERS} orders × 3 items inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await db.destroy();
  let ok = true;
  for (const format of ['pohoda', 'kramek']) {
    const r = exportOnce(format, { DATA_DIR: dataDir, ...env }, path.join(dataDir, `export-${format}.xml`));
    const pass = r.ms <= TARGET_MS && r.maxRssMb <= TARGET_RSS_MB && r.orders === ORDERS;
    ok &&= pass;
    console.log(`${name} ${format.padEnd(6)}: ${r.orders} orders, ${(r.bytes / 1048576).toFixed(0)} MB in ${(r.ms / 1000).toFixed(2)} s (target ≤ ${TARGET_MS / 1000} s; CPU time ${(r.cpuMs / 1000).toFixed(2)} s), peak RSS ${r.maxRssMb} MB (target ≤ ${TARGET_RSS_MB} MB) ${pass ? 'OK' : 'MISSED'}`);
  }
  return ok;
}

// The CLI as shipped: compiled JavaScript, not the TypeScript loader the tests use.
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

let ok = true;
if (DIALECTS.includes('sqlite')) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-export-bench-'));
  try {
    ok = (await run('SQLite', { kind: 'sqlite', file: path.join(dataDir, 'kramek.sqlite') }, {}, dataDir)) && ok;
  } finally {
    if (!process.env.BENCH_KEEP) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`kept ${dataDir}`);
  }
}
if (DIALECTS.includes('postgres')) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-export-bench-'));
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    ok = (await run('PostgreSQL', { kind: 'postgres', url: PG_URL, searchPath: schema }, { DATABASE_URL: url.toString() }, dataDir)) && ok;
  } finally {
    if (!process.env.BENCH_KEEP) await admin.query(`drop schema ${schema} cascade`);
    else console.log(`kept schema ${schema}`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
process.exit(ok ? 0 : 1);
