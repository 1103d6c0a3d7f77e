import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import type { Agent } from './support/agent.js';
import { multipart, pngImage, postForm, productForm, signedInAgent, tokenFrom } from './support/catalog.js';

for (const dialect of DIALECTS) {
  describe(`Kategorie and Zboží panels on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let agent: Agent;
    before(async () => {
      kramek = await startKramek(dialect);
      agent = await signedInAgent(kramek);
    });
    after(() => kramek.close());

    const submit = async (page: string, action: string, form: Record<string, string | string[]>) => postForm(agent, action, { _csrf: await tokenFrom(agent, page), ...form });
    const categoryId = async (slug: string) => (await kramek.core.services.listCategories()).find((c) => c.slug === slug)!.id;

    test('a category tree is built, renamed, reordered, hidden and refused a duplicate slug', async () => {
      const created = await submit('/admin/kategorie/nova', '/admin/kategorie', { name: 'Čaje', slug: '', description: 'Sypané', parentId: '', visible: '1' });
      assert.equal(created.statusCode, 303);
      const list = await agent.get('/admin/kategorie');
      assert.match(list.body, /Kategorie „Čaje“ byla vytvořena/);
      const caje = await categoryId('caje');
      for (const name of ['Zelené čaje', 'Černé čaje']) {
        assert.equal((await submit('/admin/kategorie/nova', '/admin/kategorie', { name, parentId: String(caje), visible: '1' })).statusCode, 303);
      }
      const tree = await kramek.core.services.listCategories();
      const green = tree.find((c) => c.slug === 'zelene-caje')!;
      const black = tree.find((c) => c.slug === 'cerne-caje')!;
      assert.equal(green.parentId, caje);
      assert.ok(green.position < black.position);

      assert.equal((await submit('/admin/kategorie', `/admin/kategorie/${black.id}/posun`, { direction: 'up' })).statusCode, 303);
      const moved = await kramek.core.services.listCategories();
      assert.ok(moved.find((c) => c.id === black.id)!.position < moved.find((c) => c.id === green.id)!.position, 'black moved above green');

      const dup = await submit('/admin/kategorie/nova', '/admin/kategorie', { name: 'Jiné čaje', slug: 'caje', parentId: '' });
      assert.equal(dup.statusCode, 422);
      assert.match(dup.body, /Tuto adresu už má jiná položka/);
      assert.match(dup.body, /value="Jiné čaje"/, 'the entered name is kept');
      assert.match(dup.body, /class="error-summary"/);

      const cycle = await submit(`/admin/kategorie/${caje}`, `/admin/kategorie/${caje}`, { name: 'Čaje', slug: 'caje', parentId: String(green.id), visible: '1' });
      assert.equal(cycle.statusCode, 422);
      assert.match(cycle.body, /nelze přesunout pod ni samu/);

      const renamed = await submit(`/admin/kategorie/${green.id}`, `/admin/kategorie/${green.id}`, { name: 'Zelený čaj', slug: 'zelene-caje', parentId: String(caje), visible: '1' });
      assert.equal(renamed.statusCode, 303);
      assert.equal((await submit('/admin/kategorie', `/admin/kategorie/${green.id}/viditelnost`, { visible: '0' })).statusCode, 303);
      const hidden = (await kramek.core.services.findCategory(green.id))!;
      assert.equal(hidden.name, 'Zelený čaj');
      assert.equal(hidden.visible, false);
      assert.equal((await kramek.app.inject({ url: '/kategorie/zelene-caje' })).statusCode, 404, 'a hidden category is not public');
      assert.equal((await kramek.app.inject({ url: '/kategorie/caje' })).statusCode, 200);
    });

    test('a product is created with variants, bad fields are reported beside them, and descriptions are sanitised', async () => {
      const caje = await categoryId('caje');
      const bad = await submit('/admin/zbozi/nove', '/admin/zbozi', productForm({ name: '', categoryIds: [String(caje)] }, [{ sku: 'A B', name: '50 g', price: 'abc', stock: '-1' }, { sku: '' }]));
      assert.equal(bad.statusCode, 422);
      for (const text of ['Zadejte název.', 'Kód smí obsahovat jen písmena', 'Zadejte cenu jako kladné číslo', 'Zadejte počet kusů jako celé číslo']) assert.ok(bad.body.includes(text), text);
      assert.match(bad.body, /href="#variants.0.price"/, 'the summary links to the field');
      assert.match(bad.body, /id="variants.0.sku"[^>]*value="A B"|value="A B"/, 'values are kept');

      const form = productForm(
        { name: 'Čokoláda hořká 85 %', description: 'Hořká <script>alert(1)</script> **lahůdka** <a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)>', vatRate: '12', categoryIds: [String(caje)] },
        [
          { sku: 'COK-85-100', name: '100 g', price: '89,90', compareAtPrice: '99', stock: '12', weightGrams: '100' },
          { sku: 'COK-85-250', name: '250 g', price: '199', stock: '0' },
        ],
      );
      const created = await submit('/admin/zbozi/nove', '/admin/zbozi', form);
      assert.equal(created.statusCode, 303, created.body.slice(0, 2000));
      const id = Number(String(created.headers.location).split('/').pop());
      const product = (await kramek.core.services.findProduct(id))!;
      assert.equal(product.slug, 'cokolada-horka-85');
      assert.deepEqual(product.variants.map((v) => [v.sku, v.price, v.compareAtPrice, v.stock]), [['COK-85-100', 8990, 9900, 12], ['COK-85-250', 19900, null, 0]]);
      assert.equal(product.vatRate, 12);
      assert.doesNotMatch(product.descriptionHtml, /script|javascript:|onerror|<img/);
      assert.match(product.descriptionHtml, /<strong>lahůdka<\/strong>/);
      const page = await kramek.app.inject({ url: '/zbozi/cokolada-horka-85' });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /<script>alert|onerror=/);

      const dupSku = await submit('/admin/zbozi/nove', '/admin/zbozi', productForm({ name: 'Jiná čokoláda' }, [{ sku: 'COK-85-100', price: '10' }]));
      assert.equal(dupSku.statusCode, 422);
      assert.match(dupSku.body, /Tento kód \(SKU\) už má jiné zboží/);
      const dupSlug = await submit('/admin/zbozi/nove', '/admin/zbozi', productForm({ name: 'Jiná', slug: 'cokolada-horka-85' }, [{ sku: 'X-1', price: '10' }]));
      assert.equal(dupSlug.statusCode, 422);
      assert.match(dupSlug.body, /Tuto adresu už má jiná položka/);
      const sameName = await submit('/admin/zbozi/nove', '/admin/zbozi', productForm({ name: 'Čokoláda hořká 85 %' }, [{ sku: 'COK-85-B', price: '10' }]));
      assert.equal(sameName.statusCode, 303, 'a generated slug gets a suffix instead');
      assert.ok(await kramek.core.services.storeProduct('cokolada-horka-85-2'));

      // Editing: one variant removed, the other's stock changed; ids are kept.
      const v = product.variants;
      const edit = productForm({ name: product.name, slug: product.slug, description: product.description, vatRate: '12', categoryIds: [String(caje)] }, [
        { id: String(v[0]!.id), sku: v[0]!.sku, name: '100 g', price: '89,90', compareAtPrice: '99', stock: '7' },
        { id: String(v[1]!.id), sku: v[1]!.sku, name: '250 g', price: '199', stock: '0', remove: '1' },
      ]);
      assert.equal((await submit(`/admin/zbozi/${id}`, `/admin/zbozi/${id}`, edit)).statusCode, 303);
      const edited = (await kramek.core.services.findProduct(id))!;
      assert.deepEqual(edited.variants.map((x) => [x.id, x.stock]), [[v[0]!.id, 7]]);
    });

    test('images are uploaded with a CSRF token, checked by content and size, and stored in several widths', async () => {
      const id = (await kramek.core.services.storeProduct('cokolada-horka-85'))!.product.id;
      const page = `/admin/zbozi/${id}`;
      const upload = async (file: Buffer, name: string, token: string | null) => {
        const body = multipart({ _csrf: token ?? '', alt: 'Tabulka čokolády' }, { field: 'image', name, type: 'image/png', data: file });
        return agent.request({ method: 'POST', url: `${page}/obrazky${token ? `?_csrf=${encodeURIComponent(token)}` : ''}`, payload: body.payload, headers: body.headers });
      };
      const token = await tokenFrom(agent, page);
      assert.equal((await upload(await pngImage(), 'a.png', null)).statusCode, 403, 'no token, no upload');
      assert.equal((await kramek.core.services.findProduct(id))!.images.length, 0);

      const ok = await upload(await pngImage(900, 600), 'cokolada.png', token);
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
      const [image] = (await kramek.core.services.findProduct(id))!.images;
      assert.ok(image);
      assert.deepEqual([image.width, image.height, image.format, image.alt], [900, 600, 'png', 'Tabulka čokolády']);
      const dir = path.join(kramek.config.dataDir, 'uploads', 'products');
      for (const w of [320, 640, 1280]) assert.ok(fs.existsSync(path.join(dir, `${image.key}-${w}.webp`)), `${w} exists`);
      const served = await kramek.app.inject({ url: `/media/zbozi/${image.key}-640.webp` });
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], 'image/webp');
      assert.match(String(served.headers['cache-control']), /immutable/);
      assert.equal((await kramek.app.inject({ url: '/media/zbozi/..%2F..%2Fkramek.sqlite' })).statusCode, 404);

      const fake = await upload(Buffer.from('<?php echo "not an image"; ?>'), 'fake.png', token);
      assert.equal(fake.statusCode, 422);
      assert.match(fake.body, /Soubor není obrázek JPEG, PNG ani WebP/);
      const huge = await upload(Buffer.concat([await pngImage(10, 10), Buffer.alloc(10 * 1024 * 1024 + 10)]), 'huge.png', token);
      assert.equal(huge.statusCode, 422);
      assert.match(huge.body, /větší než 10 MB/);
      assert.equal((await kramek.core.services.findProduct(id))!.images.length, 1);

      assert.equal((await submit(page, `${page}/obrazky/${image.id}/smazat`, {})).statusCode, 303);
      assert.equal(fs.existsSync(path.join(dir, `${image.key}-640.webp`)), false, 'files are removed with the image');
    });

    test('the product list searches without diacritics, filters and pages by keyset both ways', async () => {
      const caje = await categoryId('caje');
      const imported = await kramek.core.services.importProductsCsv(
        ['product_name;sku;price;stock;categories', ...Array.from({ length: 60 }, (_, i) => `Zkušební zboží ${String(i).padStart(2, '0')};ZK-${i};${i + 1};${i % 2};caje`)].join('\n'),
      );
      assert.equal(imported.ok, true);
      const search = await agent.get('/admin/zbozi?q=cokolada');
      assert.match(search.body, /Čokoláda hořká 85 %/);
      assert.doesNotMatch(search.body, /Zkušební zboží/);
      const none = await agent.get('/admin/zbozi?q=neexistujicizbozi');
      assert.match(none.body, /Hledání ani filtrům nic neodpovídá/);

      const outOfStock = await agent.get(`/admin/zbozi?stock=out&category=${caje}&sort=name`);
      assert.match(outOfStock.body, /Zkušební zboží 00/);
      assert.doesNotMatch(outOfStock.body, /Zkušební zboží 01</);

      const first = await agent.get('/admin/zbozi?sort=name&q=zkusebni');
      const names = (html: string) => [...html.matchAll(/>(Zkušební zboží \d+)</g)].map((m) => m[1]);
      assert.equal(names(first.body).length, 50);
      const next = /href="([^"]*after=[^"]+)"/.exec(first.body)![1]!.replace(/&amp;/g, '&');
      const second = await agent.get(next);
      assert.deepEqual(names(second.body), Array.from({ length: 10 }, (_, i) => `Zkušební zboží ${50 + i}`));
      const prev = /href="([^"]*before=[^"]+)"/.exec(second.body)![1]!.replace(/&amp;/g, '&');
      assert.deepEqual(names((await agent.get(prev)).body), names(first.body));
    });

    test('a dragged category is posted to its new place among its siblings, with the CSRF token, as JSON or a form', async () => {
      for (const name of ['Káva', 'Čokoláda', 'Med']) assert.equal((await submit('/admin/kategorie/nova', '/admin/kategorie', { name, parentId: '', visible: '1' })).statusCode, 303);
      const order = async () => (await kramek.core.services.listCategories()).filter((c) => c.parentId === null).sort((a, b) => a.position - b.position).map((c) => c.slug);
      const before = await order();
      const page = await agent.get('/admin/kategorie');
      const script = /<script src="(\/admin\/assets\/category-order\.[0-9a-f]{12}\.js)" defer><\/script>/.exec(page.body)?.[1];
      assert.ok(script, 'the page loads the drag script from a file (CSP allows no inline script)');
      assert.match(page.body, /data-reorder-url="\/admin\/kategorie\/\{id\}\/poradi"/);
      const asset = await agent.get(script);
      assert.equal(asset.statusCode, 200);
      assert.match(String(asset.headers['content-type']), /javascript/);
      assert.match(asset.body, /poradi|reorderUrl/);
      assert.equal((await kramek.app.inject({ url: script })).statusCode, 303, 'only signed-in staff load it');

      const med = await categoryId('med');
      const token = await tokenFrom(agent, '/admin/kategorie');
      const drag = (id: number, position: string, csrf = token) =>
        agent.request({ method: 'POST', url: `/admin/kategorie/${id}/poradi`, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, payload: new URLSearchParams({ _csrf: csrf, position }).toString() });
      const moved = await drag(med, '0');
      assert.equal(moved.statusCode, 200);
      assert.deepEqual(moved.json(), { ok: true });
      assert.deepEqual(await order(), ['med', ...before.filter((s) => s !== 'med')], 'Med is first now, the others keep their order');

      const last = await drag(med, '999');
      assert.equal(last.statusCode, 200);
      assert.equal((await order()).at(-1), 'med', 'a position past the end puts it last');

      const bad = await drag(med, '-1');
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().error.code, 'validation');
      assert.match(bad.json().error.fields.position, /Pořadí musí být celé číslo/);
      assert.equal((await order()).at(-1), 'med', 'a bad position changes nothing');
      assert.equal((await drag(med, '0', 'forged')).statusCode, 403, 'no valid CSRF token, no change');
      assert.equal((await order()).at(-1), 'med');
      assert.equal((await drag(987654, '0')).statusCode, 404);

      const asForm = await postForm(agent, `/admin/kategorie/${med}/poradi`, { _csrf: token, position: '1' });
      assert.equal(asForm.statusCode, 303);
      assert.equal((await order())[1], 'med');
      assert.match((await agent.get('/admin/kategorie')).body, /Pořadí bylo změněno/);
    });

    test('deleting a category that holds products is refused until they are moved', async () => {
      const caje = await categoryId('caje');
      const target = await kramek.core.services.createCategory({ name: 'Výprodej', slug: '', description: '', parentId: null, visible: true });
      const refused = await submit(`/admin/kategorie/${caje}`, `/admin/kategorie/${caje}/smazat`, {});
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /Kategorie obsahuje zboží/);
      const count = await kramek.core.services.categoryProductCount(caje);
      assert.ok(count > 0);
      const done = await submit(`/admin/kategorie/${caje}`, `/admin/kategorie/${caje}/smazat`, { moveTo: String(target.id) });
      assert.equal(done.statusCode, 303);
      assert.equal(await kramek.core.services.findCategory(caje), null);
      assert.equal(await kramek.core.services.categoryProductCount(target.id), count);
      const children = (await kramek.core.services.listCategories()).filter((c) => c.slug === 'cerne-caje');
      assert.equal(children[0]!.parentId, null, 'sub-categories moved up a level');
    });

    test('panel forms need the CSRF token and a signed-in admin', async () => {
      assert.equal((await postForm(agent, '/admin/kategorie', { name: 'Bez tokenu' })).statusCode, 403);
      assert.equal((await postForm(agent, '/admin/zbozi', productForm({ name: 'Bez tokenu' }, [{ sku: 'BT', price: '1' }]))).statusCode, 403);
      const anonymous = await kramek.app.inject({ method: 'POST', url: '/admin/zbozi', payload: { name: 'x' } });
      assert.equal(anonymous.statusCode, 303);
      assert.equal((await kramek.app.inject({ url: '/admin/zbozi' })).statusCode, 303);
    });
  });
}
