/**
 * Kysely implementation of the statistics port: every aggregate is computed in the database, grouped per Prague day.
 * The Prague day of an instant: PostgreSQL converts with its time-zone database; SQLite has none, so it gets the
 * range's UTC-offset periods (computed from Intl, the same IANA data) as a CASE of modifiers to date().
 */
import { sql, type RawBuilder } from 'kysely';
import { offsetPeriods } from '../../domain/stats/prague-calendar.js';
import type { ItemDayGroup, OrderDayGroup, VariantSales } from '../../domain/stats/statistics.js';
import type { StatsRange, StatsRepo } from '../../services/stats/ports.js';
import { isPostgres, type Db } from './kysely.js';

export function statsRepo(db: Db): StatsRepo {
  const postgres = isPostgres(db);

  // PostgreSQL groups by the date value (4 bytes, hashable) and formats it once per group.
  const pragueDate = sql`((o.created_at at time zone 'Europe/Prague')::date)`;
  const byDay = postgres ? pragueDate : sql`day`;
  /** `o.created_at` as a Prague calendar date, YYYY-MM-DD. */
  const pragueDay = (range: StatsRange): RawBuilder<string> => {
    if (postgres) return sql<string>`to_char(${pragueDate}, 'YYYY-MM-DD')`;
    const periods = offsetPeriods(range.from, range.to);
    if (periods.length === 1) return sql<string>`date(o.created_at, ${`+${periods[0]!.offsetMinutes} minutes`})`;
    const cases = periods.map((p) => (p.until ? sql`when o.created_at < ${p.until} then ${`+${p.offsetMinutes} minutes`}` : sql`else ${`+${p.offsetMinutes} minutes`}`));
    return sql<string>`date(o.created_at, case ${sql.join(cases, sql` `)} end)`;
  };
  const inRange = (range: StatsRange) => sql`o.created_at >= ${range.from} and o.created_at < ${range.to}`;
  const countedOnly = (includeCancelled: boolean, alias = 'o') => (includeCancelled ? sql`` : sql`and ${sql.ref(`${alias}.status`)} <> 'cancelled'`);
  const num = (v: unknown) => Number(v ?? 0);
  // PostgreSQL's JIT switches on for these scans' estimated cost and then spends longer compiling (~200 ms measured
  // at 1M orders) than the aggregate takes to run; it is turned off for the statistics queries only.
  const rowsOf = async (query: RawBuilder<Record<string, unknown>>) =>
    postgres
      ? db.transaction().execute(async (trx) => {
          await sql`set local jit = off`.execute(trx);
          return (await query.execute(trx)).rows;
        })
      : (await query.execute(db)).rows;
  // SQLite's planner otherwise walks orders_customer over every customer for "customer_id is [not] null"; the unary
  // plus keeps it on the created_at range, which is what bounds the work.
  const customerId = postgres ? sql`o.customer_id` : sql`+o.customer_id`;

  return {
    async orderDays(range) {
      const rows = await rowsOf(sql<Record<string, unknown>>`
        select ${pragueDay(range)} as day, o.status, o.shipping_code, max(o.shipping_name) as shipping_name, o.shipping_vat_rate,
               o.payment_code, max(o.payment_name) as payment_name, o.payment_vat_rate,
               count(*) as orders, sum(o.total) as total, sum(o.shipping_price) as shipping, sum(o.payment_price) as payment
        from orders o where ${inRange(range)}
        group by ${byDay}, o.status, o.shipping_code, o.shipping_vat_rate, o.payment_code, o.payment_vat_rate`);
      return rows.map(
        (r): OrderDayGroup => ({
          day: String(r.day),
          status: String(r.status),
          shippingCode: String(r.shipping_code),
          shippingName: String(r.shipping_name),
          shippingRate: num(r.shipping_vat_rate),
          paymentCode: String(r.payment_code),
          paymentName: String(r.payment_name),
          paymentRate: num(r.payment_vat_rate),
          orders: num(r.orders),
          total: num(r.total),
          shipping: num(r.shipping),
          payment: num(r.payment),
        }),
      );
    },

    async items(range, includeCancelled) {
      // One join of items to orders grouped by day and SKU; both groupings are then summed here (a few thousand rows).
      const rows = await rowsOf(sql<Record<string, unknown>>`
        select ${pragueDay(range)} as day, i.sku, i.vat_rate, max(i.name) as name, max(i.variant_id) as variant_id, sum(i.quantity) as quantity, sum(i.total) as gross
        from orders o join order_items i on i.order_id = o.id
        where ${inRange(range)} ${countedOnly(includeCancelled)}
        group by ${byDay}, i.sku, i.vat_rate`);
      const days = new Map<string, ItemDayGroup>();
      const variants = new Map<string, VariantSales & { variantId: number | null }>();
      for (const r of rows) {
        const rate = num(r.vat_rate);
        const dayKey = `${r.day}|${rate}`;
        const day = days.get(dayKey) ?? { day: String(r.day), rate, gross: 0 };
        day.gross += num(r.gross);
        days.set(dayKey, day);
        const skuKey = `${r.sku}|${rate}`;
        const variant = variants.get(skuKey) ?? { sku: String(r.sku), name: String(r.name), rate, quantity: 0, gross: 0, categories: [], variantId: null };
        variant.quantity += num(r.quantity);
        variant.gross += num(r.gross);
        if (r.variant_id !== null) variant.variantId = Math.max(variant.variantId ?? 0, num(r.variant_id));
        if (String(r.name) > variant.name) variant.name = String(r.name);
        variants.set(skuKey, variant);
      }
      const variantIds = [...new Set([...variants.values()].map((v) => v.variantId).filter((id): id is number => id !== null))];
      const links = variantIds.length
        ? await db
            .selectFrom('variants')
            .innerJoin('product_categories', 'product_categories.product_id', 'variants.product_id')
            .innerJoin('categories', 'categories.id', 'product_categories.category_id')
            .select(['variants.id as variant_id', 'categories.id', 'categories.name'])
            .where('variants.id', 'in', variantIds)
            .execute()
        : [];
      return {
        days: [...days.values()],
        variants: [...variants.values()].map(({ variantId, ...v }) => ({ ...v, categories: links.filter((l) => Number(l.variant_id) === variantId).map((l) => ({ id: Number(l.id), name: l.name })) })),
      };
    },

    async customers(range, includeCancelled) {
      // "Returning": the same customer has a counted order before the range. Registered customers by id (index
      // orders_customer), guests by email ignoring case (index orders_email_lower).
      const rows = await rowsOf(sql<Record<string, unknown>>`
        select count(*) as customers, coalesce(sum(case when exists (
                 select 1 from orders p where p.customer_id = k.customer_id and p.created_at < ${range.from} ${countedOnly(includeCancelled, 'p')}
               ) then 1 else 0 end), 0) as returners
        from (select distinct o.customer_id from orders o where ${inRange(range)} and ${customerId} is not null ${countedOnly(includeCancelled)}) k
        union all
        select count(*), coalesce(sum(case when exists (
                 select 1 from orders p where lower(p.email) = k.email and p.customer_id is null and p.created_at < ${range.from} ${countedOnly(includeCancelled, 'p')}
               ) then 1 else 0 end), 0)
        from (select distinct lower(o.email) as email from orders o where ${inRange(range)} and ${customerId} is null ${countedOnly(includeCancelled)}) k`);
      return { customers: rows.reduce((s, r) => s + num(r.customers), 0), returning: rows.reduce((s, r) => s + num(r.returners), 0) };
    },
  };
}
