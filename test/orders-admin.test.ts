import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, OWNER, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { outboxOf, placeOrder, setUpShop } from './support/orders.js';

const STAFF = { email: 'sklad@example.cz', password: 'heslo-skladu-123', name: 'Petr Skladník' };

for (const dialect of DIALECTS) {
  describe(`the Orders panel pages on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let staff: Agent;

    before(async () => {
      kramek = await startKramek(dialect);
      await setUpShop(kramek);
      await kramek.core.services.createAdminUser({ ...STAFF, role: 'staff' });
      staff = new Agent(kramek.app, '10.9.0.3');
      await staff.signIn(STAFF.email, STAFF.password);
    });
    after(() => kramek.close());

    test('an empty shop says what to do next; the owner lands on the Orders panel after sign-in', async () => {
      const page = await staff.get('/admin/objednavky');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Zatím tu nejsou žádné objednávky/);
      const owner = new Agent(kramek.app, '10.9.0.4');
      const signIn = await owner.signIn(OWNER.email, OWNER.password);
      assert.equal(signIn.statusCode, 303);
      assert.equal(signIn.headers.location, '/admin/objednavky');
    });

    test('a staff user works an order through the forms (with a confirmation step) but cannot open Configuration', async () => {
      const { number } = await placeOrder(kramek);
      assert.equal((await staff.get('/admin/konfigurace')).statusCode, 403);
      const list = await staff.get('/admin/objednavky');
      assert.match(list.body, new RegExp(`/admin/objednavky/${number}`));
      assert.match(list.body, /class="nav-badge">\d+</);
      assert.match(list.body, /badge badge-new/);
      assert.match(list.body, /badge badge-outline payment-unpaid/);

      const detailUrl = `/admin/objednavky/${number}`;
      const detail = await staff.get(detailUrl);
      assert.equal(detail.statusCode, 200);
      assert.match(detail.body, /Rekapitulace DPH/);
      assert.match(detail.body, /Variabilní symbol/);
      assert.match(detail.body, /Prosím zabalit jako dárek/);
      assert.match(detail.body, /interní — zákazník nevidí/);

      const token = csrfTokenOf(detail.body);
      const confirm = await staff.post(`${detailUrl}/stav`, { _csrf: token, status: 'shipped', carrier: 'ppl', carrierCustom: '', trackingNumber: 'PPL-777' });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Zákazníkovi bude odeslán e-mail/);
      assert.match(confirm.body, /name="confirmed" value="1"/);
      assert.equal((await kramek.core.services.findOrder(number))!.status, 'new', 'nothing changes before the confirmation');

      const done = await staff.post(`${detailUrl}/stav`, { _csrf: csrfTokenOf(confirm.body), confirmed: '1', status: 'shipped', carrier: 'ppl', carrierCustom: '', trackingNumber: 'PPL-777', notify: '1' });
      assert.equal(done.statusCode, 303);
      const after = await staff.get(detailUrl);
      assert.match(after.body, /Stav objednávky změněn/);
      assert.match(after.body, /PPL-777/);
      assert.match(after.body, /Petr Skladník/);
      assert.ok((await outboxOf(kramek, number)).some((e) => e.kind === 'order_status' && e.text_body.includes('PPL-777')));

      const payConfirm = await staff.post(`${detailUrl}/platba`, { _csrf: csrfTokenOf(after.body), status: 'paid' });
      assert.match(payConfirm.body, /nezaplaceno.*zaplaceno/s);
      assert.equal((await staff.post(`${detailUrl}/platba`, { _csrf: csrfTokenOf(payConfirm.body), status: 'paid', confirmed: '1' })).statusCode, 303);
      assert.equal((await kramek.core.services.findOrder(number))!.paymentStatus, 'paid');

      const refused = await staff.post(`${detailUrl}/stav`, { _csrf: csrfTokenOf(after.body), confirmed: '1', status: 'new' });
      assert.equal(refused.statusCode, 303);
      assert.match((await staff.get(detailUrl)).body, /Tuto změnu stavu nelze provést/);
    });

    test('shipping without a number through the form needs the explicit tick, then flags the order in the list', async () => {
      const { number } = await placeOrder(kramek);
      const detailUrl = `/admin/objednavky/${number}`;
      const page = await staff.get(detailUrl);
      const confirm = await staff.post(`${detailUrl}/stav`, { _csrf: csrfTokenOf(page.body), status: 'shipped', carrier: 'ppl', trackingNumber: '' });
      assert.match(confirm.body, /name="confirmWithoutTracking"/);
      const without = await staff.post(`${detailUrl}/stav`, { _csrf: csrfTokenOf(confirm.body), confirmed: '1', status: 'shipped', carrier: 'ppl', trackingNumber: '' });
      assert.equal(without.statusCode, 422);
      assert.match(without.body, /Zadejte číslo zásilky/);
      const ok = await staff.post(`${detailUrl}/stav`, { _csrf: csrfTokenOf(confirm.body), confirmed: '1', status: 'shipped', carrier: 'ppl', trackingNumber: '', confirmWithoutTracking: '1' });
      assert.equal(ok.statusCode, 303);
      const list = await staff.get(`/admin/objednavky?q=${number}`);
      assert.match(list.body, /Chybí číslo zásilky/);
      const parcel = await staff.post(`${detailUrl}/zasilky`, { _csrf: csrfTokenOf(list.body), carrier: 'ppl', trackingNumber: 'LATE-9' });
      assert.equal(parcel.statusCode, 303);
      assert.doesNotMatch((await staff.get(`/admin/objednavky?q=${number}`)).body, /Chybí číslo zásilky/);
    });

    test('internal notes and a message to the customer; notes never reach the customer (view, emails, PDF)', async () => {
      const created = await placeOrder(kramek);
      const { number } = created;
      const detailUrl = `/admin/objednavky/${number}`;
      const page = await staff.get(detailUrl);
      assert.match(page.body, /Jednorázový nákup bez registrace/, 'the automatic guest-data note is there');
      assert.doesNotMatch((await staff.get(`/admin/objednavky?q=${number}`)).body, /Má interní poznámku/, 'but it is not a note of the staff’s');
      const SECRET = 'TAJNE-zakaznik-je-neplatic';
      assert.equal((await staff.post(`${detailUrl}/poznamky`, { _csrf: csrfTokenOf(page.body), text: SECRET })).statusCode, 303);
      assert.equal((await staff.post(`${detailUrl}/poznamky`, { _csrf: csrfTokenOf(page.body), text: '  ' })).statusCode, 422);
      const withNote = await staff.get(detailUrl);
      assert.match(withNote.body, new RegExp(SECRET));
      assert.match((await staff.get(`/admin/objednavky?q=${number}`)).body, /Má interní poznámku/);

      const confirm = await staff.post(`${detailUrl}/email`, { _csrf: csrfTokenOf(withNote.body), subject: 'Dotaz k objednávce', body: 'Dobrý den, zboží dorazí zítra.' });
      assert.match(confirm.body, /Zákazníkovi bude odeslán e-mail/);
      assert.equal((await staff.post(`${detailUrl}/email`, { _csrf: csrfTokenOf(confirm.body), confirmed: '1', subject: 'Dotaz k objednávce', body: 'Dobrý den, zboží dorazí zítra.' })).statusCode, 303);
      await kramek.core.services.changeOrderStatus({ number, status: 'processing', notifyCustomer: true, actor: 'test' });
      const emails = await outboxOf(kramek, number);
      const message = emails.find((e) => e.kind === 'customer_message');
      assert.ok(message);
      assert.equal(message.to_address, 'jana@example.cz');
      assert.match(message.subject, new RegExp(number));
      assert.ok(emails.length >= 3);
      for (const e of emails) assert.ok(!`${e.subject}${e.text_body}${e.html_body}`.includes(SECRET) && !e.text_body.includes('Jednorázový nákup'), e.kind);
      assert.match((await staff.get(detailUrl)).body, /Dotaz k objednávce/);

      const { customerOrderView } = await import('../src/http/api/order-view.js');
      const order = (await kramek.core.services.findOrder(number))!;
      const view = JSON.stringify(customerOrderView(order, kramek.config.publicUrl));
      assert.ok(!view.includes(SECRET) && !view.includes('Jednorázový'));
      assert.ok(!JSON.stringify(created).includes('Jednorázový'));

      const { pdfPages } = await import('./support/pdf.js');
      const url = new URL(created.documentUrl);
      const customerPdf = await kramek.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
      assert.equal(customerPdf.statusCode, 200);
      const adminPdf = await staff.get(`${detailUrl}/doklad.pdf`);
      assert.equal(adminPdf.headers['content-type'], 'application/pdf');
      for (const pdf of [customerPdf.rawPayload, adminPdf.rawPayload]) {
        const text = pdfPages(pdf).join('\n');
        assert.match(text, new RegExp(number));
        assert.ok(!text.includes(SECRET) && !text.includes('Jednorázový'));
      }
    });

    test('every order form refuses a post without a CSRF token; unknown numbers are 404', async () => {
      const { number } = await placeOrder(kramek);
      for (const action of ['stav', 'platba', 'poznamky', 'zasilky', 'email']) {
        const response = await staff.post(`/admin/objednavky/${number}/${action}`, { status: 'cancelled', confirmed: '1', text: 'x', subject: 'x', body: 'x' });
        assert.equal(response.statusCode, 403, action);
      }
      assert.equal((await kramek.core.services.findOrder(number))!.status, 'new');
      for (const url of ['/admin/objednavky/9999999999', '/admin/objednavky/abc', '/admin/objednavky/9999999999/doklad.pdf']) assert.equal((await staff.get(url)).statusCode, 404, url);
      const token = csrfTokenOf((await staff.get('/admin/objednavky')).body);
      assert.equal((await staff.post('/admin/objednavky/9999999999/poznamky', { _csrf: token, text: 'x' })).statusCode, 404);
    });
  });
}
