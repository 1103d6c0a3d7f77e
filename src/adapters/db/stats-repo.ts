/**
 * Kysely implementation of the statistics port: reads the per-Prague-day summaries (stats-rollup.ts), refreshed from
 * the changed orders first. A page reads at most days × (status × methods | SKUs | previous-order days) rows, whatever
 * the number of orders; sums over days happen in the database.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Grain, ItemDayGroup, OrderDayGroup, VariantSales } from '../../domain/stats/statistics.js';
import type { StatsRange, StatsRepo } from '../../services/stats/ports.js';
import { addDays, daysBetween } from '../../domain/stats/prague-calendar.js';
import { isPostgres, type Db } from './kysely.js';
import { refreshStatsRollups } from './stats-rollup.js';

export function statsRepo(db: Db): StatsRepo {
  const postgres = isPostgres(db);
  const num = (v: unknown) => Number(v ?? 0);
  const daysOf = (range: StatsRange) => Array.from({ length: daysBetween(range.from, range.to) + 1 }, (_, i) => addDays(range.from, i));
  // PostgreSQL's JIT costs more than these small aggregates take to run; it is turned off for them only.
  const rowsOf = async (query: RawBuilder<Record<string, unknown>>) =>
    postgres
      ? db.transaction().execute(async (trx) => {
          await sql`set local jit = off`.execute(trx);
          return (await query.execute(trx)).rows;
        })
      : (await query.execute(db)).rows;
  // Rows come back summed per bucket (labelled with the bucket's first day in the range), not per day: a year in months
  // is a few hundred rows instead of thousands.
  const bucket = (grain: Grain) =>
    grain === 'day' ? sql`day` : grain === 'month' ? sql`substr(day, 1, 7)` : postgres ? sql`date_trunc('week', day::date)` : sql`date(day, '-' || ((cast(strftime('%w', day) as integer) + 6) % 7) || ' days')`;
  const cancelledIn = (includeCancelled: boolean) => (includeCancelled ? sql`` : sql`and cancelled = 0`);

  return {
    refresh: () => refreshStatsRollups(db),

    async orderDays(range, grain) {
      const rows = await rowsOf(sql<Record<string, unknown>>`
        select min(day) as day, status, shipping_code, max(shipping_name) as shipping_name, shipping_vat_rate, payment_code, max(payment_name) as payment_name, payment_vat_rate,
               sum(orders) as orders, sum(total) as total, sum(shipping) as shipping, sum(payment) as payment
        from stats_order_days where day >= ${range.from} and day <= ${range.to}
        group by ${bucket(grain)}, status, shipping_code, shipping_vat_rate, payment_code, payment_vat_rate`);
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

    async items(range, includeCancelled, grain) {
      const where = sql`day >= ${range.from} and day <= ${range.to} ${cancelledIn(includeCancelled)}`;
      const [dayRows, skuRows] = await Promise.all([
        rowsOf(sql<Record<string, unknown>>`select min(day) as day, vat_rate, sum(gross) as gross from stats_rate_days where ${where} group by ${bucket(grain)}, vat_rate`),
        rowsOf(sql<Record<string, unknown>>`
          select sku, vat_rate, max(name) as name, max(variant_id) as variant_id, sum(quantity) as quantity, sum(gross) as gross
          from stats_item_days where ${where} group by sku, vat_rate`),
      ]);
      const days = dayRows.map((r): ItemDayGroup => ({ day: String(r.day), rate: num(r.vat_rate), gross: num(r.gross) }));
      const variants = skuRows.map((r) => ({ sku: String(r.sku), name: String(r.name), rate: num(r.vat_rate), quantity: num(r.quantity), gross: num(r.gross), variantId: r.variant_id === null ? null : num(r.variant_id) }));
      const variantIds = [...new Set(variants.map((v) => v.variantId).filter((id): id is number => id !== null))];
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
        days,
        variants: variants.map(({ variantId, ...v }): VariantSales => ({ ...v, categories: links.filter((l) => Number(l.variant_id) === variantId).map((l) => ({ id: Number(l.id), name: l.name })) })),
      };
    },

    async customers(range, includeCancelled) {
      // A customer with an order in the range has exactly one first order day in it: the one whose previous order day
      // is before the range (returning) or none ('', new). The days are listed, so the index seeks (counted, day,
      // prev_day < from) once per day instead of reading every previous-day row of the range. Same-day and later orders in the range have a previous day inside.
      const rows = await rowsOf(sql<Record<string, unknown>>`
        select coalesce(sum(customers), 0) as customers, coalesce(sum(case when prev_day <> '' then customers else 0 end), 0) as returners
        from stats_customer_days
        where counted = ${includeCancelled ? 0 : 1} and day in (${sql.join(daysOf(range))}) and prev_day < ${range.from}`);
      return { customers: num(rows[0]?.customers), returning: num(rows[0]?.returners) };
    },
  };
}
