import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { BUYER } from './support/orders.js';


for (const dialect of DIALECTS) {
  describe(`placing orders on ${dialect.name}`, () => {
    let kramek: TestKramek;
    const post = (body: unknown, headers: Record<string, string> = {}) => kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: body as object, headers });
    const stockOf = async (sku: string) => (await kramek.core.db.selectFrom('variants').select('stock').where('sku', '=', sku).executeTakeFirstOrThrow()).stock;
    const orderCount = async () => Number((await kramek.core.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    before(async () => {
      kramek = await startKramek(dialect, { env: { PUBLIC_URL: 'https://obchod.example.cz' } });
      const s = kramek.core.services;
      await s.updateSettings({ patch: { shop: { name: 'Čajovna', email: 'obchod@example.cz' }, emails: { noReplyAddress: 'noreply@example.cz', ownerAddress: 'majitel@example.cz' } }, actor: 'test' });
      const product = (name: string, vatRate: number, variants: { sku: string; name: string; price: number; stock: number }[]) =>
        s.createProduct({ name, slug: '', description: '', vatRate, active: true, categoryIds: [], variants: variants.map((v) => ({ ...v, compareAtPrice: null, weightGrams: null })) });
      await product('Čaj Sencha', 21, [
        { sku: 'TEA-001-100G', name: '100 g', price: 14900, stock: 50 },
        { sku: 'TEA-001-250G', name: '250 g', price: 32900, stock: 5 },
      ]);
      await product('Hrnek', 21, [{ sku: 'MUG-1', name: '', price: 29900, stock: 10 }]);
      await product('Kniha o čaji', 12, [{ sku: 'BOOK-1', name: '', price: 44800, stock: 3 }]);
    });
    after(() => kramek.close());

    test('a guest order is accepted with prices, VAT, shipping, stock taken, notes and emails written together', async () => {
      const response = await post({ ...BUYER, items: [{ sku: 'TEA-001-100G', quantity: 2 }, { sku: 'BOOK-1', quantity: 1 }, { sku: 'TEA-001-100G', quantity: 1 }] });
      assert.equal(response.statusCode, 201, response.body);
      const order = response.json();
      assert.match(order.number, /^\d{10}$/);
      assert.equal(order.number.slice(0, 4), String(new Date().getFullYear()));
      assert.equal(order.status, 'new');
      assert.equal(order.currency, 'CZK');
      assert.deepEqual(order.items, [
        { sku: 'TEA-001-100G', name: 'Čaj Sencha – 100 g', quantity: 3, unitPrice: 14900, vatRate: 21, total: 44700 },
        { sku: 'BOOK-1', name: 'Kniha o čaji', quantity: 1, unitPrice: 44800, vatRate: 12, total: 44800 },
      ]);
      assert.deepEqual(order.shipping, { method: 'ppl', price: 12900, carrier: 'ppl', trackingNumber: null, trackingUrl: null, parcels: [], pickupPoint: null });
      assert.deepEqual(order.payment, { method: 'bank-transfer', price: 0, variableSymbol: order.number, status: 'unpaid' });
      assert.equal(order.total, 44700 + 44800 + 12900);
      assert.match(order.documentUrl, new RegExp(`^https://obchod\\.example\\.cz/objednavka/${order.number}/doklad\\.pdf\\?t=[\\w-]{32}$`));
      assert.equal('internalNotes' in order || 'note' in order || 'history' in order, false, 'the customer view carries no internal data');

      assert.equal(await stockOf('TEA-001-100G'), 47);
      assert.equal(await stockOf('BOOK-1'), 2);
      const events = await kramek.core.db.selectFrom('order_events').innerJoin('orders', 'orders.id', 'order_events.order_id').select(['kind', 'text', 'internal']).where('orders.number', '=', order.number).execute();
      assert.ok(events.every((e) => e.internal === 1));
      assert.ok(events.some((e) => /Jednorázový nákup bez registrace[\s\S]*Jana Nováková[\s\S]*Dlouhá 12/.test(e.text)));
      assert.ok(events.some((e) => /Objednávka vygenerována .* všechny kroky proběhly bez chyby/.test(e.text)));

      const outbox = await kramek.core.db.selectFrom('outbox_emails').selectAll().innerJoin('orders', 'orders.id', 'outbox_emails.order_id').where('orders.number', '=', order.number).execute();
      const accepted = outbox.find((e) => e.kind === 'order_accepted')!;
      assert.equal(accepted.to_address, 'jana@example.cz');
      assert.match(accepted.subject, new RegExp(order.number));
      assert.deepEqual(JSON.parse(accepted.attachments), [{ kind: 'order_pdf', orderNumber: order.number, filename: `objednavka-${order.number}.pdf` }]);
      const owner = outbox.find((e) => e.kind === 'owner_new_order')!;
      assert.equal(owner.to_address, 'majitel@example.cz');
      const firstLine = owner.text_body.split('\n')[0]!;
      assert.ok(firstLine.length <= 160);
      assert.match(firstLine, new RegExp(`${order.number}.*1\\u202F024,00\\u00A0Kč.*4`));
    });

    test('the PDF link works without signing in, for that order only', async () => {
      const order = (await post({ ...BUYER, items: [{ sku: 'MUG-1', quantity: 1 }] })).json();
      const path = new URL(order.documentUrl).pathname + new URL(order.documentUrl).search;
      const pdf = await kramek.app.inject({ method: 'GET', url: path });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const other = (await post({ ...BUYER, items: [{ sku: 'MUG-1', quantity: 1 }] })).json();
      const token = new URL(order.documentUrl).searchParams.get('t');
      assert.equal((await kramek.app.inject({ method: 'GET', url: `/objednavka/${other.number}/doklad.pdf?t=${token}` })).statusCode, 404, 'one order’s token opens no other order');
      assert.equal((await kramek.app.inject({ method: 'GET', url: `/objednavka/${order.number}/doklad.pdf` })).statusCode, 404);
      assert.equal((await kramek.app.inject({ method: 'GET', url: `/objednavka/${order.number}/doklad.pdf?t=${'A'.repeat(32)}` })).statusCode, 404);
    });

    test('the same Idempotency-Key twice (even at once) creates one order', async () => {
      const before = await orderCount();
      const body = { ...BUYER, items: [{ sku: 'MUG-1', quantity: 1 }] };
      const [a, b] = await Promise.all([post(body, { 'idempotency-key': 'klic-1' }), post(body, { 'idempotency-key': 'klic-1' })]);
      assert.equal(a.statusCode, 201);
      assert.equal(b.statusCode, 201);
      assert.equal(a.json().number, b.json().number);
      const c = await post(body, { 'idempotency-key': 'klic-1' });
      assert.equal(c.json().number, a.json().number);
      assert.equal(c.headers['idempotent-replayed'], 'true');
      assert.equal(await orderCount(), before + 1);
      const reused = await post({ ...body, note: 'jiná' }, { 'idempotency-key': 'klic-1' });
      assert.equal(reused.statusCode, 409);
      assert.equal(reused.json().error.code, 'idempotency_conflict');
      // A retry after the order moved on answers with the order as it is now, parcel and tracking link included.
      await kramek.core.services.changeOrderStatus({ number: a.json().number, status: 'shipped', parcels: [{ carrier: 'ppl', trackingNumber: 'PPL-777' }], notifyCustomer: false, actor: 'test' });
      const later = (await post(body, { 'idempotency-key': 'klic-1' })).json();
      assert.equal(later.status, 'shipped');
      assert.equal(later.shipping.trackingNumber, 'PPL-777');
      assert.match(later.shipping.trackingUrl, /^https:\/\/.*PPL-777/);
    });

    test('50 concurrent buyers of an item with 5 in stock: exactly 5 orders, stock never below zero', async () => {
      const before = await orderCount();
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => post({ ...BUYER, customer: { ...BUYER.customer, email: `kupec${i}@example.cz` }, items: [{ sku: 'TEA-001-250G', quantity: 1 }] })));
      const codes = responses.map((r) => r.statusCode);
      assert.equal(codes.filter((c) => c === 201).length, 5, codes.join(','));
      assert.equal(codes.filter((c) => c === 409).length, 45);
      assert.equal(await stockOf('TEA-001-250G'), 0);
      assert.equal(await orderCount(), before + 5);
      const refused = responses.find((r) => r.statusCode === 409)!.json().error;
      assert.equal(refused.code, 'out_of_stock');
      assert.match(refused.message, /TEA-001-250G/);
      const numbers = responses.filter((r) => r.statusCode === 201).map((r) => r.json().number);
      assert.equal(new Set(numbers).size, 5, 'numbers are unique');
    });

    test('bad orders are refused with a clear 4xx and change nothing', async () => {
      const before = { orders: await orderCount(), stock: await stockOf('MUG-1') };
      const cases: [unknown, number, string][] = [
        [{ ...BUYER, items: [{ sku: 'NEEXISTUJE', quantity: 1 }] }, 422, 'items.0.sku'],
        [{ ...BUYER, items: [{ sku: 'MUG-1', quantity: 0 }] }, 422, 'items.0.quantity'],
        [{ ...BUYER, items: [] }, 422, 'items'],
        [{ ...BUYER, customer: { ...BUYER.customer, email: 'jana@' }, items: [{ sku: 'MUG-1', quantity: 1 }] }, 422, 'customer.email'],
        [{ ...BUYER, customer: { ...BUYER.customer, ico: '12345678' }, items: [{ sku: 'MUG-1', quantity: 1 }] }, 422, 'customer.ico'],
        [{ ...BUYER, shippingMethod: 'drak', items: [{ sku: 'MUG-1', quantity: 1 }] }, 422, 'shippingMethod'],
        [{ ...BUYER, billingAddress: { ...BUYER.billingAddress, zip: '1' }, items: [{ sku: 'MUG-1', quantity: 1 }] }, 422, 'billingAddress.zip'],
        [{ ...BUYER, items: [{ sku: 'MUG-1', quantity: 1000 }] }, 422, 'items.0.quantity'],
        [{ ...BUYER, items: [{ sku: 'MUG-1', quantity: 100 }] }, 409, 'items.0.quantity'],
        [{ ...BUYER, hacker: true, items: [{ sku: 'MUG-1', quantity: 1 }] }, 422, 'hacker'],
      ];
      for (const [body, status, field] of cases) {
        const r = await post(body);
        assert.equal(r.statusCode, status, `${field}: ${r.body}`);
        assert.ok(r.json().error.fields?.[field], `${field} named in ${r.body}`);
      }
      for (const raw of ['null', '"x"', '[]', '{"items": "x"}']) {
        const r = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: raw, headers: { 'content-type': 'application/json' } });
        assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${raw} → ${r.statusCode}`);
      }
      assert.equal(await orderCount(), before.orders);
      assert.equal(await stockOf('MUG-1'), before.stock);
      const english = await post({ ...BUYER, items: [{ sku: 'MUG-1', quantity: 0 }] }, { 'accept-language': 'en' });
      assert.match(english.json().error.fields['items.0.quantity'], /whole number/);
    });

    test('with guest checkout off, a one-time purchase is refused with 403, while an account can still buy', async () => {
      await kramek.core.services.updateSettings({ patch: { checkout: { guestCheckout: false } }, actor: 'test' });
      try {
        const refused = await post({ ...BUYER, items: [{ sku: 'MUG-1', quantity: 1 }] });
        assert.equal(refused.statusCode, 403);
        assert.equal(refused.json().error.code, 'guest_checkout_disabled');
        const withAccount = await post({ ...BUYER, customer: { ...BUYER.customer, email: 'Nova.Zakaznice@example.cz' }, password: 'tajne-heslo-123', items: [{ sku: 'MUG-1', quantity: 1 }] });
        assert.equal(withAccount.statusCode, 201, withAccount.body);
        const customer = await kramek.core.db.selectFrom('customers').selectAll().where('email', '=', 'nova.zakaznice@example.cz').executeTakeFirstOrThrow();
        assert.match(customer.password_hash ?? '', /^\$argon2id\$/);
        const again = await post({ ...BUYER, customer: { ...BUYER.customer, email: 'nova.zakaznice@example.cz' }, password: 'jine-heslo-456', items: [{ sku: 'MUG-1', quantity: 1 }] });
        assert.equal(again.statusCode, 409);
        assert.equal(again.json().error.code, 'account_exists');
      } finally {
        await kramek.core.services.updateSettings({ patch: { checkout: { guestCheckout: true } }, actor: 'test' });
      }
    });

    test('shipping is free above its threshold', async () => {
      const order = (await post({ ...BUYER, items: [{ sku: 'TEA-001-100G', quantity: 11 }] })).json();
      assert.equal(order.shipping.price, 0);
      assert.equal(order.total, 11 * 14900);
    });

    test('concurrent orders sharing items, listed in any order: all accepted (no deadlock), stock and product totals exact', async () => {
      const s = kramek.core.services;
      const variants = ['A', 'B', 'C'].map((v) => ({ sku: `SET-${v}`, name: v, price: 10000, stock: 1000, compareAtPrice: null, weightGrams: null }));
      await s.createProduct({ name: 'Sada', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants });
      await s.createProduct({ name: 'Konvice', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ ...variants[0]!, sku: 'POT-1', name: '' }] });
      const skus = ['SET-A', 'SET-B', 'SET-C', 'POT-1'];
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const items = [0, 1, 2].map((k) => ({ sku: skus[(i + k * (i % 2 ? 1 : 3)) % 4]!, quantity: 1 + k }));
          return post({ ...BUYER, customer: { ...BUYER.customer, email: `sada${i}@example.cz` }, items });
        }),
      );
      assert.deepEqual([...new Set(responses.map((r) => r.statusCode))], [201], responses.find((r) => r.statusCode !== 201)?.body);
      const taken = new Map<string, number>();
      for (const r of responses) for (const item of r.json().items as { sku: string; quantity: number }[]) taken.set(item.sku, (taken.get(item.sku) ?? 0) + item.quantity);
      for (const sku of skus) assert.equal(await stockOf(sku), 1000 - (taken.get(sku) ?? 0), sku);
      const totals = await kramek.core.db
        .selectFrom('products')
        .innerJoin('variants', 'variants.product_id', 'products.id')
        .select(['products.name', 'products.stock_total', (eb) => eb.fn.sum<number>('variants.stock').as('sum')])
        .where('products.name', 'in', ['Sada', 'Konvice'])
        .groupBy(['products.name', 'products.stock_total'])
        .execute();
      assert.equal(totals.length, 2);
      for (const t of totals) assert.equal(Number(t.stock_total), Number(t.sum), `${t.name}: the cached total is the sum of its variants`);
    });
  });

  // More buyers than pooled connections: an order holding a connection must not wait for another to create its number sequence.
  test(`on ${dialect.name}, the first orders after a start arrive at once: all accepted, numbers unique`, { timeout: 30_000 }, async () => {
    const buyers = 30;
    const fresh = await startKramek(dialect);
    try {
      await fresh.core.services.createProduct({ name: 'Čaj', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'T-1', name: '', price: 10000, stock: 100, compareAtPrice: null, weightGrams: null }] });
      const responses = await Promise.all(
        Array.from({ length: buyers }, (_, i) =>
          fresh.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, customer: { ...BUYER.customer, email: `prvni${i}@example.cz` }, items: [{ sku: 'T-1', quantity: 1 }] } }),
        ),
      );
      assert.deepEqual(responses.map((r) => r.statusCode), Array(buyers).fill(201), responses.find((r) => r.statusCode !== 201)?.body);
      assert.equal(new Set(responses.map((r) => r.json().number)).size, buyers);
    } finally {
      await fresh.close();
    }
  });
}
