import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { api, apiToken, pngImage } from './support/catalog.js';
import { xmllint } from './support/xml.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const HEUREKA_XSD = path.join(ROOT, 'docs/schemas/heureka/heureka-offer-feed.xsd');
const ZBOZI_XSD = path.join(ROOT, 'docs/schemas/zbozi/zbozi-offer-feed.xsd');

/** The items of a feed as element name → text, one record per item (the feeds are flat enough for this). */
function items(xml: string, item: 'SHOPITEM' | 'item'): Record<string, string[]>[] {
  return [...xml.matchAll(new RegExp(`<${item}>([\\s\\S]*?)</${item}>`, 'g'))].map((m) => {
    const fields: Record<string, string[]> = {};
    for (const f of m[1]!.matchAll(/<([\w:]+)>([^<]*)<\/\1>/g)) (fields[f[1]!] ??= []).push(f[2]!);
    return fields;
  });
}
const one = (record: Record<string, string[]>, name: string) => record[name]?.[0];

for (const dialect of DIALECTS) {
  describe(`product feeds on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let call: ReturnType<typeof api>;
    const expected = new Map<string, { price: string; product: string }>();
    before(async () => {
      kramek = await startKramek(dialect, { env: { PUBLIC_URL: 'https://obchod.example.cz' } });
      call = api(kramek, await apiToken(kramek));
      const services = kramek.core.services;
      const tea = await services.createCategory({ name: 'Čaj', slug: 'caj', description: '', parentId: null, visible: true });
      await services.createCategory({ name: 'Zelený & bílý', slug: 'zeleny', description: '', parentId: tea.id, visible: true });
      const image = await pngImage(400, 300);
      const create = async (body: object, withImage = true) => {
        const response = await call('POST', '/api/admin/products', body);
        assert.equal(response.statusCode, 201, response.body);
        const product = response.json() as { id: number; variants: { id: number; sku: string; price: number }[]; active: boolean };
        if (withImage) await services.addProductImage(product.id, { bytes: image });
        return product;
      };
      const sencha = await create({ name: 'Sencha <Premium>', description: 'Jemný **zelený** čaj & víc.', categories: ['zeleny'], manufacturer: 'Čajovna', variants: [{ sku: 'SEN-50', name: '50 g', price: 12950, stock: 4, ean: '8594061743744' }, { sku: 'SEN-100', name: '100 g', price: 22900, stock: 0 }, { sku: 'SEN-1KG', name: '1 kg', price: 169000, stock: 2 }] });
      const mug = await create({ name: 'Hrnek', categories: ['caj'], vatRate: 21, feedCategories: { heureka: 'Heureka.cz | Dům a zahrada | Hrnky', zbozi: 'Dům a zahrada | Kuchyně | Hrnky', google: '2169' }, variants: [{ sku: 'HRN/1', price: 19900, stock: 10 }] });
      await create({ name: 'Bez obrázku', variants: [{ sku: 'BEZ-1', price: 100, stock: 1 }] }, false);
      await create({ name: 'Skryté', active: false, variants: [{ sku: 'SKR-1', price: 100, stock: 1 }] });
      for (const p of [sencha, mug]) for (const v of p.variants) expected.set(String(v.id), { price: (v.price / 100).toFixed(2), product: String(p.id) });
    });
    after(() => kramek.close());

    test('the Heureka feed validates against its schema and lists every sellable variant once with its price', async () => {
      const response = await kramek.app.inject({ url: '/feeds/heureka.xml' });
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^application\/xml/);
      xmllint(response.body, HEUREKA_XSD);
      const list = items(response.body, 'SHOPITEM');
      assert.deepEqual(list.map((i) => one(i, 'ITEM_ID')).sort(), [...expected.keys()].sort());
      for (const i of list) assert.equal(one(i, 'PRICE_VAT'), expected.get(one(i, 'ITEM_ID')!)!.price);
      const sencha = list.find((i) => one(i, 'PRICE_VAT') === '129.50')!;
      assert.equal(one(sencha, 'PRODUCTNAME'), 'Sencha &lt;Premium&gt; 50 g');
      assert.equal(one(sencha, 'EAN'), '8594061743744');
      assert.equal(one(sencha, 'MANUFACTURER'), 'Čajovna');
      assert.equal(one(sencha, 'CATEGORYTEXT'), 'Heureka.cz | Čaj | Zelený &amp; bílý');
      assert.equal(one(sencha, 'DESCRIPTION'), 'Jemný zelený čaj &amp; víc.');
      assert.match(one(sencha, 'URL')!, /^https:\/\/obchod\.example\.cz\/zbozi\/sencha-premium\?varianta=\d+$/);
      assert.match(one(sencha, 'IMGURL')!, /^https:\/\/obchod\.example\.cz\/media\/zbozi\/[a-f0-9]{24}\.png$/);
      assert.equal(one(sencha, 'ITEMGROUP_ID'), `P${expected.get(one(sencha, 'ITEM_ID')!)!.product}`);
      assert.equal(list.filter((i) => one(i, 'ITEMGROUP_ID') === one(sencha, 'ITEMGROUP_ID')).length, 3);
      assert.deepEqual(list.map((i) => one(i, 'DELIVERY_DATE')).sort(), ['0', '0', '0', '14']);
      // Default shipping: PPL 129 Kč (free from 1 500 Kč), cash on delivery +39 Kč.
      assert.match(response.body, /<DELIVERY><DELIVERY_ID>PPL<\/DELIVERY_ID><DELIVERY_PRICE>129\.00<\/DELIVERY_PRICE><DELIVERY_PRICE_COD>168\.00<\/DELIVERY_PRICE_COD><\/DELIVERY>/);
      const kilo = list.find((i) => one(i, 'PRICE_VAT') === '1690.00')!;
      assert.ok(kilo.DELIVERY_PRICE!.includes('0.00'), 'free shipping above the threshold');
      const mug = list.find((i) => one(i, 'PRICE_VAT') === '199.00')!;
      assert.equal(one(mug, 'CATEGORYTEXT'), 'Heureka.cz | Dům a zahrada | Hrnky');
      assert.equal(one(mug, 'ITEMGROUP_ID'), undefined);
      assert.match(one(mug, 'URL')!, /\/zbozi\/hrnek$/);
    });

    test('the Zboží.cz feed validates against its schema with every variant once', async () => {
      const response = await kramek.app.inject({ url: '/feeds/zbozi.xml' });
      assert.equal(response.statusCode, 200);
      xmllint(response.body, ZBOZI_XSD);
      assert.match(response.body, /<SHOP xmlns="http:\/\/www\.zbozi\.cz\/ns\/offer\/1\.0">/);
      const list = items(response.body, 'SHOPITEM');
      assert.deepEqual(list.map((i) => one(i, 'ITEM_ID')).sort(), [...expected.keys()].sort());
      for (const i of list) assert.equal(one(i, 'PRICE_VAT'), expected.get(one(i, 'ITEM_ID')!)!.price);
      const mug = list.find((i) => one(i, 'PRODUCTNO') === 'HRN/1')!;
      assert.equal(one(mug, 'CATEGORYTEXT'), 'Dům a zahrada | Kuchyně | Hrnky');
    });

    test('the Google feed is RSS 2.0 with the g: attributes Merchant Center requires', async () => {
      const response = await kramek.app.inject({ url: '/feeds/google.xml' });
      assert.equal(response.statusCode, 200);
      xmllint(response.body);
      assert.match(response.body, /<rss version="2\.0" xmlns:g="http:\/\/base\.google\.com\/ns\/1\.0">\s*<channel><title>/);
      const list = items(response.body, 'item');
      assert.deepEqual(list.map((i) => one(i, 'g:id')).sort(), [...expected.keys()].sort());
      for (const i of list) {
        for (const required of ['g:id', 'g:title', 'g:description', 'g:link', 'g:image_link', 'g:availability', 'g:price', 'g:condition']) assert.ok(one(i, required), `${required} of ${one(i, 'g:id')}`);
        assert.ok(one(i, 'g:id')!.length <= 50 && one(i, 'g:title')!.length <= 150);
        assert.equal(one(i, 'g:price'), `${expected.get(one(i, 'g:id')!)!.price} CZK`);
        assert.match(one(i, 'g:availability')!, /^(in_stock|out_of_stock)$/);
        assert.equal(one(i, 'g:condition'), 'new');
        assert.ok(one(i, 'g:gtin') || one(i, 'g:identifier_exists') === 'no', 'a GTIN or identifier_exists no');
        assert.match(one(i, 'g:link')!, /^https:\/\/obchod\.example\.cz\//);
      }
      const sencha = list.find((i) => one(i, 'g:gtin') === '8594061743744')!;
      assert.equal(one(sencha, 'g:brand'), 'Čajovna');
      assert.equal(one(sencha, 'g:product_type'), 'Čaj &gt; Zelený &amp; bílý');
      assert.ok(one(sencha, 'g:item_group_id'));
      assert.equal(list.filter((i) => one(i, 'g:availability') === 'out_of_stock').length, 1);
      assert.match(response.body, /<g:shipping><g:country>CZ<\/g:country><g:service>PPL – doručení na adresu<\/g:service><g:price>129\.00 CZK<\/g:price><\/g:shipping>/);
      assert.equal(list.find((i) => one(i, 'g:price') === '199.00 CZK')!['g:google_product_category']?.[0], '2169');
    });

    test('a feed is kept until the catalogue changes, then generated again', async () => {
      const first = await kramek.app.inject({ url: '/feeds/heureka.xml' });
      const etag = first.headers.etag as string;
      const dir = path.join(kramek.config.dataDir, 'feeds');
      const file = fs.readdirSync(dir).find((f) => f.startsWith('heureka-'))!;
      const written = fs.statSync(path.join(dir, file)).mtimeMs;
      const again = await kramek.app.inject({ url: '/feeds/heureka.xml' });
      assert.equal(again.headers.etag, etag);
      assert.equal(again.body, first.body);
      assert.equal(fs.statSync(path.join(dir, file)).mtimeMs, written, 'served from the kept file, not generated again');
      assert.equal((await kramek.app.inject({ url: '/feeds/heureka.xml', headers: { 'if-none-match': etag } })).statusCode, 304);

      const mug = (await call('GET', '/api/admin/products?q=hrnek')).json().items[0];
      assert.equal((await call('PATCH', `/api/admin/products/${mug.id}`, { variants: [{ sku: 'HRN/1', price: 17900 }] })).statusCode, 200);
      const changed = await kramek.app.inject({ url: '/feeds/heureka.xml', headers: { 'if-none-match': etag } });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.match(changed.body, /<PRICE_VAT>179\.00<\/PRICE_VAT>/);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('heureka-')), [`heureka-${(changed.headers.etag as string).replace(/"/g, '')}.xml`], 'the older state is gone');
      // A category renamed elsewhere changes the feed as well.
      const category = (await kramek.core.services.listCategories()).find((c) => c.slug === 'zeleny')!;
      await kramek.core.services.updateCategory(category.id, { name: 'Zelený čaj' });
      assert.match((await kramek.app.inject({ url: '/feeds/heureka.xml' })).body, /Heureka\.cz \| Čaj \| Zelený čaj</);
      assert.equal((await kramek.app.inject({ url: '/feeds/unknown.xml' })).statusCode, 404);
    });
  });
}
