import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import type { Agent } from './support/agent.js';
import { multipart, signedInAgent, tokenFrom } from './support/catalog.js';

for (const dialect of DIALECTS) {
  describe(`product CSV import and export on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let agent: Agent;
    before(async () => {
      kramek = await startKramek(dialect);
      agent = await signedInAgent(kramek);
      await kramek.core.services.createCategory({ name: 'Káva', slug: '', description: '', parentId: null, visible: true });
    });
    after(() => kramek.close());

    const upload = async (text: string) => {
      const token = await tokenFrom(agent, '/admin/zbozi/import');
      const body = multipart({ _csrf: token }, { field: 'file', name: 'zbozi.csv', type: 'text/csv', data: Buffer.from(text, 'utf8') });
      return agent.request({ method: 'POST', url: `/admin/zbozi/import?_csrf=${encodeURIComponent(token)}`, payload: body.payload, headers: body.headers });
    };

    test('a UTF-8 file with BOM, commas and Czech decimal commas is imported through the panel', async () => {
      const csv = '\uFEFFproduct_name,product_slug,categories,vat_rate,active,description,sku,variant_name,price,compare_at_price,stock,weight_grams\r\n' +
        'Káva Brazílie,,kava,12,ano,"Oříšková, čokoládová",BRA-250,250 g,"229,50","249",10,250\r\n' +
        ',kava-brazilie,,,,,BRA-1000,1 kg,"799,00",,3,1000\r\n' +
        'Mlýnek,,kava,21 %,1,,MLY-1,,1 490,,0,\r\n';
      const response = await upload(csv);
      assert.equal(response.statusCode, 303, response.body.slice(0, 3000));
      assert.match((await agent.get('/admin/zbozi')).body, /Import hotov: 2 nového zboží, 0 upraveno, 3 variant/);
      const brazil = (await kramek.core.services.storeProduct('kava-brazilie'))!.product;
      assert.deepEqual(brazil.variants.map((v) => [v.sku, v.price, v.compareAtPrice, v.stock, v.weightGrams]), [['BRA-250', 22950, 24900, 10, 250], ['BRA-1000', 79900, null, 3, 1000]]);
      assert.equal(brazil.vatRate, 12);
      assert.equal(brazil.description, 'Oříšková, čokoládová');
      const grinder = (await kramek.core.services.storeProduct('mlynek'))!.product;
      assert.equal(grinder.variants[0]!.price, 149000);
    });

    test('an import with bad rows reports each with its line number and changes nothing', async () => {
      const before = await kramek.core.services.storeProduct('kava-brazilie');
      const csv = 'product_name;sku;price;stock;vat_rate;categories\n' +
        'Káva Brazílie;BRA-250;199;5;12;kava\n' + // valid: would change the price
        'Čaj;;10;1;21;\n' + // line 3: no SKU
        'Kakao;KAK-1;deset;1;21;\n' + // line 4: bad price
        'Kakao 2;KAK-2;10;-4;21;\n' + // line 5: bad stock
        'Sušenky;MLY-1;10;1;21;\n' + // line 6: SKU of another product
        'Med;MED-1;10;1;15;neexistuje\n'; // line 7: VAT rate and category
      const response = await upload(csv);
      assert.equal(response.statusCode, 422);
      for (const [line, text] of [[3, 'Zadejte kód varianty'], [4, 'Zadejte cenu'], [5, 'Zadejte počet kusů'], [6, 'už má jiné zboží'], [7, 'sazeb DPH'], [7, 'kategorie neexistuje']] as const) {
        assert.match(response.body, new RegExp(`Řádek ${line}</strong>[^<]*${text}`), `line ${line}: ${text}`);
      }
      assert.doesNotMatch(response.body, /Řádek 2</, 'the good row is not reported');
      assert.deepEqual(await kramek.core.services.storeProduct('kava-brazilie'), before, 'nothing changed');
      assert.equal(await kramek.core.services.storeProduct('kakao'), null);
    });

    test('a malformed file, a missing column or no file are refused with a clear message', async () => {
      const missing = await upload('name;price\nA;1\n');
      assert.equal(missing.statusCode, 422);
      assert.match(missing.body, /Řádek 1<\/strong> · sku: V záhlaví chybí povinný sloupec/);
      const malformed = await upload('product_name;sku;price\n"Neuzavřené;X;1\n');
      assert.equal(malformed.statusCode, 422);
      assert.match(malformed.body, /nelze přečíst jako CSV/);
      const token = await tokenFrom(agent, '/admin/zbozi/import');
      const empty = multipart({ _csrf: token });
      const none = await agent.request({ method: 'POST', url: `/admin/zbozi/import?_csrf=${encodeURIComponent(token)}`, payload: empty.payload, headers: empty.headers });
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Vyberte soubor/);
    });

    test('the export is a Czech spreadsheet CSV that imports back unchanged', async () => {
      const response = await agent.get('/admin/zbozi/export.csv');
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-disposition']), /attachment; filename="zbozi-\d{4}-\d{2}-\d{2}\.csv"/);
      assert.ok(response.body.startsWith('\uFEFFproduct_slug;product_name;categories'));
      assert.match(response.body, /kava-brazilie;Káva Brazílie;kava;12;1;Oříšková, čokoládová;BRA-250;250 g;229,50;249,00;10;250/);
      const before = await kramek.core.services.listProducts({ sort: 'newest', limit: 100 });
      const again = await kramek.core.services.importProductsCsv(response.rawPayload);
      assert.deepEqual(again, { ok: true, created: 0, updated: 2, variants: 3 });
      const afterImport = await kramek.core.services.listProducts({ sort: 'newest', limit: 100 });
      assert.deepEqual(afterImport.items.map((p) => [p.slug, p.minPrice, p.stockTotal]), before.items.map((p) => [p.slug, p.minPrice, p.stockTotal]));
    });
  });
}
