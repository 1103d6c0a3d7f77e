import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ORDER_STATUSES, canTransition } from '../src/domain/orders/order-status.js';
import { isDomainError } from '../src/domain/errors.js';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { outboxOf, placeOrder, productStock, setUpShop, stockOf } from './support/orders.js';

// Which path reaches each status from `new` (for the table test).
const PATH: Record<string, string[]> = { new: [], processing: ['processing'], shipped: ['shipped'], completed: ['completed'], cancelled: ['cancelled'] };

for (const dialect of DIALECTS) {
  describe(`order status changes on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let auth: { authorization: string };
    const api = (method: 'GET' | 'POST', url: string, payload?: object) => kramek.app.inject({ method, url, payload, headers: auth });
    const ship = { carrier: 'ppl', trackingNumber: 'PPL123' };

    before(async () => {
      kramek = await startKramek(dialect, { env: { PUBLIC_URL: 'https://obchod.example.cz' } });
      auth = await setUpShop(kramek);
    });
    after(() => kramek.close());

    test('every allowed move succeeds and every refused one answers 409 invalid_transition, through the service and the API', async () => {
      for (const viaApi of [false, true]) {
        for (const from of ORDER_STATUSES) {
          for (const to of ORDER_STATUSES) {
            const { number } = await placeOrder(kramek);
            for (const step of PATH[from]!) await kramek.core.services.changeOrderStatus({ number, status: step, parcels: [ship], notifyCustomer: false, actor: 'test' });
            if (viaApi) {
              const response = await api('POST', `/api/admin/orders/${number}/status`, { status: to, ...ship, notifyCustomer: false });
              if (canTransition(from, to)) {
                assert.equal(response.statusCode, 200, `${from} → ${to}: ${response.body}`);
                assert.equal(response.json().status, to);
              } else {
                assert.equal(response.statusCode, 409, `${from} → ${to}`);
                assert.equal(response.json().error.code, 'invalid_transition');
              }
            } else {
              const attempt = kramek.core.services.changeOrderStatus({ number, status: to, parcels: [ship], notifyCustomer: false, actor: 'test' });
              if (canTransition(from, to)) assert.equal((await attempt).status, to);
              else await assert.rejects(attempt, (e) => isDomainError(e) && e.code === 'invalid_transition', `${from} → ${to}`);
            }
            assert.equal((await kramek.core.services.findOrder(number))!.status, canTransition(from, to) ? to : from);
          }
        }
      }
    });

    test('an unknown status is a validation error; an unknown order is 404', async () => {
      const { number } = await placeOrder(kramek);
      const bad = await api('POST', `/api/admin/orders/${number}/status`, { status: 'lost' });
      assert.equal(bad.statusCode, 422);
      assert.ok(bad.json().error.fields.status);
      for (const url of ['/api/admin/orders/9999999999', '/api/admin/orders/abc', '/api/admin/orders/9999999999/document.pdf']) assert.equal((await api('GET', url)).statusCode, 404, url);
      assert.equal((await api('POST', '/api/admin/orders/9999999999/status', { status: 'processing' })).statusCode, 404);
      assert.equal((await api('POST', '/api/admin/orders/9999999999/notes', { text: 'x' })).statusCode, 404);
    });

    test('emails follow Configuration per status, unless the change overrides it', async () => {
      await kramek.core.services.updateSettings({ patch: { emails: { onProcessing: true, onShipped: true, onCompleted: false, onCancelled: false } }, actor: 'test' });
      const { number } = await placeOrder(kramek);
      const statusEmails = async () => (await outboxOf(kramek, number)).filter((e) => e.kind === 'order_status');
      await api('POST', `/api/admin/orders/${number}/status`, { status: 'processing' });
      assert.equal((await statusEmails()).length, 1);
      assert.match((await statusEmails())[0]!.subject, new RegExp(number));
      await api('POST', `/api/admin/orders/${number}/status`, { status: 'shipped', ...ship, notifyCustomer: false });
      assert.equal((await statusEmails()).length, 1, 'the override keeps the shipped email back');
      await api('POST', `/api/admin/orders/${number}/status`, { status: 'completed' });
      assert.equal((await statusEmails()).length, 1, 'Configuration says no email on completed');

      const second = await placeOrder(kramek);
      const r = await api('POST', `/api/admin/orders/${second.number}/status`, { status: 'cancelled', notifyCustomer: true });
      assert.equal(r.statusCode, 200);
      const cancelled = (await outboxOf(kramek, second.number)).filter((e) => e.kind === 'order_status');
      assert.equal(cancelled.length, 1, 'the override sends the cancelled email');
      assert.match(cancelled[0]!.subject, /stornována/);
      assert.equal(cancelled[0]!.to_address, 'jana@example.cz');
    });

    test('the shipped email holds the carrier, the tracking number and the tracking link', async () => {
      await kramek.core.services.updateSettings({ patch: { emails: { onShipped: true } }, actor: 'test' });
      const { number } = await placeOrder(kramek);
      const response = await api('POST', `/api/admin/orders/${number}/status`, { status: 'shipped', carrier: 'ppl', trackingNumber: '40123456789' });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.equal(body.shipping.trackingNumber, '40123456789');
      assert.equal(body.shipping.trackingUrl, 'https://www.ppl.cz/vyhledat-zasilku?shipmentId=40123456789');
      const [mail] = (await outboxOf(kramek, number)).filter((e) => e.kind === 'order_status');
      assert.ok(mail);
      assert.match(mail.text_body, /PPL/);
      assert.match(mail.text_body, /40123456789/);
      assert.ok(mail.text_body.includes('https://www.ppl.cz/vyhledat-zasilku?shipmentId=40123456789'));
      assert.ok(body.history.some((h: { kind: string; status?: string; actor: string }) => h.kind === 'status' && h.status === 'shipped' && h.actor === 'Sklad (API)'));
    });

    test('several parcels, one of them with a custom carrier', async () => {
      const { number } = await placeOrder(kramek);
      const r = await api('POST', `/api/admin/orders/${number}/status`, { status: 'shipped', parcels: [{ carrier: 'dpd', trackingNumber: 'D1' }, { carrier: 'Kurýr Novák', trackingNumber: 'K2' }], notifyCustomer: false });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().shipping.parcels, [
        { carrier: 'dpd', trackingNumber: 'D1', trackingUrl: 'https://tracking.dpd.de/status/cs_CZ/parcel/D1' },
        { carrier: 'Kurýr Novák', trackingNumber: 'K2', trackingUrl: null },
      ]);
    });

    test('with the reminder on, shipping without a tracking number needs confirmation and flags the order until a parcel is added', async () => {
      await kramek.core.services.updateSettings({ patch: { checkout: { trackingNumberReminder: true } }, actor: 'test' });
      const { number } = await placeOrder(kramek);
      const refused = await api('POST', `/api/admin/orders/${number}/status`, { status: 'shipped', confirmWithoutTracking: false, notifyCustomer: false });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().error.code, 'validation');
      assert.ok(refused.json().error.fields.trackingNumber);
      assert.equal((await api('GET', `/api/admin/orders/${number}`)).json().status, 'new');

      // Without the field (CONTRACT.md's body) the API ships and flags the order.
      const confirmed = await api('POST', `/api/admin/orders/${number}/status`, { status: 'shipped', notifyCustomer: false });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal(confirmed.json().trackingMissing, true);
      const list = await api('GET', `/api/admin/orders?q=${number}`);
      assert.equal(list.json().items.length, 1);

      const added = await api('POST', `/api/admin/orders/${number}/parcels`, { carrier: 'ppl', trackingNumber: 'LATE1' });
      assert.equal(added.statusCode, 200, added.body);
      assert.equal(added.json().trackingMissing, false);
      assert.equal(added.json().shipping.trackingNumber, 'LATE1');

      await kramek.core.services.updateSettings({ patch: { checkout: { trackingNumberReminder: false } }, actor: 'test' });
      const other = await placeOrder(kramek);
      const free = await api('POST', `/api/admin/orders/${other.number}/status`, { status: 'shipped', notifyCustomer: false });
      assert.equal(free.statusCode, 200);
      assert.equal(free.json().trackingMissing, false);
      await kramek.core.services.updateSettings({ patch: { checkout: { trackingNumberReminder: true } }, actor: 'test' });
    });

    test('cancelling returns the stock once, even repeated or concurrent', async () => {
      const teaBefore = await stockOf(kramek, 'TEA-1');
      const bookBefore = await stockOf(kramek, 'BOOK-1');
      const { number } = await placeOrder(kramek);
      assert.equal(await stockOf(kramek, 'TEA-1'), teaBefore - 2);
      const first = await api('POST', `/api/admin/orders/${number}/status`, { status: 'cancelled', notifyCustomer: false });
      assert.equal(first.statusCode, 200);
      const again = await api('POST', `/api/admin/orders/${number}/status`, { status: 'cancelled', notifyCustomer: false });
      assert.equal(again.statusCode, 409);
      assert.equal(await stockOf(kramek, 'TEA-1'), teaBefore);
      assert.equal(await stockOf(kramek, 'BOOK-1'), bookBefore);
      assert.equal(await productStock(kramek, 'TEA-1'), teaBefore);
      assert.ok(first.json().history.some((h: { kind: string; text: string }) => h.kind === 'stock' && h.text.includes('TEA-1 × 2')));

      const concurrent = await placeOrder(kramek);
      const results = await Promise.allSettled([1, 2, 3].map(() => kramek.core.services.changeOrderStatus({ number: concurrent.number, status: 'cancelled', notifyCustomer: false, actor: 'test' })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.ok(isDomainError(r.reason) && r.reason.code === 'invalid_transition', String(r.reason));
      assert.equal(await stockOf(kramek, 'TEA-1'), teaBefore);
      assert.equal(await stockOf(kramek, 'BOOK-1'), bookBefore);
      assert.equal(await productStock(kramek, 'BOOK-1'), bookBefore);
    });

    test('payment state is set by hand, recorded, shown and filterable', async () => {
      const { number } = await placeOrder(kramek);
      const paid = await api('POST', `/api/admin/orders/${number}/payment`, { status: 'paid' });
      assert.equal(paid.statusCode, 200);
      assert.equal(paid.json().payment.status, 'paid');
      assert.ok(paid.json().history.some((h: { kind: string; text: string }) => h.kind === 'payment' && /zaplaceno/.test(h.text)));
      assert.equal((await api('POST', `/api/admin/orders/${number}/payment`, { status: 'gone' })).statusCode, 422);
      const list = (await api('GET', '/api/admin/orders?payment=paid&limit=200')).json();
      assert.ok(list.items.some((o: { number: string }) => o.number === number));
      assert.ok(list.items.every((o: { paymentStatus: string }) => o.paymentStatus === 'paid'));
    });
  });
}
