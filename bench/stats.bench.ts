/**
 * The Statistiky page's figures at BENCH_ORDERS (default 1 000 000) orders on SQLite and PostgreSQL (BENCH_DB for one):
 * the statistics service for the last 30 days, the last year and all time, read from the per-day summaries.
 * Target: < 300 ms a page (p50 and p99 shown, with this process's CPU per page: on SQLite that is all the work, on
 * PostgreSQL the server's share is not in it). Also: the statement an order placement adds, a page right after an
 * order change (its day and customer summarised again first), and with BENCH_REBUILD=1 the full rebuild.
 */
import { statsRepo } from '../src/adapters/db/stats-repo.js';
import { markStatsDirty, rebuildStatsRollups } from '../src/adapters/db/stats-rollup.js';
import { getStatistics } from '../src/services/stats/get-statistics.js';
import { addDays, pragueDateOf } from '../src/domain/stats/prague-calendar.js';
import type { Db } from '../src/adapters/db/kysely.js';
import { BENCH_ORDERS, benchDatabase, databasesToBench, timed } from './support/bench-db.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_MS = 300;
const ms = (v: number) => v.toFixed(v < 10 ? 2 : 0).padStart(6);

/** `timed` plus this process's CPU per run. */
async function timedCpu(runs: number, work: (i: number) => Promise<unknown>, warmUps = 1) {
  for (let i = 0; i < warmUps; i++) await work(i);
  const cpu = process.cpuUsage();
  const t = await timed(runs, work, 0);
  const used = process.cpuUsage(cpu);
  return { ...t, cpu: (used.user + used.system) / 1000 / runs };
}

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
  if (process.env.BENCH_REBUILD === '1') {
    const started = process.hrtime.bigint();
    await rebuildStatsRollups(bench.db);
    console.log(`  full rebuild of the summaries: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  }
  for (const [name, from] of ranges) {
    let orders = 0;
    const t = await timedCpu(RUNS, async () => (orders = (await getStatistics(deps, { from, to: today, includeCancelled: false })).totals.orders));
    console.log(`  ${name.padEnd(14)} p50 ${ms(t.p50)} ms  p99 ${ms(t.p99)} ms  cpu ${ms(t.cpu)} ms  (${orders} orders counted)  target < ${TARGET_MS} ms: ${t.p99 < TARGET_MS ? 'OK' : t.p50 < TARGET_MS ? 'OK at p50' : 'MISSED'}`);
  }

  // The added statement of an order placement, inside a transaction that is rolled back (nothing stays).
  const recent = await bench.db.selectFrom('orders').select(['id', 'created_at']).orderBy('id', 'desc').limit(50).execute();
  const marks: number[] = [];
  await bench.db
    .transaction()
    .execute(async (tx) => {
      for (let i = 0; i < 200; i++) {
        const order = recent[i % recent.length]!;
        const start = process.hrtime.bigint();
        await markStatsDirty(tx as unknown as Db, order.id, order.created_at);
        marks.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      throw new Error('rollback');
    })
    .catch((e: unknown) => {
      if (!(e instanceof Error && e.message === 'rollback')) throw e;
    });
  marks.sort((a, b) => a - b);
  console.log(`  order placement: + 1 insert into stats_dirty, p50 ${ms(marks[100]!)} ms  p99 ${ms(marks[197]!)} ms`);

  // A page right after one order changed: its day and its customer's days are summarised again first.
  const after = await timedCpu(RUNS, async (i) => {
    const order = recent[i % recent.length]!;
    await markStatsDirty(bench.db, order.id, order.created_at);
    await getStatistics(deps, { from: ranges[0]![1], to: today, includeCancelled: false });
  });
  console.log(`  30 days after an order change: p50 ${ms(after.p50)} ms  p99 ${ms(after.p99)} ms  cpu ${ms(after.cpu)} ms  target < ${TARGET_MS} ms: ${after.p50 < TARGET_MS ? 'OK' : 'MISSED'}`);
  await bench.close();
}
