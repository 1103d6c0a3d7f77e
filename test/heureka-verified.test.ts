/**
 * Heureka "Ověřeno zákazníky" with a fake Heureka on loopback: with an API key every new order is queued in the order's
 * transaction and posted by the worker (email, order number, the feed's item ids), retried on a server error, never
 * posted twice once accepted, and not at all when the customer declined at checkout (offered only with a key).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { TestClock } from './support/outbox.js';
import { BUYER, placeOrder, setUpShop } from './support/orders.js';
import { pngImage } from './support/catalog.js';
import { Agent, csrfTokenOf } from './support/agent.js';

type Received = { contentType: string; body: Record<string, unknown> };

/** Heureka's endpoint as its documentation describes it; `answers` are the statuses of the next calls (then 200). */
async function fakeHeureka() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ contentType: String(request.headers['content-type']), body: JSON.parse(text) as Record<string, unknown> });
      const status = answers.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status === 200 ? { code: 200, message: 'ok' } : { code: status, message: 'error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/shop-certification/v2/order/log`;
  return { url, received, answers, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

for (const dialect of DIALECTS) {
  describe(`Heureka Ověřeno zákazníky on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let heureka: Awaited<ReturnType<typeof fakeHeureka>>;
    const clock = new TestClock(new Date('2026-05-04T09:00:00.000Z'));
    const calls = () => kramek.core.db.selectFrom('outbox_calls').selectAll().orderBy('id').execute();
    const deliver = () => kramek.core.services.deliverQueuedCalls({ worker: 'test-worker' });

    before(async () => {
      heureka = await fakeHeureka();
      kramek = await startKramek(dialect, { clock, ports: { heurekaVerifiedUrl: heureka.url } });
      await setUpShop(kramek);
      for (const sku of ['TEA-1', 'BOOK-1']) {
        const product = (await kramek.core.services.listProducts({ q: sku === 'TEA-1' ? 'sencha' : 'kniha', sort: 'newest', limit: 1 })).items[0]!;
        await kramek.core.services.addProductImage(product.id, { bytes: await pngImage(200, 200) });
      }
    });
    after(async () => {
      await kramek.close();
      await heureka.close();
    });

    test('without an API key nothing is queued', async () => {
      await placeOrder(kramek);
      assert.deepEqual(await calls(), []);
    });

    test('each new order is posted once through the outbox, with the items as the feed names them; a server error is tried again', async () => {
      await kramek.core.services.updateSettings({ patch: { marketing: { heurekaVerifiedKey: 'abc123DEF' } }, actor: 'test' });
      const { number } = await placeOrder(kramek);
      const declined = await placeOrder(kramek, { reviewOptOut: true });
      const queued = await calls();
      assert.equal(queued.length, 1, 'the declining customer is not reported');
      assert.equal(queued[0]!.status, 'queued');
      assert.ok(declined.number);

      heureka.answers.push(503);
      assert.deepEqual(await deliver(), { claimed: 1, sent: 0, retried: 1, failed: 0 });
      assert.match((await calls())[0]!.last_error!, /^HTTP 503/);
      assert.equal((await deliver()).claimed, 0, 'not due again before its back-off');
      clock.advance(10 * 60 * 1000);
      assert.deepEqual(await deliver(), { claimed: 1, sent: 1, retried: 0, failed: 0 });
      clock.advance(60 * 60 * 1000);
      assert.equal((await deliver()).claimed, 0, 'never posted again once accepted');
      assert.equal((await calls())[0]!.status, 'sent');

      assert.equal(heureka.received.length, 2);
      const { body, contentType } = heureka.received[1]!;
      assert.match(contentType, /^application\/json/);
      const feed = (await kramek.app.inject({ url: '/feeds/heureka.xml' })).body;
      const itemIdOf = (sku: string) => new RegExp(`<ITEM_ID>(\\d+)</ITEM_ID>(?:(?!</SHOPITEM>).)*<PRODUCTNAME>${sku === 'TEA-1' ? 'Čaj Sencha' : 'Kniha o čaji'}`).exec(feed)![1];
      assert.deepEqual(body, { apiKey: 'abc123DEF', email: BUYER.customer.email, orderId: number, productItemIds: [itemIdOf('TEA-1'), itemIdOf('BOOK-1')] });
    });

    test('a refused key fails for good, and the storefront checkout offers the opt-out and honours it', async () => {
      await placeOrder(kramek, { customer: { ...BUYER.customer, email: 'petr@example.cz' } });
      heureka.answers.push(401);
      assert.deepEqual(await deliver(), { claimed: 1, sent: 0, retried: 0, failed: 1 });
      const before = (await calls()).length;

      const agent = new Agent(kramek.app, '10.7.7.7');
      await agent.request({ method: 'POST', url: '/kosik', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80', host: 'localhost:80' }, payload: 'sku=TEA-1&quantity=1' });
      const checkout = (await agent.get('/pokladna')).body;
      assert.match(checkout, /<input type="checkbox" id="reviewOptOut" name="reviewOptOut" value="1"\/><label for="reviewOptOut">Nesouhlasím se zasláním dotazníku spokojenosti v rámci programu Ověřeno zákazníky<\/label>/);
      const placed = await agent.post('/pokladna', {
        _csrf: csrfTokenOf(checkout),
        idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(checkout)![1]!,
        expectedTotal: /name="expectedTotal" value="([^"]+)"/.exec(checkout)![1]!,
        email: 'odmitam@example.cz', name: 'Eva Odmítavá', phone: '', street: 'Krátká 2', city: 'Brno', zip: '602 00', country: 'CZ',
        shippingMethod: 'ppl', paymentMethod: 'bank-transfer', terms: '1', reviewOptOut: '1',
      });
      assert.equal(placed.statusCode, 303, placed.body.slice(0, 2000));
      assert.equal((await calls()).length, before, 'the customer declined');
    });

    test('anonymising the buyer before the report went out cancels it and keeps no address', async () => {
      await placeOrder(kramek, { customer: { ...BUYER.customer, email: 'zapomente@example.cz' } });
      const queued = (await calls()).at(-1)!;
      assert.equal(queued.status, 'queued');
      await kramek.core.services.anonymizeGuest('zapomente@example.cz', 'Majitel');
      const after = (await calls()).at(-1)!;
      assert.deepEqual([after.status, after.body.includes('zapomente')], ['failed', false]);
      assert.equal((await deliver()).claimed, 0);
    });
  });
}
