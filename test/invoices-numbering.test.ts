/**
 * Gap-free numbering under load on both databases: parallel requests never skip or repeat a number, an order never
 * gets two live invoices, and parallel credit notes never correct more than was invoiced.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { placeOrder } from './support/orders.js';
import { adminApi, setUpInvoicingShop, type Api } from './support/invoices.js';
import { pragueDateOf } from '../src/domain/stats/prague-calendar.js';

const PARALLEL = 20;

for (const dialect of DIALECTS) {
  describe(`numbering of tax documents under parallel requests on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let api: Api;
    const prefix = `FV${pragueDateOf(new Date()).slice(0, 4)}-`;
    const seq = (number: string) => Number(number.slice(number.lastIndexOf('-') + 1));

    before(async () => {
      kramek = await startKramek(dialect);
      api = adminApi(kramek, (await setUpInvoicingShop(kramek)).authorization);
    });
    after(() => kramek.close());

    test(`${PARALLEL} invoices issued at once get the numbers 1…${PARALLEL}, none skipped, none twice`, async () => {
      const numbers: string[] = [];
      for (let i = 0; i < PARALLEL; i++) numbers.push((await placeOrder(kramek, { items: [{ sku: 'TEA-1', quantity: 1 }] })).number);
      const responses = await Promise.all(numbers.map((n) => api('POST', `/api/admin/orders/${n}/invoice`)));
      assert.deepEqual(responses.map((r) => r.status), numbers.map(() => 201));
      const issued = responses.map((r) => r.json().number as string);
      assert.ok(issued.every((n) => n.startsWith(prefix)));
      assert.deepEqual(issued.map(seq).sort((a, b) => a - b), Array.from({ length: PARALLEL }, (_, i) => i + 1));
      // Each order got its own invoice.
      assert.deepEqual(new Set(responses.map((r) => r.json().orderNumber)), new Set(numbers));
    });

    test('the same order invoiced by several requests at once gets exactly one invoice, and the refused ones use no number', async () => {
      const { number } = await placeOrder(kramek);
      const responses = await Promise.all(Array.from({ length: 8 }, () => api('POST', `/api/admin/orders/${number}/invoice`)));
      assert.equal(responses.filter((r) => r.status === 201).length, 1);
      assert.ok(responses.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.json().error.code === 'invoice_exists'));
      assert.equal(seq(responses.find((r) => r.status === 201)!.json().number), PARALLEL + 1);
      const next = await api('POST', `/api/admin/orders/${(await placeOrder(kramek)).number}/invoice`);
      assert.equal(seq(next.json().number), PARALLEL + 2, 'no gap after the refused requests');
    });

    test('credit notes issued at once never correct more than the invoice, and number without gaps', async () => {
      const { number } = await placeOrder(kramek);
      const invoice = (await api('POST', `/api/admin/orders/${number}/invoice`)).json();
      const quarter = Math.floor(invoice.total / 4);
      const responses = await Promise.all(Array.from({ length: 7 }, (_, i) => api('POST', `/api/admin/invoices/${invoice.id}/credit-note`, { reason: `Sleva ${i + 1}`, amount: quarter })));
      const created = responses.filter((r) => r.status === 201);
      assert.equal(created.length, 4);
      // Too much for what is left (422), or nothing left at all (409).
      assert.ok(responses.filter((r) => r.status !== 201).every((r) => r.status === 422 || r.status === 409));
      assert.deepEqual(created.map((r) => seq(r.json().number)).sort((a, b) => a - b), [1, 2, 3, 4]);
      const after = (await api('GET', `/api/admin/invoices/${invoice.id}`)).json();
      assert.equal(after.creditedTotal, 4 * quarter);
      assert.ok(after.creditedTotal <= invoice.total);
    });
  });
}
