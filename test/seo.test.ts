import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { api, apiToken, pngImage } from './support/catalog.js';

/**
 * Google's list for merchant listings and Product snippets (developers.google.com/search/docs/appearance/structured-data
 * /merchant-listing and /product-snippet): required properties, then the recommended ones Kramek has data for.
 */
const REQUIRED = { product: ['name', 'image', 'offers'], offer: ['price', 'priceCurrency', 'availability'] };
const RECOMMENDED = { product: ['description', 'sku', 'gtin', 'brand'], offer: ['url', 'itemCondition'] };

const jsonLdOf = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
const meta = (html: string, property: string) => new RegExp(`<meta property="${property.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

for (const dialect of DIALECTS) {
  describe(`structured data and link previews on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let product: { id: number; slug: string; variants: { id: number; sku: string }[] };
    const NAME = 'Čaj </script><script>alert(1)</script> & spol.';
    before(async () => {
      kramek = await startKramek(dialect, { env: { PUBLIC_URL: 'https://obchod.example.cz' } });
      const call = api(kramek, await apiToken(kramek));
      const tea = await kramek.core.services.createCategory({ name: 'Čaje', slug: 'caje', description: 'Listové čaje.', parentId: null, visible: true });
      await kramek.core.services.createCategory({ name: 'Zelené', slug: 'zelene', description: '', parentId: tea.id, visible: true });
      const response = await call('POST', '/api/admin/products', {
        name: NAME,
        slug: 'caj-spol',
        description: 'Voňavý čaj z **Japonska**.',
        categories: ['zelene'],
        manufacturer: 'Čajovna U Zlatého draka',
        variants: [{ sku: 'CAJ-50', name: '50 g', price: 12950, stock: 3, ean: '8594061743744' }, { sku: 'CAJ-100', name: '100 g', price: 22900, stock: 0 }],
      });
      product = response.json();
      await kramek.core.services.addProductImage(product.id, { bytes: await pngImage(400, 300) });
    });
    after(() => kramek.close());

    test('a product page carries Product JSON-LD with Google’s required and recommended properties', async () => {
      const html = (await kramek.app.inject({ url: `/zbozi/${product.slug}` })).body;
      // The name never closes the script element: only the escaped form is in the page.
      assert.equal(html.split('</script><script>alert(1)').length, 1);
      const [data, trail] = jsonLdOf(html);
      assert.equal(data!['@context'], 'https://schema.org');
      assert.equal(data!['@type'], 'Product');
      for (const key of [...REQUIRED.product, ...RECOMMENDED.product]) assert.ok(data![key], `Product.${key}`);
      assert.equal(data!.name, NAME);
      assert.equal(data!.description, 'Voňavý čaj z Japonska.');
      assert.equal(data!.sku, 'CAJ-50');
      assert.equal(data!.gtin, '8594061743744');
      assert.deepEqual(data!.brand, { '@type': 'Brand', name: 'Čajovna U Zlatého draka' });
      const images = data!.image as string[];
      assert.ok(images.length === 1 && /^https:\/\/obchod\.example\.cz\/media\/zbozi\/\w+\.png$/.test(images[0]!));
      const offers = data!.offers as Record<string, string>[];
      assert.equal(offers.length, 2);
      for (const offer of offers) {
        assert.equal(offer['@type'], 'Offer');
        for (const key of [...REQUIRED.offer, ...RECOMMENDED.offer]) assert.ok(offer[key], `Offer.${key}`);
        assert.match(offer.price!, /^\d+\.\d{2}$/);
        assert.equal(offer.priceCurrency, 'CZK');
        assert.match(offer.url!, /^https:\/\/obchod\.example\.cz\/zbozi\/caj-spol\?varianta=\d+$/);
      }
      assert.deepEqual(offers.map((o) => [o.sku, o.price, o.availability]), [['CAJ-50', '129.50', 'https://schema.org/InStock'], ['CAJ-100', '229.00', 'https://schema.org/OutOfStock']]);
      assert.equal(trail!['@type'], 'BreadcrumbList');
      assert.deepEqual((trail!.itemListElement as { name: string }[]).map((i) => i.name), ['Úvod', 'Čaje', 'Zelené', NAME]);

      assert.match(html, /<link rel="canonical" href="https:\/\/obchod\.example\.cz\/zbozi\/caj-spol"\/>/);
      assert.equal(meta(html, 'og:type'), 'product');
      assert.equal(meta(html, 'og:url'), 'https://obchod.example.cz/zbozi/caj-spol');
      assert.equal(meta(html, 'og:image'), images[0]);
      assert.equal(meta(html, 'og:title'), 'Čaj &lt;/script>&lt;script>alert(1)&lt;/script> &amp; spol.');
      assert.equal(meta(html, 'product:price:amount'), '129.50');
      assert.equal(meta(html, 'product:price:currency'), 'CZK');
    });

    test('a category page carries a BreadcrumbList and every catalogue page its canonical address', async () => {
      const html = (await kramek.app.inject({ url: '/kategorie/zelene' })).body;
      const [trail] = jsonLdOf(html);
      assert.deepEqual(trail, {
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Úvod', item: 'https://obchod.example.cz/' },
          { '@type': 'ListItem', position: 2, name: 'Čaje', item: 'https://obchod.example.cz/kategorie/caje' },
          { '@type': 'ListItem', position: 3, name: 'Zelené', item: 'https://obchod.example.cz/kategorie/zelene' },
        ],
      });
      assert.match(html, /<link rel="canonical" href="https:\/\/obchod\.example\.cz\/kategorie\/zelene"\/>/);
      assert.equal(meta(html, 'og:type'), 'website');
      assert.match(meta(html, 'og:image') ?? '', /^https:\/\/obchod\.example\.cz\/media\/zbozi\//);
      // Sorted or filtered lists point search engines to the plain list.
      const sorted = (await kramek.app.inject({ url: '/kategorie/zelene?razeni=price' })).body;
      assert.match(sorted, /<link rel="canonical" href="https:\/\/obchod\.example\.cz\/kategorie\/zelene"\/>/);
      assert.match((await kramek.app.inject({ url: '/' })).body, /<link rel="canonical" href="https:\/\/obchod\.example\.cz\/"\/>/);
    });

    test('a link with ?varianta= opens the product with that variant chosen', async () => {
      const [first, second] = product.variants;
      await kramek.core.services.patchProduct(product.id, { variants: [{ id: second!.id, stock: 5 }] });
      const html = (await kramek.app.inject({ url: `/zbozi/${product.slug}?varianta=${second!.id}` })).body;
      assert.match(html, new RegExp(`id="variant-${second!.id}" value="${second!.id}" checked`));
      assert.doesNotMatch(html, new RegExp(`id="variant-${first!.id}" value="${first!.id}" checked`));
      assert.equal(meta(html, 'product:price:amount'), '229.00');
    });
  });
}
