import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { api, apiToken, postForm, productForm, signedInAgent, tokenFrom, multipart } from './support/catalog.js';
import type { Agent } from './support/agent.js';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`30-day lowest price on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let agent: Agent;
    let call: ReturnType<typeof api>;
    let now = Date.parse('2026-03-01T10:00:00.000Z');
    const advance = (days: number) => (now += days * DAY);
    const history = (sku: string) =>
      kramek.core.db
        .selectFrom('variant_price_history as h')
        .innerJoin('variants as v', 'v.id', 'h.variant_id')
        .select(['h.price'])
        .where('v.sku', '=', sku)
        .orderBy('h.id')
        .execute()
        .then((rows) => rows.map((r) => Number(r.price)));
    before(async () => {
      kramek = await startKramek(dialect, { clock: { now: () => new Date(now) } });
      agent = await signedInAgent(kramek);
      call = api(kramek, await apiToken(kramek));
      await kramek.core.services.createCategory({ name: 'Čaj', slug: 'caj', description: '', parentId: null, visible: true });
    });
    after(() => kramek.close());

    test('every path that changes a price records it, and a reduction shows the lowest price of the 30 days before', async () => {
      const created = await call('POST', '/api/admin/products', { name: 'Sencha', categories: ['caj'], variants: [{ sku: 'SEN-1', price: 10000, stock: 5 }, { sku: 'SEN-2', price: 30000, stock: 5 }] });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as number;
      assert.deepEqual(await history('SEN-1'), [10000]);

      // Ten days later the admin API puts it on sale: 80 Kč, was 120 Kč; the lowest of the 30 days before is 100 Kč.
      advance(10);
      const patched = await call('PATCH', `/api/admin/products/${id}`, { variants: [{ sku: 'SEN-1', price: 8000, compareAtPrice: 12000 }] });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().variants[0].lowestPrice30d, 10000);
      assert.deepEqual(await history('SEN-1'), [10000, 8000]);
      assert.deepEqual(await history('SEN-2'), [30000], 'an unchanged price is not recorded again');
      const page = (await kramek.app.inject({ url: '/zbozi/sencha' })).body;
      assert.match(page, /Nejnižší cena za posledních 30 dní: 100\u00A0Kč/);
      const card = (await kramek.app.inject({ url: '/kategorie/caj' })).body;
      assert.match(card, /Nejnižší cena za posledních 30 dní: 100\u00A0Kč/);

      // Forty days on, a CSV import lowers it again: the 100 Kč lies outside the window, the lowest is the 80 Kč.
      advance(40);
      const token = await tokenFrom(agent, '/admin/zbozi/import');
      const body = multipart({ _csrf: token }, { field: 'file', name: 'zbozi.csv', type: 'text/csv', data: Buffer.from('product_slug;sku;price;compare_at_price;stock\nsencha;SEN-1;70;120;5\n', 'utf8') });
      const imported = await agent.request({ method: 'POST', url: `/admin/zbozi/import?_csrf=${encodeURIComponent(token)}`, payload: body.payload, headers: body.headers });
      assert.equal(imported.statusCode, 303, imported.body.slice(0, 2000));
      let product = (await kramek.core.services.findProduct(id))!;
      assert.equal(product.variants[0]!.lowestPrice30d, 8000);

      // The admin form saving the same prices records nothing; changing one records it.
      advance(1);
      const formFields = (price: string) =>
        productForm({ name: 'Sencha', categoryIds: product.categoryIds.map(String) }, product.variants.map((v) => ({ id: String(v.id), sku: v.sku, price: v.sku === 'SEN-2' ? price : '70', compareAtPrice: v.sku === 'SEN-1' ? '120' : '', stock: '5' })));
      const saveForm = async (price: string) => postForm(agent, `/admin/zbozi/${id}`, { ...formFields(price), _csrf: await tokenFrom(agent, `/admin/zbozi/${id}`) });
      assert.equal((await saveForm('300')).statusCode, 303);
      assert.deepEqual(await history('SEN-2'), [30000]);
      assert.equal((await saveForm('250')).statusCode, 303);
      assert.deepEqual(await history('SEN-2'), [30000, 25000]);
      product = (await kramek.core.services.findProduct(id))!;
      assert.deepEqual(product.variants.map((v) => [v.sku, v.price, v.lowestPrice30d]), [['SEN-1', 7000, 8000], ['SEN-2', 25000, 30000]]);
      // Shown beside the announced reduction only: the chosen price and SEN-1 in the picker, not SEN-2 without a compare-at price.
      const shown = (await kramek.app.inject({ url: '/zbozi/sencha' })).body.match(/Nejnižší cena za posledních 30 dní: [^<]+/g);
      assert.deepEqual(shown, ['Nejnižší cena za posledních 30 dní: 80\u00A0Kč', 'Nejnižší cena za posledních 30 dní: 80\u00A0Kč']);
    });
  });
}
