import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { pdfPages } from './support/pdf.js';
import { formatMoney } from '../src/domain/money/money.js';
import { BUYER } from './support/orders.js';
import { buyThroughCheckout, PASSWORD, plain, registered, startAccountsKramek, type AccountsKramek } from './support/accounts.js';

for (const dialect of DIALECTS) {
  describe(`the customer profile on ${dialect.name}`, () => {
    let kramek: AccountsKramek;
    let alice: Agent;
    let bob: Agent;
    let number: string;
    let token: string;
    const api = (method: 'GET' | 'POST', url: string, payload?: object) => kramek.app.inject({ method, url, headers: { authorization: kramek.authorization }, payload });

    before(async () => {
      kramek = await startAccountsKramek(dialect);
      alice = await registered(kramek, '10.42.0.1', 'alice@example.cz', 'Alice Dvořáková');
      bob = await registered(kramek, '10.42.0.2', 'bob@example.cz', 'Bob Černý');
      ({ number, token } = await buyThroughCheckout(kramek, alice, { name: 'Alice Dvořáková' }));
    });
    after(() => kramek.close());

    test('a signed-in customer checks out with the account: email fixed, order linked, listed in the profile', async () => {
      const row = await kramek.core.db.selectFrom('orders').innerJoin('customers', 'customers.id', 'orders.customer_id').select(['customers.email', 'orders.email as orderEmail']).where('orders.number', '=', number).executeTakeFirstOrThrow();
      assert.equal(row.email, 'alice@example.cz');
      assert.equal(row.orderEmail, 'alice@example.cz');
      // No "one-time purchase" note for an account's order.
      const notes = await kramek.core.db.selectFrom('order_events').innerJoin('orders', 'orders.id', 'order_events.order_id').select('text').where('orders.number', '=', number).execute();
      assert.ok(notes.every((n) => !/Jednorázový nákup/.test(n.text)));

      const list = plain((await alice.get('/ucet')).body);
      assert.match(list, new RegExp(`href="/ucet/objednavky/${number}"`));
      assert.match(list, /badge badge-new">Nová/);
      const { total } = await kramek.core.db.selectFrom('orders').select('total').where('number', '=', number).executeTakeFirstOrThrow();
      assert.ok(list.includes(plain(formatMoney(total, 'cs'))), `total ${total} in the list`);
      assert.doesNotMatch(plain((await bob.get('/ucet')).body), new RegExp(number));
    });

    test('a long order history pages by 20, newest first; every order stays reachable', async () => {
      const bobId = (await kramek.core.db.selectFrom('customers').select('id').where('email', '=', 'bob@example.cz').executeTakeFirstOrThrow()).id;
      const numbers: string[] = [];
      for (let i = 0; i < 23; i++) {
        const { order } = await kramek.core.services.placeOrder({ input: { ...BUYER, customer: { ...BUYER.customer, email: 'bob@example.cz' }, items: [{ sku: 'TEA-1', quantity: 1 }] }, locale: 'cs', customerId: bobId });
        numbers.push(order.number);
      }
      const shown = (html: string) => [...html.matchAll(/href="\/ucet\/objednavky\/(\d+)"/g)].map((m) => m[1]);
      const first = (await bob.get('/ucet')).body;
      assert.deepEqual(shown(first), numbers.slice(3).reverse());
      assert.match(first, /rel="next" href="\/ucet\?strana=2"/);
      const second = (await bob.get('/ucet?strana=2')).body;
      assert.deepEqual(shown(second), numbers.slice(0, 3).reverse());
      assert.match(second, /rel="prev" href="\/ucet"/);
      assert.equal((await bob.get('/ucet?strana=3')).statusCode, 404);
    });

    test('the order page shows items, VAT, addresses, status history and tracking — never internal notes', async () => {
      assert.equal((await api('POST', `/api/admin/orders/${number}/notes`, { text: 'TAJNÁ POZNÁMKA: zákazník je podezřelý' })).statusCode, 201);
      const shipped = await api('POST', `/api/admin/orders/${number}/status`, { status: 'shipped', trackingNumber: 'PPL123456789', notifyCustomer: false });
      assert.equal(shipped.statusCode, 200, shipped.body);
      const page = await alice.get(`/ucet/objednavky/${number}`);
      assert.equal(page.statusCode, 200);
      const body = plain(page.body);
      assert.match(body, new RegExp(`Objednávka ${number}`));
      assert.match(body, /Čaj Sencha – 100 g/);
      assert.match(body, /DPH 21 %/);
      assert.match(body, /Dlouhá 12/);
      assert.match(body, /badge badge-shipped">Odeslaná/);
      assert.match(body, /Objednávka přijata/);
      assert.match(body, /href="https:\/\/www\.ppl\.cz\/vyhledat-zasilku\?shipmentId=PPL123456789"/);
      assert.match(body, new RegExp(`href="/ucet/objednavky/${number}/doklad.pdf"`));
      assert.doesNotMatch(body, /TAJNÁ POZNÁMKA|podezřelý|vygenerována|E-mail zákazníkovi|Zákazník nebyl/);
    });

    test('the PDF downloads from the profile at any time and is that order', async () => {
      const pdf = await alice.get(`/ucet/objednavky/${number}/doklad.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(pdfPages(pdf.rawPayload).join('\n'), new RegExp(number));
    });

    test('another customer reaches nothing of the order: by number, id, PDF or withdrawal — 404', async () => {
      const id = (await kramek.core.db.selectFrom('orders').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
      for (const url of [`/ucet/objednavky/${number}`, `/ucet/objednavky/${number}/doklad.pdf`, `/ucet/objednavky/${number}/odstoupeni`, `/ucet/objednavky/${id}`, '/ucet/objednavky/9999999999', '/ucet/objednavky/..%2F1']) {
        const response = await bob.get(url);
        assert.equal(response.statusCode, 404, url);
        assert.doesNotMatch(response.body, /Alice|Čaj Sencha/);
      }
      const page = await bob.get('/ucet');
      const post = await bob.post(`/ucet/objednavky/${number}/odstoupeni`, { _csrf: csrfTokenOf(page.body), reason: 'cizí' });
      assert.equal(post.statusCode, 404);
      const events = await kramek.core.db.selectFrom('order_events').select('kind').where('kind', '=', 'withdrawal').execute();
      assert.equal(events.length, 0);
    });

    test('the guest page needs the order’s own token; a guessed one is 404', async () => {
      const guest = new Agent(kramek.app, '10.42.0.9');
      assert.equal((await guest.get(`/objednavka/${number}?t=${encodeURIComponent(token)}`)).statusCode, 200);
      for (const t of ['', 'x'.repeat(32), token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')]) {
        assert.equal((await guest.get(`/objednavka/${number}?t=${encodeURIComponent(t)}`)).statusCode, 404);
        assert.equal((await guest.get(`/objednavka/${number}/odstoupeni?t=${encodeURIComponent(t)}`)).statusCode, 404);
      }
      const page = plain((await guest.get(`/objednavka/${number}?t=${encodeURIComponent(token)}`)).body);
      assert.match(page, /PPL123456789/);
      assert.doesNotMatch(page, /TAJNÁ POZNÁMKA/);
    });

    test('settings: profile validated and saved, then prefilled at checkout; password changed with the current one', async () => {
      const settings = await alice.get('/ucet/nastaveni');
      const bad = await alice.post('/ucet/nastaveni', { _csrf: csrfTokenOf(settings.body), name: 'Alice Dvořáková', phone: '12', street: 'Krátká 1', city: 'Brno', zip: 'abc', country: 'CZ' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Zadejte telefon ve tvaru/);
      assert.match(bad.body, /Zadejte PSČ ve tvaru/);
      assert.match(bad.body, /value="Krátká 1"/);
      const saved = await alice.post('/ucet/nastaveni', { _csrf: csrfTokenOf(bad.body), name: 'Alice Dvořáková', phone: '601 123 456', company: 'Alice s.r.o.', ico: '', dic: '', street: 'Krátká 1', city: 'Brno', zip: '60200', country: 'CZ', shipStreet: '', shipCity: '', shipZip: '' });
      assert.equal(saved.statusCode, 303);
      const shown = plain((await alice.get('/ucet/nastaveni')).body);
      assert.match(shown, /Údaje jsou uložené/);
      assert.match(shown, /value="\+420 601 123 456"/);
      assert.match(shown, /value="602 00"/);

      await alice.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=1' });
      const checkout = plain((await alice.get('/pokladna')).body);
      assert.match(checkout, /Nakupujete jako alice@example\.cz/);
      assert.match(checkout, /value="Krátká 1"/);
      assert.match(checkout, /value="Alice s\.r\.o\."/);

      const elsewhere = new Agent(kramek.app, '10.42.0.8');
      assert.equal((await elsewhere.submit('/ucet/prihlaseni', '/ucet/prihlaseni', { email: 'alice@example.cz', password: PASSWORD })).statusCode, 303);
      const wrong = await alice.post('/ucet/nastaveni/heslo', { _csrf: csrfTokenOf(shown), currentPassword: 'nespravne-heslo', newPassword: 'uplne-nove-heslo' });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Současné heslo nesouhlasí/);
      const changed = await alice.post('/ucet/nastaveni/heslo', { _csrf: csrfTokenOf(wrong.body), currentPassword: PASSWORD, newPassword: 'uplne-nove-heslo' });
      assert.equal(changed.statusCode, 303);
      assert.equal((await alice.get('/ucet')).statusCode, 200, 'the session that changed it stays');
      assert.equal((await elsewhere.get('/ucet')).statusCode, 303, 'other sessions end');
      const again = new Agent(kramek.app, '10.42.0.7');
      assert.equal((await again.submit('/ucet/prihlaseni', '/ucet/prihlaseni', { email: 'alice@example.cz', password: 'uplne-nove-heslo' })).statusCode, 303);
    });

    test('without guest checkout the checkout asks to sign in or register; a signed-in customer still orders', async () => {
      await kramek.core.services.updateSettings({ patch: { checkout: { guestCheckout: false } }, actor: 'test' });
      try {
        const guest = new Agent(kramek.app, '10.42.1.1');
        await guest.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=1' });
        const page = await guest.get('/pokladna');
        assert.match(page.body, /href="\/ucet\/prihlaseni\?next=%2Fpokladna"/);
        assert.match(page.body, /href="\/ucet\/registrace\?next=%2Fpokladna"/);
        assert.doesNotMatch(page.body, /name="street"/);
        const { number: second } = await buyThroughCheckout(kramek, bob);
        const viaApi = await bob.request({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, customer: { ...BUYER.customer, email: 'bob@example.cz' }, items: [{ sku: 'TEA-1', quantity: 1 }] } });
        assert.equal(viaApi.statusCode, 201, viaApi.body);
        const apiOwner = await kramek.core.db.selectFrom('orders').innerJoin('customers', 'customers.id', 'orders.customer_id').select('customers.email').where('orders.number', '=', viaApi.json().number).executeTakeFirstOrThrow();
        assert.equal(apiOwner.email, 'bob@example.cz');
        const anonymousApi = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, items: [{ sku: 'TEA-1', quantity: 1 }] } });
        assert.equal(anonymousApi.statusCode, 403);
        const owner = await kramek.core.db.selectFrom('orders').innerJoin('customers', 'customers.id', 'orders.customer_id').select('customers.email').where('orders.number', '=', second).executeTakeFirstOrThrow();
        assert.equal(owner.email, 'bob@example.cz');
      } finally {
        await kramek.core.services.updateSettings({ patch: { checkout: { guestCheckout: true } }, actor: 'test' });
      }
    });

    test('a guest may create an account with the order and is signed in afterwards', async () => {
      const guest = new Agent(kramek.app, '10.42.2.1');
      const short = await (async () => {
        await guest.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=1' });
        const page = await guest.get('/pokladna');
        assert.match(page.body, /name="createAccount"/);
        const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1] ?? '';
        return guest.post('/pokladna', { _csrf: csrfTokenOf(page.body), idempotencyKey: hidden('idempotencyKey'), expectedTotal: hidden('expectedTotal'), email: 'novak@example.cz', name: 'Karel Novák', street: 'Dlouhá 1', city: 'Praha', zip: '11000', country: 'CZ', shippingMethod: 'ppl', paymentMethod: 'bank-transfer', terms: '1', createAccount: '1', accountPassword: 'kratke' });
      })();
      assert.equal(short.statusCode, 422);
      assert.match(short.body, /Heslo musí mít alespoň 10 znaků/);
      const { number: created } = await buyThroughCheckout(kramek, guest, { email: 'novak@example.cz', name: 'Karel Novák', createAccount: '1', accountPassword: 'karlovo-heslo-1' });
      assert.match((await guest.get('/')).body, />Můj účet</);
      assert.match((await guest.get('/ucet')).body, new RegExp(created));
    });
  });
}
