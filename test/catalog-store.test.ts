import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { api, apiToken } from './support/catalog.js';

for (const dialect of DIALECTS) {
  describe(`storefront, Store API and admin catalogue API on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let call: ReturnType<typeof api>;
    before(async () => {
      kramek = await startKramek(dialect);
      call = api(kramek, await apiToken(kramek, 'staff'));
    });
    after(() => kramek.close());

    test('the demo seed makes a believable shop, and a second run adds nothing', async () => {
      const first = await kramek.core.services.seedDemo();
      assert.ok(first.categories >= 4 && first.products >= 30, JSON.stringify(first));
      assert.deepEqual(await kramek.core.services.seedDemo(), { categories: 0, products: 0 });
      const product = await kramek.core.services.storeProduct('assam-halmari');
      assert.ok(product && product.product.variants.length === 3 && product.product.images.length === 1);
    });

    test('the home, category and product pages show cards, prices with VAT, availability and SEO basics', async () => {
      const home = await kramek.app.inject({ url: '/' });
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /href="\/kategorie\/caje"/);
      assert.match(home.body, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:3000\/"/);

      const caje = await kramek.app.inject({ url: '/kategorie/caje?razeni=price' });
      assert.equal(caje.statusCode, 200);
      assert.match(caje.body, /<title>Čaje \| Můj obchod<\/title>/, 'the shop name comes from Configuration');
      assert.match(caje.body, /<meta name="description" content="Sypané čaje/);
      assert.match(caje.body, /href="\/kategorie\/cerne-caje"/, 'sub-categories');
      assert.match(caje.body, /Assam Halmari/, 'products of sub-categories are listed');
      const prices = [...caje.body.matchAll(/<strong>od ([\d\u202F]+)\u00A0Kč<\/strong>/g)].map((m) => Number(m[1]!.replace(/\u202F/g, '')));
      assert.ok(prices.length >= 10);
      assert.deepEqual(prices, [...prices].sort((a, b) => a - b), 'cheapest first');
      assert.match(caje.body, /<s class="price-was">/, 'compare-at prices are struck through');

      const product = await kramek.app.inject({ url: '/zbozi/assam-halmari' });
      assert.equal(product.statusCode, 200);
      assert.match(product.body, /včetně DPH 12 %/);
      assert.match(product.body, /name="variantId"/);
      assert.match(product.body, /Přidat do košíku/);
      assert.match(product.body, /Vyprodáno/);
      assert.match(product.body, /srcSet="\/media\/zbozi\/[a-f0-9]{24}-320\.webp 320w/i);
      assert.match(product.body, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:3000\/zbozi\/assam-halmari"/);
      assert.equal((await kramek.app.inject({ url: '/zbozi/neexistuje' })).statusCode, 404);
      assert.equal((await kramek.app.inject({ url: '/kategorie/caje?strana=99' })).statusCode, 404);
    });

    test('availability says Skladem, Poslední 2 kusy or Vyprodáno; the in-stock filter and paging work', async () => {
      const { product } = (await kramek.core.services.storeProduct('sitko-na-caj'))!;
      await kramek.core.services.patchProduct(product.id, { variants: [{ id: product.variants[0]!.id, stock: 2 }] });
      const page = await kramek.app.inject({ url: '/kategorie/prislusenstvi' });
      assert.match(page.body, /Poslední 2 kusy/);
      await kramek.core.services.patchProduct(product.id, { variants: [{ id: product.variants[0]!.id, stock: 0 }] });
      const soldOut = await kramek.app.inject({ url: '/kategorie/prislusenstvi' });
      assert.match(soldOut.body, /Sítko na čaj[\s\S]*?Vyprodáno/);
      const inStock = await kramek.app.inject({ url: '/kategorie/prislusenstvi?skladem=1' });
      assert.doesNotMatch(inStock.body, /Sítko na čaj/);
      assert.match(inStock.body, /<meta name="robots" content="noindex, follow"/);

      const created = await kramek.core.services.importProductsCsv(['product_name;sku;price;categories', ...Array.from({ length: 30 }, (_, i) => `Sáček ${i};SAC-${i};10;prislusenstvi`)].join('\n'));
      assert.equal(created.ok, true);
      const second = await kramek.app.inject({ url: '/kategorie/prislusenstvi?strana=2' });
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /Strana 2 z 2/);
      assert.match(second.body, /rel="prev" href="\/kategorie\/prislusenstvi"/);
    });

    test('a product page kept rendered shows at once any change to what it shows, even one written by another app server', async () => {
      const db = kramek.core.db;
      const page = async () => {
        const response = await kramek.app.inject({ url: '/zbozi/assam-halmari' });
        return { status: response.statusCode, body: response.body };
      };
      const revision = async () => (await db.selectFrom('products').select('revision').where('slug', '=', 'assam-halmari').executeTakeFirstOrThrow()).revision;
      const { product } = (await kramek.core.services.storeProduct('assam-halmari'))!;
      const variantId = product.variants[0]!.id;
      assert.equal((await page()).body, (await page()).body, 'a repeated request is answered the same');

      // Writes straight to the database, as another app server's would be: this process's caches know nothing of them.
      let before = await revision();
      await db.updateTable('variants').set({ price: 1234500 }).where('id', '=', variantId).execute();
      assert.ok((await revision()) > before, 'a variant change raises the revision');
      assert.match((await page()).body, /12\u202F345\u00A0Kč/);
      await db.updateTable('products').set({ name: 'Assam Halmari Zlatý' }).where('id', '=', product.id).execute();
      assert.match((await page()).body, /<h1>Assam Halmari Zlatý<\/h1>/);
      before = await revision();
      await db.deleteFrom('product_images').where('product_id', '=', product.id).execute();
      assert.ok((await revision()) > before, 'an image removed raises the revision');
      assert.doesNotMatch((await page()).body, /srcSet="\/media\/zbozi\//i);
      // An order takes stock the way the order repository does: the variants, then the product's stock total.
      before = await revision();
      await db.updateTable('variants').set({ stock: 0 }).where('product_id', '=', product.id).execute();
      assert.equal(await revision(), before, 'a stock change alone leaves the revision to the stock total written with it');
      await db.updateTable('products').set({ stock_total: 0 }).where('id', '=', product.id).execute();
      assert.ok((await revision()) > before);
      assert.match((await page()).body, /<button type="submit" class="button-primary button-large" disabled>/, "sold out: the button is disabled");
      // A category renamed in this process shows in the breadcrumbs at once.
      const cerne = (await kramek.core.services.listCategories()).find((c) => c.slug === 'cerne-caje')!;
      await kramek.core.services.updateCategory(cerne.id, { name: 'Černé čaje z Indie' });
      assert.match((await page()).body, /Černé čaje z Indie/);
      await db.updateTable('products').set({ active: 0 }).where('id', '=', product.id).execute();
      assert.equal((await page()).status, 404);
      await db.updateTable('products').set({ active: 1 }).where('id', '=', product.id).execute();
      assert.equal((await page()).status, 200);
    });

    test('search ignores Czech diacritics and case, by name, words and SKU', async () => {
      for (const q of ['cokolada', 'ČOKOLÁDA', 'horka cok', 'hořká']) {
        const page = await kramek.app.inject({ url: `/hledat?q=${encodeURIComponent(q)}` });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /Hořká čokoláda 70 %/, q);
      }
      const bySku = await kramek.core.services.storeSearch('tea-001-100g', { page: 1 });
      assert.deepEqual(bySku.items.map((i) => i.slug), ['assam-halmari']);
      const none = await kramek.app.inject({ url: '/hledat?q=xyzzy' });
      assert.match(none.body, /jsme nic nenašli/);
      const odd = await kramek.app.inject({ url: `/hledat?q=${encodeURIComponent('" OR * NEAR( -- )')}` });
      assert.equal(odd.statusCode, 200, 'search syntax in the query is harmless');
    });

    test('search puts the best match first, not the newest, and a one-letter word must match a whole word', async () => {
      const create = (name: string, sku: string, description: string) =>
        kramek.core.services.createProduct({ name, slug: '', description, vatRate: 12, active: true, categoryIds: [], variants: [{ sku, name: '', price: 9900, compareAtPrice: null, stock: 5, weightGrams: null }] });
      const best = await create('Quinoa bílá', 'RANK-1', 'Quinoa, quinoa a zase quinoa.');
      const weak = await create('Dárkový balíček snídaně', 'RANK-2', 'Ovesné vločky, müsli, sušené ovoce, ořechy, semínka, med, quinoa a mnoho dalších dobrot na celý týden.');
      assert.ok(weak.id > best.id, 'the weaker match is the newer one');
      const ranked = await kramek.core.services.storeSearch('quinoa', { page: 1 });
      const slugs = ranked.items.map((i) => i.slug);
      assert.ok(slugs.includes(best.slug) && slugs.includes(weak.slug), 'both match');
      assert.ok(slugs.indexOf(best.slug) < slugs.indexOf(weak.slug), `the product about quinoa comes first: ${slugs.join(', ')}`);
      const page = await kramek.app.inject({ url: '/hledat?q=quinoa' });
      assert.ok(page.body.indexOf('Quinoa bílá') < page.body.indexOf('Dárkový balíček snídaně'), 'the search page shows the same order');

      const peru = await create('Káva z Peru', 'RANK-3', 'Zrnková káva.');
      const other = await create('Káva zrnková Brazílie', 'RANK-4', 'Pražená káva.');
      const found = (await kramek.core.services.storeSearch('kava z', { page: 1 })).items.map((i) => i.slug);
      assert.ok(found.includes(peru.slug), 'the word "z" is found');
      assert.ok(!found.includes(other.slug), '"z" is not a prefix of "zrnková"');
      assert.ok((await kramek.core.services.storeSearch('kava zrn', { page: 1 })).items.some((i) => i.slug === other.slug), 'longer words still match as prefixes');
    });

    test('sitemap.xml lists the home page, public categories and active products', async () => {
      const response = await kramek.app.inject({ url: '/sitemap.xml' });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /application\/xml/);
      assert.match(response.body, /<loc>http:\/\/127\.0\.0\.1:3000\/<\/loc>/);
      assert.match(response.body, /<loc>http:\/\/127\.0\.0\.1:3000\/kategorie\/cerne-caje<\/loc>/);
      assert.match(response.body, /<loc>http:\/\/127\.0\.0\.1:3000\/zbozi\/assam-halmari<\/loc>/);
    });

    test('the home page of a shop with goods describes them, it does not say the offer is being prepared', async () => {
      const home = await kramek.app.inject({ url: '/' });
      assert.equal(home.statusCode, 200);
      assert.doesNotMatch(home.body, /připravujeme/);
      assert.match(home.body, /<meta name="description" content="[^"]*internetový obchod: Čaje, Káva/);
    });

    test('robots.txt points to the sitemap and keeps crawlers out of carts, checkout, accounts and the admin', async () => {
      const response = await kramek.app.inject({ url: '/robots.txt' });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/plain/);
      assert.match(response.body, /^User-agent: \*$/m);
      assert.match(response.body, /^Sitemap: http:\/\/127\.0\.0\.1:3000\/sitemap\.xml$/m);
      for (const path of ['/admin', '/pokladna', '/kosik', '/ucet', '/objednavka/']) assert.ok(response.body.includes(`Disallow: ${path}\n`), path);
      assert.doesNotMatch(response.body, /^Disallow: \/$/m, 'the shop itself is open to crawlers');
    });

    test('GET /api/store/products answers the contract with q, category, page and limit', async () => {
      const response = await kramek.app.inject({ url: '/api/store/products?category=cokolada&limit=2&page=1' });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.total, 5);
      assert.equal(body.page, 1);
      assert.equal(body.items.length, 2);
      const item = body.items[0];
      assert.deepEqual(Object.keys(item).slice(0, 6), ['id', 'slug', 'name', 'category', 'categories', 'description']);
      assert.equal(item.category, 'cokolada');
      assert.deepEqual(Object.keys(item.variants[0]).slice(0, 7), ['id', 'sku', 'name', 'price', 'compareAtPrice', 'currency', 'vatRate']);
      assert.equal(item.variants[0].currency, 'CZK');
      assert.equal(typeof item.variants[0].stock, 'number');
      const search = (await kramek.app.inject({ url: '/api/store/products?q=cokolada' })).json();
      assert.ok(search.items.every((p: { name: string }) => /okol/.test(p.name)));
      const one = await kramek.app.inject({ url: '/api/store/products/assam-halmari' });
      assert.equal(one.json().variants.length, 3);
      const missing = await kramek.app.inject({ url: '/api/store/products/nic' });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      const bad = await kramek.app.inject({ url: '/api/store/products?limit=abc&page=0' });
      assert.equal(bad.statusCode, 422);
      assert.ok(bad.json().error.fields.limit);
    });

    test('the admin API creates, reads, patches one variant and deletes products and categories', async () => {
      const category = await call('POST', '/api/admin/categories', { name: 'Dárky pro kávaře' });
      assert.equal(category.statusCode, 201);
      assert.equal(category.json().slug, 'darky-pro-kavare');
      const created = await call('POST', '/api/admin/products', {
        name: 'Dárkový poukaz',
        vatRate: 21,
        categories: ['darky-pro-kavare'],
        description: '<b>Dárek</b><script>x</script>',
        variants: [{ sku: 'POUKAZ-500', name: '500 Kč', price: 50000, stock: 100 }, { sku: 'POUKAZ-1000', name: '1000 Kč', price: 100000, stock: 100 }],
      });
      assert.equal(created.statusCode, 201, created.body);
      const product = created.json();
      assert.equal(product.descriptionHtml.includes('script'), false);
      assert.deepEqual(product.categoryIds, [category.json().id]);

      const variantId = product.variants[0].id;
      const patched = await call('PATCH', `/api/admin/products/${product.id}`, { variants: [{ id: variantId, stock: 5 }] });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual(patched.json().variants.map((v: { stock: number; price: number }) => [v.stock, v.price]), [[5, 50000], [100, 100000]]);
      const bySku = await call('PATCH', `/api/admin/products/${product.id}`, { name: 'Poukaz', variants: [{ sku: 'POUKAZ-1000', price: 99000 }] });
      assert.equal(bySku.json().name, 'Poukaz');
      assert.equal(bySku.json().variants[1].price, 99000);
      assert.equal(bySku.json().variants[0].stock, 5, 'other variants untouched');

      const dup = await call('POST', '/api/admin/products', { name: 'Kopie', variants: [{ sku: 'POUKAZ-500', price: 1 }] });
      assert.equal(dup.statusCode, 422);
      assert.equal(dup.json().error.code, 'validation');
      assert.match(dup.json().error.fields['variants.0.sku'], /už má jiné zboží/);
      const wrongType = await call('POST', '/api/admin/products', { name: 'X', variants: [{ sku: 'X-1', price: '12,50' }] });
      assert.equal(wrongType.statusCode, 422);
      assert.ok(wrongType.json().error.fields['variants.0.price']);
      const negative = await call('PATCH', `/api/admin/products/${product.id}`, { variants: [{ id: variantId, stock: -3 }] });
      assert.equal(negative.statusCode, 422);
      const badJson = await kramek.app.inject({ method: 'POST', url: '/api/admin/products', headers: { authorization: call.length ? `Bearer ${await apiToken(kramek)}` : '', 'content-type': 'application/json' }, payload: '{"name":' });
      assert.ok(badJson.statusCode >= 400 && badJson.statusCode < 500);

      const list = (await call('GET', '/api/admin/products?limit=2&q=poukaz')).json();
      assert.equal(list.items.length, 1);
      assert.equal(list.nextCursor, null);
      const page1 = (await call('GET', '/api/admin/products?limit=10&sort=name')).json();
      const page2 = (await call('GET', `/api/admin/products?limit=10&sort=name&cursor=${page1.nextCursor}`)).json();
      assert.equal(page1.items.length, 10);
      assert.ok(page2.items[0].name >= page1.items[9].name);

      const refused = await call('DELETE', `/api/admin/categories/${category.json().id}`);
      assert.equal(refused.statusCode, 422);
      assert.ok(refused.json().error.fields.moveTo);
      assert.equal((await call('DELETE', `/api/admin/products/${product.id}`)).statusCode, 204);
      assert.equal((await call('GET', `/api/admin/products/${product.id}`)).statusCode, 404);
      assert.equal((await call('DELETE', `/api/admin/categories/${category.json().id}`)).statusCode, 204);
      const categories = (await call('GET', '/api/admin/categories?limit=3')).json();
      assert.equal(categories.items.length, 3);
      assert.ok(categories.nextCursor);
    });
  });
}
