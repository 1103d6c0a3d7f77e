import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { placeOrder, setUpShop } from './support/orders.js';
import { TestSmtp } from './support/smtp.js';

const STAFF = { email: 'podpora@example.cz', password: 'heslo-podpory-123', name: 'Olga Podpůrná' };

for (const dialect of DIALECTS) {
  describe(`the order timeline and its emails on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let smtp: TestSmtp;
    let staff: Agent;
    let auth: { authorization: string };
    /** What the worker does: sends every due email through the test SMTP server. */
    const deliver = async () => {
      while ((await kramek.core.services.deliverQueuedEmails({ worker: 'test-worker' })).claimed > 0);
    };
    const emailsOf = async (number: string) => (await kramek.core.services.adminOrder(number)).emails;

    before(async () => {
      smtp = await new TestSmtp().start(0);
      kramek = await startKramek(dialect, { env: { PUBLIC_URL: 'https://obchod.example.cz', SMTP_URL: smtp.url } });
      auth = await setUpShop(kramek);
      await kramek.core.services.createAdminUser({ ...STAFF, role: 'staff' });
      staff = new Agent(kramek.app, '10.9.2.3');
      await staff.signIn(STAFF.email, STAFF.password);
    });
    after(async () => {
      await kramek.close();
      await smtp.stop();
    });

    test('every email of the order is on the timeline with its kind, recipient, subject and delivery state; the API lists them all', async () => {
      const { number } = await placeOrder(kramek);
      const queued = await staff.get(`/admin/objednavky/${number}`);
      assert.match(queued.body, /Potvrzení objednávky/);
      assert.match(queued.body, /Upozornění pro obchod/);
      assert.match(queued.body, /mail-state-queued">čeká na odeslání/);
      await deliver();
      const page = await staff.get(`/admin/objednavky/${number}`);
      const emails = await emailsOf(number);
      assert.equal(emails.length, 2);
      for (const e of emails) {
        assert.match(page.body, new RegExp(`id="email-${e.id}"`));
        assert.ok(page.body.includes(e.subject), e.subject);
        assert.ok(page.body.includes(e.to.replace(/"/g, '&quot;')), e.to);
      }
      assert.equal((page.body.match(/mail-state-sent">odesláno/g) ?? []).length, 2);
      assert.match(page.body, /jana@example\.cz/);

      const api = (await kramek.app.inject({ method: 'GET', url: `/api/admin/orders/${number}`, headers: auth })).json();
      assert.equal(api.emails.length, 2);
      for (const e of api.emails) {
        assert.deepEqual(Object.keys(e).filter((k) => ['kind', 'to', 'subject', 'status', 'sentAt'].includes(k)).sort(), ['kind', 'sentAt', 'status', 'subject', 'to']);
        assert.equal(e.status, 'sent');
        assert.ok(!Number.isNaN(Date.parse(e.sentAt)));
        assert.match(e.subject, new RegExp(number));
      }
      assert.deepEqual(api.emails.map((e: { kind: string }) => e.kind).sort(), ['order_accepted', 'owner_new_order']);
      assert.ok(smtp.received.some((r) => r.parsed.subject?.includes(number) && r.envelopeTo.includes('jana@example.cz')));
    });

    test('a failed email shows its last error; "Odeslat znovu" (confirmed, with CSRF) re-queues it, the timeline says so, and it is delivered', async () => {
      const { number } = await placeOrder(kramek);
      await deliver();
      smtp.onData = () => {
        throw Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
      };
      await kramek.core.services.changeOrderStatus({ number, status: 'processing', notifyCustomer: true, actor: 'test' });
      await deliver();
      const failed = (await emailsOf(number)).find((e) => e.kind === 'order_status')!;
      assert.equal(failed.status, 'failed');
      const page = await staff.get(`/admin/objednavky/${number}`);
      assert.match(page.body, /mail-state-failed">selhalo/);
      assert.match(page.body, /Poslední chyba \(pokusů: 1\): [^<]*Mailbox unavailable/);
      const action = `/admin/objednavky/${number}/emaily/${failed.id}/znovu`;
      assert.ok(page.body.includes(`action="${action}"`));

      assert.equal((await staff.post(action, { confirmed: '1' })).statusCode, 403, 'no CSRF token, no resend');
      const confirm = await staff.post(action, { _csrf: csrfTokenOf(page.body) });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /bude znovu odeslán na/);
      assert.equal((await emailsOf(number)).find((e) => e.id === failed.id)!.status, 'failed', 'nothing before the confirmation');

      smtp.onData = null;
      const before = smtp.received.length;
      const resent = await staff.post(action, { _csrf: csrfTokenOf(confirm.body), confirmed: '1' });
      assert.equal(resent.statusCode, 303);
      assert.equal(resent.headers.location, `/admin/objednavky/${number}`);
      assert.equal((await emailsOf(number)).find((e) => e.id === failed.id)!.status, 'queued');
      const after = await staff.get(`/admin/objednavky/${number}`);
      assert.match(after.body, /E-mail znovu zařazen k odeslání/);
      assert.match(after.body, /Olga Podpůrná/);
      await deliver();
      assert.equal(smtp.received.length, before + 1);
      const delivered = smtp.received.at(-1)!;
      assert.match(delivered.parsed.subject ?? '', new RegExp(number));
      assert.deepEqual(delivered.envelopeTo, ['jana@example.cz']);
      const row = (await emailsOf(number)).find((e) => e.id === failed.id)!;
      assert.equal(row.status, 'sent');
      assert.ok(row.sentAt);

      // Another order's email cannot be resent from this order (nor a made-up one); the API resends as well.
      const other = await placeOrder(kramek);
      const foreign = (await emailsOf(other.number))[0]!;
      const token = csrfTokenOf(after.body);
      assert.equal((await staff.post(`/admin/objednavky/${number}/emaily/${foreign.id}/znovu`, { _csrf: token, confirmed: '1' })).statusCode, 404);
      assert.equal((await staff.post(`/admin/objednavky/${number}/emaily/abc/znovu`, { _csrf: token, confirmed: '1' })).statusCode, 404);
      await deliver();
      const viaApi = await kramek.app.inject({ method: 'POST', url: `/api/admin/orders/${number}/emails/${failed.id}/resend`, headers: auth });
      assert.equal(viaApi.statusCode, 202);
      assert.equal(viaApi.json().status, 'queued');
      assert.equal((await kramek.app.inject({ method: 'POST', url: `/api/admin/orders/${other.number}/emails/${failed.id}/resend`, headers: auth })).statusCode, 404);
    });

    test('"Napsat zákazníkovi": a staff user writes, confirms, and the message is logged on the order and delivered', async () => {
      const { number } = await placeOrder(kramek);
      const detailUrl = `/admin/objednavky/${number}`;
      const page = await staff.get(detailUrl);
      assert.match(page.body, /<a class="button" href="#napsat">Napsat zákazníkovi<\/a>/);
      assert.match(page.body, /<section class="panel-box" id="napsat">/);
      const form = { subject: 'Zpoždění dodávky', body: 'Dobrý den,\nzboží odešleme v pondělí.' };
      assert.equal((await staff.post(`${detailUrl}/email`, { ...form, confirmed: '1' })).statusCode, 403);
      const confirm = await staff.post(`${detailUrl}/email`, { _csrf: csrfTokenOf(page.body), ...form });
      assert.match(confirm.body, /Zákazníkovi \(jana@example\.cz\) bude odeslán tento e-mail/);
      assert.equal((await staff.post(`${detailUrl}/email`, { _csrf: csrfTokenOf(confirm.body), ...form, confirmed: '1' })).statusCode, 303);
      const message = (await emailsOf(number)).find((e) => e.kind === 'customer_message')!;
      assert.match(message.subject, new RegExp(`Zpoždění dodávky.*${number}`));
      const before = smtp.received.length;
      await deliver();
      const received = smtp.received.slice(before).find((r) => r.parsed.subject === message.subject);
      assert.ok(received, 'delivered through SMTP');
      assert.deepEqual(received.envelopeTo, ['jana@example.cz']);
      assert.match(received.parsed.text ?? '', /zboží odešleme v pondělí/);
      const after = await staff.get(detailUrl);
      assert.match(after.body, /E-mail zákazníkovi \(jana@example\.cz\): Zpoždění dodávky/);
      assert.match(after.body, /Zpráva zákazníkovi/);
      const { timeline } = await kramek.core.services.adminOrder(number);
      assert.equal(timeline.find((e) => e.kind === 'email')!.actor, STAFF.name);
      assert.equal((await emailsOf(number)).find((e) => e.kind === 'customer_message')!.status, 'sent');
    });

    test('the detail offers the customer profile (registered) or the one-time-purchase data (guest), the PDF (logged) and both XML exports', async () => {
      const guest = await placeOrder(kramek);
      const guestPage = await staff.get(`/admin/objednavky/${guest.number}`);
      assert.match(guestPage.body, /<summary>Údaje jednorázového nákupu<\/summary>/);
      assert.match(guestPage.body, /Jednorázový nákup bez registrace\. Zadané údaje:\nJméno: Jana Nováková/);
      assert.doesNotMatch(guestPage.body, /href="\/admin\/zakaznici\/\d+"/);
      assert.ok(guestPage.body.includes(`href="/admin/objednavky/${guest.number}/export.xml?format=pohoda"`));
      assert.ok(guestPage.body.includes(`href="/admin/objednavky/${guest.number}/export.xml?format=kramek"`));
      assert.ok(guestPage.body.includes(`href="/admin/objednavky/${guest.number}/doklad.pdf"`));

      const registered = await placeOrder(kramek, { customer: { email: 'petr@example.cz', name: 'Petr Registrovaný', phone: null, company: null, ico: null, dic: null }, password: 'heslo-zakaznika-123' });
      const order = (await kramek.core.services.findOrder(registered.number))!;
      assert.ok(order.customerId);
      const registeredPage = await staff.get(`/admin/objednavky/${registered.number}`);
      assert.ok(registeredPage.body.includes(`href="/admin/zakaznici/${order.customerId}">Profil zákazníka</a>`));
      assert.doesNotMatch(registeredPage.body, /Údaje jednorázového nákupu/);

      const pdf = await staff.get(`/admin/objednavky/${guest.number}/doklad.pdf`);
      assert.equal(pdf.statusCode, 200);
      const apiPdf = await kramek.app.inject({ method: 'GET', url: `/api/admin/orders/${guest.number}/document.pdf`, headers: auth });
      assert.equal(apiPdf.statusCode, 200);
      const downloads = (await kramek.core.services.adminOrder(guest.number)).timeline.filter((e) => e.kind === 'document');
      assert.deepEqual(downloads.map((e) => e.actor).sort(), [STAFF.name, 'Sklad (API)'].sort());
      const history = (await kramek.app.inject({ method: 'GET', url: `/api/admin/orders/${guest.number}`, headers: auth })).json().history;
      assert.equal(history.filter((h: { kind: string }) => h.kind === 'document').length, 2);
      assert.match((await staff.get(`/admin/objednavky/${guest.number}`)).body, /Stažení dokladu/);
    });
  });
}
