import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { Agent } from './support/agent.js';
import { bulkOrders } from '../bench/support/bulk-orders.js';
import { expected, localDate, readRaw, type Raw } from './support/stats-expected.js';

const NOW = new Date('2026-11-26T10:00:00Z');
const FROM = '2026-10-01';
const TO = '2026-10-31';
// Prague-midnight edges of October 2026 (summer time until 25 October 03:00, then winter time) and the DST day.
const EDGES = [
  '2026-09-30T21:59:59.999Z', // 30 Sep 23:59:59.999 CEST: before the range
  '2026-09-30T22:00:00.000Z', // 1 Oct 00:00 CEST: first instant of the range
  '2026-10-24T22:00:00.000Z', // 25 Oct 00:00 CEST: the 25-hour day begins
  '2026-10-25T22:59:59.000Z', // 25 Oct 23:59:59 CET: still the 25th
  '2026-10-25T23:00:00.000Z', // 26 Oct 00:00 CET
  '2026-10-31T22:59:59.999Z', // 31 Oct 23:59:59.999 CET: last instant of the range
  '2026-10-31T23:00:00.000Z', // 1 Nov 00:00 CET: after the range
];

for (const dialect of DIALECTS) {
  describe(`statistics on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let raw: Raw;
    const stats = (from: string, to: string, includeCancelled = false, grain?: 'day' | 'week' | 'month') => kramek.core.services.statistics({ from, to, includeCancelled, grain });

    before(async () => {
      kramek = await startKramek(dialect, { clock: { now: () => NOW } });
      await bulkOrders(kramek.core.db, { orders: 600, end: NOW, days: 120, seed: 5, at: EDGES });
      raw = await readRaw(kramek.core.db);
    });
    after(() => kramek.close());

    test('sums, per-day buckets and shares equal an independent computation over the same orders', async () => {
      const s = await stats(FROM, TO);
      const e = expected(raw, FROM, TO, false);
      assert.ok(e.orders > 50 && raw.orders.some((o) => o.status === 'cancelled' && localDate(o.created_at) >= FROM && localDate(o.created_at) <= TO), 'the seed has cancelled orders in the range');
      assert.equal(s.totals.orders, e.orders);
      assert.equal(s.totals.gross, e.gross);
      assert.equal(s.totals.net, e.net);
      assert.equal(s.totals.averageOrder, Math.round(e.gross / e.orders));
      assert.equal(s.buckets.length, 31);
      for (const b of s.buckets) {
        const day = e.days.get(b.from) ?? { orders: 0, gross: 0, net: 0 };
        assert.deepEqual({ day: b.from, orders: b.orders, gross: b.gross, net: b.net }, { day: b.from, ...day });
      }
      assert.deepEqual(Object.fromEntries(s.statuses.filter((x) => x.orders).map((x) => [x.status, x.orders])), e.statuses);
      assert.deepEqual(Object.fromEntries(s.payments.map((p) => [p.code, p.orders])), e.payments);
      assert.deepEqual(Object.fromEntries(s.shippings.map((p) => [p.code, p.orders])), e.shippings);
      assert.equal(Math.round(s.payments.reduce((sum, p) => sum + p.percent, 0)), 100);
      const topSkus = [...e.skus].sort((a, b) => b[1].gross - a[1].gross || a[0].localeCompare(b[0])).slice(0, 10);
      assert.deepEqual(s.products.map((p) => [p.key, p.gross, p.quantity]), topSkus.map(([sku, v]) => [sku, v.gross, v.quantity]));
      const topCategories = [...e.categories.values()].sort((a, b) => b - a).slice(0, 10);
      assert.deepEqual(s.categories.map((c) => c.gross), topCategories);
      assert.deepEqual(s.customers, e.customers);
      assert.ok(e.customers.returning > 0 && e.customers.new > 0, 'the seed has both new and returning customers');
    });

    test('cancelled orders are left out of revenue unless included', async () => {
      const without = await stats(FROM, TO);
      const withCancelled = await stats(FROM, TO, true);
      const e = expected(raw, FROM, TO, true);
      assert.equal(withCancelled.totals.orders, e.orders);
      assert.equal(withCancelled.totals.gross, e.gross);
      assert.equal(withCancelled.totals.net, e.net);
      assert.deepEqual(withCancelled.customers, e.customers);
      assert.ok(withCancelled.totals.gross > without.totals.gross);
      assert.equal(withCancelled.totals.orders - without.totals.orders, without.statuses.find((x) => x.status === 'cancelled')!.orders);
    });

    test('range edges are Prague midnights, the 25-hour DST day included', async () => {
      const edgeDays = EDGES.map(localDate);
      assert.deepEqual(edgeDays, ['2026-09-30', '2026-10-01', '2026-10-25', '2026-10-25', '2026-10-26', '2026-10-31', '2026-11-01']);
      for (const day of ['2026-09-30', '2026-10-01', '2026-10-25', '2026-10-26', '2026-10-31', '2026-11-01']) {
        const one = await stats(day, day, true);
        assert.equal(one.statuses.reduce((s, x) => s + x.orders, 0), raw.orders.filter((o) => localDate(o.created_at) === day).length, day);
      }
      const october = await stats(FROM, TO, true);
      assert.equal(october.statuses.reduce((s, x) => s + x.orders, 0), raw.orders.filter((o) => localDate(o.created_at).startsWith('2026-10')).length);
    });

    test('weeks and months roll the same days up', async () => {
      const days = await stats('2026-08-01', '2026-11-26', false, 'day');
      const weeks = await stats('2026-08-01', '2026-11-26', false, 'week');
      const months = await stats('2026-08-01', '2026-11-26', false, 'month');
      assert.deepEqual(months.buckets.map((b) => b.key), ['2026-08', '2026-09', '2026-10', '2026-11']);
      assert.equal(weeks.buckets[0]!.from, '2026-08-01'); // clipped to the range; the week began on Monday 27 July
      assert.equal(weeks.buckets[0]!.key, '2026-07-27');
      assert.ok(weeks.buckets.slice(1).every((b) => new Date(`${b.from}T00:00:00Z`).getUTCDay() === 1));
      for (const grain of [weeks, months]) {
        assert.equal(grain.buckets.reduce((s, b) => s + b.gross, 0), days.buckets.reduce((s, b) => s + b.gross, 0));
        assert.equal(grain.buckets.reduce((s, b) => s + b.orders, 0), days.totals.orders);
      }
      const e = expected(raw, '2026-10-01', '2026-10-31', false);
      assert.equal(months.buckets[2]!.gross, e.gross);
      assert.equal(months.buckets[2]!.net, e.net);
    });

    test('the page draws its charts for staff; each table downloads as CSV; bad ranges are refused', async () => {
      await kramek.core.services.createAdminUser({ email: 'sklad@example.cz', password: 'sklad-heslo-123', role: 'staff', name: 'Sklad' });
      const anonymous = await new Agent(kramek.app, '10.7.0.1').get('/admin/statistiky');
      assert.equal(anonymous.statusCode, 303);
      const staff = new Agent(kramek.app, '10.7.0.2');
      await staff.signIn('sklad@example.cz', 'sklad-heslo-123');
      const page = await staff.get(`/admin/statistiky?from=${FROM}&to=${TO}`);
      assert.equal(page.statusCode, 200);
      assert.equal((page.body.match(/<svg class="chart"/g) ?? []).length, 6);
      assert.match(page.body, /<title id="chart-revenue-title">Tržby podle období<\/title>/);
      assert.match(page.body, /Tržby bez DPH/);
      assert.doesNotMatch(page.body, /<script|style="/);
      const csv = await staff.get(`/admin/statistiky/revenue.csv?from=${FROM}&to=${TO}`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename="statistiky-revenue-2026-10-01-2026-10-31.csv"/);
      assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'Období;Objednávky;Tržby s DPH;Tržby bez DPH;DPH');
      assert.equal(lines.length, 32);
      const e = expected(raw, FROM, TO, false);
      const haler = (v: string) => Math.round(Number(v.replace(',', '.')) * 100);
      assert.equal(lines.slice(1).reduce((s, l) => s + haler(l.split(';')[2]!), 0), e.gross);
      assert.equal(lines.slice(1).reduce((s, l) => s + Number(l.split(';')[1]), 0), e.orders);
      const products = (await staff.get(`/admin/statistiky/products.csv?from=${FROM}&to=${TO}`)).body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(products.length, 11);
      assert.equal(products[1]!.split(';')[0], [...e.skus].sort((a, b) => b[1].gross - a[1].gross)[0]![0]);
      assert.equal((await staff.get('/admin/statistiky/nothing.csv')).statusCode, 404);
      const bad = await staff.get('/admin/statistiky?from=2026-10-31&to=2026-10-01');
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Datum „do“ musí být/);
      assert.equal((await staff.get('/admin/statistiky?from=včera')).statusCode, 422);
      const owner = new Agent(kramek.app, '10.7.0.3');
      await owner.signIn(OWNER.email, OWNER.password);
      const defaultRange = await owner.get('/admin/statistiky');
      assert.match(defaultRange.body, /value="2026-10-28"/); // the last 30 days up to the clock's today, 26 Nov
    });
  });
}
