/**
 * Invoices and credit notes through the admin API on both databases: issued on payment in the payment's transaction,
 * by hand (once), corrected by line, by amount and in full, never more than invoiced, never deleted; bad input is a
 * clear 4xx that changes nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { outboxOf, placeOrder } from './support/orders.js';
import { adminApi, invoiceCount, setUpInvoicingShop, type Api } from './support/invoices.js';
import { pragueDateOf } from '../src/domain/stats/prague-calendar.js';

for (const dialect of DIALECTS) {
  describe(`invoices and credit notes in the admin API on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let api: Api;
    let englishApi: Api;
    const today = pragueDateOf(new Date());
    const year = today.slice(0, 4);

    before(async () => {
      kramek = await startKramek(dialect);
      const { authorization } = await setUpInvoicingShop(kramek, { issueOn: 'paid' });
      api = adminApi(kramek, authorization);
      englishApi = adminApi(kramek, authorization, 'en');
    });
    after(() => kramek.close());

    test('marking an order paid issues its invoice in the same transaction, once, with everything § 29 asks for', async () => {
      const { number } = await placeOrder(kramek);
      const order = (await kramek.core.services.findOrder(number))!;
      assert.equal((await api('POST', `/api/admin/orders/${number}/payment`, { status: 'paid' })).status, 200);
      const list = await api('GET', `/api/admin/orders/${number}/invoices`);
      assert.equal(list.status, 200);
      const [invoice] = list.json().items;
      assert.equal(list.json().items.length, 1);
      assert.equal(invoice.kind, 'invoice');
      assert.equal(invoice.title, 'Faktura – daňový doklad');
      assert.equal(invoice.number, `FV${year}-00001`);
      assert.equal(invoice.variableSymbol, number, 'the variable symbol is the order number by default');
      assert.equal(invoice.issueDate, today);
      assert.equal(invoice.taxableSupplyDate, today, 'DUZP of a prepaid order is the day of payment');
      assert.equal(invoice.dueDate > today, true);
      assert.equal(invoice.total, order.total);
      assert.equal(invoice.currency, 'CZK');
      assert.deepEqual(invoice.supplier.ico, '27074358');
      assert.equal(invoice.supplier.dic, 'CZ27074358');
      assert.equal(invoice.customer.name, 'Jana Nováková');
      // The recapitulation: one row per rate, base + VAT = total of the rate, rows add up to the document total.
      assert.deepEqual(invoice.vat.map((r: { rate: number }) => r.rate), [21, 12]);
      for (const row of invoice.vat) assert.equal(row.base + row.vat, row.total);
      assert.equal(invoice.vat.reduce((s: number, r: { total: number }) => s + r.total, 0), invoice.total);
      for (const rate of [21, 12]) {
        const lines = invoice.lines.filter((l: { vatRate: number }) => l.vatRate === rate);
        const row = invoice.vat.find((r: { rate: number }) => r.rate === rate);
        assert.equal(lines.reduce((s: number, l: { vat: number }) => s + l.vat, 0), row.vat, `lines of ${rate} % add up to the recapitulation`);
      }
      const emails = (await outboxOf(kramek, number)).filter((e) => e.kind === 'invoice');
      assert.equal(emails.length, 1);
      assert.match(emails[0]!.subject, new RegExp(`FV${year}-00001.*${number}`));
      assert.match(emails[0]!.text_body, new RegExp(`/objednavka/${number}/doklady/${invoice.id}\\.pdf\\?t=`));
      const detail = (await api('GET', `/api/admin/orders/${number}`)).json();
      assert.ok(detail.history.some((h: { kind: string; text: string }) => h.kind === 'invoice' && h.text.includes(invoice.number)));

      // Paid again after a correction of the payment state: still the one invoice.
      await api('POST', `/api/admin/orders/${number}/payment`, { status: 'unpaid' });
      await api('POST', `/api/admin/orders/${number}/payment`, { status: 'paid' });
      assert.equal((await api('GET', `/api/admin/orders/${number}/invoices`)).json().items.length, 1);
    });

    test('an order is invoiced by hand once; a second invoice, a cancelled or unknown order is a 4xx that changes nothing', async () => {
      const { number } = await placeOrder(kramek);
      const first = await api('POST', `/api/admin/orders/${number}/invoice`);
      assert.equal(first.status, 201);
      const before = await invoiceCount(kramek);
      const twice = await api('POST', `/api/admin/orders/${number}/invoice`);
      assert.equal(twice.status, 409);
      assert.equal(twice.json().error.code, 'invoice_exists');
      assert.match(twice.json().error.message, /už má platnou fakturu/);
      assert.equal(await invoiceCount(kramek), before);

      const cancelled = await placeOrder(kramek);
      await api('POST', `/api/admin/orders/${cancelled.number}/status`, { status: 'cancelled' });
      const refused = await api('POST', `/api/admin/orders/${cancelled.number}/invoice`);
      assert.equal(refused.status, 422);
      assert.match(refused.json().error.fields.order, /stornované/);
      assert.equal((await api('POST', '/api/admin/orders/999999/invoice')).status, 404);
      assert.equal(await invoiceCount(kramek), before);
      // The next invoice continues the series: the refused attempts used no number.
      const next = await api('POST', `/api/admin/orders/${(await placeOrder(kramek)).number}/invoice`);
      assert.equal(next.json().number, `FV${year}-${String(Number(first.json().number.slice(-5)) + 1).padStart(5, '0')}`);
    });

    test('credit notes: bad input is refused with clear messages; lines, amounts and the rest correct exactly what was invoiced', async () => {
      const { number } = await placeOrder(kramek, { items: [{ sku: 'TEA-1', quantity: 3 }, { sku: 'BOOK-1', quantity: 1 }] });
      const invoice = (await api('POST', `/api/admin/orders/${number}/invoice`)).json();
      const url = `/api/admin/invoices/${invoice.id}/credit-note`;
      const before = await invoiceCount(kramek);
      const refusals: [unknown, string, RegExp][] = [
        [{ lines: [{ line: 1, quantity: 1 }] }, 'reason', /důvod opravy/i],
        [{ reason: 'Sleva', amount: invoice.total + 1 }, 'amount', /nesmí být vyšší/],
        [{ reason: 'Vráceno', lines: [{ line: 1, quantity: 4 }] }, 'lines.0.quantity', /nesmí být vyšší/],
        [{ reason: 'Vráceno', lines: [{ line: 99, quantity: 1 }] }, 'lines.0.line', /není/],
        [{ reason: 'Vráceno', lines: [{ line: 1, quantity: 1 }], amount: 100 }, 'amount', /buď položky, nebo částku/],
        [{ reason: 'Sleva', amount: 100, vatRate: 10 }, 'vatRate', /sazbě/],
        [{ reason: 'Sleva', amount: -5 }, 'amount', /kladnou částku/],
      ];
      for (const [body, field, message] of refusals) {
        const response = await api('POST', url, body);
        assert.equal(response.status, 422, JSON.stringify(body));
        assert.match(response.json().error.fields[field], message, JSON.stringify(body));
      }
      const english = await englishApi('POST', url, { lines: [{ line: 1, quantity: 1 }] });
      assert.match(english.json().error.fields.reason, /Give the reason/);
      assert.equal(await invoiceCount(kramek), before, 'refused credit notes leave nothing behind');

      const byLine = await api('POST', url, { reason: 'Vrácený čaj', lines: [{ line: 1, quantity: 2 }] });
      assert.equal(byLine.status, 201);
      const credit = byLine.json();
      assert.equal(credit.kind, 'credit_note');
      assert.equal(credit.number, `OD${year}-00001`);
      assert.equal(credit.title, 'Opravný daňový doklad');
      assert.equal(credit.total, -29800);
      assert.equal(credit.reason, 'Vrácený čaj');
      assert.equal(credit.invoiceId, invoice.id);
      assert.deepEqual(credit.original, { id: invoice.id, number: invoice.number, issueDate: invoice.issueDate });
      assert.equal(credit.lines[0].invoiceLine, 1);
      assert.equal(credit.lines[0].quantity, -2);
      assert.equal((await api('GET', `/api/admin/invoices/${invoice.id}`)).json().state, 'partially_credited');

      const byAmount = await api('POST', url, { reason: 'Sleva na knihu', amount: 4800, vatRate: 12 });
      assert.equal(byAmount.status, 201);
      assert.deepEqual(byAmount.json().vat, [{ rate: 12, base: -4286, vat: -514, total: -4800 }]);

      const rest = await api('POST', url, { reason: 'Storno zbytku objednávky' });
      assert.equal(rest.status, 201);
      assert.equal(credit.total + byAmount.json().total + rest.json().total, -invoice.total, 'the credit notes correct exactly the invoiced total');
      const corrected = (await api('GET', `/api/admin/invoices/${invoice.id}`)).json();
      assert.equal(corrected.state, 'credited');
      assert.equal(corrected.creditedTotal, invoice.total);
      const more = await api('POST', url, { reason: 'Ještě jednou' });
      assert.equal(more.status, 409);
      assert.equal(more.json().error.code, 'invoice_credited');

      // Fully credited: the order may be invoiced anew, under a new number.
      const again = await api('POST', `/api/admin/orders/${number}/invoice`);
      assert.equal(again.status, 201);
      assert.notEqual(again.json().number, invoice.number);
      const documents = (await api('GET', `/api/admin/orders/${number}/invoices`)).json().items;
      assert.deepEqual(documents.map((d: { kind: string }) => d.kind), ['invoice', 'credit_note', 'credit_note', 'credit_note', 'invoice']);
    });

    test('an issued document is never deleted, and a credit note cannot be credited', async () => {
      const { number } = await placeOrder(kramek);
      const invoice = (await api('POST', `/api/admin/orders/${number}/invoice`)).json();
      const refused = await api('DELETE', `/api/admin/invoices/${invoice.id}`);
      assert.equal(refused.status, 409);
      assert.equal(refused.json().error.code, 'invoice_kept');
      assert.equal((await api('GET', `/api/admin/invoices/${invoice.id}`)).status, 200);
      await assert.rejects(kramek.core.db.deleteFrom('invoices').where('id', '=', invoice.id).execute(), /cannot be deleted/, 'the database refuses it too');
      const credit = (await api('POST', `/api/admin/invoices/${invoice.id}/credit-note`, { reason: 'Reklamace' })).json();
      const nested = await api('POST', `/api/admin/invoices/${credit.id}/credit-note`, { reason: 'x' });
      assert.equal(nested.status, 422);
      assert.equal((await api('GET', '/api/admin/invoices/99999')).status, 404);
      assert.equal((await api('GET', '/api/admin/invoices/abc')).status, 404);
    });

    test('the list filters by series, payment and issue days', async () => {
      const all = (await api('GET', '/api/admin/invoices?limit=200')).json().items;
      const credits = (await api('GET', '/api/admin/invoices?series=credit_note&limit=200')).json().items;
      assert.ok(credits.length > 0 && credits.every((i: { kind: string }) => i.kind === 'credit_note'));
      const paid = (await api('GET', '/api/admin/invoices?paid=paid&limit=200')).json().items;
      assert.ok(paid.length > 0 && paid.every((i: { paymentStatus: string }) => i.paymentStatus === 'paid'));
      assert.equal((await api('GET', `/api/admin/invoices?from=${today}&to=${today}&limit=200`)).json().items.length, all.length);
      assert.equal((await api('GET', '/api/admin/invoices?to=2000-01-01')).json().items.length, 0);
      const page = (await api('GET', '/api/admin/invoices?limit=2')).json();
      const second = (await api('GET', `/api/admin/invoices?limit=2&cursor=${page.nextCursor}`)).json();
      assert.deepEqual([...page.items, ...second.items].map((i: { id: number }) => i.id), all.slice(0, 4).map((i: { id: number }) => i.id));
      for (const bad of ['series=x', 'paid=maybe', 'from=2026-13-45', 'limit=0', 'cursor=x']) assert.equal((await api('GET', `/api/admin/invoices?${bad}`)).status, 422, bad);
    });
  });
}
