import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';

for (const dialect of DIALECTS) {
  describe(`product lists read a page in a fixed number of statements on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let statements = 0;

    /** The statements one request runs. */
    async function statementsOf(url: string): Promise<number> {
      const before = statements;
      const response = await kramek.app.inject({ url });
      assert.equal(response.statusCode, 200, response.body);
      return statements - before;
    }

    before(async () => {
      kramek = await startKramek(dialect, { queryLog: (event) => void (event.level === 'query' && statements++) });
      const s = kramek.core.services;
      const few = await s.createCategory({ name: 'Konvice', slug: '', description: '', parentId: null, visible: true });
      const many = await s.createCategory({ name: 'Čaje', slug: '', description: '', parentId: null, visible: true });
      const product = (name: string, categoryId: number, i: number) =>
        s.createProduct({
          name,
          slug: '',
          description: `Popis ${name}`,
          vatRate: 12,
          active: true,
          categoryIds: [categoryId],
          variants: ['50 g', '100 g', '250 g'].map((v, n) => ({ sku: `${categoryId}-${i}-${n}`, name: v, price: 9900 + n * 5000, compareAtPrice: null, stock: 10, weightGrams: 100 })),
        });
      for (let i = 0; i < 2; i++) await product(`Konvice litinová ${i}`, few.id, i);
      for (let i = 0; i < 30; i++) await product(`Čaj zelený ${i}`, many.id, i);
    });
    after(() => kramek.close());

    test('the Store API list: 2 products or 30, the same statements', async () => {
      await statementsOf('/api/store/products?limit=1'); // the category tree, read once and kept
      const small = await statementsOf('/api/store/products?limit=2');
      const large = await statementsOf('/api/store/products?limit=30');
      const body = (await kramek.app.inject({ url: '/api/store/products?limit=30' })).json() as { items: { variants: unknown[] }[] };
      assert.equal(body.items.length, 30);
      assert.ok(body.items.every((p) => p.variants.length === 3), 'every product comes with all its variants');
      assert.equal(large, small, `${small} statements for 2 products, ${large} for 30`);
      assert.ok(small > 0 && small <= 8, `${small} statements`);
    });

    test('an anonymous list is answered from the micro-cache, without a session, until the catalogue changes', async () => {
      const url = '/api/store/products?q=litinova&limit=5';
      const first = await kramek.app.inject({ url });
      assert.equal(first.headers['set-cookie'], undefined, 'no session is built for a catalogue read');
      assert.equal(await statementsOf(url), 0, 'the same list again within the cache lifetime reads nothing');
      const [listed] = (first.json() as { items: { id: number; name: string }[] }).items;
      await kramek.core.services.patchProduct(listed!.id, { name: 'Konvice litinová přejmenovaná' });
      const after = (await kramek.app.inject({ url })).json() as { items: { id: number; name: string }[] };
      assert.equal(after.items.find((p) => p.id === listed!.id)?.name, 'Konvice litinová přejmenovaná', 'a change shows at once');
    });

    test('category pages and search: a page of 2 or of 24 products, the same statements', async () => {
      await statementsOf('/hledat?q=neexistuje'); // the frame and the category tree, read once and kept
      assert.equal(await statementsOf('/kategorie/caje'), await statementsOf('/kategorie/konvice'));
      assert.equal(await statementsOf('/hledat?q=zeleny'), await statementsOf('/hledat?q=litinova'));
      assert.equal(await statementsOf('/api/store/products?q=zeleny&limit=30'), await statementsOf('/api/store/products?q=litinova&limit=30'));
    });
  });
}
