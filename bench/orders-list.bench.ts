/**
 * The Orders panel list at BENCH_ORDERS (default 1 000 000) orders, on SQLite and PostgreSQL (BENCH_DB=sqlite|postgres
 * for one): the first page, a filtered page, a search by email and a deep keyset page, through the panel's own
 * query reader and repository. Target: p99 < 50 ms each. BENCH_KEEP=1 keeps the filled database for the next run.
 */
import { orderPanelRepo } from '../src/adapters/db/order-panel-repo.js';
import { encodeCursor, readListQuery, type RawListQuery } from '../src/http/admin/orders/list-query.js';
import { BENCH_ORDERS, benchDatabase, databasesToBench, timed } from './support/bench-db.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_MS = 50;
const PAGE = 50;

for (const kind of databasesToBench()) {
  const bench = await benchDatabase(kind);
  const repo = orderPanelRepo(bench.db);
  const list = (raw: RawListQuery) => repo.list(readListQuery(raw, PAGE));
  // Emails that exist, and cursors a few thousand orders deep, picked from the data itself.
  const emails = (await bench.db.selectFrom('orders').select('email').where('id', 'in', [11, 5_001, 77_777 % BENCH_ORDERS, 333_333 % BENCH_ORDERS, (BENCH_ORDERS * 3) >> 2]).execute()).map((r) => r.email);
  const deep = await bench.db.selectFrom('orders').select(['created_at', 'id']).orderBy('created_at', 'desc').orderBy('id', 'desc').offset(Math.floor(BENCH_ORDERS * 0.6)).limit(1).executeTakeFirstOrThrow();
  const cases: [string, (i: number) => Promise<unknown>][] = [
    ['first page', () => list({})],
    ['filtered (status=shipped, payment=paid)', () => list({ status: 'shipped', payment: 'paid' })],
    ['filtered (from–to month, status=completed)', () => list({ status: 'completed', from: '2026-01-01', to: '2026-01-31' })],
    ['search by email', (i) => list({ q: emails[i % emails.length]!.toUpperCase() })],
    ['deep keyset page (60 % down)', () => list({ cursor: encodeCursor({ createdAt: deep.created_at, id: deep.id }) })],
  ];
  console.log(`${bench.name}, ${BENCH_ORDERS} orders, ${RUNS} runs each:`);
  for (const [name, work] of cases) {
    let rows = 0;
    const t = await timed(RUNS, async (i) => (rows = ((await work(i)) as { items: unknown[] }).items.length));
    console.log(`  ${name.padEnd(44)} p50 ${t.p50.toFixed(1).padStart(6)} ms  p99 ${t.p99.toFixed(1).padStart(6)} ms  (${rows} rows)  target p99 < ${TARGET_MS} ms: ${t.p99 < TARGET_MS ? 'OK' : 'MISSED'}`);
  }
  await bench.close();
}
