/**
 * Per-Prague-day summary tables for the Statistiky page, filled from the existing orders: orders per day × status ×
 * methods, items per day × SKU, customers' order days (with the previous one) and their per-day histogram, and the
 * queue of changed orders whose days are summarised again before the next read (see adapters/db/stats-rollup.ts).
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres, type Db } from '../kysely.js';
import { rebuildStatsRollups } from '../stats-rollup.js';
import { withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('stats_dirty'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('customer_key', 'varchar(300)', (c) => c.notNull())
    .execute();
  // Each summary is keyed (and on SQLite stored, WITHOUT ROWID) in day order, so a range of days is one contiguous read.
  const clustered = isPostgres(db) ? sql`` : sql`without rowid`;
  await sql`create table stats_order_days (
    day varchar(10) not null, status varchar(16) not null,
    shipping_code varchar(40) not null, shipping_name varchar(100) not null, shipping_vat_rate integer not null,
    payment_code varchar(40) not null, payment_name varchar(100) not null, payment_vat_rate integer not null,
    orders integer not null, total bigint not null, shipping bigint not null, payment bigint not null,
    primary key (day, status, shipping_code, shipping_vat_rate, payment_code, payment_vat_rate)) ${clustered}`.execute(db);
  await sql`create table stats_item_days (
    day varchar(10) not null, cancelled integer not null, sku varchar(64) not null, vat_rate integer not null,
    name varchar(300) not null, variant_id integer, quantity bigint not null, gross bigint not null,
    primary key (day, cancelled, sku, vat_rate)) ${clustered}`.execute(db);
  // The items' gross per day and VAT rate (the revenue buckets), summed from stats_item_days.
  await sql`create table stats_rate_days (
    day varchar(10) not null, cancelled integer not null, vat_rate integer not null, gross bigint not null,
    primary key (day, cancelled, vat_rate)) ${clustered}`.execute(db);
  // One row per customer (registered id "c…", guest "e" + lower(email)) and Prague day with orders; prev_* is the
  // customer's previous day with any order / with a counted (not cancelled) order.
  await sql`create table stats_customer_visits (
    customer_key varchar(300) not null, day varchar(10) not null, any_orders integer not null, counted_orders integer not null,
    prev_any varchar(10), prev_counted varchar(10), primary key (customer_key, day))`.execute(db);
  await sql`create index stats_customer_visits_day on stats_customer_visits (day)`.execute(db);
  // Per day: how many customers ordered that day, by the day of their previous order ('' for their first order, which
  // sorts before every day). counted 1: cancelled orders left out; 0: all orders.
  await sql`create table stats_customer_days (
    counted integer not null, day varchar(10) not null, prev_day varchar(10) not null, customers integer not null,
    primary key (counted, day, prev_day) ${isPostgres(db) ? sql`include (customers)` : sql``}) ${clustered}`.execute(db);
  await rebuildStatsRollups(db as unknown as Db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['stats_customer_days', 'stats_customer_visits', 'stats_rate_days', 'stats_item_days', 'stats_order_days', 'stats_dirty']) await db.schema.dropTable(table).execute();
}
