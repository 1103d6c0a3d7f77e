/**
 * The per-day statistics summaries stay equal to a direct computation over the orders after orders are placed, moved
 * along and cancelled (incrementally, through the services), and the full rebuild produces the same rows.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { placeOrder, setUpShop } from './support/orders.js';
import { bulkOrders } from '../bench/support/bulk-orders.js';
import { expected, readRaw } from './support/stats-expected.js';
import { rebuildStatsRollups } from '../src/adapters/db/stats-rollup.js';
import type { Db } from '../src/adapters/db/kysely.js';

const NOW = new Date('2026-11-26T10:00:00Z');
let clockNow = NOW;
const TODAY = '2026-11-26';
const RANGES: [string, string][] = [
  ['2026-09-01', TODAY], // everything
  ['2026-11-20', TODAY], // the last week: returning customers from before it
  [TODAY, TODAY],
  ['2026-10-01', '2026-10-31'],
];
const TABLES = ['stats_order_days', 'stats_item_days', 'stats_customer_visits', 'stats_customer_days'];

/** Every summary row, sorted, as comparable text. */
async function snapshot(db: Db) {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) out[table] = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows.map((r) => JSON.stringify(Object.entries(r).sort().map(([k, v]) => [k, v === null ? null : String(v)]))).sort();
  return out;
}

for (const dialect of DIALECTS) {
  describe(`statistics summaries on ${dialect.name}`, () => {
    let kramek: TestKramek;
    const stats = (from: string, to: string, includeCancelled: boolean) => kramek.core.services.statistics({ from, to, includeCancelled, grain: 'day' });
    const change = (number: string, status: string) => kramek.core.services.changeOrderStatus({ number, status, parcels: [{ carrier: 'ppl', trackingNumber: 'PPL1' }], notifyCustomer: false, actor: 'test' });

    async function assertMatchesOrders(label: string) {
      const raw = await readRaw(kramek.core.db);
      for (const [from, to] of RANGES) {
        for (const includeCancelled of [false, true]) {
          const s = await stats(from, to, includeCancelled);
          const e = expected(raw, from, to, includeCancelled);
          const at = `${label}: ${from}–${to}${includeCancelled ? ' with cancelled' : ''}`;
          assert.deepEqual({ orders: s.totals.orders, gross: s.totals.gross, net: s.totals.net }, { orders: e.orders, gross: e.gross, net: e.net }, at);
          assert.deepEqual(Object.fromEntries(s.statuses.filter((x) => x.orders).map((x) => [x.status, x.orders])), e.statuses, at);
          assert.deepEqual(Object.fromEntries(s.payments.map((p) => [p.code, p.orders])), e.payments, at);
          assert.deepEqual(s.customers, e.customers, at);
          const topSkus = [...e.skus].sort((a, b) => b[1].gross - a[1].gross || a[0].localeCompare(b[0])).slice(0, 10);
          assert.deepEqual(s.products.map((p) => [p.key, p.gross, p.quantity]), topSkus.map(([sku, v]) => [sku, v.gross, v.quantity]), at);
          for (const b of s.buckets) {
            const day = e.days.get(b.from) ?? { orders: 0, gross: 0, net: 0 };
            assert.deepEqual({ day: b.from, orders: b.orders, gross: b.gross, net: b.net }, { day: b.from, ...day }, at);
          }
        }
      }
    }

    before(async () => {
      clockNow = NOW;
      kramek = await startKramek(dialect, { clock: { now: () => clockNow } });
      await setUpShop(kramek);
      await bulkOrders(kramek.core.db, { orders: 400, end: NOW, days: 80, seed: 11 });
    });
    after(() => kramek.close());

    test('the bulk fill is summarised: no pending changes, figures equal the direct computation', async () => {
      assert.equal((await sql`select * from stats_dirty`.execute(kramek.core.db)).rows.length, 0);
      await assertMatchesOrders('after the bulk fill');
    });

    test('placing orders, moving them along and cancelling keep the summaries equal to the orders, and equal to a rebuild', async () => {
      const db = kramek.core.db;
      // A returning guest (the bulk's guest email in other letter case), a new guest and a registered bulk customer's email.
      const guest = (await db.selectFrom('orders').select('email').where('customer_id', 'is', null).orderBy('id').executeTakeFirstOrThrow()).email;
      const returning = await placeOrder(kramek, { customer: { email: guest.toUpperCase(), name: 'Host', phone: null, company: null, ico: null, dic: null } });
      const fresh = await placeOrder(kramek, { customer: { email: 'nova.zakaznice@example.cz', name: 'Nová', phone: null, company: null, ico: null, dic: null } });
      const second = await placeOrder(kramek, { customer: { email: 'nova.zakaznice@example.cz', name: 'Nová', phone: null, company: null, ico: null, dic: null }, items: [{ sku: 'BOOK-1', quantity: 3 }] });
      assert.ok((await sql`select * from stats_dirty`.execute(db)).rows.length >= 3, 'placements mark their day');
      await assertMatchesOrders('after placing');

      await change(returning.number, 'processing');
      await change(fresh.number, 'cancelled'); // her second order becomes her first counted one
      await assertMatchesOrders('after processing and cancelling');

      // Cancelling an older order of a bulk customer moves their "previous order day" on later days.
      const open = await db.selectFrom('orders').select(['number', 'customer_id', 'email']).where('status', 'in', ['new', 'processing']).where('number', 'not in', [returning.number, fresh.number, second.number]).orderBy('created_at').executeTakeFirstOrThrow();
      await change(open.number, 'cancelled');
      await change(second.number, 'cancelled');
      await assertMatchesOrders('after cancelling a bulk order');

      // A customer's earlier order cancelled: on a later day (in another range) she becomes new instead of returning.
      const her = { customer: { email: 'vracejici@example.cz', name: 'Vracející', phone: null, company: null, ico: null, dic: null } };
      clockNow = new Date('2026-11-10T09:00:00Z');
      const earlier = await placeOrder(kramek, her);
      clockNow = new Date('2026-11-25T09:00:00Z');
      await placeOrder(kramek, her);
      clockNow = NOW;
      const week = async () => (await stats('2026-11-20', TODAY, false)).customers;
      const before = await week();
      await assertMatchesOrders('after a customer ordered twice');
      await change(earlier.number, 'cancelled');
      assert.deepEqual(await week(), { new: before.new + 1, returning: before.returning - 1 });
      await assertMatchesOrders('after her earlier order was cancelled');

      const incremental = await snapshot(db);
      assert.ok(incremental.stats_customer_days!.length > 0 && incremental.stats_item_days!.length > 0);
      await rebuildStatsRollups(db);
      assert.deepEqual(await snapshot(db), incremental, 'a full rebuild writes the same rows');
      await assertMatchesOrders('after the rebuild');
    });

    test('anonymising a returning one-time buyer keeps the summaries equal to the orders and to a rebuild', async () => {
      const db = kramek.core.db;
      const guest = await db
        .selectFrom('orders')
        .select((eb) => [sql<string>`lower(email)`.as('email'), eb.fn.countAll<number>().as('n')])
        .where('customer_id', 'is', null)
        .groupBy(sql`lower(email)`)
        .having(sql`count(*)`, '>=', 2)
        .executeTakeFirstOrThrow();
      const result = await kramek.core.services.anonymizeGuest(guest.email, 'test');
      assert.equal(result.orders, Number(guest.n));
      await assertMatchesOrders('after a one-time buyer was anonymised');
      const visits = (await sql<{ customer_key: string }>`select customer_key from stats_customer_visits`.execute(db)).rows.map((r) => r.customer_key);
      assert.ok(!visits.includes(`e${guest.email}`), 'nothing is left under the old email');
      const incremental = await snapshot(db);
      await rebuildStatsRollups(db);
      assert.deepEqual(await snapshot(db), incremental, 'a full rebuild writes the same rows');
    });
  });
}
