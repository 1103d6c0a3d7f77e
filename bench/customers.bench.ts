/**
 * Customer list benchmark: 20 000 accounts with 100 000 orders, the first and a deep page of each sort (registration,
 * order count, money spent) and a search, in-process on SQLite and PostgreSQL. The aggregates are computed per request.
 * Target (Customers panel issue: "correct at scale"; ours): a 50-row page in < 300 ms on either database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config/env.js';
import { openCore } from '../src/main.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';
import type { DatabaseTarget } from '../src/adapters/db/kysely.js';
import { CUSTOMER_SORTS } from '../src/domain/customers/customer-list.js';

const CUSTOMERS = 20_000;
const ORDERS = 100_000;
const TARGET_MS = 300;
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function fill(core: ReturnType<typeof openCore>) {
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  for (let start = 0; start < CUSTOMERS; start += 500) {
    const rows = Array.from({ length: Math.min(500, CUSTOMERS - start) }, (_, k) => {
      const i = start + k;
      return { email: `zakaznik${i}@example.cz`, name: `Zákazník ${i}`, phone: `+420 601 ${String(i).padStart(6, '0').replace(/(\d{3})(\d{3})/, '$1 $2')}`, created_at: at(i), updated_at: at(i) };
    });
    await core.db.insertInto('customers').values(rows).execute();
  }
  for (let start = 0; start < ORDERS; start += 500) {
    const rows = Array.from({ length: Math.min(500, ORDERS - start) }, (_, k) => {
      const i = start + k;
      // Skewed: low ids order often, so counts and sums differ and tie.
      const customer = 1 + ((i * i) % CUSTOMERS);
      const guest = i % 10 === 0;
      return {
        number: String(1_000_000 + i), status: i % 17 === 0 ? 'cancelled' : 'new', payment_status: 'unpaid', customer_id: guest ? null : customer, locale: 'cs',
        email: guest ? `host${i % 3000}@example.cz` : `zakaznik${customer - 1}@example.cz`, name: 'Jana', billing_address: '{}', shipping_code: 'ppl', shipping_name: 'PPL',
        shipping_carrier: 'ppl', shipping_price: 0, shipping_vat_rate: 21, payment_code: 'bank', payment_kind: 'bank_transfer', payment_name: 'Převodem', payment_price: 0,
        payment_vat_rate: 21, variable_symbol: String(i), item_count: 1, items_total: 1000 + (i % 977) * 100, total: 1000 + (i % 977) * 100, currency: 'CZK',
        access_token: randomBytes(12).toString('hex'), created_at: at(i), updated_at: at(i),
      };
    });
    await core.db.insertInto('orders').values(rows).execute();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function run(name: string, target: DatabaseTarget, dataDir: string) {
  const core = openCore(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: '0' }), { database: target });
  try {
    await migrateToLatest(core.db);
    await fill(core);
    const s = core.services;
    for (const sort of CUSTOMER_SORTS) {
      await s.listCustomers({ sort, limit: 50 }); // warm-up
      const [first, firstMs] = await timed(() => s.listCustomers({ sort, limit: 50 }));
      let after = first.next ?? undefined;
      for (let page = 0; page < 20 && after; page++) after = (await s.listCustomers({ sort, limit: 50, after })).next ?? undefined;
      const [, deepMs] = await timed(() => s.listCustomers({ sort, limit: 50, after }));
      console.log(`${name} sort=${sort}: first page ${firstMs.toFixed(0)} ms, 22nd page ${deepMs.toFixed(0)} ms (target < ${TARGET_MS} ms)`);
    }
    const [, searchMs] = await timed(() => s.listCustomers({ sort: 'spent', limit: 50, q: '601 000 12' }));
    const [, guestsMs] = await timed(() => s.listGuestBuyers({ limit: 50 }));
    console.log(`${name} search by phone ${searchMs.toFixed(0)} ms, one-time buyers ${guestsMs.toFixed(0)} ms (target < ${TARGET_MS} ms)`);
  } finally {
    await core.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-customers-bench-'));
await run('SQLite', { kind: 'sqlite', file: path.join(dir, 'bench.sqlite') }, dir);
const schema = `t_${randomBytes(6).toString('hex')}`;
const client = new pg.Client({ connectionString: PG_URL });
await client.connect();
await client.query(`create schema ${schema}`);
try {
  await run('PostgreSQL', { kind: 'postgres', url: PG_URL, searchPath: schema }, dir);
} finally {
  await client.query(`drop schema ${schema} cascade`);
  await client.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
