/**
 * The Statistiky page's figures at BENCH_ORDERS (default 1 000 000) orders on SQLite and PostgreSQL (BENCH_DB for one):
 * the statistics service for the last 30 days, the last year and all time. Target: < 300 ms a page (p99 shown).
 */
import { statsRepo } from '../src/adapters/db/stats-repo.js';
import { getStatistics } from '../src/services/stats/get-statistics.js';
import { addDays, pragueDateOf } from '../src/domain/stats/prague-calendar.js';
import { BENCH_ORDERS, benchDatabase, databasesToBench, timed } from './support/bench-db.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_MS = 300;

for (const kind of databasesToBench()) {
  const bench = await benchDatabase(kind);
  const deps = { stats: statsRepo(bench.db) };
  const today = pragueDateOf(new Date());
  const first = await bench.db.selectFrom('orders').select((eb) => eb.fn.min<string>('created_at').as('at')).executeTakeFirstOrThrow();
  const ranges: [string, string][] = [
    ['last 30 days', addDays(today, -29)],
    ['last year', addDays(today, -364)],
    ['all time', pragueDateOf(first.at)],
  ];
  console.log(`${bench.name}, ${BENCH_ORDERS} orders, ${RUNS} runs each:`);
  for (const [name, from] of ranges) {
    let orders = 0;
    const t = await timed(RUNS, async () => (orders = (await getStatistics(deps, { from, to: today, includeCancelled: false })).totals.orders), 1);
    console.log(`  ${name.padEnd(14)} p50 ${t.p50.toFixed(0).padStart(5)} ms  p99 ${t.p99.toFixed(0).padStart(5)} ms  (${orders} orders counted)  target < ${TARGET_MS} ms: ${t.p99 < TARGET_MS ? 'OK' : 'MISSED'}`);
  }
  await bench.close();
}
