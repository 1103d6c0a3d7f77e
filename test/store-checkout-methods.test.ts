import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { Agent } from './support/agent.js';
import { BUYER } from './support/orders.js';

type Method = { code: string; name: string; price: number; currency: string; carrier?: string; kind?: string; shippingMethods?: string[] };

for (const dialect of DIALECTS) {
  describe(`the Store API's shipping and payment methods on ${dialect.name}`, () => {
    let kramek: TestKramek;
    const get = async (url: string, headers: Record<string, string> = {}) => kramek.app.inject({ url, headers });
    const codes = (methods: Method[]) => methods.map((m) => m.code);

    before(async () => {
      kramek = await startKramek(dialect);
      const s = kramek.core.services;
      const { checkout } = await s.getSettings();
      // The new shop's methods, with one shipping method switched off by the owner.
      await s.updateSettings({ patch: { checkout: { shippingMethods: checkout.shippingMethods.map((m) => (m.code === 'ceska-posta' ? { ...m, enabled: false } : m)) } }, actor: 'test' });
      await s.createProduct({ name: 'Čaj Sencha', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'TEA-1', name: '100 g', price: 14900, stock: 100, compareAtPrice: null, weightGrams: null }] });
    });
    after(() => kramek.close());

    test('shipping methods: the enabled ones, prices in haléře with the currency and carrier', async () => {
      const response = await get('/api/store/shipping-methods');
      assert.equal(response.statusCode, 200);
      const methods = response.json() as Method[];
      assert.deepEqual(codes(methods), ['ppl', 'zasilkovna', 'osobni-odber'], 'a switched-off method is not offered');
      assert.deepEqual(methods[0], { code: 'ppl', name: 'PPL – doručení na adresu', price: 12900, currency: 'CZK', carrier: 'ppl', freeFrom: 150000, vatRate: 21, weightBands: [], maxWeightGrams: null, codSurcharge: null, pickupPoints: false });
    });

    test('payment methods: all offered ones, or those going with ?shipping', async () => {
      const all = (await get('/api/store/payment-methods')).json() as Method[];
      assert.deepEqual(codes(all), ['bank-transfer', 'cash-on-delivery', 'cash']);
      assert.deepEqual(all[1], { code: 'cash-on-delivery', name: 'Na dobírku', price: 3900, currency: 'CZK', kind: 'cash-on-delivery', vatRate: 21, shippingMethods: ['ppl', 'zasilkovna'] });
      assert.deepEqual(all[0]!.shippingMethods, ['ppl', 'zasilkovna', 'osobni-odber'], 'an unlimited method goes with every offered shipping method');
      assert.deepEqual(codes((await get('/api/store/payment-methods?shipping=osobni-odber')).json()), ['bank-transfer', 'cash']);
      assert.deepEqual(codes((await get('/api/store/payment-methods?shipping=ppl')).json()), ['bank-transfer', 'cash-on-delivery']);
    });

    test('an unknown or switched-off shipping code is a 400 in the contract error shape, in the asked language', async () => {
      for (const shipping of ['nonsense', 'ceska-posta', '', 'x'.repeat(300)]) {
        const response = await get(`/api/store/payment-methods?shipping=${encodeURIComponent(shipping)}`);
        assert.equal(response.statusCode, 400, shipping);
        const { error } = response.json() as { error: { code: string; message: string; fields: Record<string, string> } };
        assert.equal(error.code, 'bad_request');
        assert.equal(error.fields.shipping, 'Tento způsob obchod nenabízí.');
        assert.ok(error.message.length > 0);
      }
      const twice = await get('/api/store/payment-methods?shipping=ppl&shipping=cash');
      assert.equal(twice.statusCode, 400);
      const english = await get('/api/store/payment-methods?shipping=nonsense', { 'accept-language': 'en' });
      assert.equal((english.json() as { error: { fields: Record<string, string> } }).error.fields.shipping, 'The shop does not offer this method.');
    });

    test('an order refuses a payment method that does not go with its shipping, and a switched-off method; nothing is stored', async () => {
      const order = (shippingMethod: string, paymentMethod: string) =>
        kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, items: [{ sku: 'TEA-1', quantity: 1 }], shippingMethod, paymentMethod } });
      const cashByCourier = await order('ppl', 'cash');
      assert.equal(cashByCourier.statusCode, 422);
      assert.equal((cashByCourier.json() as { error: { fields: Record<string, string> } }).error.fields.paymentMethod, 'Tento způsob platby u zvolené dopravy nenabízíme.');
      const switchedOff = await order('ceska-posta', 'bank-transfer');
      assert.equal(switchedOff.statusCode, 422);
      assert.ok((switchedOff.json() as { error: { fields: Record<string, string> } }).error.fields.shippingMethod);
      const count = await kramek.core.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
      assert.equal((await order('osobni-odber', 'cash')).statusCode, 201);
    });

    test('the storefront checkout offers exactly what the Store API lists', async () => {
      const agent = new Agent(kramek.app, '10.7.0.1');
      const added = await agent.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=1' });
      assert.equal(added.statusCode, 303);
      const page = await agent.get('/pokladna');
      const offered = (name: string) => [...page.body.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))].map((m) => m[1]);
      assert.deepEqual(offered('shippingMethod'), codes((await get('/api/store/shipping-methods')).json()));
      assert.deepEqual(offered('paymentMethod'), codes((await get('/api/store/payment-methods')).json()));
      assert.match(page.body, /Hotově při osobním odběru<\/span> <strong>zdarma<\/strong><\/label><span class="muted small" id="paymentMethod-cash-hint"> · jen s dopravou Osobní odběr na prodejně/);
    });
  });
}
