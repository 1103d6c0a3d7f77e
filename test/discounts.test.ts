/**
 * Discount codes end to end on both databases: an order through the Store API with a code, the discount split per VAT
 * rate on the order, its PDF, invoice (ISDOC, Pohoda) and order exports; every bad code refused with a clear message and
 * nothing changed; the storefront cart and checkout; and a code with one use left ordered by 20 buyers at once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { TestClock } from './support/outbox.js';
import { BUYER, outboxOf, stockOf } from './support/orders.js';
import { adminApi, setUpInvoicingShop, type Api } from './support/invoices.js';
import { pdfPages, plain } from './support/pdf.js';
import { ISDOC_XSD, KRAMEK_XSD, POHODA_XSD, xmllint } from './support/xml.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import type { DiscountInput } from '../src/domain/discounts/discount-code.js';

const CODE: DiscountInput = { code: 'JARO10', kind: 'percent', value: 10, startsAt: null, endsAt: null, minOrder: null, usageLimit: null, perCustomerLimit: null, scope: 'all', scopeIds: [], active: true, note: '' };
const ITEMS = [{ sku: 'TEA-1', quantity: 2 }, { sku: 'BOOK-1', quantity: 1 }];

for (const dialect of DIALECTS) {
  describe(`discount codes on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let api: Api;
    const clock = new TestClock(new Date('2026-04-10T10:00:00.000Z'));
    const order = (body: Record<string, unknown>, language = 'cs') =>
      kramek.app.inject({ method: 'POST', url: '/api/store/orders', headers: { 'accept-language': language }, payload: { ...BUYER, items: ITEMS, ...body } });
    const codeRow = (code: string) => kramek.core.db.selectFrom('discount_codes').select(['used']).where('code', '=', code).executeTakeFirstOrThrow();
    const orderCount = async () => Number((await kramek.core.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    before(async () => {
      kramek = await startKramek(dialect, { clock });
      api = adminApi(kramek, (await setUpInvoicingShop(kramek)).authorization);
      const s = kramek.core.services;
      await s.createDiscount(CODE);
      const tea = await s.createCategory({ name: 'Čaje', slug: 'caje', description: '', parentId: null, visible: true });
      const green = await s.createCategory({ name: 'Zelené', slug: 'zelene', description: '', parentId: tea.id, visible: true });
      const sencha = (await s.listProducts({ q: 'sencha', sort: 'newest', limit: 5 })).items[0]!;
      await s.patchProduct(sencha.id, { categoryIds: [green.id] });
      await s.createDiscount({ ...CODE, code: 'CAJE20', value: 20, scope: 'categories', scopeIds: [tea.id] });
      await s.createDiscount({ ...CODE, code: 'DOPRAVA', kind: 'free_shipping', value: 0, minOrder: 50000 });
      await s.createDiscount({ ...CODE, code: 'STO', kind: 'amount', value: 10000, minOrder: 100000 });
      await s.createDiscount({ ...CODE, code: 'LONI', endsAt: '2026-01-01T00:00:00.000Z' });
      await s.createDiscount({ ...CODE, code: 'LETO', startsAt: '2026-06-01T00:00:00.000Z' });
      await s.createDiscount({ ...CODE, code: 'JEDNOU', perCustomerLimit: 1 });
      await s.createDiscount({ ...CODE, code: 'VYPNUTY', active: false });
      await s.createDiscount({ ...CODE, code: 'POSLEDNI', usageLimit: 1 });
    });
    after(() => kramek.close());

    test('an order with a code: the discount per VAT rate on the order, its PDF, the invoice and the exports', async () => {
      const response = await order({ discountCode: ' jaro10 ' });
      assert.equal(response.statusCode, 201, response.body);
      const placed = response.json();
      // 2 × 149 + 448 = 746 Kč of goods at 21 % and 12 %; 10 % is 74,60 Kč: 29,80 Kč at 21 %, 44,80 Kč at 12 %.
      assert.deepEqual(placed.discount, { code: 'JARO10', kind: 'percent', amount: 7460, currency: 'CZK', lines: [{ vatRate: 21, amount: 2980 }, { vatRate: 12, amount: 4480 }] });
      assert.equal(placed.total, 74600 - 7460 + 12900);
      assert.equal((await codeRow('JARO10')).used, 1);
      const [email] = await outboxOf(kramek, placed.number);
      assert.ok(email!.text_body.includes('Sleva – kód JARO10 (10 %): -74,60\u00A0Kč'), email!.text_body);
      assert.ok(email!.html_body.includes('Sleva – kód JARO10 (10 %)</td>'));

      const pdf = plain(pdfPages((await api('GET', `/api/admin/orders/${placed.number}/document.pdf`)).raw).join('\n'));
      assert.match(pdf, /Sleva – kód JARO10 \(10 %\)\s+1\s+-29,80 Kč\s+21 %\s+-29,80 Kč/);
      assert.match(pdf, /Sleva – kód JARO10 \(10 %\)\s+1\s+-44,80 Kč\s+12 %\s+-44,80 Kč/);
      // The VAT summary per rate is worked out from each rate's total after the discount.
      assert.match(pdf, /21 %\s+328,26 Kč\s+68,94 Kč\s+397,20 Kč/);
      assert.match(pdf, /12 %\s+360,00 Kč\s+43,20 Kč\s+403,20 Kč/);
      assert.ok(pdf.includes('800,40 Kč'));

      const invoice = (await api('POST', `/api/admin/orders/${placed.number}/invoice`)).json();
      assert.equal(invoice.total, placed.total);
      const invoicePdf = plain(pdfPages((await api('GET', `/api/admin/invoices/${invoice.id}.pdf`)).raw).join('\n'));
      assert.match(invoicePdf, /Sleva – kód JARO10 \(10 %\)[^\n]*-29,80 Kč/);
      assert.match(invoicePdf, /Sleva – kód JARO10 \(10 %\)[^\n]*-44,80 Kč/);
      assert.ok(invoicePdf.includes('800,40 Kč'));
      const isdoc = await api('GET', `/api/admin/invoices/${invoice.id}.isdoc`);
      xmllint(isdoc.body, ISDOC_XSD);
      const pohodaInvoices = await api('GET', '/api/admin/exports/invoices.xml?from=2026-04-10&to=2026-04-10');
      xmllint(pohodaInvoices.body, POHODA_XSD);
      assert.match(pohodaInvoices.body, /<inv:text>Sleva – kód JARO10 \(10 %\)<\/inv:text>/);
      const stored = await kramek.core.services.findInvoice(invoice.id);
      const discountLines = stored!.content.lines.filter((l) => l.kind === 'discount');
      assert.deepEqual(discountLines.map((l) => [l.vatRate, l.total, l.base + l.vat]), [[21, -2980, -2980], [12, -4480, -4480]]);
      assert.deepEqual(stored!.content.vat.map((r) => [r.rate, r.gross]), [[21, 29800 - 2980 + 12900], [12, 44800 - 4480]]);
      // Crediting the whole invoice takes the discount back with the goods: the credit note is exactly minus the invoice.
      const credit = await api('POST', `/api/admin/invoices/${invoice.id}/credit-note`, { reason: 'Vráceno celé' });
      assert.equal(credit.status, 201, credit.body);
      assert.equal(credit.json().total, -placed.total);

      for (const format of ['pohoda', 'kramek'] as const) {
        const xml = (await api('GET', `/api/admin/orders/${placed.number}/export.xml?format=${format}`)).body;
        xmllint(xml, format === 'pohoda' ? POHODA_XSD : KRAMEK_XSD);
        if (format === 'kramek') assert.match(xml, /<discount code="JARO10" kind="percent" amount="74\.60"><line vatRate="21" amount="29\.80"\/><line vatRate="12" amount="44\.80"\/><\/discount>/);
        else assert.match(xml, /<ord:text>Sleva – kód JARO10 \(10 %\)<\/ord:text><ord:quantity>1<\/ord:quantity>.*?<typ:unitPrice>-29\.80<\/typ:unitPrice>/);
      }
      const csv = (await api('GET', `/api/admin/exports/orders.xml?format=csv-items&from=2026-04-01&to=2026-04-30`)).body;
      assert.match(csv, /;discount;JARO10;Sleva – kód JARO10 \(10 %\);1;-44,80;12;-40,00;-4,80;-44,80;CZK/);
      const detail = await kramek.app.inject({ url: `/api/admin/orders/${placed.number}`, headers: { authorization: (await setUpAuth()) } });
      assert.equal(detail.json().discount.amount, 7460);
    });

    const setUpAuth = async () => `Bearer ${(await kramek.core.services.createApiToken({ name: 'x', role: 'staff' })).token}`;

    test('free shipping, a fixed amount and a code limited to a category', async () => {
      const free = (await order({ discountCode: 'doprava' })).json();
      assert.equal(free.shipping.price, 0);
      assert.deepEqual([free.discount.kind, free.discount.amount, free.discount.lines, free.total], ['free_shipping', 12900, [], 74600]);
      const hundred = await order({ discountCode: 'STO', items: [{ sku: 'BOOK-1', quantity: 3 }] });
      assert.deepEqual([hundred.json().discount.amount, hundred.json().discount.lines], [10000, [{ vatRate: 12, amount: 10000 }]]);
      // 20 % off the tea (in a sub-category of Čaje), not the book.
      const tea = (await order({ discountCode: 'CAJE20' })).json();
      assert.deepEqual(tea.discount.lines, [{ vatRate: 21, amount: 5960 }]);
    });

    test('bad codes are refused with a clear message in Czech or English, and nothing changes', async () => {
      const before = { orders: await orderCount(), stock: await stockOf(kramek, 'TEA-1'), used: (await codeRow('JEDNOU')).used };
      assert.equal((await order({ discountCode: 'JEDNOU', customer: { ...BUYER.customer, email: 'jednou@example.cz' } })).statusCode, 201);
      const cases: [Record<string, unknown>, string, string?][] = [
        [{ discountCode: 'NEZNAMY' }, 'Takový slevový kód neznáme. Zkontrolujte, zda je opsaný správně.'],
        [{ discountCode: 'VYPNUTY' }, 'Takový slevový kód neznáme. Zkontrolujte, zda je opsaný správně.'],
        [{ discountCode: 'LONI' }, 'Platnost slevového kódu skončila.'],
        [{ discountCode: 'LETO' }, 'Slevový kód zatím neplatí.'],
        [{ discountCode: 'STO' }, 'Slevový kód platí pro nákup zboží alespoň za 1\u202F000,00\u00A0Kč.'],
        [{ discountCode: 'CAJE20', items: [{ sku: 'BOOK-1', quantity: 1 }] }, 'Slevový kód se nevztahuje na žádné zboží v košíku.'],
        [{ discountCode: 'JEDNOU', customer: { ...BUYER.customer, email: 'JEDNOU@example.cz' } }, 'Tento slevový kód jste už využili, kolikrát bylo možné.'],
        [{ discountCode: 'LONI' }, 'The discount code has expired.', 'en'],
      ];
      for (const [body, message, language] of cases) {
        const response = await order(body, language);
        assert.equal(response.statusCode, 422, `${JSON.stringify(body)}: ${response.body}`);
        assert.equal(response.json().error.code, 'validation');
        assert.equal(response.json().error.fields.discountCode, message);
      }
      assert.equal(await orderCount(), before.orders + 1);
      assert.equal(await stockOf(kramek, 'TEA-1'), before.stock - 2);
      assert.equal((await codeRow('JEDNOU')).used, before.used + 1);
      // Forgetting the buyer keeps the use counted but not their address.
      await kramek.core.services.anonymizeGuest('jednou@example.cz', 'Majitel');
      const uses = await kramek.core.db.selectFrom('discount_redemptions').select('email').execute();
      assert.ok(uses.length > 0 && uses.every((u) => !u.email.includes('jednou@')));
    });

    test('the storefront: a code applied in the cart shows in the checkout and goes with the order; a bad one leaves the cart as it was', async () => {
      const agent = new Agent(kramek.app, '10.1.2.3');
      const origin = { origin: 'http://localhost:80' };
      await agent.request({ method: 'POST', url: '/kosik', headers: { 'content-type': 'application/x-www-form-urlencoded', ...origin, host: 'localhost:80' }, payload: 'sku=TEA-1&quantity=2' });
      await agent.request({ method: 'POST', url: '/kosik', headers: { 'content-type': 'application/x-www-form-urlencoded', ...origin, host: 'localhost:80' }, payload: 'sku=BOOK-1&quantity=1' });
      const cartRow = () => kramek.core.db.selectFrom('carts').select(['discount_code']).executeTakeFirstOrThrow();
      const lines = () => kramek.core.db.selectFrom('cart_lines').select(['variant_id', 'quantity']).orderBy('variant_id').execute();
      const linesBefore = await lines();

      const page = await agent.submit('/kosik', '/kosik/sleva', { code: 'loni' });
      assert.equal(page.statusCode, 303);
      let cart = (await agent.get('/kosik')).body;
      assert.match(cart, /Slevový kód LONI nelze uplatnit: Platnost slevového kódu skončila\./);
      assert.equal((await cartRow()).discount_code, null);
      assert.deepEqual(await lines(), linesBefore);

      await agent.submit('/kosik', '/kosik/sleva', { code: 'jaro10' });
      cart = (await agent.get('/kosik')).body;
      assert.match(cart, /Slevový kód JARO10 je uplatněn\./);
      assert.match(cart, /Sleva – kód JARO10 \(10 %\)<\/th><td class="num">-74,60\u00A0Kč/);
      const checkout = (await agent.get('/pokladna')).body;
      assert.match(checkout, /<dt class="summary-discount">Sleva – kód JARO10 \(10 %\)<\/dt><dd class="num summary-discount">-74,60\u00A0Kč<\/dd>/);
      // No shipping chosen yet: 746 − 74,60.
      assert.match(checkout, /id="checkout-total">671,40\u00A0Kč/);
      assert.doesNotMatch(checkout, /Ověřeno zákazníky/, 'no questionnaire opt-out without a Heureka key');

      const form = {
        _csrf: csrfTokenOf(checkout),
        idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(checkout)![1]!,
        expectedTotal: /name="expectedTotal" value="([^"]+)"/.exec(checkout)![1]!,
        email: 'kosik@example.cz', name: 'Petr Košík', phone: '', street: 'Dlouhá 1', city: 'Praha', zip: '110 00', country: 'CZ',
        shippingMethod: 'ppl', paymentMethod: 'bank-transfer', terms: '1',
      };
      const placed = await agent.post('/pokladna', form);
      assert.equal(placed.statusCode, 303, placed.body.slice(0, 3000));
      const number = /\/objednavka\/(\d+)/.exec(placed.headers.location as string)![1]!;
      const stored = await kramek.core.services.findOrder(number);
      assert.equal(stored!.discount!.amount, 7460);
      assert.equal(stored!.total, 80040);
      assert.equal((await cartRow()).discount_code, null, 'the code went with the order');
      const thanks = (await agent.get(placed.headers.location as string)).body;
      assert.match(thanks, /Sleva – kód JARO10 \(10 %\), DPH 21 %/);
    });

    test('a code with one use left, ordered by 20 buyers at once, goes to exactly one order', async () => {
      const buyers = Array.from({ length: 20 }, (_, i) => order({ discountCode: 'POSLEDNI', items: [{ sku: 'TEA-1', quantity: 1 }], customer: { ...BUYER.customer, email: `kupec${i}@example.cz` } }));
      const answers = await Promise.all(buyers);
      const won = answers.filter((a) => a.statusCode === 201);
      assert.equal(won.length, 1, answers.map((a) => `${a.statusCode} ${a.body.slice(0, 120)}`).join('\n'));
      assert.equal(won[0]!.json().discount.code, 'POSLEDNI');
      for (const lost of answers.filter((a) => a.statusCode !== 201)) {
        assert.equal(lost.statusCode, 422);
        assert.equal(lost.json().error.fields.discountCode, 'Slevový kód už je vyčerpaný.');
      }
      assert.equal((await codeRow('POSLEDNI')).used, 1);
      const redemptions = await kramek.core.db.selectFrom('discount_redemptions').innerJoin('discount_codes', 'discount_codes.id', 'discount_redemptions.code_id').select('discount_redemptions.order_id').where('discount_codes.code', '=', 'POSLEDNI').execute();
      assert.equal(redemptions.length, 1);
    });
  });
}
