/** The admin's side of marketing: discount codes under Zboží (list, form with errors in Czech, edit, delete or switch off), Konfigurace → Marketing, and the product form's feed data. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { postForm, productForm, signedInAgent, tokenFrom } from './support/catalog.js';
import { BUYER, setUpShop } from './support/orders.js';
import type { Agent } from './support/agent.js';

const PATH = '/admin/zbozi/slevove-kody';

for (const dialect of DIALECTS) {
  describe(`marketing in the admin on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let agent: Agent;
    before(async () => {
      kramek = await startKramek(dialect);
      await setUpShop(kramek);
      agent = await signedInAgent(kramek);
    });
    after(() => kramek.close());

    const submit = async (url: string, form: Record<string, string | string[]>) => postForm(agent, url, { ...form, _csrf: await tokenFrom(agent, PATH) });

    test('a discount code is created from the form; bad input comes back with the errors beside the fields and nothing saved', async () => {
      assert.match((await agent.get(PATH)).body, /Zatím žádný slevový kód/);
      const bad = await submit(PATH, { code: 'jaro 10', kind: 'percent', value: '150', scope: 'products', productSkus: 'NENI-1, TEA-1', startsOn: '2026-05-10', endsOn: '2026-05-01', usageLimit: 'x' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Tyto kódy zboží neznáme: NENI-1/);
      assert.deepEqual(await kramek.core.services.listDiscounts(), []);
      const bad2 = await submit(PATH, { code: 'jaro 10', kind: 'percent', value: '150', scope: 'all', startsOn: '2026-05-10', endsOn: '2026-05-01', usageLimit: 'x' });
      for (const text of ['Kód smí mít 2 až 40 znaků', 'Zadejte procento jako celé číslo od 1 do 100.', 'Konec platnosti musí být až po jejím začátku.']) assert.ok(bad2.body.includes(text), text);
      assert.match(bad2.body, /value="jaro 10"/, 'the typed values stay');

      const saved = await submit(PATH, { code: 'jaro10', kind: 'percent', value: '10', minOrder: '500', scope: 'products', productSkus: 'TEA-1', startsOn: '2026-05-01', endsOn: '2026-05-31', usageLimit: '100', perCustomerLimit: '1', active: '1', note: 'Jarní kampaň' });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
      const [code] = await kramek.core.services.listDiscounts();
      assert.equal(code!.code, 'JARO10');
      assert.deepEqual([code!.minOrder, code!.usageLimit, code!.perCustomerLimit, code!.scope], [50000, 100, 1, 'products']);
      // Valid from the first Prague midnight to the end of the last day.
      assert.deepEqual([code!.startsAt, code!.endsAt], ['2026-04-30T22:00:00.000Z', '2026-05-31T22:00:00.000Z']);
      const list = (await agent.get(PATH)).body;
      assert.match(list, /<code>JARO10<\/code>/);
      assert.match(list, /Jarní kampaň/);
      const edit = (await agent.get(`${PATH}/${code!.id}`)).body;
      assert.match(edit, /id="productSkus" name="productSkus" type="text" value="TEA-1"/);
      assert.match(edit, /id="endsOn" name="endsOn" value="2026-05-31"/);
    });

    test('a used code is switched off rather than deleted; an unused one is deleted', async () => {
      const used = await kramek.core.services.createDiscount({ code: 'LETO', kind: 'amount', value: 5000, startsAt: null, endsAt: null, minOrder: null, usageLimit: null, perCustomerLimit: null, scope: 'all', scopeIds: [], active: true, note: '' });
      const response = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, items: [{ sku: 'TEA-1', quantity: 1 }], discountCode: 'leto' } });
      assert.equal(response.statusCode, 201, response.body);
      await submit(`${PATH}/${used.id}/smazat`, {});
      assert.equal((await kramek.core.services.findDiscount(used.id))!.active, false);
      const unused = await kramek.core.services.createDiscount({ code: 'ZIMA', kind: 'free_shipping', value: 0, startsAt: null, endsAt: null, minOrder: null, usageLimit: null, perCustomerLimit: null, scope: 'all', scopeIds: [], active: true, note: '' });
      await submit(`${PATH}/${unused.id}/smazat`, {});
      assert.equal(await kramek.core.services.findDiscount(unused.id), null);
      // The order page in the admin names the code.
      const number = response.json().number as string;
      assert.match((await agent.get(`/admin/objednavky/${number}`)).body, /Sleva – kód LETO<\/td><td class="num">21 %<\/td><td class="num">-50,00\u00A0Kč/);
    });

    test('Konfigurace → Marketing keeps the Heureka key and names it masked in the history', async () => {
      const page = (await agent.get('/admin/konfigurace/marketing')).body;
      assert.match(page, /\/feeds\/heureka\.xml/);
      const bad = await postForm(agent, '/admin/konfigurace/marketing', { _csrf: await tokenFrom(agent, '/admin/konfigurace/marketing'), heurekaVerifiedKey: 'klíč s mezerou', outOfStockDeliveryDays: '0' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Klíč smí obsahovat jen písmena bez diakritiky a číslice\./);
      const ok = await postForm(agent, '/admin/konfigurace/marketing', { _csrf: await tokenFrom(agent, '/admin/konfigurace/marketing'), heurekaVerifiedKey: 'SECRETkey1234', outOfStockDeliveryDays: '7' });
      assert.equal(ok.statusCode, 303);
      assert.deepEqual((await kramek.core.services.getSettings()).marketing, { heurekaVerifiedKey: 'SECRETkey1234', outOfStockDeliveryDays: 7 });
      const history = (await agent.get('/admin/konfigurace/historie')).body;
      assert.match(history, /Marketing › Tajný klíč \(API klíč\) z administrace Heureky/);
      assert.ok(history.includes('••••1234') && !history.includes('SECRETkey1234'), 'the key itself is not in the history');
    });

    test('the product form keeps EAN, manufacturer and the feed categories, and refuses a wrong EAN', async () => {
      const token = await tokenFrom(agent, '/admin/zbozi/nove');
      const form = { ...productForm({ name: 'Konvička' }, [{ sku: 'KON-1', price: '390', stock: '3', ean: '8594061743745' }]), manufacturer: 'Hario', 'feedCategories.heureka': 'Heureka.cz | Dům a zahrada | Konvice', _csrf: token };
      const bad = await postForm(agent, '/admin/zbozi', form);
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Zadejte EAN jako 8, 12, 13 nebo 14 číslic s platnou kontrolní číslicí\./);
      const ok = await postForm(agent, '/admin/zbozi', { ...form, 'variants.0.ean': '8594061743744' });
      assert.equal(ok.statusCode, 303);
      const product = (await kramek.core.services.storeProduct('konvicka'))!.product;
      assert.deepEqual([product.manufacturer, product.feedCategories.heureka, product.variants[0]!.ean], ['Hario', 'Heureka.cz | Dům a zahrada | Konvice', '8594061743744']);
      // A PATCH that leaves them out keeps them.
      await kramek.core.services.patchProduct(product.id, { name: 'Konvička Hario' });
      const patched = (await kramek.core.services.findProduct(product.id))!;
      assert.deepEqual([patched.manufacturer, patched.feedCategories.heureka, patched.variants[0]!.ean], ['Hario', 'Heureka.cz | Dům a zahrada | Konvice', '8594061743744']);
    });
  });
}
