import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { BUYER, outboxOf } from './support/orders.js';
import { pdfPages } from './support/pdf.js';
import { signedInAgent } from './support/catalog.js';
import { placePickupOrder, startPacketaShop, type PacketaShop } from './support/packeta.js';
import { renderOrderPdf } from '../src/adapters/pdf/order-pdf.js';

for (const dialect of DIALECTS) {
  describe(`pickup points, shipping rules and carrier credentials on ${dialect.name}`, () => {
    let shop: PacketaShop;
    const order = (payload: object) => shop.kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, items: [{ sku: 'TEA-1', quantity: 1 }], ...payload } });

    before(async () => {
      shop = await startPacketaShop(dialect);
      const s = shop.kramek.core.services;
      await s.createProduct({ name: 'Litinová konvice', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'POT-1', name: '', price: 89000, stock: 100, compareAtPrice: null, weightGrams: 3000 }] });
      const { checkout } = await s.getSettings();
      // Zásilkovna: 79 Kč, over 5 kg 119 Kč, at most 10 kg, cash on delivery 25 Kč with it; free above 1 500 Kč.
      await s.updateSettings({
        patch: { checkout: { shippingMethods: checkout.shippingMethods.map((m) => (m.code === 'zasilkovna' ? { ...m, weightBands: [{ overGrams: 5000, price: 11900 }], maxWeightGrams: 10_000, codSurcharge: 2500 } : m)) } },
        actor: 'test',
      });
    });
    after(() => shop.close());

    test('the feed loads on first need; the Store API searches it, and refuses an unknown carrier with 400', async () => {
      const found = await shop.kramek.app.inject({ url: '/api/store/pickup-points?carrier=zasilkovna&q=brno' });
      assert.equal(found.statusCode, 200);
      const points = found.json() as { id: string; city: string; kind: string; country: string }[];
      assert.deepEqual([...new Set(points.map((p) => p.city))], ['Brno']);
      assert.ok(points.some((p) => p.kind === 'box'));
      assert.equal(shop.fake.calls.filter((c) => c === 'branch.json').length, 1);
      const folded = (await shop.kramek.app.inject({ url: '/api/store/pickup-points?carrier=zasilkovna&q=plzen%20bory' })).json() as { id: string }[];
      assert.deepEqual(folded.map((p) => p.id), ['13052'], 'words without diacritics, all of them');
      assert.ok(((await shop.kramek.app.inject({ url: '/api/store/pickup-points?carrier=zasilkovna&q=Bratislava' })).json() as unknown[]).length === 2, 'Slovak points are kept');
      for (const url of ['/api/store/pickup-points?carrier=ppl&q=x', '/api/store/pickup-points']) {
        const bad = await shop.kramek.app.inject({ url });
        assert.equal(bad.statusCode, 400, url);
        assert.ok(bad.json().error.code && bad.json().error.message);
      }
    });

    test('an order keeps its point; a bad point id is 400 in the contract shape, a missing one 422; nothing is stored', async () => {
      const placed = await placePickupOrder(shop, { pickupPoint: null, pickupPointId: 10237, paymentMethod: 'bank-transfer' });
      assert.deepEqual(placed.shipping.pickupPoint, { carrier: 'zasilkovna', id: '10237', name: 'Praha 4, Roztylská 2321/19', place: 'Z-BOX Chodov', street: 'Roztylská 2321/19', city: 'Praha 4', zip: '148 00', country: 'CZ' });
      const count = async () => Number((await shop.kramek.core.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      for (const pickupPoint of [{ id: '999999' }, { id: 'abc' }, { id: '1'.repeat(40) }]) {
        const refused = await order({ shippingMethod: 'zasilkovna', paymentMethod: 'bank-transfer', pickupPoint });
        assert.equal(refused.statusCode, 400, JSON.stringify(pickupPoint));
        assert.equal(refused.json().error.code, 'bad_request');
        assert.equal(refused.json().error.fields.pickupPoint, 'Takové výdejní místo neznáme. Vyberte prosím jiné.');
      }
      const missing = await order({ shippingMethod: 'zasilkovna', paymentMethod: 'bank-transfer' });
      assert.equal(missing.statusCode, 422);
      assert.equal(missing.json().error.fields.pickupPoint, 'Vyberte výdejní místo.');
      assert.equal(await count(), before);
      const ppl = (await order({ shippingMethod: 'ppl', paymentMethod: 'bank-transfer', pickupPoint: { id: '10232' } })).json();
      assert.equal(ppl.shipping.pickupPoint, null, 'a courier delivers to the address, whatever point was sent');
    });

    test('shipping by weight, the weight limit, free shipping and the COD surcharge: one rule for the API list, the order and the checkout', async () => {
      const methods = async (query: string) => (await shop.kramek.app.inject({ url: `/api/store/shipping-methods${query}` })).json() as { code: string; price: number; maxWeightGrams: number | null; pickupPoints: boolean; codSurcharge: number | null }[];
      const plain = (await methods('')).find((m) => m.code === 'zasilkovna')!;
      assert.deepEqual([plain.price, plain.maxWeightGrams, plain.pickupPoints, plain.codSurcharge], [7900, 10_000, true, 2500]);
      assert.equal((await methods('?itemsTotal=10000&weight=6000')).find((m) => m.code === 'zasilkovna')!.price, 11900);
      assert.equal((await methods('?itemsTotal=200000&weight=6000')).find((m) => m.code === 'zasilkovna')!.price, 0);
      assert.equal((await methods('?weight=12000')).find((m) => m.code === 'zasilkovna'), undefined, 'too heavy: not offered');
      assert.equal((await shop.kramek.app.inject({ url: '/api/store/shipping-methods?weight=-1' })).statusCode, 400);

      const two = await order({ items: [{ sku: 'POT-1', quantity: 2 }], shippingMethod: 'zasilkovna', paymentMethod: 'cash-on-delivery', pickupPoint: { id: '10231' } });
      assert.equal(two.statusCode, 201, two.body);
      assert.equal(two.json().shipping.price, 0, 'free above 1 500 Kč');
      assert.equal(two.json().payment.price, 2500, 'the COD surcharge of the shipping method');
      assert.equal(two.json().total, 2 * 89000 + 2500);
      const light = await order({ items: [{ sku: 'TEA-1', quantity: 1 }, { sku: 'POT-1', quantity: 1 }], shippingMethod: 'zasilkovna', paymentMethod: 'bank-transfer', pickupPoint: { id: '10231' } });
      assert.equal(light.json().shipping.price, 7900, '1 039 Kč and 3 kg: the base price');
      const heavy = await order({ items: [{ sku: 'POT-1', quantity: 4 }], shippingMethod: 'zasilkovna', paymentMethod: 'bank-transfer', pickupPoint: { id: '10231' } });
      assert.equal(heavy.statusCode, 422);
      assert.equal(heavy.json().error.fields.shippingMethod, 'Zboží je pro tento způsob dopravy příliš těžké.');
    });

    test('the checkout without JavaScript: search for a point, pick it, order; the point is in the email and the PDF', async () => {
      const agent = new Agent(shop.kramek.app, '10.19.0.1');
      await agent.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=1' });
      const page = await agent.get('/pokladna');
      assert.match(page.body, /Výdejní místo Zásilkovny/);
      const form = {
        _csrf: csrfTokenOf(page.body),
        idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1]!,
        expectedTotal: /name="expectedTotal" value="([^"]+)"/.exec(page.body)![1]!,
        email: 'petr@example.cz',
        name: 'Petr Svoboda',
        phone: '+420602123456',
        street: 'Vinohradská 1',
        city: 'Praha',
        zip: '120 00',
        country: 'CZ',
        shippingMethod: 'zasilkovna',
        paymentMethod: 'bank-transfer',
        terms: '1',
        pickupQuery: 'olomouc',
      };
      const searched = await agent.post('/pokladna', { ...form, action: 'pickup-search' });
      assert.equal(searched.statusCode, 200);
      assert.match(searched.body, /name="pickupPointId" value="14020"/);
      assert.match(searched.body, /Papírnictví Horní náměstí/);
      const missing = await agent.post('/pokladna', { ...form, _csrf: csrfTokenOf(searched.body) });
      assert.equal(missing.statusCode, 422);
      assert.match(missing.body, /Vyberte výdejní místo/);
      const placed = await agent.post('/pokladna', { ...form, _csrf: csrfTokenOf(missing.body), pickupPointId: '14020' });
      assert.equal(placed.statusCode, 303, placed.body.slice(0, 500));
      const number = /\/objednavka\/(\d+)/.exec(placed.headers.location as string)![1]!;
      const thanks = await agent.get(placed.headers.location as string);
      assert.match(thanks.body, /Papírnictví Horní náměstí/);
      const email = (await outboxOf(shop.kramek, number)).find((e) => e.kind === 'order_accepted')!;
      assert.match(email.text_body, /Výdejní místo: Papírnictví Horní náměstí, Horní náměstí 20, 779 00 Olomouc, ID 14020/);
      assert.match(email.html_body, /Výdejní místo<\/h2><p style="margin:0">Papírnictví Horní náměstí<br>/);
      const pdf = await renderOrderPdf((await shop.kramek.core.services.orderDocument(number))!);
      const text = pdfPages(pdf).join('\n');
      assert.match(text, /VÝDEJNÍ MÍSTO/);
      assert.match(text, /Papírnictví Horní náměstí/);
      const admin = await signedInAgent(shop.kramek);
      const detail = await admin.get(`/admin/objednavky/${number}`);
      assert.match(detail.body, /Papírnictví Horní náměstí/);
      assert.match(detail.body, /Vytvořit zásilku/);
    });

    test('with the API key the checkout offers Packeta’s map, allowed by the page’s CSP; the key is public, the password never shown', async () => {
      const agent = new Agent(shop.kramek.app, '10.19.0.2');
      await agent.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=1' });
      const page = await agent.get('/pokladna');
      assert.match(page.body, new RegExp(`data-widget-key="${shop.fake.password.slice(0, 16)}"`));
      assert.doesNotMatch(page.body, new RegExp(shop.fake.password));
      assert.match(String(page.headers['content-security-policy']), /script-src 'self' https:\/\/widget\.packeta\.com/);
      assert.match(String(page.headers['content-security-policy']), /frame-src https:\/\/widget\.packeta\.com/);
      const home = await agent.get('/');
      assert.doesNotMatch(String(home.headers['content-security-policy']), /packeta/, 'only the checkout allows it');
    });

    test('the API password is masked in the settings API, the form and the history; sent back masked it stays', async () => {
      const owner = (await shop.kramek.core.services.createApiToken({ name: 'owner', role: 'owner' })).token;
      const call = (method: 'GET' | 'PATCH', payload?: object) => shop.kramek.app.inject({ method, url: '/api/admin/settings', payload, headers: { authorization: `Bearer ${owner}` } });
      const got = (await call('GET')).json();
      assert.equal(got.carriers.packeta.apiPassword, `••••${shop.fake.password.slice(-4)}`);
      const patched = await call('PATCH', got);
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal((await shop.kramek.core.services.getSettings()).carriers.packeta.apiPassword, shop.fake.password, 'the masked value kept the stored one');
      const bad = await call('PATCH', { carriers: { packeta: { apiPassword: 'short' } } });
      assert.equal(bad.statusCode, 422);
      assert.ok(bad.json().error.fields['carriers.packeta.apiPassword']);
      const fresh = 'f'.repeat(28) + 'wxyz';
      assert.equal((await call('PATCH', { carriers: { packeta: { apiPassword: fresh } } })).json().carriers.packeta.apiPassword, '••••wxyz');
      const history = JSON.stringify(await shop.kramek.core.services.settingsAuditLog());
      assert.doesNotMatch(history, new RegExp(`${shop.fake.password}|${fresh}`));
      assert.match(history, /••••wxyz/);
      const admin = await signedInAgent(shop.kramek);
      const form = await admin.get('/admin/konfigurace/dopravci');
      assert.equal(form.statusCode, 200);
      assert.doesNotMatch(form.body, new RegExp(fresh));
      assert.match(form.body, /Uloženo: ••••wxyz/);
      assert.match(form.body, /Výdejních míst: 37/);
      // The form saved with the password left empty keeps it.
      const saved = await admin.post('/admin/konfigurace/dopravci', { _csrf: csrfTokenOf(form.body), 'packeta.apiPassword': '', 'packeta.sender': 'cajovna', 'packeta.labelFormat': 'A6 on A4', 'packeta.defaultWeightGrams': '1,5', 'packeta.widget': '1' });
      assert.equal(saved.statusCode, 303);
      const packeta = (await shop.kramek.core.services.getSettings()).carriers.packeta;
      assert.deepEqual([packeta.apiPassword, packeta.labelFormat, packeta.defaultWeightGrams, packeta.completeOnDelivery], [fresh, 'A6 on A4', 1500, false]);
      await shop.kramek.core.services.updateSettings({ patch: { carriers: { packeta: { apiPassword: shop.fake.password } } }, actor: 'test' });
    });
  });
}
