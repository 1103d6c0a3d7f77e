import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';

const ORIGIN = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };

for (const dialect of DIALECTS) {
  describe(`the cart on ${dialect.name}`, () => {
    let kramek: TestKramek;
    const ids: Record<string, number> = {};
    const add = (agent: Agent, form: Record<string, string>, headers: Record<string, string> = ORIGIN) =>
      agent.request({ method: 'POST', url: '/kosik', headers, payload: new URLSearchParams(form).toString() });
    const setStock = (sku: string, stock: number) => kramek.core.db.updateTable('variants').set({ stock }).where('sku', '=', sku).execute();
    const setPrice = (sku: string, price: number) => kramek.core.db.updateTable('variants').set({ price }).where('sku', '=', sku).execute();

    before(async () => {
      kramek = await startKramek(dialect);
      const s = kramek.core.services;
      const product = (name: string, variants: { sku: string; name: string; price: number; stock: number }[]) =>
        s.createProduct({ name, slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: variants.map((v) => ({ ...v, compareAtPrice: null, weightGrams: null })) });
      await product('Čaj Sencha', [
        { sku: 'TEA-100', name: '100 g', price: 14900, stock: 50 },
        { sku: 'TEA-250', name: '250 g', price: 32900, stock: 5 },
      ]);
      await product('Hrnek', [{ sku: 'MUG-1', name: '', price: 29900, stock: 10 }]);
      for (const v of await kramek.core.db.selectFrom('variants').select(['id', 'sku']).execute()) ids[v.sku] = Number(v.id);
    });
    after(() => kramek.close());

    test('add, change and remove survive new requests and a second app server on the same database', async () => {
      const agent = new Agent(kramek.app, '10.20.0.1');
      const added = await add(agent, { variantId: String(ids['TEA-100']), quantity: '2' });
      assert.equal(added.statusCode, 303);
      assert.equal(added.headers.location, '/kosik');
      assert.equal((await add(agent, { sku: 'MUG-1', quantity: '1' })).statusCode, 303);

      let page = await agent.get('/kosik');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Zboží bylo přidáno do košíku/);
      assert.match(page.body, /Čaj Sencha – 100 g/);
      assert.match(page.body, /Hrnek/);
      assert.match(page.body, /Košík \(3\)/);
      assert.match(page.body, /597,00\s*Kč/); // 2 × 149 + 299
      assert.match(page.body, /Pokračovat k objednávce/);

      const change = await agent.post('/kosik/zmenit', { _csrf: csrfTokenOf(page.body), variantId: String(ids['TEA-100']), quantity: '4' });
      assert.equal(change.statusCode, 303);
      page = await agent.get('/kosik');
      assert.match(page.body, /Košík \(5\)/);
      const remove = await agent.post('/kosik/zmenit', { _csrf: csrfTokenOf(page.body), variantId: String(ids['MUG-1']), quantity: '0' });
      assert.equal(remove.statusCode, 303);

      const other = await startKramek(dialect, { database: kramek.database });
      try {
        const elsewhere = await other.app.inject({ method: 'GET', url: '/kosik', headers: { cookie: agent.cookieHeader() } });
        assert.equal(elsewhere.statusCode, 200);
        assert.match(elsewhere.body, /Čaj Sencha – 100 g/);
        assert.doesNotMatch(elsewhere.body, /Hrnek/);
        assert.match(elsewhere.body, /value="4"/);
        const home = await other.app.inject({ method: 'GET', url: '/', headers: { cookie: agent.cookieHeader() } });
        assert.match(home.body, /Košík \(4\)/, 'the header shows the real count');
      } finally {
        await other.close();
      }
      const anonymous = await kramek.app.inject({ method: 'GET', url: '/' });
      assert.match(anonymous.body, /Košík \(0\)/);
    });

    test('a price change, a shortage and a sold-out item are pointed out and block the checkout', async () => {
      const agent = new Agent(kramek.app, '10.20.0.2');
      await add(agent, { sku: 'TEA-250', quantity: '3' });
      await add(agent, { sku: 'MUG-1', quantity: '1' });
      await setPrice('MUG-1', 31900);
      await setStock('TEA-250', 2);
      let page = await agent.get('/kosik');
      assert.match(page.body, /Cena se změnila z 299,00\s*Kč na 319,00\s*Kč/);
      assert.match(page.body, /Skladem zbývá jen 2 ks/);
      assert.doesNotMatch(page.body, /href="\/pokladna"/);
      assert.equal((await agent.get('/pokladna')).statusCode, 303);

      page = await agent.get('/kosik');
      assert.doesNotMatch(page.body, /Cena se změnila/, 'a price change is told once');
      await setStock('TEA-250', 0);
      page = await agent.get('/kosik');
      assert.match(page.body, /Toto zboží je vyprodané/);
      await agent.post('/kosik/zmenit', { _csrf: csrfTokenOf(page.body), variantId: String(ids['TEA-250']), quantity: '0' });
      page = await agent.get('/kosik');
      assert.match(page.body, /href="\/pokladna"/);
      await setStock('TEA-250', 5);
      await setPrice('MUG-1', 29900);
    });

    test('adding a sold-out or unknown item says why', async () => {
      const agent = new Agent(kramek.app, '10.20.0.3');
      await setStock('TEA-250', 0);
      await add(agent, { sku: 'TEA-250', quantity: '1' });
      assert.match((await agent.get('/kosik')).body, /Zboží se nepodařilo přidat/);
      await add(agent, { sku: 'NOPE', quantity: '1' });
      assert.match((await agent.get('/kosik')).body, /Zboží se nepodařilo přidat/);
      await add(agent, { sku: 'MUG-1', quantity: '0' });
      const page = await agent.get('/kosik');
      assert.match(page.body, /Zboží se nepodařilo přidat/);
      assert.match(page.body, /Košík je prázdný/);
      await setStock('TEA-250', 5);
    });

    test('cart posts without a CSRF token (or from another site) are refused', async () => {
      const agent = new Agent(kramek.app, '10.20.0.4');
      const plain = { 'content-type': 'application/x-www-form-urlencoded' };
      assert.equal((await add(agent, { sku: 'MUG-1' }, plain)).statusCode, 403);
      assert.equal((await add(agent, { sku: 'MUG-1' }, { ...plain, origin: 'https://evil.example' })).statusCode, 403);
      assert.equal((await add(agent, { sku: 'MUG-1' })).statusCode, 303);
      assert.equal((await agent.post('/kosik/zmenit', { variantId: String(ids['MUG-1']), quantity: '5' })).statusCode, 403);
      assert.match((await agent.get('/kosik')).body, /Košík \(1\)/);
    });
  });
}
