/**
 * Card payments on both databases, against a faithful fake of Comgate's protocol and through the in-process test
 * gateway: checkout goes to the gateway, the notification is confirmed by the status call, replays and forgeries
 * change nothing, a gateway down or slow leaves the order unpaid with a clear message and "Zaplatit znovu", and a
 * credit note refunds through the gateway once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { outboxOf, placeOrder, setUpShop } from './support/orders.js';
import { adminApi, SELLER, type Api } from './support/invoices.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { startFakeComgate, type FakeComgate } from './support/fake-comgate.js';
import { cardGateways } from '../src/adapters/payments/card-gateways.js';

const MERCHANT = '475067';
const SECRET = 'comgateSecret0123456789abcdef';
const CARD = { code: 'karta', kind: 'card', name: 'Platba kartou online', price: 0 };

for (const dialect of DIALECTS) {
  describe(`card payments on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let comgate: FakeComgate;
    let api: Api;
    let shopUrl = '';

    const cardOrder = async () => {
      const placed = await placeOrder(kramek, { paymentMethod: 'karta' });
      return (await kramek.core.services.findOrder(placed.number))!;
    };
    const orderPage = (o: { number: string; accessToken: string }) => `/objednavka/${o.number}?t=${encodeURIComponent(o.accessToken)}`;
    const payFromOrderPage = async (agent: Agent, o: { number: string; accessToken: string }) => {
      const page = await agent.get(orderPage(o));
      assert.match(page.body, /Zaplatit znovu/);
      return agent.post(`/objednavka/${o.number}/zaplatit`, { _csrf: csrfTokenOf(page.body), t: o.accessToken });
    };
    const paymentEvents = async (number: string) => (await kramek.core.services.adminOrder(number)).timeline.filter((e) => e.kind === 'payment').length;

    before(async () => {
      comgate = await startFakeComgate({ merchant: MERCHANT, secret: SECRET, notifyUrl: () => `${shopUrl}/api/payments/comgate/notify` });
      kramek = await startKramek(dialect, { ports: { cardGateways: cardGateways({ comgateUrl: comgate.url, publicUrl: 'https://obchod.example.cz', timeoutMs: 400 }) } });
      await kramek.app.listen({ port: 0, host: '127.0.0.1' });
      shopUrl = `http://127.0.0.1:${(kramek.app.server.address() as AddressInfo).port}`;
      await setUpShop(kramek);
      const { token } = await kramek.core.services.createApiToken({ name: 'Majitel', role: 'owner' });
      api = adminApi(kramek, `Bearer ${token}`);
    });
    after(async () => {
      await kramek.close();
      await comgate.close();
    });

    test('card payment is offered only with a gateway set up; the secret is never shown back', async () => {
      const methods = (await kramek.core.services.getSettings()).checkout.paymentMethods;
      const refused = await api('PATCH' as 'POST', '/api/admin/settings', { checkout: { paymentMethods: [...methods, CARD] } });
      assert.equal(refused.status, 422);
      assert.match(Object.values(refused.json().error.fields as Record<string, string>).join(), /po nastavení platební brány/);
      const saved = await api('PATCH' as 'POST', '/api/admin/settings', { shop: SELLER, invoices: { issueOn: 'paid' }, payments: { card: { provider: 'comgate', merchant: MERCHANT, secret: SECRET, test: true } }, checkout: { paymentMethods: [...methods, CARD] } });
      assert.equal(saved.status, 200, saved.body);
      assert.equal(saved.json().payments.card.secret, '••••cdef');
      assert.ok((await api('GET', '/api/store/payment-methods')).json().some((m: { code: string }) => m.code === 'karta'));
    });

    test('checkout sends the buyer to Comgate; the notification, confirmed by the status call, marks the order paid once', async () => {
      const agent = new Agent(kramek.app);
      const added = await agent.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=1' });
      assert.equal(added.statusCode, 303);
      const page = await agent.get('/pokladna');
      const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1] ?? '';
      assert.match(page.body, /Platba kartou online/);
      const placed = await agent.post('/pokladna', {
        _csrf: csrfTokenOf(page.body),
        idempotencyKey: hidden('idempotencyKey'),
        expectedTotal: hidden('expectedTotal'),
        email: 'jana@example.cz',
        name: 'Jana Nováková',
        street: 'Dlouhá 12',
        city: 'Praha',
        zip: '11000',
        country: 'CZ',
        shippingMethod: 'ppl',
        paymentMethod: 'karta',
        terms: '1',
      });
      assert.equal(placed.statusCode, 303, placed.body);
      assert.match(String(placed.headers.location), /^https:\/\/payments\.comgate\.cz\/client\/instructions\/index\?id=/);
      const create = comgate.calls.at(-1)!;
      assert.equal(create.endpoint, 'create');
      const transId = String(placed.headers.location).split('id=')[1]!;
      const payment = comgate.payments.get(transId)!;
      const order = (await kramek.core.services.findOrder(payment.fields.refId!))!;
      assert.deepEqual(
        { merchant: create.fields.merchant, secret: create.fields.secret, price: create.fields.price, curr: create.fields.curr, prepareOnly: create.fields.prepareOnly, test: create.fields.test, email: create.fields.email, lang: create.fields.lang },
        { merchant: MERCHANT, secret: SECRET, price: String(order.total), curr: 'CZK', prepareOnly: 'true', test: 'true', email: 'jana@example.cz', lang: 'cs' },
      );
      assert.equal(order.paymentStatus, 'unpaid', 'the redirect alone pays nothing');

      const told = await comgate.finish(transId, 'PAID');
      assert.deepEqual(told, { status: 200, body: 'code=0&message=OK' });
      assert.equal(comgate.calls.at(-1)!.endpoint, 'status', 'confirmed by the status call');
      assert.equal((await kramek.core.services.findOrder(order.number))!.paymentStatus, 'paid');
      assert.equal((await kramek.core.services.orderInvoices(order.number)).length, 1, 'the invoice on payment');
      assert.ok((await outboxOf(kramek, order.number)).some((e) => e.kind === 'payment'));
      const events = await paymentEvents(order.number);
      const replay = await fetch(`${shopUrl}/api/payments/comgate/notify`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(comgate.notificationOf(transId)).toString() });
      assert.equal(replay.status, 200);
      assert.equal(await paymentEvents(order.number), events, 'a replayed notification changes nothing');
      const back = await agent.get(`/platby/navrat?id=${transId}&refId=${order.number}`);
      assert.equal(back.statusCode, 303);
      const thanks = await agent.get(String(back.headers.location));
      assert.match(thanks.body, /platba kartou proběhla/);
      assert.doesNotMatch(thanks.body, /Zaplatit znovu/);
    });

    test('a forged notification (wrong secret, or PAID while the gateway says otherwise) changes nothing', async () => {
      const agent = new Agent(kramek.app);
      const order = await cardOrder();
      const started = await payFromOrderPage(agent, order);
      const transId = String(started.headers.location).split('id=')[1]!;
      const forge = (fields: Record<string, string>) => fetch(`${shopUrl}/api/payments/comgate/notify`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...comgate.notificationOf(transId), status: 'PAID', ...fields }).toString() });
      const statusCalls = comgate.calls.filter((c) => c.endpoint === 'status').length;
      assert.equal((await forge({ secret: 'guessed' })).status, 403);
      assert.equal(comgate.calls.filter((c) => c.endpoint === 'status').length, statusCalls, 'a forgery is not even looked up');
      assert.equal((await forge({ transId: 'AAAA-BBBB-CCCC' })).status, 404);
      const believed = await forge({});
      assert.equal(believed.status, 200, 'authentic, but the gateway says PENDING');
      assert.equal((await kramek.core.services.findOrder(order.number))!.paymentStatus, 'unpaid');
      const returned = await agent.get(`/platby/navrat?id=${transId}`);
      assert.match((await agent.get(String(returned.headers.location))).body, /ještě ověřujeme/);
      assert.equal((await agent.get('/platby/navrat?id=NOPE-NOPE-NOPE')).statusCode, 404);
    });

    test('the gateway down or silent: the order exists unpaid, the buyer is told and pays again later; a cancel offers it too', async () => {
      const agent = new Agent(kramek.app);
      const order = await cardOrder();
      for (const mode of ['down', 'hang'] as const) {
        comgate.mode = mode;
        const started = Date.now();
        const tried = await payFromOrderPage(agent, order);
        assert.equal(tried.statusCode, 303);
        assert.equal(tried.headers.location, orderPage(order));
        assert.ok(Date.now() - started < 3000, 'a silent gateway is given up after the timeout');
        const page = await agent.get(orderPage(order));
        assert.match(page.body, /Platební brána teď neodpovídá/);
        assert.match(page.body, /Zaplatit znovu/);
        assert.equal((await kramek.core.services.findOrder(order.number))!.paymentStatus, 'unpaid');
      }
      comgate.mode = 'up';
      const again = await payFromOrderPage(agent, order);
      const transId = String(again.headers.location).split('id=')[1]!;
      assert.deepEqual(await comgate.finish(transId, 'CANCELLED'), { status: 200, body: 'code=0&message=OK' });
      const back = await agent.get(`/platby/navrat?id=${transId}`);
      const page = await agent.get(String(back.headers.location));
      assert.match(page.body, /nebyla dokončena/);
      assert.match(page.body, /Zaplatit znovu/);
    });

    test('a credit note on a card-paid order refunds through the gateway once, with its own reference', async () => {
      const agent = new Agent(kramek.app);
      const order = await cardOrder();
      const transId = String((await payFromOrderPage(agent, order)).headers.location).split('id=')[1]!;
      await comgate.finish(transId, 'PAID');
      const [invoice] = await kramek.core.services.orderInvoices(order.number);
      const credited = await api('POST', `/api/admin/invoices/${invoice!.id}/credit-note`, { reason: 'Vrácené zboží', amount: 10000 });
      assert.equal(credited.status, 201, credited.body);
      const refunds = () => comgate.calls.filter((c) => c.endpoint === 'refund');
      assert.equal(refunds().length, 1);
      assert.deepEqual({ transId: refunds()[0]!.fields.transId, amount: refunds()[0]!.fields.amount, refId: refunds()[0]!.fields.refId }, { transId, amount: '10000', refId: `refund-${credited.json().id}` });
      assert.equal(await kramek.core.services.sendPendingRefunds(), 0, 'the worker finds nothing left to send');
      assert.equal(refunds().length, 1, 'called once');
      assert.equal(comgate.payments.get(transId)!.refunds.length, 1);
      assert.ok((await kramek.core.services.adminOrder(order.number)).timeline.some((e) => /Vráceno na kartu 100,00/.test(e.text)));
    });

    test('the demo shop takes card payments through the test gateway', async () => {
      const demo = await startKramek(dialect);
      try {
        await demo.core.services.seedDemoShop();
        const settings = await demo.core.services.getSettings();
        assert.equal(settings.payments.card.provider, 'fake');
        assert.ok(settings.payments.card.secret.length >= 20);
        const methods = (await demo.app.inject({ method: 'GET', url: '/api/store/payment-methods' })).json() as { code: string; name: string }[];
        assert.ok(methods.some((m) => m.code === 'karta' && m.name === 'Platba kartou online'));
      } finally {
        await demo.close();
      }
    });

    test('the test gateway: its own page, a signed notification through the shop, forgeries refused, refunds once', async () => {
      await kramek.core.services.updateSettings({ patch: { payments: { card: { provider: 'fake', secret: 'demoSecret0123456789' } } }, actor: 'test' });
      const agent = new Agent(kramek.app);
      const order = await cardOrder();
      const started = await payFromOrderPage(agent, order);
      const gatewayPage = String(started.headers.location);
      assert.match(gatewayPage, /^https:\/\/obchod\.example\.cz\/platby\/testovaci-brana\/TEST-/);
      const path = new URL(gatewayPage).pathname;
      const page = await agent.get(path);
      assert.match(page.body, /Testovací platební brána/);
      const forged = await agent.request({ method: 'POST', url: '/api/payments/test-gateway/notify', headers: { 'x-signature': '00'.repeat(32) }, payload: { transId: path.split('/').at(-1)!, status: 'PAID' } });
      assert.equal(forged.statusCode, 403);
      const paid = await agent.post(path, { _csrf: csrfTokenOf(page.body), outcome: 'PAID' });
      assert.equal(paid.statusCode, 303);
      assert.equal((await kramek.core.services.findOrder(order.number))!.paymentStatus, 'paid');
      const [invoice] = await kramek.core.services.orderInvoices(order.number);
      const credited = await api('POST', `/api/admin/invoices/${invoice!.id}/credit-note`, { reason: 'Storno' });
      assert.equal(credited.status, 201);
      assert.ok((await kramek.core.services.adminOrder(order.number)).timeline.some((e) => /Vráceno na kartu/.test(e.text)));
    });
  });
}
