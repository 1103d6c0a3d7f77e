/**
 * The statistics' per-Prague-day summaries, kept correct by recomputation rather than by increments:
 * - every order change that moves a figure (placement, status change) adds a `stats_dirty` row (the order's Prague day
 *   and customer key) in its own transaction, so the marker commits exactly when the change does;
 * - before a read, `refreshStatsRollups` takes the markers that are committed, recomputes the affected customers'
 *   visit rows and then every affected day's summaries from the orders (delete + insert), all in one transaction,
 *   serialised per database (PostgreSQL advisory lock; SQLite has one writer) so that several app servers refreshing
 *   at once never double a day;
 * - `rebuildStatsRollups` recomputes everything (migration 0017, bulk imports, repair).
 * Markers are appended, never upserted, so order placements on the same day never wait for each other.
 */
import { sql, type RawBuilder } from 'kysely';
import { addDays, offsetPeriods, pragueDateOf, pragueMidnight, type LocalDate } from '../../domain/stats/prague-calendar.js';
import { isPostgres, type Db } from './kysely.js';

/** Registered customers by id, guests by their email ignoring case — as docs/statistics.md defines a customer. */
const customerKey = sql<string>`case when o.customer_id is not null then 'c' || o.customer_id else 'e' || lower(o.email) end`;
const CHUNK = 2000;

/** `o.created_at` as a Prague date (YYYY-MM-DD); SQLite gets the UTC-offset periods of [fromIso, toIso) as a CASE. */
function pragueDay(db: Db, fromIso: string, toIso: string): RawBuilder<string> {
  if (isPostgres(db)) return sql<string>`to_char((o.created_at at time zone 'Europe/Prague')::date, 'YYYY-MM-DD')`;
  const periods = offsetPeriods(fromIso, toIso);
  if (periods.length === 1) return sql<string>`date(o.created_at, ${`+${periods[0]!.offsetMinutes} minutes`})`;
  const cases = periods.map((p) => (p.until ? sql`when o.created_at < ${p.until} then ${`+${p.offsetMinutes} minutes`}` : sql`else ${`+${p.offsetMinutes} minutes`}`));
  return sql<string>`date(o.created_at, case ${sql.join(cases, sql` `)} end)`;
}

/** Consecutive days merged into half-open instant ranges [Prague midnight, next Prague midnight). */
function dayRanges(days: LocalDate[]): { from: string; to: string }[] {
  const sorted = [...new Set(days)].sort();
  const ranges: { first: LocalDate; last: LocalDate }[] = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last && addDays(last.last, 1) === day) last.last = day;
    else ranges.push({ first: day, last: day });
  }
  return ranges.map((r) => ({ from: pragueMidnight(r.first), to: pragueMidnight(addDays(r.last, 1)) }));
}

const chunks = <T>(list: T[], size = CHUNK) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Marks an order's day and customer as changed; call in the transaction that changes the order. */
export async function markStatsDirty(executor: Db, orderId: number, createdAt: string | Date): Promise<void> {
  await sql`insert into stats_dirty (day, customer_key) select ${pragueDateOf(createdAt)}, ${customerKey} from orders o where o.id = ${orderId}`.execute(executor);
}

/** The same for an existing order (status changes): its creation instant is read first. */
export async function markStatsDirtyById(executor: Db, orderId: number): Promise<void> {
  const row = await executor.selectFrom('orders').select('created_at').where('id', '=', orderId).executeTakeFirst();
  if (row) await markStatsDirty(executor, orderId, row.created_at);
}

async function lock(db: Db) {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':kramek-stats-rollup'))`.execute(db);
}

/** Day summaries (orders, items) of the orders matching `where`, inserted; `span` bounds the instants for SQLite's CASE. */
async function insertDaySummaries(db: Db, where: RawBuilder<unknown>, days: RawBuilder<unknown>, span: { from: string; to: string }) {
  const day = pragueDay(db, span.from, span.to);
  await sql`insert into stats_order_days (day, status, shipping_code, shipping_name, shipping_vat_rate, payment_code, payment_name, payment_vat_rate, orders, total, shipping, payment)
    select ${day}, o.status, o.shipping_code, max(o.shipping_name), o.shipping_vat_rate, o.payment_code, max(o.payment_name), o.payment_vat_rate,
           count(*), sum(o.total), sum(o.shipping_price), sum(o.payment_price)
    from orders o where ${where} group by 1, 2, 3, 5, 6, 8`.execute(db);
  await sql`insert into stats_item_days (day, cancelled, sku, vat_rate, name, variant_id, quantity, gross)
    select ${day}, case when o.status = 'cancelled' then 1 else 0 end, i.sku, i.vat_rate, max(i.name), max(i.variant_id), sum(i.quantity), sum(i.total)
    from orders o join order_items i on i.order_id = o.id where ${where} group by 1, 2, 3, 4`.execute(db);
  await sql`insert into stats_rate_days (day, cancelled, vat_rate, gross)
    select day, cancelled, vat_rate, sum(gross) from stats_item_days where ${days} group by day, cancelled, vat_rate`.execute(db);
}

/** Customers' visit rows (one per customer and day, with the previous day) of the orders matching `where`. */
async function insertVisits(db: Db, where: RawBuilder<unknown>, span: { from: string; to: string }) {
  await sql`insert into stats_customer_visits (customer_key, day, any_orders, counted_orders, prev_any, prev_counted)
    select k, day, n, c, lag(day) over (partition by k order by day),
           max(case when c > 0 then day end) over (partition by k order by day rows between unbounded preceding and 1 preceding)
    from (select ${customerKey} as k, ${pragueDay(db, span.from, span.to)} as day, count(*) as n,
                 sum(case when o.status <> 'cancelled' then 1 else 0 end) as c
          from orders o where ${where} group by 1, 2) g`.execute(db);
}

/** Per day: customers by the day of their previous order (all orders: counted 0; cancelled left out: counted 1). */
async function insertCustomerDays(db: Db, where: RawBuilder<unknown>) {
  await sql`insert into stats_customer_days (counted, day, prev_day, customers)
    select 0, day, coalesce(prev_any, ''), count(*) from stats_customer_visits where ${where} group by day, prev_any
    union all
    select 1, day, coalesce(prev_counted, ''), count(*) from stats_customer_visits where ${where} and counted_orders > 0 group by day, prev_counted`.execute(db);
}

/** First and last order instants; two subqueries, so SQLite reads each from the end of orders_created (not a scan). */
async function orderSpan(db: Db): Promise<{ from: string; to: string } | null> {
  const row = (await sql<{ first: unknown; last: unknown }>`select (select min(created_at) from orders) as first, (select max(created_at) from orders) as last`.execute(db)).rows[0];
  if (!row?.first) return null;
  const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();
  return { from: iso(row.first), to: new Date(Date.parse(iso(row.last)) + 1).toISOString() };
}

const inTransaction = <T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? work(db) : db.transaction().execute((tx) => work(tx as unknown as Db)));

/** Recomputes every summary from all orders (and forgets the markers it covers). */
export async function rebuildStatsRollups(db: Db): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lock(tx);
    for (const table of ['stats_dirty', 'stats_order_days', 'stats_item_days', 'stats_rate_days', 'stats_customer_visits', 'stats_customer_days']) await sql`delete from ${sql.table(table)}`.execute(tx);
    const span = await orderSpan(tx);
    if (!span) return;
    await insertDaySummaries(tx, sql`1 = 1`, sql`1 = 1`, span);
    await insertVisits(tx, sql`1 = 1`, span);
    await insertCustomerDays(tx, sql`1 = 1`);
  });
}

/** Summarises the days and customers of the committed order changes again; cheap when nothing changed. */
export async function refreshStatsRollups(db: Db): Promise<void> {
  if (!(await sql`select 1 from stats_dirty limit 1`.execute(db)).rows.length) return;
  await inTransaction(db, async (tx) => {
    await lock(tx);
    if (isPostgres(tx)) await sql`set local jit = off`.execute(tx);
    // Only markers committed before this statement are taken (and deleted); later ones wait for the next refresh.
    const markers = (await sql<{ day: string; customer_key: string }>`delete from stats_dirty returning day, customer_key`.execute(tx)).rows;
    if (markers.length === 0) return;
    // The changed orders' days are summarised again whole; a customer's change can also move the "previous order day"
    // on their other days, so their visit rows are recomputed and every day they appear on (before or after) gets its
    // customer histogram again.
    const orderDays = [...new Set(markers.map((m) => m.day))].sort();
    const customerDays = new Set(orderDays);
    const keys = [...new Set(markers.map((m) => m.customer_key))];
    const span = await orderSpan(tx);
    for (const chunk of chunks(keys)) {
      const ids = chunk.filter((k) => k.startsWith('c')).map((k) => Number(k.slice(1)));
      const emails = chunk.filter((k) => k.startsWith('e')).map((k) => k.slice(1));
      const visitsOf = sql`customer_key in (${sql.join(chunk)})`;
      const visitDays = async () => {
        for (const r of (await sql<{ day: string }>`select distinct day from stats_customer_visits where ${visitsOf}`.execute(tx)).rows) customerDays.add(r.day);
      };
      await visitDays();
      await sql`delete from stats_customer_visits where ${visitsOf}`.execute(tx);
      if (!span) continue;
      // Two statements, each on its index (orders_customer, orders_email_lower): an OR of both makes SQLite scan.
      if (ids.length) await insertVisits(tx, sql`o.customer_id in (${sql.join(ids)})`, span);
      if (emails.length) await insertVisits(tx, sql`o.customer_id is null and lower(o.email) in (${sql.join(emails)})`, span);
      await visitDays();
    }
    for (const chunk of chunks(orderDays, 500)) {
      const dayIn = sql`day in (${sql.join(chunk)})`;
      for (const table of ['stats_order_days', 'stats_item_days', 'stats_rate_days']) await sql`delete from ${sql.table(table)} where ${dayIn}`.execute(tx);
      const ranges = dayRanges(chunk);
      if (span) await insertDaySummaries(tx, sql`(${sql.join(ranges.map((r) => sql`(o.created_at >= ${r.from} and o.created_at < ${r.to})`), sql` or `)})`, dayIn, { from: ranges[0]!.from, to: ranges.at(-1)!.to });
    }
    for (const chunk of chunks([...customerDays].sort(), 500)) {
      const dayIn = sql`day in (${sql.join(chunk)})`;
      // `counted` leads the key: naming both values keeps the delete on it.
      await sql`delete from stats_customer_days where counted in (0, 1) and ${dayIn}`.execute(tx);
      await insertCustomerDays(tx, dayIn);
    }
  });
}
