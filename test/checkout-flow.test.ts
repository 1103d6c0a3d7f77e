import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config/env.js';
import { openCore, prepareServer } from '../src/main.js';
import { DIALECTS, type Dialect } from './support/databases.js';
import { OWNER } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { BUYER } from './support/orders.js';

/** Kramek with a DNS stand-in: every domain receives mail but `nomail.cz` (the tests' network has no resolver). */
async function start(dialect: Dialect) {
  const database = await dialect.create();
  const config = loadConfig({ DATA_DIR: database.dataDir, ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password, LOG_LEVEL: 'silent', SEED_DEMO: '0' });
  const core = openCore(config, { database: database.target, ports: { emailDomains: { check: async (domain: string) => (domain === 'nomail.cz' ? 'missing' : 'mail') } } });
  const { app } = await prepareServer(core);
  await app.ready();
  return { core, app, close: async () => (await app.close(), await core.close(), await database.drop()) };
}

const GOOD = {
  email: 'jana@example.cz',
  name: 'Jana Nováková',
  phone: '601 123 456',
  street: 'Dlouhá 12',
  city: 'Praha',
  zip: '11000',
  country: 'CZ',
  shippingMethod: 'ppl',
  paymentMethod: 'bank-transfer',
  note: 'Prosím zabalit jako dárek.',
  terms: '1',
};

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

for (const dialect of DIALECTS) {
  describe(`the HTML checkout on ${dialect.name}`, () => {
    let kramek: Awaited<ReturnType<typeof start>>;
    const orderCount = async () => Number((await kramek.core.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const setGuest = (guestCheckout: boolean) => kramek.core.services.updateSettings({ patch: { checkout: { guestCheckout } }, actor: 'test' });

    /** A visitor with goods in the cart, standing on the checkout page. */
    async function shopper(ip: string, quantity = '2') {
      const agent = new Agent(kramek.app, ip);
      const added = await agent.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: `sku=TEA-100&quantity=${quantity}` });
      assert.equal(added.statusCode, 303);
      const page = await agent.get('/pokladna');
      assert.equal(page.statusCode, 200, page.body);
      const form = { _csrf: csrfTokenOf(page.body), idempotencyKey: hidden(page.body, 'idempotencyKey'), expectedTotal: hidden(page.body, 'expectedTotal') };
      return { agent, page, form, submit: (fields: Record<string, string>) => agent.post('/pokladna', { ...form, ...fields }) };
    }

    before(async () => {
      kramek = await start(dialect);
      const s = kramek.core.services;
      await s.updateSettings({
        patch: { shop: { name: 'Čajovna', legalName: 'Čajovna s.r.o.', email: 'obchod@example.cz', bankAccounts: [{ label: 'Hlavní účet', number: '2000145399/2010', iban: '', bic: '' }] } },
        actor: 'test',
      });
      await s.createProduct({ name: 'Čaj Sencha', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'TEA-100', name: '100 g', price: 14900, stock: 500, compareAtPrice: null, weightGrams: null }] });
    });
    after(() => kramek.close());

    test('the page offers methods with prices and the free-shipping threshold, and the total with VAT', async () => {
      const { page } = await shopper('10.30.0.1');
      assert.match(page.body, /Objednat s povinností platby/);
      assert.match(page.body, /PPL – doručení na adresu/);
      assert.match(page.body, /zdarma od 1\s500,00\s*Kč/);
      assert.match(page.body, /Na dobírku/);
      assert.match(page.body, /href="\/obchodni-podminky"/);
      assert.match(page.body, /href="\/ochrana-osobnich-udaju"/);
      assert.match(page.body, /Celkem k úhradě/);
      assert.match(page.body, /DPH 21 %/);
    });

    test('bad input keeps the values, explains each field in Czech and creates nothing', async () => {
      const { submit } = await shopper('10.30.0.2');
      const response = await submit({ ...GOOD, name: '', email: 'jana@', zip: 'abc', terms: '', street: 'Dlouhá <12>', shippingMethod: '' });
      assert.equal(response.statusCode, 422);
      assert.match(response.body, /class="error-summary"/);
      assert.match(response.body, /Zadejte jméno a příjmení/);
      assert.match(response.body, /Pro odeslání objednávky je třeba souhlasit/);
      assert.match(response.body, /Vyberte jednu z možností/);
      assert.match(response.body, /href="#zip"/);
      assert.match(response.body, /value="Dlouhá &lt;12>"/);
      assert.match(response.body, /value="jana@"/);
      assert.match(response.body, /Prosím zabalit jako dárek/);
      assert.equal(await orderCount(), 0);

      const typo = await submit({ ...GOOD, email: 'jana@gmial.com' });
      assert.equal(typo.statusCode, 422);
      assert.match(typo.body, /Mysleli jste jana@gmail\.com\?/);
      const noMail = await submit({ ...GOOD, email: 'jana@nomail.cz' });
      assert.equal(noMail.statusCode, 422);
      assert.match(noMail.body, /nepřijímá e-maily/);
      // The store API runs the same check with the same outcome.
      const api = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, customer: { ...BUYER.customer, email: 'jana@nomail.cz' }, items: [{ sku: 'TEA-100', quantity: 1 }] } });
      assert.equal(api.statusCode, 422);
      assert.match(api.json().error.fields['customer.email'], /nepřijímá e-maily/);
      assert.equal(await orderCount(), 0);
    });

    test('an order posted twice with one key is placed once, empties the cart and shows the thank-you page', async () => {
      const before = await orderCount();
      const { agent, submit } = await shopper('10.30.0.3');
      const [first, second] = await Promise.all([submit(GOOD), submit(GOOD)]);
      const third = await submit(GOOD);
      assert.equal(first.statusCode, 303, first.body);
      for (const r of [second, third]) assert.equal(r.headers.location, first.headers.location);
      assert.equal(await orderCount(), before + 1);
      const location = String(first.headers.location);
      assert.match(location, /^\/objednavka\/\d{10}\?t=[\w-]+$/);
      const number = /\/objednavka\/(\d+)/.exec(location)![1]!;

      const thanks = await agent.get(location);
      assert.equal(thanks.statusCode, 200);
      assert.match(thanks.body, new RegExp(`Objednávka č\\. ${number} byla přijata`));
      assert.match(thanks.body, /Čaj Sencha – 100 g/);
      assert.match(thanks.body, /Variabilní symbol/);
      assert.match(thanks.body, new RegExp(`class="variable-symbol">${number}<`));
      assert.match(thanks.body, /2000145399\/2010/);
      assert.match(thanks.body, /<svg[^>]*viewBox/);
      assert.match(thanks.body, /427,00\s*Kč/); // 2 × 149 + PPL 129
      assert.match(thanks.body, /Košík \(0\)/);
      assert.doesNotMatch(thanks.body, /Jednorázový nákup|vygenerována/, 'no internal notes');
      const pdfLink = /href="(\/objednavka\/\d+\/doklad\.pdf\?t=[^"]+)"/.exec(thanks.body)![1]!;
      const pdf = await kramek.app.inject({ method: 'GET', url: pdfLink.replace(/&amp;/g, '&') });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');

      assert.match((await agent.get('/kosik')).body, /Košík je prázdný/);
      assert.equal((await kramek.app.inject({ method: 'GET', url: location.replace(/t=.*/, 't=wrong-token-wrong-token') })).statusCode, 404);
    });

    test('a price change after the page was shown stops the order until the customer has seen it', async () => {
      const { submit } = await shopper('10.30.0.4', '1');
      await kramek.core.db.updateTable('variants').set({ price: 15900 }).where('sku', '=', 'TEA-100').execute();
      try {
        const before = await orderCount();
        const response = await submit(GOOD);
        assert.equal(response.statusCode, 409);
        assert.match(response.body, /Ceny v košíku se mezitím změnily/);
        assert.equal(await orderCount(), before);
      } finally {
        await kramek.core.db.updateTable('variants').set({ price: 14900 }).where('sku', '=', 'TEA-100').execute();
      }
    });

    test('every field is shown as text on the thank-you page (no markup from the customer)', async () => {
      const { agent, submit } = await shopper('10.30.0.5', '1');
      const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const response = await submit({ ...GOOD, name: `Jana ${evil}`, street: `Dlouhá ${evil}`, city: `Praha ${evil}`, note: evil, companyPurchase: '1', company: `Firma ${evil}`, differentShipping: '1', shipStreet: `Jiná ${evil}`, shipCity: `Brno ${evil}`, shipZip: '60200', shipCountry: 'CZ' });
      assert.equal(response.statusCode, 303, response.body);
      const thanks = await agent.get(String(response.headers.location));
      assert.doesNotMatch(thanks.body, /<script>alert|<img src=x/);
      assert.ok((thanks.body.match(/&lt;script>alert\(1\)&lt;\/script>/g) ?? []).length >= 6);
    });

    test('posts without a CSRF token are refused', async () => {
      const { agent, form } = await shopper('10.30.0.6', '1');
      const before = await orderCount();
      const response = await agent.post('/pokladna', { ...GOOD, idempotencyKey: form.idempotencyKey, expectedTotal: form.expectedTotal });
      assert.equal(response.statusCode, 403);
      assert.equal(await orderCount(), before);
    });

    test('with guest checkout off the page says so and a post is refused', async () => {
      const { agent, submit } = await shopper('10.30.0.7', '1');
      await setGuest(false);
      try {
        const before = await orderCount();
        const page = await agent.get('/pokladna');
        assert.match(page.body, /nepřijímá objednávky bez registrace/);
        assert.doesNotMatch(page.body, /Objednat s povinností platby/);
        const response = await submit(GOOD);
        assert.equal(response.statusCode, 403);
        assert.match(response.body, /nepřijímá objednávky bez registrace/);
        assert.equal(await orderCount(), before);
      } finally {
        await setGuest(true);
      }
    });
  });
}
